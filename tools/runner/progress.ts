/** What a test run prints as each file finishes: a line per file, and each failing test with its message. */
import { relative } from "node:path";
import { green, indent, red } from "../core/style.ts";
import { type FileRun, fileLine, testName } from "./run-tests.ts";

/** A listener for `runTests`' `onFile` that prints each file, relative to `root`, and its failures. */
export function printFiles(root: string): (run: FileRun) => void {
  const name = (path: string) => relative(root, path);
  return (run) => {
    const line = fileLine(run, name(run.file));
    const failures = run.tests.filter((test) => !test.passed);
    console.log(failures.length === 0 ? green(line) : red(line));
    for (const test of failures) console.log(`${red(`  ✖ ${testName(test, name)}`)}\n${indent(test.error ?? "failed", "      ")}`);
  };
}
