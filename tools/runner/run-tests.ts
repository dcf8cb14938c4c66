/**
 * Runs test files and collects one record per test. Each file runs in a
 * process of its own (node:test, without `--test`: one process, not a
 * runner and a child), in a process group of its own, a few at a time. The
 * course, not node:test, enforces each file's time limit: when it runs out
 * the whole group is killed and the test that was running is named, on
 * every version of Node. A file that crashes, ends its process early, runs
 * out of memory, or never reports the end of its tests fails as a whole,
 * saying which.
 *
 * `impl` chooses what `#nn/*` resolves to: the reference `solutions/` or
 * the learner's `src/`, through tsx. With `sandbox`, for grading code that
 * may be hostile, each file runs bundled, in the sandbox of `sandbox.ts`,
 * and a test counts as passed only on a signed verdict.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { count, secondsFromMs } from "../core/format.ts";
import type { Impl } from "../core/impl.ts";
import { inParallel } from "../core/parallel.ts";
import { repoRoot, scratchDir } from "../core/paths.ts";
import { type Finished, runCourse } from "../core/processes.ts";
import { type Bundle, bundleTests, CANARY_SUITE, HEAP_LIMIT_MB, MEMORY_LIMIT_MB, newKey, sandboxFlags, signed } from "./sandbox.ts";
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
  /**
   * Bundle each file first with what it imports (esbuild, into
   * `<cwd>/.cache/bundles/`), and run plain JavaScript: a test process then
   * starts in a fraction of the time tsx takes, which the learner's loop
   * and the catalogue of mistakes need. Records still name the test files.
   */
  bundle?: boolean;
  /** Working directory of the test processes (a scratch tree, for the integrity check and the tools' tests). */
  cwd?: string;
  /** More environment for the test processes (FC_SEED, say). */
  env?: Record<string, string>;
  /** Test files run at once; default: one per core. */
  concurrency?: number;
  /** Hears of each file as it finishes. */
  onFile?: (run: FileRun) => void;
  /**
   * Grade in the sandbox: `root` is the grading tree the files are in;
   * `expected`, by file, the full names ("suite > test") of the tests each
   * file registers on the reference, every one of which must pass.
   */
  sandbox?: { root: string; expected?: ReadonlyMap<string, readonly string[]>; heapLimitMB?: number };
}

/** How one file's process ended, when that is a problem. */
export type FileProblem =
  | { kind: "timeout"; timeoutMs: number }
  | { kind: "memory"; limitMB: number }
  | { kind: "ended"; code: number | null; signal: string | null }
  | { kind: "empty" }
  | { kind: "untrusted"; reason: string };

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
/** More events than this from one file is not a test run but a flood. */
const EVENTS_LIMIT = 16 * 1024 * 1024;

/** What a process wrote to stderr, without Node's frame around an uncaught error (where Node rethrew it, its version) and Node's own stack frames. */
function withoutNodeFrame(stderr: string): string {
  return stderr
    .replace(/^node:internal\/[^\n]*\n\s*throw err;\n\s*\^\n\n/, "")
    .replace(/\n\s+at [^\n]*\(?node:internal\/[^\n]*/g, "")
    .replace(/\n+Node\.js v\d+\.\d+\.\d+\s*$/, "")
    .trim();
}

/** The message of a file's problem, for the failing record that stands for it. */
function problemMessage(problem: FileProblem, stderr: string, testsRan: boolean): string {
  if (problem.kind === "timeout") return `timed out: this test file ran longer than ${problem.timeoutMs / 1000} s and was stopped`;
  if (problem.kind === "memory") {
    return `out of memory: this test file used more than ${count(problem.limitMB)} MB and was stopped. Look for an array or a matrix that grows without end.`;
  }
  if (problem.kind === "empty") return "this test file reported no tests: it is empty, or registers none";
  if (problem.kind === "untrusted")
    return `the results of this test file cannot be trusted, so none of its tests counts as passed: ${problem.reason}`;
  const when = testsRan ? "before its tests had finished" : "before its tests could run";
  if (problem.code === 13)
    return `the test process ended ${when}: the code it tests waits, as it loads, for something that never comes (an await at the top of a file that never settles)`;
  const output = withoutNodeFrame(stderr);
  if (problem.signal) return `the test process was killed by ${problem.signal} ${when}${output ? `:\n${output}` : ""}`;
  // Node exits with 1 on an error nothing caught, and with 7 when node:test rethrows one from loading.
  if (output && (problem.code === 1 || problem.code === 7))
    return `an error that nothing caught ended the test process ${when}:\n${output}`;
  if (output) return `the test process ended with exit code ${problem.code} ${when}:\n${output}`;
  return `the test process ended early (exit code ${problem.code}) ${when}: the code it tests ended the process early (process.exit?)`;
}

/** The lines of an events file, at most EVENTS_LIMIT bytes of them; `undefined` for a file over the limit. */
function readEvents(path: string): ReporterRecord[] | undefined {
  if (!existsSync(path)) return [];
  if (statSync(path).size > EVENTS_LIMIT) return undefined;
  const buffer = Buffer.alloc(statSync(path).size);
  const fd = openSync(path, "r");
  try {
    readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  return buffer
    .toString("utf8")
    .split("\n")
    .filter(Boolean)
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as ReporterRecord];
      } catch {
        return [{ kind: "garbled" } as unknown as ReporterRecord];
      }
    });
}

