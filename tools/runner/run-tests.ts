/**
 * Runs test files in a child `node --test` process and collects one record per
 * test. The child is what makes learner code safe to run: an infinite loop
 * hits node:test's timeout (the whole file is then reported as failed), and a
 * crash takes down only the child. A hard kill is the last resort.
 *
 * `impl` chooses what `#nn/*` resolves to: `--conditions=solutions` selects the
 * reference solutions, no condition selects the learner's `src/`.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ReporterRecord, TestRecord } from "./test-records.ts";
import type { Impl } from "../core/paths.ts";

const reporter = new URL("./events-reporter.mjs", import.meta.url).pathname;

export interface RunOptions {
  files: readonly string[];
  impl: Impl;
  /** node:test's per-file and per-test timeout. */
  timeoutMs: number;
  /** Working directory of the child (a tree other than this checkout, for the integrity check). */
  cwd?: string;
  /** Also print node's spec output to this process's stdout. */
  spec?: boolean;
  /** Also write a JUnit XML report here. */
  junit?: string;
  /** Extra environment for the child (for example FC_SEED). */
  env?: Record<string, string>;
}

export interface RunResult {
  tests: TestRecord[];
  /** What each test file printed to stderr, by file. */
  stderr: Map<string, string>;
  /** The child was killed because it outlived every timeout. */
  killed: boolean;
}

export function runTests(options: RunOptions): Promise<RunResult> {
  const scratch = mkdtempSync(join(tmpdir(), "nn-katas-"));
  const eventsFile = join(scratch, "events.jsonl");
  const args = [
    "--import",
    "tsx",
    ...(options.impl === "solutions" ? ["--conditions=solutions"] : []),
    "--test",
    `--test-timeout=${options.timeoutMs}`,
    `--test-reporter=${reporter}`,
    `--test-reporter-destination=${eventsFile}`,
    ...(options.spec ? ["--test-reporter=spec", "--test-reporter-destination=stdout"] : []),
    ...(options.junit ? ["--test-reporter=junit", `--test-reporter-destination=${options.junit}`] : []),
    ...options.files,
  ];
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, FORCE_COLOR: process.stdout.isTTY ? "1" : "0" };
  // Inherited from a test that runs a program that runs tests (the tools' own tests), this variable
  // would make the child speak node:test's parent protocol on stdout instead of running its files.
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env,
    stdio: ["ignore", options.spec ? "inherit" : "ignore", options.spec ? "inherit" : "ignore"],
  });
  // node:test kills a file that outlives its timeout; this guards against the runner itself hanging.
  let killed = false;
  const hardLimit = setTimeout(() => {
    killed = true;
    child.kill("SIGKILL");
  }, options.timeoutMs * options.files.length + 15_000);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", () => {
      clearTimeout(hardLimit);
      let text = "";
      try {
        text = readFileSync(eventsFile, "utf8");
      } catch {
        // No events file: the child died before reporting anything.
      }
      rmSync(scratch, { recursive: true, force: true });
      const tests: TestRecord[] = [];
      const stderr = new Map<string, string>();
      for (const line of text.split("\n")) {
        if (!line) continue;
        const record = JSON.parse(line) as ReporterRecord;
        if (record.kind === "test") tests.push(record);
        else stderr.set(record.file, (stderr.get(record.file) ?? "") + record.message);
      }
      resolve({ tests, stderr, killed });
    });
  });
}
