/**
 * `npm run grade`: grade every kata (or the ones named) against `src/`, or
 * against the reference with `--impl solutions`, for instructors and CI.
 * Prints a score table and writes grade.json, junit.xml and summary.md to
 * `--out` (default `reports/`); appends the summary to $GITHUB_STEP_SUMMARY
 * when set. Exits 0, because the report is the verdict, unless --min-score
 * is given; exits 1 without grading when --verify-tests finds changed tests.
 */
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCommand, UsageError } from "../core/cli.ts";
import { secondsFromMs } from "../core/format.ts";
import { parseImpl } from "../core/impl.ts";
import { chooseKatas, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { dim, green, red } from "../core/style.ts";
import { junitXml } from "./junit.ts";
import { checkManifest, testsUnchanged } from "./manifest.ts";
import { GRADE_COMMAND, minimumPoints, parseMinScore } from "./options.ts";
import { gradeJson, markdownSummary, scoreTable, testsVerdict } from "./report.ts";
import { gradeKatas } from "./run.ts";

runCommand(GRADE_COMMAND, async ({ values, positionals }) => {
  const impl = parseImpl(values.impl);
  if (values.out.trim() === "") throw new UsageError("--out must name a folder");
  const katas = chooseKatas(listKatas(), positionals);
  const minScore = values["min-score"] === undefined ? undefined : parseMinScore(values["min-score"]);
  const minimum =
    minScore &&
    minimumPoints(
      minScore,
      katas.reduce((sum, kata) => sum + kata.points, 0),
    );
  if (values["verify-tests"]) {
    const check = checkManifest(repoRoot);
    if (!testsUnchanged(check)) {
      throw new Error(
        `not grading: ${testsVerdict(check)}.\nRestore the course's kata tests (for example: git checkout <upstream commit> -- katas), then grade again.`,
      );
    }
  }

  console.log(dim(`Grading ${katas.length} kata(s) against ${impl}/, each test file in its own process…`));
  const report = await gradeKatas(katas, impl, repoRoot, (grade) =>
    console.log(dim(`  ${grade.passed ? green("✔") : red("✖")} ${grade.id} (${secondsFromMs(grade.durationMs)})`)),
  );
  console.log(`\n${scoreTable(report)}`);

  mkdirSync(values.out, { recursive: true });
  const summary = markdownSummary(report);
  writeFileSync(join(values.out, "grade.json"), gradeJson(report));
  writeFileSync(join(values.out, "junit.xml"), junitXml(report, repoRoot));
  writeFileSync(join(values.out, "summary.md"), summary);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, summary);
  console.log(dim(`Wrote ${["grade.json", "junit.xml", "summary.md"].map((name) => join(values.out, name)).join(", ")}.`));

  if (minimum !== undefined && report.score < minimum) {
    console.log(red(`The score ${report.score} is below --min-score (${minimum} points).`));
    return 1;
  }
  return 0;
});