/** The sandbox's verdicts on a file's records: only signed verdicts pass a test; every canary must fail; every expected test must run. */
function judge(
  tests: TestRecord[],
  records: ReporterRecord[],
  key: string,
  expected: readonly string[] | undefined,
): { tests: TestRecord[]; problem?: FileProblem } {
  const verdicts = new Map<string, boolean>();
  for (const record of records) {
    if (record.kind === "verdict") {
      if (!signed(key, record))
        return { tests, problem: { kind: "untrusted", reason: "a verdict in its events is not signed by the grader" } };
      verdicts.set(record.name, record.passed);
    } else if ((record as { kind: string }).kind === "garbled") {
      return { tests, problem: { kind: "untrusted", reason: "its events hold a line that is not JSON" } };
    }
  }
  const canaries = [...verdicts].filter(([name]) => name.startsWith(`${CANARY_SUITE} > `));
  if (canaries.some(([, passed]) => passed)) {
    return {
      tests,
      problem: { kind: "untrusted", reason: "a test that must fail passed, so assertions or the test runner were changed while it ran" },
    };
  }
  const own = tests
    .filter((test) => test.path[0] !== CANARY_SUITE)
    .map((test) => {
      const passed = test.passed && verdicts.get(test.path.join(" > ")) === true;
      return passed || !test.passed ? { ...test, passed } : { ...test, passed, error: "this test has no signed verdict from the grader" };
    });
  const ran = new Set(own.map((test) => test.path.join(" > ")));
  const missing = (expected ?? []).filter((name) => !ran.has(name));
  for (const name of missing.slice(0, 1)) {
    own.push({
      kind: "test",
      file: tests[0]?.file ?? "",
      path: name.split(" > "),
      passed: false,
      durationMs: 0,
      error: `this test did not run (${missing.length} of the kata's tests did not)`,
    });
  }
  if (canaries.length === 0 && own.length > 0) {
    return { tests: own, problem: { kind: "untrusted", reason: "the canary tests that must fail did not run" } };
  }
  return { tests: own };
}

