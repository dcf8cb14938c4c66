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
import { bundleTests } from "../runner/sandbox.ts";
import type { TestRecord } from "../runner/test-records.ts";
import { catalogueProblems, lessonMistakes, type Mistake, makeMistake, mistakesFolder, readMistakes } from "./catalogue.ts";
import { Harness } from "./harness.ts";

/** The stand-in for node:test that the harness runs bundles against, in the tree at `root`. */
const MINI_TEST = (root: string) => join(root, "tools", "dev", "mini-test.mjs");

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

const notALearnersMistake = (file: string, error: string | undefined) =>
  `the kata's test file ${file} fails before its tests run, so the mistake is not one a learner could make: ${error?.split("\n")[0]}`;
const SURVIVED = "every test of the kata still passes: no test catches this mistake";

/** A library that keeps state for the whole process, so that one mistake's run could change the next one's. */
const keepsState = (library: string) => library.startsWith("@tensorflow/");

/** A scratch tree to make mistakes in, and its harness process. */
interface Worker {
  root: string;
  harness: Harness;
  /** Bundles made so far, each into a folder of its own (the harness keeps every module it loaded). */
  bundles: number;
}

/**
 * The kata's tests on the mistake, in one of two ways. Most katas run in
 * the worker's harness, many mistakes to a process, at a fraction of a
 * process each. A kata that uses TensorFlow.js gets a process per test
 * file, as a learner's run does, each stopping at its first failure:
 * TensorFlow.js keeps its backend and settings for the whole process, so a
 * mistake in setting them up would be hidden by the mistake before it.
 */
async function kataTests(worker: Worker, kata: Kata): Promise<Pick<Outcome, "caughtBy" | "problem">> {
  const { root } = worker;
  const tests = kataIn(root, kata).tests;
  if (!kata.libraries.some(keepsState)) {
    const folder = join(".cache", "mistakes", String(worker.bundles++));
    const bundles = await bundleTests(root, tests, { impl: "solutions", canary: false, folder, nodeTest: MINI_TEST(root) });
    const paths: string[] = [];
    for (const path of tests) {
      const bundle = bundles.get(path);
      if (!bundle || "error" in bundle) return { problem: `the mistake does not compile: ${bundle?.error}` };
      paths.push(bundle.path);
    }
    try {
      const answer = await worker.harness.run(paths, kata.timeoutMs);
      if ("timedOut" in answer) return { caughtBy: `a timeout (the tests ran longer than ${kata.timeoutMs / 1000} s)` };
      if (!answer.failed) return { problem: SURVIVED };
      const [first] = answer.failed.path;
      if (answer.failed.path.length === 1 && paths.includes(first))
        return { problem: notALearnersMistake(relative(root, tests[paths.indexOf(first)]), answer.failed.error) };
      return { caughtBy: answer.failed.path.join(" › ") };
    } finally {
      rmSync(join(root, folder), { recursive: true, force: true });
    }
  }
  for (const path of tests) {
    const files = [{ path, timeoutMs: kata.timeoutMs }];
    const run = await runTests({ files, impl: "solutions", bundle: true, cwd: root, env: { NN_BAIL: "1" } });
    const failed = run.tests.find((test) => !test.passed);
    if (!failed) continue;
    const name = testName(failed, (file) => relative(root, file));
    return ranAndFailed(failed) ? { caughtBy: name } : { problem: notALearnersMistake(name, failed.error) };
  }
  return { problem: SURVIVED };
}

/** Makes the mistake in the worker's tree and runs the kata's tests there until one fails. */
async function tryMistake(worker: Worker, kata: Kata, mistake: Mistake): Promise<Outcome> {
  const started = performance.now();
  let undo: () => void;
  try {
    undo = makeMistake(worker.root, mistake);
  } catch (error) {
    return { mistake, problem: (error as Error).message, durationMs: 0 };
  }
  try {
    return { mistake, ...(await kataTests(worker, kata)), durationMs: performance.now() - started };
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
  const workers: Worker[] = Array.from({ length: Math.max(1, Math.min(availableParallelism(), total)) }, () => {
    const root = scratchTree();
    return { root, harness: new Harness(root), bundles: 0 };
  });
  const idle = [...workers];
  let ok = true;
  try {
    // A kata is reported, in order, once all its mistakes are tried; its mistakes run on any free copy.
    const results = new Map<Kata, Promise<Outcome[]>>();
    const waiting: (() => void)[] = [];
    const take = async (): Promise<Worker> => {
      while (idle.length === 0) await new Promise<void>((resolve) => waiting.push(resolve));
      return idle.pop() as Worker;
    };
    const give = (worker: Worker) => {
      idle.push(worker);
      waiting.shift()?.();
    };
    for (const { kata, mistakes } of catalogues) {
      results.set(
        kata,
        Promise.all(
          mistakes.map(async (mistake) => {
            const worker = await take();
            try {
              return await tryMistake(worker, kata, mistake);
            } finally {
              give(worker);
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
    for (const worker of workers) {
      await worker.harness.close();
      rmSync(worker.root, { recursive: true, force: true });
    }
  }
  return ok ? 0 : 1;
});
