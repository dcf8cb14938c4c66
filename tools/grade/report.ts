/**
 * The grader's reports: the score table on the terminal, `grade.json` for
 * programs, and a Markdown summary for people (GitHub shows it on the run's
 * page when it is appended to $GITHUB_STEP_SUMMARY).
 */
import { secondsValue } from "../core/format.ts";
import { markdownCell as cell, escapeHtml, fenced, markdownTable } from "../core/markup.ts";
import { bold, green, red, yellow } from "../core/style.ts";
import { type ManifestCheck, testsUnchanged } from "./manifest.ts";
import type { GradeReport, KataGrade } from "./run.ts";

const firstLine = (text: string) => text.split("\n")[0];

/** What a grade taken inside a learner's own repository is worth. */
export const SELF_GRADE_NOTE =
  "Graded inside this repository, by its own tests and tools: feedback for the learner, not a grade. A grade that counts is taken from the instructor's own checkout: npm run grade -- --submission DIR.";

const source = (report: GradeReport) =>
  report.source === "self" ? "this repository's src/" : "the submission's src/, from the instructor's checkout";

/** One line saying whether the kata tests are the upstream ones. */
export function testsVerdict(check: ManifestCheck): string {
  if (check.sha256 === null) return `${check.manifest} is missing: the kata tests cannot be checked`;
  if (testsUnchanged(check)) return `the kata tests match ${check.manifest}`;
  const parts = [
    check.changed.length > 0 && `changed ${check.changed.join(", ")}`,
    check.added.length > 0 && `added ${check.added.join(", ")}`,
    check.missing.length > 0 && `missing ${check.missing.join(", ")}`,
  ].filter(Boolean);
  return `the kata tests differ from ${check.manifest}: ${parts.join("; ")}`;
}

/** A table row per kata, then the score, for the terminal. */
export function scoreTable(report: GradeReport): string {
  const row = (grade: KataGrade) => {
    const mark = grade.passed ? green("✔") : red("✖");
    const tests = `${grade.testsPassed}/${grade.testsTotal}`.padStart(7);
    const points = `${grade.points}/${grade.maxPoints}`.padStart(7);
    const failure = grade.firstFailure ? `  ${firstLine(grade.firstFailure.test)}` : "";
    return `${mark} ${grade.id.padEnd(22)} ${tests} ${points}${failure}`;
  };
  const verdict = testsVerdict(report.tests);
  return [
    bold(`  ${"kata".padEnd(22)} ${"tests".padStart(7)} ${"points".padStart(7)}`),
    ...report.katas.map(row),
    "",
    bold(`Score: ${report.score}/${report.maxScore} points · ${report.katasPassed} of ${report.katasTotal} katas pass (${source(report)})`),
    testsUnchanged(report.tests) ? verdict : yellow(`⚠ ${verdict}`),
    ...(report.source === "self" ? [yellow(`⚠ ${SELF_GRADE_NOTE}`)] : []),
  ].join("\n");
}

/** `grade.json`: the report without the per-test records (those go to junit.xml). */
export function gradeJson(report: GradeReport): string {
  const katas = report.katas.map((grade) => ({
    id: grade.id,
    title: grade.title,
    passed: grade.passed,
    tests: { passed: grade.testsPassed, total: grade.testsTotal },
    points: grade.points,
    maxPoints: grade.maxPoints,
    durationSeconds: secondsValue(grade.durationMs),
    firstFailure: grade.firstFailure ?? null,
    refusals: grade.refusals,
    testsSha256: grade.testsSha256,
  }));
  const { source, score, maxScore, katasPassed, katasTotal, tests } = report;
  const note = source === "self" ? SELF_GRADE_NOTE : undefined;
  return `${JSON.stringify({ source, note, score, maxScore, katasPassed, katasTotal, tests, katas }, null, 2)}\n`;
}

export function markdownSummary(report: GradeReport): string {
  const rows = report.katas.map((grade) => [
    `${grade.passed ? "✅" : "❌"} ${grade.id}`,
    cell(grade.title),
    `${grade.testsPassed}/${grade.testsTotal}`,
    `${grade.points}/${grade.maxPoints}`,
    grade.firstFailure ? cell(grade.firstFailure.test) : "",
  ]);
  const failures = report.katas.flatMap(({ id, firstFailure: failure }) =>
    failure ? [`<details><summary>${escapeHtml(`${id}: ${failure.test}`)}</summary>\n\n${fenced(failure.message)}\n\n</details>`] : [],
  );
  const verdict = testsVerdict(report.tests);
  return [
    `## Kata grades: ${report.score}/${report.maxScore} points`,
    "",
    `${report.katasPassed} of ${report.katasTotal} katas pass, graded on ${source(report)}. ` +
      (testsUnchanged(report.tests) ? `✔️ ${cell(verdict)}.` : `**⚠️ ${cell(verdict)}.**`),
    "",
    ...(report.source === "self" ? [`> **⚠️ ${SELF_GRADE_NOTE}**`, ""] : []),
    markdownTable(["Kata", "Title", "Tests", "Points", "First failing test"], rows, ["left", "left", "right", "right", "left"]),
    ...(failures.length > 0 ? ["", "### First failures", "", ...failures] : []),
    "",
  ].join("\n");
}
