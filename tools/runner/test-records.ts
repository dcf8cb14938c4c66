/** The JSON lines written by `events-reporter.mjs`, and the test records the runner makes of them. */

/** A test that finished, or a file that failed as a whole (its `path` is then the file, or the test it was running). */
export interface TestRecord {
  kind: "test";
  /** The test file, an absolute path. */
  file: string;
  /** Names from the top-level describe down to the test itself; `[file]` for a problem with the whole file. */
  path: string[];
  passed: boolean;
  durationMs: number;
  error?: string;
  /** Where in the learner's `src/` the failure was thrown ("src/matrix.ts:42"), when it was. */
  where?: string;
}

/**
 * A line of the events file: a test that started running (its full name,
 * "suite > test"), a finished test, the end of the file's tests, or, in the
 * sandbox, a test's signed verdict.
 */
export type ReporterRecord =
  | { kind: "running"; name: string }
  | { kind: "verdict"; name: string; passed: boolean; mac: string }
  | { kind: "end" }
  | (Omit<TestRecord, "file"> & { kind: "test" });
