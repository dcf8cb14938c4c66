/**
 * `katas/registered-tests.json`: the full name ("suite > test") of every
 * test each kata test file registers on the reference solutions. A graded
 * run must report every one of them as passed, so that a test file that
 * registers fewer tests than it should (a suite that throws, a run that is
 * cut short) cannot pass. `npm run manifest` writes it; the integrity check
 * fails when it no longer matches the tests.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Kata } from "../core/katas.ts";
import type { RunResult } from "../runner/run-tests.ts";

export const REGISTERED = "katas/registered-tests.json";

/** Kata id → test file name → the full names of its tests. */
export type Registered = Record<string, Record<string, string[]>>;

/** The names a run reported, for `katas`, in the file's form. */
export function registeredFrom(katas: readonly Kata[], run: RunResult): Registered {
  return Object.fromEntries(
    katas.map((kata) => [
      kata.id,
      Object.fromEntries(
        kata.tests.map((file) => [
          basename(file),
          run.tests
            .filter((test) => test.file === file && test.path[0] !== file)
            .map((test) => test.path.join(" > "))
            .sort(),
        ]),
      ),
    ]),
  );
}

export const registeredJson = (registered: Registered) => `${JSON.stringify(registered, null, 2)}\n`;

/** The committed names under `root`, by absolute test file path, for `katas`; a file that lists none is an error that says what to run. */
export function expectedNames(root: string, katas: readonly Kata[]): Map<string, string[]> {
  const path = join(root, REGISTERED);
  if (!existsSync(path)) throw new Error(`${REGISTERED} is missing: run npm run manifest, and commit it`);
  const registered = JSON.parse(readFileSync(path, "utf8")) as Registered;
  const expected = new Map<string, string[]>();
  for (const kata of katas) {
    for (const file of kata.tests) {
      const names = registered[kata.id]?.[basename(file)];
      if (!names)
        throw new Error(`${REGISTERED} lists no tests for katas/${kata.id}/${basename(file)}: run npm run manifest, and commit it`);
      expected.set(file, names);
    }
  }
  return expected;
}
