/**
 * Grading: each kata's tests run in their own child process (see
 * `run-tests.ts`) with the kata's timeout, so that learner code that throws
 * at import, loops forever or kills its process fails that kata only.
 */
import { stripVTControlCharacters } from "node:util";
import { summarize } from "../runner/kata-results.ts";
import type { Kata } from "../core/katas.ts";
import { checkManifest, kataTestsSha256, type ManifestCheck } from "./manifest.ts";
import { pointsOf } from "./points.ts";
import type { Impl } from "../core/paths.ts";
import { runTests } from "../runner/run-tests.ts";
import type { TestRecord } from "../runner/test-records.ts";

export interface KataGrade {
  id: string;
  title: string;
  passed: boolean;
  testsPassed: number;
  testsTotal: number;
  /** `maxPoints` when every test passes, 0 otherwise. */
  points: number;
  maxPoints: number;
  /** Wall-clock time of the kata's run, start-up included. */
  durationMs: number;
  firstFailure?: { test: string; message: string };
  /** See `kataTestsSha256`. */
  testsSha256: string;
  /** One record per test, for the JUnit report. */
  records: TestRecord[];
}

export interface GradeReport {
  impl: Impl;
  score: number;
  maxScore: number;
  katasPassed: number;
  katasTotal: number;
  tests: ManifestCheck;
  katas: KataGrade[];
}

export async function gradeKata(kata: Kata, impl: Impl, root: string): Promise<KataGrade> {
  const started = performance.now();
  const run = await runTests({ files: kata.tests, impl, timeoutMs: kata.timeoutMs, cwd: root });
  const result = summarize(kata, run, root);
  const maxPoints = pointsOf(kata, root);
  return {
    id: kata.id,
    title: kata.title,
    passed: result.passed,
    testsPassed: result.testsPassed,
    testsTotal: result.testsTotal,
    points: result.passed ? maxPoints : 0,
    maxPoints,
    durationMs: performance.now() - started,
    firstFailure: result.firstFailure && {
      test: result.firstFailure.test,
      message: stripVTControlCharacters(result.firstFailure.message),
    },
    testsSha256: kataTestsSha256(kata, root),
    records: run.tests.map((test) => ({ ...test, error: test.error && stripVTControlCharacters(test.error) })),
  };
}

/** Grade `katas` one after the other; `onGraded` hears of each as it finishes. */
export async function gradeKatas(
  katas: readonly Kata[],
  impl: Impl,
  root: string,
  onGraded: (grade: KataGrade) => void = () => {},
): Promise<GradeReport> {
  const tests = checkManifest(root);
  const grades: KataGrade[] = [];
  for (const kata of katas) {
    const grade = await gradeKata(kata, impl, root);
    onGraded(grade);
    grades.push(grade);
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    impl,
    score: sum(grades.map((g) => g.points)),
    maxScore: sum(grades.map((g) => g.maxPoints)),
    katasPassed: grades.filter((g) => g.passed).length,
    katasTotal: grades.length,
    tests,
    katas: grades,
  };
}
