/**
 * `npm run grade`: grade the katas. With `--submission DIR`, a learner's
 * repository, from this checkout (the instructor's): only the learner's
 * src/ files are taken, and they run in a sandbox. With `--roster DIR`,
 * every learner of a class, into a gradebook. Without either, this
 * repository's own src/: feedback for the learner, which proves nothing.
 * Prints a score table and writes grade.json, junit.xml and summary.md;
 * appends the summary to $GITHUB_STEP_SUMMARY when set. Exits 0, because
 * the report is the verdict, unless --min-score is given.
 */
import { appendFileSync, existsSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { runCommand, UsageError } from "../core/cli.ts";
import { secondsFromMs } from "../core/format.ts";
import { chooseKatas, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { bold, dim, green, red } from "../core/style.ts";
import { classroom50Result } from "./classroom50.ts";
import { checkManifest, testsUnchanged } from "./manifest.ts";
import { GRADE_COMMAND, minimumPoints, parseMinScore } from "./options.ts";
import { scoreTable, testsVerdict } from "./report.ts";
import { REPORT_FILES, writeReports } from "./reports.ts";
import { gradeRoster, gradeSubmission, rosterTable } from "./roster.ts";
import type { GradeReport, KataGrade } from "./run.ts";

const progress = (grade: KataGrade) =>
  console.log(dim(`  ${grade.passed ? green("✔") : red("✖")} ${grade.id} (${secondsFromMs(grade.durationMs)})`));

/** A folder the user named: it must exist and be a folder. */
function folder(flag: string, path: string): string {
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new UsageError(`${flag} ${path}: no such folder`);
  return path;
}

runCommand(GRADE_COMMAND, async ({ values, positionals }) => {
  const { submission, roster, out, classroom50 } = values;
  if (submission !== undefined && roster !== undefined) throw new UsageError("give --submission or --roster, not both");
  if (classroom50 !== undefined && roster !== undefined)
    throw new UsageError("--classroom50 grades one submission: use it with --submission");
  if (out.trim() === "") throw new UsageError("--out must name a folder");
  const all = listKatas();
  const katas = chooseKatas(all, positionals);
  const minScore = values["min-score"] === undefined ? undefined : parseMinScore(values["min-score"]);
  const minimum =
    minScore &&
    minimumPoints(
      minScore,
      katas.reduce((sum, kata) => sum + kata.points, 0),
    );

  if (roster !== undefined) {
    console.log(dim(`Grading every learner in ${folder("--roster", roster)}, one after another…`));
    const rows = await gradeRoster(roster, katas, all, out, repoRoot, (row) =>
      console.log(
        row.report
          ? `${row.report.score === row.report.maxScore ? green("✔") : red("✖")} ${row.learner}: ${row.report.score}/${row.report.maxScore} points`
          : `${red("✖")} ${row.learner}: not graded: ${row.error}`,
      ),
    );
    console.log(`\n${rosterTable(rows, katas)}`);
    console.log(bold(`\n${rows.length} learner(s) graded. Wrote ${join(out, "gradebook.csv")} and a folder of reports per learner.`));
    return 0;
  }

  if (values["verify-tests"]) {
    const check = checkManifest(repoRoot);
    if (!testsUnchanged(check)) {
      throw new Error(
        `not grading: ${testsVerdict(check)}.\nRestore the course's kata tests (for example: git checkout <upstream commit> -- katas), then grade again.`,
      );
    }
  }
  let report: GradeReport;
  if (submission !== undefined) {
    console.log(
      dim(
        `Grading ${katas.length} kata(s) of ${folder("--submission", submission)} from this checkout, each test file in its own sandbox…`,
      ),
    );
    report = await gradeSubmission(submission, katas, all, "submission", progress);
  } else {
    console.log(dim(`Grading ${katas.length} kata(s) of this repository's src/, each test file in its own sandbox…`));
    report = await gradeSubmission(repoRoot, katas, all, "self", progress);
  }
  console.log(`\n${scoreTable(report)}`);
  const summary = writeReports(out, report, repoRoot);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, summary);
  console.log(dim(`Wrote ${REPORT_FILES.map((name) => join(out, name)).join(", ")}.`));
  if (classroom50 !== undefined) {
    writeFileSync(classroom50, `${JSON.stringify(classroom50Result(report, process.env), null, 2)}\n`);
    writeFileSync(join(dirname(classroom50), "release-body.md"), summary);
    console.log(dim(`Wrote ${classroom50} and release-body.md beside it, for Classroom 50.`));
  }

  if (minimum !== undefined && report.score < minimum) {
    console.log(red(`The score ${report.score} is below --min-score (${minimum} points).`));
    return 1;
  }
  return 0;
});
