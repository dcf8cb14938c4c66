/**
 * `npm run test:mistakes`: the lessons' "Mistakes these tests catch" tables,
 * checked. Every row has a mistake file (see `core/mistakes.ts`) and every
 * file a row; then each mistake is made in a scratch copy of the reference
 * solutions, and the kata's tests must fail on it, by a test that ran (not
 * by a file that no longer loads). Each test process stops at its first
 * failure, and the kata's files run one after another until one fails.
 */
import { readFileSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative } from "node:path";
import { runCommand } from "../core/cli.ts";
import { secondsFromMs } from "../core/format.ts";
import { chooseKatas, type Kata, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { kataIn, scratchTree } from "../core/scratch-tree.ts";
import { bold, green, red } from "../core/style.ts";
import { runTests, testName } from "../runner/run-tests.ts";
import type { TestRecord } from "../runner/test-records.ts";
import { catalogueProblems, lessonMistakes, type Mistake, makeMistake, mistakesFolder, readMistakes } from "./catalogue.ts";

const COMMAND = {
  name: "test:mistakes",
  usage: "npm run test:mistakes -- [kata ...] [options]",
  summary:
    "Check the catalogue of mistakes: each row of a lesson's mistakes table has a mistake file, and each mistake, made in a copy of the reference solution, fails the kata's tests.",
  flags: { each: { type: "boolean", help: "print every mistake and the test that caught it, not only a line per kata" } },
  positionals: { name: "<kata ...>", help: "the katas to check, by number or id (default: all)" },
} as const;

interface Outcome {
  mistake: Mistake;
  /** The first failing test, when one failed; the problem otherwise. */
  caughtBy?: string;
  problem?: string;
  durationMs: number;
}

/** Whether a record stands for a test that ran and failed, not for a file that failed as a whole before any test. */
const ranAndFailed = (test: TestRecord) => !test.passed && !(test.path.length === 1 && test.path[0] === test.file);

/** Makes the mistake in the tree at `root` and runs the kata's test files there, one after another, until one fails. */
async function tryMistake(root: string, kata: Kata, mistake: Mistake): Promise<Outcome> {
  const started = performance.now();
  let undo: () => void;
  try {
    undo = makeMistake(root, mistake);
  } catch (error) {
    return { mistake, problem: (error as Error).message, durationMs: 0 };
  }
  try {
    for (const path of kataIn(root, kata).tests) {
      // Bundled: plain JavaScript starts in half the time tsx takes.
      const files = [{ path, timeoutMs: kata.timeoutMs }];
      const run = await runTests({ files, impl: "solutions", bundle: true, cwd: root, env: { NN_BAIL: "1" } });
      const failed = run.tests.find((test) => !test.passed);
      if (!failed) continue;
      const durationMs = performance.now() - started;
      const name = testName(failed, (file) => relative(root, file));
      if (ranAndFailed(failed)) return { mistake, caughtBy: name, durationMs };
      return {
        mistake,
        problem: `the kata's test file ${name} fails before its tests run, so the mistake is not one a learner could make: ${failed.error?.split("\n")[0]}`,
        durationMs,
      };
    }
    return {
      mistake,
      problem: "every test of the kata still passes: no test catches this mistake",
      durationMs: performance.now() - started,
    };
  } finally {
    undo();
  }
}

runCommand(COMMAND, async ({ values, positionals }) => {
  const katas = chooseKatas(listKatas(), positionals);
  console.log(bold("The lessons' tables of mistakes, and the mistake files behind them"));
  const catalogues = katas.map((kata) => ({ kata, mistakes: readMistakes(repoRoot, kata) }));
  const disagreements = catalogues.flatMap(({ kata, mistakes }) =>
    catalogueProblems(kata, lessonMistakes(readFileSync(join(repoRoot, kata.lesson), "utf8")), mistakes),
  );
  for (const problem of disagreements) console.log(`${red("✖")} ${problem}`);
  const total = catalogues.reduce((sum, { mistakes }) => sum + mistakes.length, 0);
  if (disagreements.length > 0) return 1;
  console.log(`${green("✔")} every row has a mistake file, and every file a row: ${total} mistakes in ${katas.length} katas\n`);

  console.log(bold("Each mistake, made in a copy of the reference solution, fails its kata's tests"));
  const workers = Array.from({ length: Math.max(1, Math.min(availableParallelism(), total)) }, () => scratchTree());
  const idle = [...workers];
  let ok = true;
  try {
    // A kata is reported, in order, once all its mistakes are tried; its mistakes run on any free copy.
    const results = new Map<Kata, Promise<Outcome[]>>();
    const waiting: (() => void)[] = [];
    const take = async (): Promise<string> => {
      while (idle.length === 0) await new Promise<void>((resolve) => waiting.push(resolve));
      return idle.pop() as string;
    };
    const give = (root: string) => {
      idle.push(root);
      waiting.shift()?.();
    };
    for (const { kata, mistakes } of catalogues) {
      results.set(
        kata,
        Promise.all(
          mistakes.map(async (mistake) => {
            const root = await take();
            try {
              return await tryMistake(root, kata, mistake);
            } finally {
              give(root);
            }
          }),
        ),
      );
    }
    for (const { kata } of catalogues) {
      const outcomes = (await results.get(kata)) ?? [];
      const missed = outcomes.filter((outcome) => outcome.problem);
      const seconds = secondsFromMs(outcomes.reduce((sum, outcome) => sum + outcome.durationMs, 0));
      ok &&= missed.length === 0;
      const line = `${kata.id.padEnd(22)} ${outcomes.length - missed.length}/${outcomes.length} mistakes caught (${seconds})`;
      console.log(missed.length === 0 ? `${green("✔")} ${line}` : `${red("✖")} ${line}`);
      for (const outcome of outcomes) {
        const name = relative(mistakesFolder(kata), outcome.mistake.path);
        if (outcome.problem) console.log(red(`    ✖ ${name} (${outcome.mistake.mistake}): ${outcome.problem}`));
        else if (values.each) console.log(`    ✔ ${name}: caught by ${outcome.caughtBy} (${secondsFromMs(outcome.durationMs)})`);
      }
    }
  } finally {
    for (const root of workers) rmSync(root, { recursive: true, force: true });
  }
  return ok ? 0 : 1;
});
