/**
 * Grading a class: every folder of a roster folder is one learner's
 * repository. Each is graded on its own, one after another, so that one
 * learner's broken code never stops the others; the gradebook has a row per
 * learner, a column per kata, and the total.
 */
import { readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Kata } from "../core/katas.ts";
import { csvRow } from "../core/markup.ts";
import { takeSubmission } from "./intake.ts";
import { writeReports } from "./reports.ts";
import { type GradeReport, gradeKatas } from "./run.ts";

export interface RosterRow {
  learner: string;
  report?: GradeReport;
  /** Why the learner could not be graded at all. */
  error?: string;
}

/** The learners of a roster folder: its folders, in name order, hidden ones left out. */
export function learners(roster: string): string[] {
  return readdirSync(roster)
    .filter((name) => !name.startsWith(".") && statSync(join(roster, name)).isDirectory())
    .sort();
}

/**
 * Grade the learner's files of the repository at `dir` (`katas` to grade,
 * out of `all`), removing the grading tree afterwards. `source` says whose
 * checkout grades them: the instructor's ("submission"), or the learner's
 * own ("self").
 */
export async function gradeSubmission(
  dir: string,
  katas: readonly Kata[],
  all: readonly Kata[],
  source: GradeReport["source"] = "submission",
  onGraded?: Parameters<typeof gradeKatas>[3],
): Promise<GradeReport> {
  const intake = takeSubmission(dir, all);
  try {
    return await gradeKatas(katas, intake, source, onGraded);
  } finally {
    rmSync(intake.root, { recursive: true, force: true });
  }
}

/** Grade every learner of `roster` into `out`: their reports in out/<learner>/, and out/gradebook.csv. */
export async function gradeRoster(
  roster: string,
  katas: readonly Kata[],
  all: readonly Kata[],
  out: string,
  root: string,
  onLearner: (row: RosterRow) => void,
): Promise<RosterRow[]> {
  const rows: RosterRow[] = [];
  for (const learner of learners(roster)) {
    let row: RosterRow;
    try {
      const report = await gradeSubmission(join(roster, learner), katas, all);
      writeReports(join(out, learner), report, root);
      row = { learner, report };
    } catch (error) {
      row = { learner, error: (error as Error).message };
    }
    rows.push(row);
    onLearner(row);
  }
  writeFileSync(join(out, "gradebook.csv"), gradebook(rows, katas));
  return rows;
}

/** The gradebook: a row per learner, a column per kata (its points), the total and the maximum; a learner who could not be graded has an error. */
export function gradebook(rows: readonly RosterRow[], katas: readonly Kata[]): string {
  const header = csvRow(["learner", ...katas.map((kata) => kata.id), "total", "max", "error"]);
  const max = katas.reduce((sum, kata) => sum + kata.points, 0);
  const lines = rows.map(({ learner, report, error }) =>
    csvRow([
      learner,
      ...katas.map((kata) => report?.katas.find((k) => k.id === kata.id)?.points ?? 0),
      report?.score ?? 0,
      max,
      error ?? "",
    ]),
  );
  return `${[header, ...lines].join("\n")}\n`;
}

/** The gradebook for the terminal: a row per learner with each kata's points (· for none) and the total, or why they were not graded. */
export function rosterTable(rows: readonly RosterRow[], katas: readonly Kata[]): string {
  const width = Math.max(7, ...rows.map((row) => row.learner.length));
  const max = katas.reduce((sum, kata) => sum + kata.points, 0);
  const header = `${"learner".padEnd(width)}  ${katas.map((kata) => kata.id.slice(0, 2).padStart(3)).join("")}  total`;
  const lines = rows.map(({ learner, report, error }) => {
    if (!report) return `${learner.padEnd(width)}  not graded: ${error}`;
    const cells = katas.map((kata) => {
      const points = report.katas.find((k) => k.id === kata.id)?.points ?? 0;
      return (points === 0 ? "·" : String(points)).padStart(3);
    });
    return `${learner.padEnd(width)}  ${cells.join("")}  ${String(report.score).padStart(5)}/${max}`;
  });
  return [header, ...lines].join("\n");
}
