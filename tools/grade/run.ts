/**
 * Grading: the learner's files, taken into a grading tree (`intake.ts`), run
 * against the instructor's tests, every test file in the sandbox
 * (`runner/sandbox.ts`), with its kata's timeout, a few at a time. A kata
 * scores all its points when every test it registers on the reference
 * passes, on signed verdicts, its files were taken as written, and the
 * grading files were the instructor's before and after it ran; none
 * otherwise. Learner code that throws at import, loops for ever, runs out
 * of memory or ends its process fails that kata only.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { stripVTControlCharacters } from "node:util";
import type { Kata } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { kataIn } from "../core/scratch-tree.ts";
import { summarize } from "../runner/kata-results.ts";
import { type FileRun, runTests } from "../runner/run-tests.ts";
import type { TestRecord } from "../runner/test-records.ts";
import type { Intake, Refusal } from "./intake.ts";
import { checkManifest, gradedFiles, kataTestsSha256, type ManifestCheck } from "./manifest.ts";
import { expectedNames } from "./registered.ts";

export interface KataGrade {
  id: string;
  title: string;
  passed: boolean;
  testsPassed: number;
  testsTotal: number;
  /** `maxPoints` when every test passes, 0 otherwise. */
  points: number;
  maxPoints: number;
  /** The time its test files took, start-up included, added up. */
  durationMs: number;
  firstFailure?: { test: string; message: string };
  /** Why the kata's own files were not graded as written. */
  refusals: string[];
  /** See `kataTestsSha256`. */
  testsSha256: string;
  /** One record per test, for the JUnit report. */
  records: TestRecord[];
}

export interface GradeReport {
  /** What was graded: a learner's repository from the instructor's checkout, or this checkout's own src/ (which proves nothing). */
  source: "submission" | "self";
  score: number;
  maxScore: number;
  katasPassed: number;
  katasTotal: number;
  tests: ManifestCheck;
  katas: KataGrade[];
}

/** The longest failure message a report keeps: a test can print without end; a report cannot. */
export const MAX_MESSAGE_CHARS = 2000;

/** A message for the report: its paths relative to the grading tree at `root`, no terminal codes, at most MAX_MESSAGE_CHARS. */
function clip(text: string, root: string): string {
  const plain = stripVTControlCharacters(text).replaceAll(`file://${root}/`, "").replaceAll(`${root}/`, "");
  return plain.length > MAX_MESSAGE_CHARS
    ? `${plain.slice(0, MAX_MESSAGE_CHARS)}… (${plain.length - MAX_MESSAGE_CHARS} more characters)`
    : plain;
}

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** The files that decide a grade (tests, kata.json, test support, the runner), relative to the root. */
function gradingFiles(): string[] {
  const runner = ["events-reporter.mjs", "running-test.mjs", "sandbox-preload.mjs", "canary.ts", "canary-name.ts"].map(
    (name) => `tools/runner/${name}`,
  );
  return [...gradedFiles(repoRoot), ...runner, "package.json"];
}

/** The grading files of `root` that differ from the instructor's. */
function changedGradingFiles(root: string): string[] {
  return gradingFiles().filter((path) => {
    try {
      return sha256(join(root, path)) !== sha256(join(repoRoot, path));
    } catch {
      return true;
    }
  });
}

/**
 * Grade `katas` (this checkout's) on the learner's files in `intake`, in
 * parallel; `onGraded` hears of each kata as soon as all its files are done.
 */
export async function gradeKatas(
  katas: readonly Kata[],
  intake: Intake,
  source: GradeReport["source"],
  onGraded: (grade: KataGrade) => void = () => {},
): Promise<GradeReport> {
  const { root } = intake;
  const inTree = katas.map((kata) => kataIn(root, kata));
  const expected = new Map(
    [...expectedNames(repoRoot, katas)].map(([file, names]) => [join(root, relative(repoRoot, file)), names] as const),
  );
  const changedBefore = changedGradingFiles(root);
  const runs = new Map<string, FileRun>();
  const grades = new Map<string, KataGrade>();
  const grade = (kata: Kata): KataGrade => {
    const files = kata.tests.map((path) => runs.get(path) as FileRun);
    const result = summarize(kata, { files, tests: files.flatMap((run) => run.tests) }, root);
    const refusals = intake.refusals
      .filter((refusal: Refusal) => kata.files.some((file) => refusal.file === `src/${file}`))
      .map((r) => r.message);
    const changed = [...new Set([...changedBefore, ...changedGradingFiles(root)])];
    const problem =
      changed.length > 0
        ? { test: kata.id, message: `the grading files changed, so this kata cannot be graded: ${changed.join(", ")}` }
        : refusals.length > 0
          ? { test: kata.id, message: refusals.join("\n") }
          : undefined;
    const passed = result.passed && problem === undefined;
    const failure = problem ?? result.firstFailure;
    return {
      id: kata.id,
      title: kata.title,
      passed,
      testsPassed: result.testsPassed,
      testsTotal: result.testsTotal,
      points: passed ? kata.points : 0,
      maxPoints: kata.points,
      durationMs: result.durationMs,
      firstFailure: failure && { test: failure.test, message: clip(failure.message, root) },
      refusals,
      testsSha256: kataTestsSha256(kata, root),
      records: files.flatMap((run) => run.tests).map((test) => ({ ...test, error: test.error && clip(test.error, root) })),
    };
  };
  await runTests({
    files: inTree.flatMap((kata) => kata.tests.map((path) => ({ path, timeoutMs: kata.timeoutMs }))),
    impl: "src",
    cwd: root,
    sandbox: { root, expected },
    onFile: (run) => {
      runs.set(run.file, run);
      for (const kata of inTree) {
        if (grades.has(kata.id) || !kata.tests.every((path) => runs.has(path))) continue;
        const graded = grade(kata);
        grades.set(kata.id, graded);
        onGraded(graded);
      }
    },
  });
  const ordered = inTree.map((kata) => grades.get(kata.id) as KataGrade);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    source,
    score: sum(ordered.map((g) => g.points)),
    maxScore: sum(ordered.map((g) => g.maxPoints)),
    katasPassed: ordered.filter((g) => g.passed).length,
    katasTotal: ordered.length,
    tests: checkManifest(root),
    katas: ordered,
  };
}
