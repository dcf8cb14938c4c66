/**
 * `npm run test:katas`: every kata's tests against the reference solutions
 * (or `--impl src`), with a line per test file and a verdict per kata. Fails
 * when a test fails, when no test ran, or when a kata's tests are not inside
 * one top-level `describe` named by its id.
 */
import { runCommand } from "../core/cli.ts";
import { implFlag, parseImpl } from "../core/impl.ts";
import { chooseKatas, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { bold, green, red } from "../core/style.ts";
import { strayTests, summarize } from "../runner/kata-results.ts";
import { printFiles } from "../runner/progress.ts";
import { runTests } from "../runner/run-tests.ts";

const COMMAND = {
  name: "test:katas",
  usage: "npm run test:katas -- [kata ...] [options]",
  summary: "Run every kata's tests (or the katas named) against the reference solutions, or against src/ with --impl src.",
  flags: { impl: implFlag() },
  positionals: { name: "<kata ...>", help: "the katas to run, by number or id (default: all)" },
} as const;

runCommand(COMMAND, async ({ values, positionals }) => {
  const impl = parseImpl(values.impl);
  const katas = chooseKatas(listKatas(), positionals);
  console.log(bold(`Kata tests against ${impl}/ (${katas.length} katas)\n`));
  const run = await runTests({
    files: katas.flatMap((kata) => kata.tests.map((path) => ({ path, timeoutMs: kata.timeoutMs }))),
    impl,
    onFile: printFiles(repoRoot),
  });

  let ok = true;
  console.log(bold("\nVerdict per kata"));
  for (const kata of katas) {
    const result = summarize(kata, run);
    const strays = strayTests(kata, run);
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
  // A record that stands for a whole file is a file that failed or reported nothing, not a test that ran.
  if (run.tests.every((test) => test.path.length === 1 && test.path[0] === test.file)) {
    console.log(red("\nNo test ran: that is a failure, not a pass."));
    return 1;
  }
  console.log(`\n${run.tests.length} tests, ${run.tests.filter((t) => !t.passed).length} failed`);
  return ok ? 0 : 1;
});
