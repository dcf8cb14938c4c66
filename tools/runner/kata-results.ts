/**
 * Turns the raw test records of one kata into a verdict and a short, friendly
 * explanation of its first failure: the learner sees one message, not a wall
 * of output.
 */
import { relative } from "node:path";
import type { TestRecord } from "./test-records.ts";
import type { Kata } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import type { RunResult } from "./run-tests.ts";

export interface KataResult {
  kata: Kata;
  passed: boolean;
  testsPassed: number;
  testsTotal: number;
  durationMs: number;
  /** The first failing test, as "suite › test", and why it failed. */
  firstFailure?: { test: string; message: string };
}

/** The records of a kata's own test files, from a run that may have covered several katas. */
export function recordsOf(kata: Kata, run: RunResult): TestRecord[] {
  const files = new Set(kata.tests);
  return run.tests.filter((test) => files.has(test.file));
}

export function summarize(kata: Kata, run: RunResult, root: string = repoRoot): KataResult {
  const tests = recordsOf(kata, run);
  const failed = tests.filter((test) => !test.passed);
  const result: KataResult = {
    kata,
    passed: tests.length > 0 && failed.length === 0 && !run.killed,
    testsPassed: tests.length - failed.length,
    testsTotal: tests.length,
    durationMs: tests.reduce((sum, test) => sum + test.durationMs, 0),
  };
  if (failed.length > 0) {
    const first = failed[0];
    const isFileFailure = first.path.length === 1 && first.path[0] === first.file;
    result.firstFailure = {
      test: isFileFailure ? relative(root, first.file) : first.path.join(" › "),
      message: explain(first, run.stderr.get(first.file), kata),
    };
  } else if (tests.length === 0) {
    result.firstFailure = {
      test: kata.id,
      message: run.killed
        ? `The tests were stopped after running too long: look for a loop that never ends.`
        : `No test of this kata ran. Is a test file empty, or did it crash before registering its tests?`,
    };
  }
  return result;
}

function explain(test: TestRecord, stderr: string | undefined, kata: Kata): string {
  const message = test.error ?? "failed";
  const notes: string[] = [];
  if (/timed out after/.test(message)) {
    notes.push(
      `This test file ran longer than ${kata.timeoutMs / 1000} s and was stopped. ` +
        `Look for a loop that never ends: a while-condition that never changes, or an index that never advances.`,
    );
  }
  const stub = /Not implemented: (\S+) \(kata ([\w-]+)/.exec(message + (stderr ?? ""));
  if (stub) notes.push(`You have not written \`${stub[1]}\` yet: it still throws the stub's error (kata ${stub[2]}).`);
  if (/\bNaN\b/.test(message)) {
    notes.push(
      "A value is NaN: look for 0/0, Infinity − Infinity, or reading past the end of an array (undefined → NaN).",
    );
  }
  const detail = message === "test failed" && stderr ? firstLines(stderr, 12) : firstLines(message, 20);
  return [detail, ...notes].join("\n\n");
}

function firstLines(text: string, count: number): string {
  const lines = text.trimEnd().split("\n");
  return lines.length <= count ? lines.join("\n") : [...lines.slice(0, count), "…"].join("\n");
}
