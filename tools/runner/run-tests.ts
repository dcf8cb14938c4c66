/**
 * Runs test files and collects one record per test. Each file runs in a
 * process of its own (node:test, without `--test`: one process, not a
 * runner and a child), in a process group of its own, a few at a time. The
 * course, not node:test, enforces each file's time limit: when it runs out
 * the whole group is killed and the test that was running is named, on
 * every version of Node. A file that crashes, ends its process early, or
 * never reports the end of its tests fails as a whole, saying which.
 *
 * `impl` chooses what `#nn/*` resolves to: the reference `solutions/` or the learner's `src/`.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { secondsFromMs } from "../core/format.ts";
import type { Impl } from "../core/impl.ts";
import { inParallel } from "../core/parallel.ts";
import { scratchDir } from "../core/paths.ts";
import { runCourse } from "../core/processes.ts";
import type { ReporterRecord, TestRecord } from "./test-records.ts";

const REPORTER = new URL("./events-reporter.mjs", import.meta.url).pathname;
const RUNNING_TEST = new URL("./running-test.mjs", import.meta.url).pathname;

/** A test file, how long it may run, and where (default: `RunOptions.cwd`). */
export interface TestFile {
  path: string;
  timeoutMs: number;
  cwd?: string;
}

export interface RunOptions {
  files: readonly TestFile[];
  impl: Impl;
  /** Working directory of the test processes (a scratch tree, for the integrity check and the tools' tests). */
  cwd?: string;
  /** More environment for the test processes (FC_SEED, say). */
  env?: Record<string, string>;
  /** Test files run at once; default: one per core. */
  concurrency?: number;
  /** Hears of each file as it finishes. */
  onFile?: (run: FileRun) => void;
}

/** How one file's process ended, when that is a problem. */
export type FileProblem =
  | { kind: "timeout"; timeoutMs: number }
  | { kind: "ended"; code: number | null; signal: string | null }
  | { kind: "empty" };

export interface FileRun {
  file: string;
  /** Its records, including one failing record for a problem with the file as a whole. */
  tests: TestRecord[];
  problem?: FileProblem;
  /** What the process wrote to stderr (the first 64 KiB). */
  stderr: string;
  durationMs: number;
}

export interface RunResult {
  files: FileRun[];
  /** Every file's records, in the order of the files. */
  tests: TestRecord[];
}

const STDERR_LIMIT = 64 * 1024;

/** The message of a file's problem, for the failing record that stands for it. */
function problemMessage(problem: FileProblem, stderr: string, testsRan: boolean): string {
  if (problem.kind === "timeout") return `timed out: this test file ran longer than ${problem.timeoutMs / 1000} s and was stopped`;
  if (problem.kind === "empty") return "this test file reported no tests: it is empty, or registers none";
  const when = testsRan ? "before its tests had finished" : "before its tests could run";
  const output = stderr.trim();
  if (problem.signal) return `the test process was killed by ${problem.signal} ${when}${output ? `:\n${output}` : ""}`;
  if (output) return `the test process ended with exit code ${problem.code} ${when}:\n${output}`;
  return `the test process ended early (exit code ${problem.code}) ${when}: the code it tests ended the process early (process.exit?)`;
}

async function runFile(file: TestFile, options: RunOptions, scratch: string, index: number): Promise<FileRun> {
  const events = join(scratch, `${index}.jsonl`);
  const finished = await runCourse({
    script: file.path,
    impl: options.impl,
    cwd: file.cwd ?? options.cwd,
    nodeFlags: [`--test-reporter=${REPORTER}`, "--test-force-exit", "--import", RUNNING_TEST],
    env: {
      ...options.env,
      NN_TEST_EVENTS: events,
      NODE_TEST_CONTEXT: undefined,
      FORCE_COLOR: process.stdout.isTTY ? "1" : "0",
    },
    timeoutMs: file.timeoutMs,
    outputLimit: STDERR_LIMIT,
  });
  const records = existsSync(events)
    ? readFileSync(events, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as ReporterRecord)
    : [];
  const tests: TestRecord[] = records.flatMap((record) => (record.kind === "test" ? [{ ...record, file: file.path }] : []));
  const ended = records.some((record) => record.kind === "end");
  // The test that was running last and never reported: the one a timeout or an early exit interrupted.
  const lastRunning = records.findLast((record) => record.kind === "running");
  const interrupted = lastRunning && !tests.some((test) => test.path.join(" > ") === lastRunning.name);

  let problem: FileProblem | undefined;
  if (finished.timedOut) problem = { kind: "timeout", timeoutMs: file.timeoutMs };
  else if (!ended) problem = { kind: "ended", code: finished.code, signal: finished.signal };
  else if (tests.length === 0) problem = { kind: "empty" };
  if (problem) {
    tests.push({
      kind: "test",
      file: file.path,
      path: interrupted ? lastRunning.name.split(" > ") : [file.path],
      passed: false,
      durationMs: finished.durationMs,
      error: problemMessage(problem, finished.stderr, tests.length > 0),
    });
  }
  return { file: file.path, tests, problem, stderr: finished.stderr, durationMs: finished.durationMs };
}

export async function runTests(options: RunOptions): Promise<RunResult> {
  const scratch = scratchDir("tests");
  try {
    const files = await inParallel(options.files, options.concurrency ?? availableParallelism(), async (file) => {
      const run = await runFile(file, options, scratch, options.files.indexOf(file));
      options.onFile?.(run);
      return run;
    });
    return { files, tests: files.flatMap((run) => run.tests) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A test's name for people: "suite › test", or the file when the record stands for the whole file. */
export function testName(test: TestRecord, relativeTo: (path: string) => string): string {
  return test.path.length === 1 && test.path[0] === test.file ? relativeTo(test.file) : test.path.join(" › ");
}

/** One line for a finished file: its mark, its name, how many tests passed, how long it took. */
export function fileLine(run: FileRun, name: string): string {
  const failed = run.tests.filter((test) => !test.passed).length;
  return `${failed === 0 ? "✔" : "✖"} ${name} (${run.tests.length - failed}/${run.tests.length} tests, ${secondsFromMs(run.durationMs)})`;
}