async function runFile(
  file: TestFile,
  options: RunOptions,
  scratch: string,
  index: number,
  bundles: Map<string, Bundle>,
): Promise<FileRun> {
  const bundle = bundles.get(file.path);
  if (bundle && "error" in bundle) {
    const test: TestRecord = { kind: "test", file: file.path, path: [file.path], passed: false, durationMs: 0, error: bundle.error };
    return { file: file.path, tests: [test], problem: { kind: "ended", code: null, signal: null }, stderr: "", durationMs: 0 };
  }
  const folder = join(scratch, String(index));
  mkdirSync(folder);
  const events = join(folder, "events.jsonl");
  const key = newKey();
  const sandbox = options.sandbox;
  const common = { NN_TEST_EVENTS: events, NODE_TEST_CONTEXT: undefined, FORCE_COLOR: process.stdout.isTTY ? "1" : "0" };
  const finished: Finished = await runCourse(
    sandbox
      ? {
          script: bundle && "path" in bundle ? bundle.path : file.path,
          impl: "bundled",
          cwd: file.cwd ?? options.cwd ?? sandbox.root,
          nodeFlags: sandboxFlags(sandbox.root, folder, sandbox.heapLimitMB ?? HEAP_LIMIT_MB),
          // No compile cache shared with other processes (core/compile-cache.ts): the sandbox may not write one.
          env: { ...options.env, ...common, NODE_COMPILE_CACHE: undefined, NN_VERDICT_KEY: key },
          timeoutMs: file.timeoutMs,
          outputLimit: STDERR_LIMIT,
          memoryLimitMB: MEMORY_LIMIT_MB,
        }
      : {
          script: bundle && "path" in bundle ? bundle.path : file.path,
          impl: bundle ? "bundled" : options.impl,
          cwd: file.cwd ?? options.cwd,
          nodeFlags: [
            `--test-reporter=${REPORTER}`,
            "--test-force-exit",
            "--import",
            RUNNING_TEST,
            ...(bundle ? ["--enable-source-maps"] : []),
          ],
          env: { ...options.env, ...common },
          timeoutMs: file.timeoutMs,
          outputLimit: STDERR_LIMIT,
        },
  );
  const records = readEvents(events);
  let tests: TestRecord[] = (records ?? []).flatMap((record) => (record.kind === "test" ? [{ ...record, file: file.path }] : []));
  const ended = (records ?? []).some((record) => record.kind === "end");
  // The test that was running last and never reported: the one a timeout or an early exit interrupted.
  const lastRunning = (records ?? []).findLast((record) => record.kind === "running");
  const interrupted = lastRunning && !tests.some((test) => test.path.join(" > ") === lastRunning.name);

  let problem: FileProblem | undefined;
  const outOfHeap = /heap out of memory|Reached heap limit/.test(finished.stderr);
  if (records === undefined)
    problem = { kind: "untrusted", reason: `it wrote more than ${count(EVENTS_LIMIT / 1024 / 1024)} MB of events` };
  else if (finished.memoryExceeded || outOfHeap)
    problem = { kind: "memory", limitMB: outOfHeap ? (sandbox?.heapLimitMB ?? HEAP_LIMIT_MB) : MEMORY_LIMIT_MB };
  else if (finished.timedOut) problem = { kind: "timeout", timeoutMs: file.timeoutMs };
  else if (!ended || finished.code === 13) problem = { kind: "ended", code: finished.code, signal: finished.signal };
  else if (tests.length === 0) problem = { kind: "empty" };
  else if (sandbox) ({ tests, problem } = judge(tests, records, key, sandbox.expected?.get(file.path)));
  if (problem?.kind === "untrusted") tests = tests.map((test) => ({ ...test, passed: false }));
  if (problem) {
    tests.push({
      kind: "test",
      file: file.path,
      path: interrupted && problem.kind !== "untrusted" ? lastRunning.name.split(" > ") : [file.path],
      passed: false,
      durationMs: finished.durationMs,
      error: problemMessage(problem, finished.stderr, tests.length > 0),
    });
  }
  return { file: file.path, tests, problem, stderr: finished.stderr, durationMs: finished.durationMs };
}

/** Each file bundled in the tree it runs in, without the canary: the code is the learner's own, run for their feedback, or ours. */
async function bundleFiles(files: readonly TestFile[], cwd: string | undefined, impl: Impl): Promise<Map<string, Bundle>> {
  const bundles = new Map<string, Bundle>();
  for (const root of new Set(files.map((file) => file.cwd ?? cwd ?? repoRoot))) {
    const inRoot = files.filter((file) => (file.cwd ?? cwd ?? repoRoot) === root).map((file) => file.path);
    for (const [path, bundle] of await bundleTests(root, inRoot, { impl, canary: false, folder: join(".cache", "bundles") }))
      bundles.set(path, bundle);
  }
  return bundles;
}

export async function runTests(options: RunOptions): Promise<RunResult> {
  const scratch = scratchDir("tests");
  try {
    const paths = options.files.map((file) => file.path);
    const bundles = options.sandbox
      ? await bundleTests(options.sandbox.root, paths)
      : options.bundle
        ? await bundleFiles(options.files, options.cwd, options.impl)
        : new Map<string, Bundle>();
    const files = await inParallel(options.files, options.concurrency ?? availableParallelism(), async (file) => {
      const run = await runFile(file, options, scratch, options.files.indexOf(file), bundles);
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
