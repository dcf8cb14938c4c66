/**
 * `npm run kata`: the learner's loop. Runs the katas in order against `src/`,
 * shows progress, and stops at the first kata that fails with its lesson, its
 * first failing test and how to get a hint. It warns about a passing file
 * that the grader would refuse (`grade/policy.ts`).
 */
import { watch } from "node:fs";
import { join } from "node:path";
import { runCommand } from "../core/cli.ts";
import { referenceOf } from "../core/impl.ts";
import { chooseKatas, hintsOf, type Kata, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { bar, bold, cyan, dim, green, indent, red, yellow } from "../core/style.ts";
import { policyProblems } from "../grade/policy.ts";
import { type KataResult, summarize } from "../runner/kata-results.ts";
import { runTests } from "../runner/run-tests.ts";

const COMMAND = {
  name: "kata",
  usage: "npm run kata -- [kata] [options]",
  summary: "Run the katas in order against your src/ and stop at the first one that fails, with its lesson and its first failing test.",
  flags: {
    watch: { type: "boolean", help: "run again whenever a file in src/ is saved" },
    list: { type: "boolean", help: "show every kata with its status" },
    hint: { type: "boolean", help: "show the hints for the current kata (or for <kata>)" },
  },
  positionals: { name: "<kata>", help: "run one kata only, by number or id: 4, 04 or 04-sigmoid", max: 1 },
} as const;

const testFiles = (katas: readonly Kata[]) => katas.flatMap((kata) => kata.tests.map((path) => ({ path, timeoutMs: kata.timeoutMs })));

async function runKata(kata: Kata): Promise<KataResult> {
  return summarize(kata, await runTests({ files: testFiles([kata]), impl: "src" }));
}

function doneLine(result: KataResult): string {
  return `${green("✔")} ${result.kata.id.padEnd(22)} ${dim(`done · ${referenceOf(result.kata.files)}`)}`;
}

function failureReport(result: KataResult): string {
  const { kata, firstFailure } = result;
  return [
    `${red("✖")} ${kata.id.padEnd(22)} ${result.testsPassed}/${result.testsTotal} tests pass`,
    "",
    bold(`Kata ${kata.title}`),
    `  Lesson:  ${cyan(kata.lesson)}`,
    `  Edit:    ${kata.files.map((file) => cyan(`src/${file}`)).join(", ")}`,
    `  Failing: ${firstFailure?.test ?? "?"}`,
    "",
    indent(firstFailure?.message ?? ""),
    "",
    `  Stuck? ${yellow("npm run kata -- --hint")}   ·   Run only this kata: ${yellow(`npm run kata -- ${kata.id.slice(0, 2)}`)}`,
  ].join("\n");
}

/**
 * A warning for each file of the `passed` katas that the grader would
 * refuse (`grade/policy.ts`): its tests pass here, but not in a grade.
 */
function graderWarnings(passed: readonly Kata[], all: readonly Kata[]): string[] {
  if (passed.length === 0) return [];
  const problems = policyProblems(
    repoRoot,
    all,
    passed.flatMap((kata) => kata.files),
  );
  return [...new Set(problems.map((problem) => problem.file))].map((file) => {
    const reasons = problems.filter((problem) => problem.file === file).map((problem) => `line ${problem.line} ${problem.message}`);
    return yellow(`⚠ ${file} passes its tests here, but the grader will refuse it, and its kata will score 0: ${reasons.join("; ")}`);
  });
}

/** Run the katas in order; stop at the first failure. Returns the failing kata, if any. */
async function runInOrder(katas: readonly Kata[]): Promise<Kata | undefined> {
  for (const [index, kata] of katas.entries()) {
    const result = await runKata(kata);
    if (!result.passed) {
      for (const warning of graderWarnings(katas.slice(0, index), katas)) console.log(warning);
      console.log(`\n${failureReport(result)}\n`);
      console.log(`${bar(index, katas.length)} ${index}/${katas.length} katas done\n`);
      return kata;
    }
    console.log(doneLine(result));
  }
  for (const warning of graderWarnings(katas, katas)) console.log(warning);
  console.log(`\n${bar(katas.length, katas.length)} ${katas.length}/${katas.length} katas done`);
  console.log(green(bold("\nEvery kata passes. Train your own network on MNIST: npm start -- --impl src\n")));
  return undefined;
}

async function runOne(kata: Kata, all: readonly Kata[]): Promise<boolean> {
  const result = await runKata(kata);
  console.log(result.passed ? doneLine(result) : `\n${failureReport(result)}\n`);
  if (result.passed) for (const warning of graderWarnings([kata], all)) console.log(warning);
  return result.passed;
}

async function list(katas: readonly Kata[]): Promise<void> {
  const run = await runTests({ files: testFiles(katas), impl: "src" });
  const results = katas.map((kata) => summarize(kata, run));
  for (const result of results) {
    const mark = result.passed ? green("✔ done    ") : result.testsPassed > 0 ? yellow("… started ") : dim("· to do   ");
    const tests = `${result.testsPassed}/${result.testsTotal}`.padStart(7);
    console.log(`${mark} ${result.kata.id.padEnd(22)} ${tests} tests  ${result.kata.title}`);
  }
  const done = results.filter((result) => result.passed).length;
  console.log(`\n${bar(done, katas.length)} ${done}/${katas.length} katas done`);
}

/** The first kata that does not pass yet. */
async function currentKata(katas: readonly Kata[]): Promise<Kata | undefined> {
  for (const kata of katas) if (!(await runKata(kata)).passed) return kata;
  return undefined;
}

function watchSrc(rerun: () => Promise<unknown>): void {
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const trigger = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        console.clear();
        await rerun();
        console.log(dim("Watching src/ for changes · Ctrl-C to stop"));
      });
    }, 150);
  };
  watch(join(repoRoot, "src"), { recursive: true }, trigger);
  console.log(dim("Watching src/ for changes · Ctrl-C to stop"));
}

runCommand(COMMAND, async ({ values, positionals }) => {
  const katas = listKatas();
  const chosen = positionals.length === 0 ? undefined : chooseKatas(katas, positionals)[0];
  if (values.list) {
    await list(katas);
    return 0;
  }
  if (values.hint) {
    const kata = chosen ?? (await currentKata(katas));
    if (!kata) {
      console.log("Every kata passes: no hints needed.");
      return 0;
    }
    console.log(`${bold(`Hints for kata ${kata.title}`)}  ${dim(kata.lesson)}\n\n${hintsOf(kata)}\n`);
    return 0;
  }
  const once = () => (chosen ? runOne(chosen, katas) : runInOrder(katas).then((failing) => !failing));
  if (values.watch) {
    await once();
    watchSrc(once);
    return new Promise<number>(() => {});
  }
  return (await once()) ? 0 : 1;
});
