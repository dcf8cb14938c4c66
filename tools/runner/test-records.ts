/** The JSON lines written by `events-reporter.mjs`. */

export interface TestRecord {
  kind: "test";
  file: string;
  /** Names from the top-level describe down to the test itself. */
  path: string[];
  passed: boolean;
  durationMs: number;
  error?: string;
}

export interface StderrRecord {
  kind: "stderr";
  file: string;
  message: string;
}

export type ReporterRecord = TestRecord | StderrRecord;
