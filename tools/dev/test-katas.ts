/**
 * `npm run test:katas`: every kata's tests against the reference solutions
 * (or `--impl src`), with node's spec output, an optional JUnit report, and a
 * one-line verdict per kata. Fails when any test fails, when no test ran, or
 * when a kata's tests are not inside one top-level `describe` named by its id.
 */
import { parseFlags, runMain, UsageError } from "../core/cli.ts";
import { recordsOf, summarize } from "../runner/kata-results.ts";
import { findKata, listKatas } from "../core/katas.ts";
import type { Impl } from "../core/paths.ts";
import { runTests } from "../runner/run-tests.ts";
import { bold, green, red } from "../core/style.ts";

const HELP = `npm run test:katas -- [--impl solutions|src] [--junit FILE] [kata ...]`;

async function main(): Promise<number> {
  const { values, positionals } = parseFlags({
    options: { impl: { type: "string", default: "solutions" }, junit: { type: "string" }, help: { type: "boolean" } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.impl !== "solutions" && values.impl !== "src") {
    throw new UsageError(`--impl must be "solutions" or "src", got "${values.impl}"`);
  }
  const impl: Impl = values.impl;
  const all = listKatas();
  const katas = positionals.length === 0 ? all : positionals.map((name) => {
    const kata = findKata(all, name);
    if (!kata) throw new UsageError(`no kata "${name}"`);
    return kata;
  });

  console.log(bold(`Kata tests against ${impl}/ (${katas.length} katas)\n`));
  const run = await runTests({
    files: katas.flatMap((kata) => kata.tests),
    impl,
    timeoutMs: Math.max(...katas.map((kata) => kata.timeoutMs)),
    spec: true,
    junit: values.junit,
  });

  let ok = true;
  console.log(bold("\nVerdict per kata"));
  for (const kata of katas) {
    const result = summarize(kata, run);
    const strays = recordsOf(kata, run).filter((test) => test.path[0] !== kata.id && test.path[0] !== test.file);
    const line = `${kata.id.padEnd(22)} ${result.testsPassed}/${result.testsTotal} tests`;
    if (strays.length > 0) {
      ok = false;
      console.log(`${red("✖")} ${line}: ${strays.length} test(s) are not inside describe("${kata.id}", …)`);
    } else if (!result.passed) {
      ok = false;
      console.log(`${red("✖")} ${line}: ${result.firstFailure?.test}`);
    } else {
      console.log(`${green("✔")} ${line}`);
    }
  }
  const total = run.tests.length;
  // A file-level record stands for a file that failed or reported nothing, not for a test that ran.
  if (run.tests.every((test) => test.path.length === 1 && test.path[0] === test.file)) {
    console.log(red("\nNo test ran: that is a failure, not a pass."));
    return 1;
  }
  console.log(`\n${total} tests, ${run.tests.filter((t) => !t.passed).length} failed`);
  return ok ? 0 : 1;
}

runMain("test:katas", main);
