/**
 * Grading: every test file of every kata runs in its own process, with its
 * kata's timeout, a few at a time (see `runner/run-tests.ts`), so that
 * learner code that throws at import, loops for ever or ends its process
 * fails that kata only. A kata scores all its points when every one of its
 * tests passes, and none otherwise.
 */
import { stripVTControlCharacters } from "node:util";
import type { Impl } from "../core/impl.ts";
import type { Kata } from "../core/katas.ts";
import { summarize } from "../runner/kata-results.ts";
import { type FileRun, runTests } from "../runner/run-tests.ts";
import type { TestRecord } from "../runner/test-records.ts";
import { checkManifest, kataTestsSha256, type ManifestCheck } from "./manifest.ts";

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

/** Grade `katas` under `root`, in parallel; `onGraded` hears of each kata as soon as all its files are done. */
export async function gradeKatas(
  katas: readonly Kata[],
  impl: Impl,
  root: string,
  onGraded: (grade: KataGrade) => void = () => {},
): Promise<GradeReport> {
  const tests = checkManifest(root);
  const runs = new Map<string, FileRun>();
  const grades = new Map<string, KataGrade>();
  const grade = (kata: Kata): KataGrade => {
    const files = kata.tests.map((path) => runs.get(path) as FileRun);
    const result = summarize(kata, { files, tests: files.flatMap((run) => run.tests) }, root);
    return {
      id: kata.id,
      title: kata.title,
      passed: result.passed,
      testsPassed: result.testsPassed,
      testsTotal: result.testsTotal,
      points: result.passed ? kata.points : 0,
      maxPoints: kata.points,
      durationMs: result.durationMs,
      firstFailure: result.firstFailure && {
        test: result.firstFailure.test,
        message: stripVTControlCharacters(result.firstFailure.message),
      },
      testsSha256: kataTestsSha256(kata, root),
      records: files.flatMap((run) => run.tests).map((test) => ({ ...test, error: test.error && stripVTControlCharacters(test.error) })),
    };
  };
  await runTests({
    files: katas.flatMap((kata) => kata.tests.map((path) => ({ path, timeoutMs: kata.timeoutMs }))),
    impl,
    cwd: root,
    onFile: (run) => {
      runs.set(run.file, run);
      for (const kata of katas) {
        if (grades.has(kata.id) || !kata.tests.every((path) => runs.has(path))) continue;
        const graded = grade(kata);
        grades.set(kata.id, graded);
        onGraded(graded);
      }
    },
  });
  const ordered = katas.map((kata) => grades.get(kata.id) as KataGrade);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    impl,
    score: sum(ordered.map((g) => g.points)),
    maxScore: sum(ordered.map((g) => g.maxPoints)),
    katasPassed: ordered.filter((g) => g.passed).length,
    katasTotal: ordered.length,
    tests,
    katas: ordered,
  };
}
