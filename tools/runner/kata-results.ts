/**
 * Turns the raw test records of one kata into a verdict and a short, friendly
 * explanation of its first failure: the learner sees one message, not a wall
 * of output.
 */
import { relative } from "node:path";
import type { Kata } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { parseStub } from "../core/stub-message.ts";
import { type RunResult, testName } from "./run-tests.ts";
import type { TestRecord } from "./test-records.ts";

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

/** The names of a kata's tests that are not inside `describe("<kata id>", …)`, as every kata's tests must be. */
export function strayTests(kata: Kata, run: RunResult): string[] {
  return recordsOf(kata, run)
    .filter((test) => test.path[0] !== kata.id && test.path[0] !== test.file)
    .map((test) => test.path.join(" › "));
}

/** Every failing test of the kata, in order, each as "suite › test" and why it failed. */
export function failuresOf(kata: Kata, run: RunResult, root: string = repoRoot): { test: string; message: string }[] {
  return recordsOf(kata, run)
    .filter((test) => !test.passed)
    .map((test) => ({ test: testName(test, (path) => relative(root, path)), message: explain(test) }));
}

export function summarize(kata: Kata, run: RunResult, root: string = repoRoot): KataResult {
  const tests = recordsOf(kata, run);
  const failed = tests.filter((test) => !test.passed);
  const result: KataResult = {
    kata,
    passed: tests.length > 0 && failed.length === 0,
    testsPassed: tests.length - failed.length,
    testsTotal: tests.length,
    durationMs: run.files.filter((file) => kata.tests.includes(file.file)).reduce((sum, file) => sum + file.durationMs, 0),
  };
  if (failed.length > 0) {
    result.firstFailure = failuresOf(kata, run, root)[0];
  } else if (tests.length === 0) {
    result.firstFailure = { test: kata.id, message: "No test of this kata ran." };
  }
  return result;
}

/** The failure's message, with a note on what it usually means. */
function explain(test: TestRecord): string {
  const message = test.error ?? "failed";
  const notes: string[] = [];
  if (/^timed out: /.test(message)) {
    notes.push(
      "Look for a loop that never ends (a while-condition that never changes, an index that never advances), or a promise that never settles.",
    );
  }
  const stub = parseStub(message);
  if (stub) notes.push(`You have not written \`${stub.name}\` yet: it still throws the stub's error (kata ${stub.kataId}).`);
  else if (test.where) notes.push(`Thrown at ${test.where}: the first line of your code in the error's stack.`);
  if (/\bNaN\b/.test(message)) {
    notes.push("A value is NaN: look for 0/0, Infinity − Infinity, or reading past the end of an array (undefined → NaN).");
  }
  return [firstLines(message, 20), ...notes].join("\n\n");
}

function firstLines(text: string, count: number): string {
  const lines = text.trimEnd().split("\n");
  return lines.length <= count ? lines.join("\n") : [...lines.slice(0, count), "…"].join("\n");
}
