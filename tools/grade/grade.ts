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
import { runMain, UsageError } from "../core/cli.ts";
import { checkManifest, testsUnchanged } from "./manifest.ts";
import { junitXml } from "./junit.ts";
import { GRADE_HELP, minimumPoints, parseGradeOptions } from "./options.ts";
import { pointsOf } from "./points.ts";
import { gradeJson, markdownSummary, scoreTable, testsVerdict } from "./report.ts";
import { gradeKatas } from "./run.ts";
import { findKata, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { dim, green, red } from "../core/style.ts";

async function main(): Promise<number> {
  const options = parseGradeOptions(process.argv.slice(2));
  if (options.help) {
    console.log(GRADE_HELP);
    return 0;
  }
  const all = listKatas();
  const katas = options.katas.length === 0 ? all : options.katas.map((name) => {
    const kata = findKata(all, name);
    if (!kata) throw new UsageError(`no kata "${name}"; the katas are ${all.map((k) => k.id).join(", ")}`);
    return kata;
  });
  const minimum = options.minScore && minimumPoints(options.minScore, katas.reduce((sum, kata) => sum + pointsOf(kata), 0));
  if (options.verifyTests) {
    const check = checkManifest(repoRoot);
    if (!testsUnchanged(check)) {
      throw new Error(`not grading: ${testsVerdict(check)}.\nRestore the course's kata tests (for example: git checkout <upstream commit> -- katas), then grade again.`);
    }
  }

  console.log(dim(`Grading ${katas.length} kata(s) against ${options.impl}/, each in its own process…`));
  const report = await gradeKatas(katas, options.impl, repoRoot, (grade) =>
    console.log(dim(`  ${grade.passed ? green("✔") : red("✖")} ${grade.id} (${(grade.durationMs / 1000).toFixed(1)} s)`)),
  );
  console.log(`\n${scoreTable(report)}`);

  mkdirSync(options.out, { recursive: true });
  const summary = markdownSummary(report);
  writeFileSync(join(options.out, "grade.json"), gradeJson(report));
  writeFileSync(join(options.out, "junit.xml"), junitXml(report, repoRoot));
  writeFileSync(join(options.out, "summary.md"), summary);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, summary);
  console.log(dim(`Wrote ${["grade.json", "junit.xml", "summary.md"].map((name) => join(options.out, name)).join(", ")}.`));

  if (minimum !== undefined && report.score < minimum) {
    console.log(red(`The score ${report.score} is below --min-score (${minimum} points).`));
    return 1;
  }
  return 0;
}

runMain("grade", main);
