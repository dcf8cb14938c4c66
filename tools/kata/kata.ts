/**
 * `npm run kata`: the learner's loop. Runs the katas in order against `src/`,
 * shows progress, and stops at the first kata that fails with its lesson, its
 * first failing test and how to get a hint.
 *
 *   npm run kata                 run katas in order, stop at the first failing one
 *   npm run kata -- 04           run kata 04 only
 *   npm run kata -- --watch      rerun whenever a file in src/ is saved
 *   npm run kata -- --list       every kata with its status
 *   npm run kata -- --hint [04]  the hints for the current (or given) kata
 */
import { watch } from "node:fs";
import { join } from "node:path";
import { parseFlags, runMain, UsageError } from "../core/cli.ts";
import { type KataResult, summarize } from "../runner/kata-results.ts";
import { findKata, hintsOf, type Kata, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { runTests } from "../runner/run-tests.ts";
import { bar, bold, cyan, dim, green, indent, red, yellow } from "../core/style.ts";

const HELP = `npm run kata -- [kata] [--watch] [--list] [--hint]

  (no flags)   run the katas in order against src/ and stop at the first failing one
  <kata>       run one kata only, by number or id: 4, 04 or 04-sigmoid
  --watch      run again whenever a file in src/ is saved
  --list       show every kata with its status
  --hint       show the hints for the current kata (or for <kata>)
  --help       this text`;

async function runKata(kata: Kata): Promise<KataResult> {
  const run = await runTests({ files: kata.tests, impl: "src", timeoutMs: kata.timeoutMs });
  return summarize(kata, run);
}

function doneLine(result: KataResult): string {
  const solution = result.kata.files.map((file) => `solutions/${file}`).join(", ");
  return `${green("✔")} ${result.kata.id.padEnd(22)} ${dim(`done · compare with the reference: ${solution}`)}`;
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

/** Run the katas in order; stop at the first failure. Returns the failing kata, if any. */
async function runInOrder(katas: readonly Kata[]): Promise<Kata | undefined> {
  for (const [index, kata] of katas.entries()) {
    const result = await runKata(kata);
    if (!result.passed) {
      console.log(`\n${failureReport(result)}\n`);
      console.log(`${bar(index, katas.length)} ${index}/${katas.length} katas done\n`);
      return kata;
    }
    console.log(doneLine(result));
  }
  console.log(`\n${bar(katas.length, katas.length)} ${katas.length}/${katas.length} katas done`);
  console.log(green(bold("\nEvery kata passes. Train your own network on MNIST: npm start -- --impl src\n")));
  return undefined;
}

async function runOne(kata: Kata): Promise<boolean> {
  const result = await runKata(kata);
  console.log(result.passed ? doneLine(result) : `\n${failureReport(result)}\n`);
  return result.passed;
}

async function list(katas: readonly Kata[]): Promise<void> {
  const run = await runTests({
    files: katas.flatMap((kata) => kata.tests),
    impl: "src",
    timeoutMs: Math.max(...katas.map((kata) => kata.timeoutMs)),
  });
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

async function main(): Promise<number> {
  const { values, positionals } = parseFlags({
    options: {
      watch: { type: "boolean" },
      list: { type: "boolean" },
      hint: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`name at most one kata, got ${positionals.join(" ")}`);
  const katas = listKatas();
  const chosen = positionals[0] === undefined ? undefined : findKata(katas, positionals[0]);
  if (positionals[0] !== undefined && !chosen) {
    throw new UsageError(`no kata "${positionals[0]}"; the katas are ${katas.map((k) => k.id).join(", ")}`);
  }

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
  const once = () => (chosen ? runOne(chosen) : runInOrder(katas).then((failing) => !failing));
  if (values.watch) {
    await once();
    watchSrc(once);
    return new Promise<number>(() => {});
  }
  return (await once()) ? 0 : 1;
}

runMain("kata", main);
