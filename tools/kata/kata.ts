/**
 * `npm run kata`: the learner's loop. Checks the katas in order against
 * `src/`, shows progress, and stops at the first kata that fails with its
 * lesson, its first failing test and how to get a hint. A kata that passed
 * is not run again until something it depends on changes (`memory.ts`), so
 * the answer comes in about a second wherever the learner is. It warns about
 * a passing file that the grader would refuse (`grade/policy.ts`).
 */
import { watch } from "node:fs";
import { join } from "node:path";
import { runCommand } from "../core/cli.ts";
import { referenceOf } from "../core/impl.ts";
import { chooseKatas, hintsOf, type Kata, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { bar, bold, cyan, dim, green, indent, red, yellow } from "../core/style.ts";
import { failuresOf, summarize } from "../runner/kata-results.ts";
import { runTests } from "../runner/run-tests.ts";
import { kataKey, Memory, type Remembered } from "./memory.ts";

const COMMAND = {
  name: "kata",
  usage: "npm run kata -- [kata] [options]",
  summary: "Run the katas in order against your src/ and stop at the first one that fails, with its lesson and its first failing test.",
  flags: {
    watch: { type: "boolean", help: "run again whenever a file in src/ is saved" },
    list: { type: "boolean", help: "show every kata with its status" },
    hint: { type: "boolean", help: "show the hints for the current kata (or for <kata>)" },
    all: { type: "boolean", help: "show every failing test of the kata that fails, not only the first" },
  },
  positionals: { name: "<kata>", help: "run one kata only, by number or id: 4, 04 or 04-sigmoid", max: 1 },
} as const;

const testFiles = (katas: readonly Kata[]) => katas.flatMap((kata) => kata.tests.map((path) => ({ path, timeoutMs: kata.timeoutMs })));

/** A kata's result: the one remembered, if nothing it depends on changed since (`memory.ts`), or a fresh run, then remembered. */
interface Checked extends Remembered {
  kata: Kata;
  /** It comes from memory, not from a run. */
  remembered: boolean;
  /** Every failing test, from a run. */
  failures?: { test: string; message: string }[];
}

/** Run `katas` (all at once, a few files at a time) and remember their results. */
async function run(katas: readonly Kata[], memory: Memory): Promise<Checked[]> {
  if (katas.length === 0) return [];
  const keys = katas.map((kata) => kataKey(kata));
  const done = await runTests({ files: testFiles(katas), impl: "src", bundle: true });
  return katas.map((kata, index) => {
    const { passed, testsPassed, testsTotal, firstFailure } = summarize(kata, done);
    const result = { passed, testsPassed, testsTotal, ...(firstFailure && { firstFailure }) };
    memory.remember(kata, result, keys[index]);
    return { kata, ...result, remembered: false, failures: failuresOf(kata, done) };
  });
}

/** The kata's result from memory, or from a run. */
async function check(kata: Kata, memory: Memory): Promise<Checked> {
  const remembered = memory.result(kata);
  return remembered ? { kata, ...remembered, remembered: true } : (await run([kata], memory))[0];
}

function doneLine(result: Checked): string {
  const note = result.remembered ? " · unchanged since it passed" : "";
  return `${green("✔")} ${result.kata.id.padEnd(22)} ${dim(`done${note} · ${referenceOf(result.kata.files)}`)}`;
}

/** The report of a failing kata: its lesson, its first failing test, or with `all` every one. */
function failureReport(result: Checked, all = false): string {
  const { kata, firstFailure } = result;
  const failures = all && result.failures ? result.failures : firstFailure ? [firstFailure] : [];
  const shown = failures.flatMap((failure, index) => (index === 0 ? [] : ["", `  Failing: ${failure.test}`, "", indent(failure.message)]));
  return [
    `${red("✖")} ${kata.id.padEnd(22)} ${result.testsPassed}/${result.testsTotal} tests pass`,
    "",
    bold(`Kata ${kata.title}`),
    `  Lesson:  ${cyan(kata.lesson)}`,
    `  Edit:    ${kata.files.map((file) => cyan(`src/${file}`)).join(", ")}`,
    `  Failing: ${firstFailure?.test ?? "?"}`,
    "",
    indent(firstFailure?.message ?? ""),
    ...shown,
    "",
    all || failures.length === result.testsTotal - result.testsPassed
      ? ""
      : `  ${result.testsTotal - result.testsPassed - 1} more failing test(s): ${yellow("npm run kata -- --all")}`,
    `  Stuck? ${yellow("npm run kata -- --hint")}   ·   Run only this kata: ${yellow(`npm run kata -- ${kata.id.slice(0, 2)}`)}`,
  ]
    .filter((line, index, lines) => !(line === "" && lines[index - 1] === ""))
    .join("\n");
}

/**
 * A warning for each file of the `passed` katas that the grader would
 * refuse (`grade/policy.ts`): its tests pass here, but not in a grade. The
 * rules' verdict on each file is remembered under its hash, so the
 * compiler that reads the files loads only when one has changed.
 */
async function graderWarnings(passed: readonly Kata[], all: readonly Kata[], memory: Memory): Promise<string[]> {
  const files = passed.flatMap((kata) => kata.files);
  const unknown = files.filter((file) => memory.rules(file) === undefined);
  if (unknown.length > 0) {
    const { policyProblems } = await import("../grade/policy.ts");
    const problems = policyProblems(repoRoot, all, unknown);
    for (const file of unknown) {
      const reasons = problems
        .filter((problem) => problem.file === `src/${file}`)
        .map((problem) => `line ${problem.line} ${problem.message}`);
      memory.rememberRules(file, reasons);
    }
  }
  return files
    .map((file) => [file, memory.rules(file) ?? []] as const)
    .filter(([, reasons]) => reasons.length > 0)
    .map(([file, reasons]) =>
      yellow(`⚠ src/${file} passes its tests here, but the grader will refuse it, and its kata will score 0: ${reasons.join("; ")}`),
    );
}

/**
 * Check the katas in order, each from memory when nothing it depends on
 * changed since it passed; stop at the first that fails. True when every
 * kata passes.
 */
async function runInOrder(katas: readonly Kata[], memory: Memory, all: boolean): Promise<boolean> {
  for (const [index, kata] of katas.entries()) {
    const result = await check(kata, memory);
    if (!result.passed) {
      // A failure is never taken from memory: the kata the learner works on always runs.
      const fresh = result.remembered ? (await run([kata], memory))[0] : result;
      if (fresh.passed) {
        console.log(doneLine(fresh));
        continue;
      }
      for (const warning of await graderWarnings(katas.slice(0, index), katas, memory)) console.log(warning);
      console.log(`\n${failureReport(fresh, all)}\n`);
      console.log(`${bar(index, katas.length)} ${index}/${katas.length} katas done\n`);
      return false;
    }
    console.log(doneLine(result));
  }
  for (const warning of await graderWarnings(katas, katas, memory)) console.log(warning);
  console.log(`\n${bar(katas.length, katas.length)} ${katas.length}/${katas.length} katas done`);
  console.log(green(bold("\nEvery kata passes. Train your own network on MNIST: npm start -- --impl src\n")));
  return true;
}

/** Run one kata, asked for by name: always afresh. */
async function runOne(kata: Kata, katas: readonly Kata[], memory: Memory, all: boolean): Promise<boolean> {
  const [result] = await run([kata], memory);
  console.log(result.passed ? doneLine(result) : `\n${failureReport(result, all)}\n`);
  if (result.passed) for (const warning of await graderWarnings([kata], katas, memory)) console.log(warning);
  return result.passed;
}

/** Every kata's status: remembered where nothing changed, checked now (all at once) where something did. */
async function list(katas: readonly Kata[], memory: Memory): Promise<void> {
  const remembered = new Map(katas.map((kata) => [kata.id, memory.result(kata)] as const));
  const fresh = await run(
    katas.filter((kata) => remembered.get(kata.id) === undefined),
    memory,
  );
  const results = katas.map(
    (kata) => fresh.find((result) => result.kata === kata) ?? { kata, ...(remembered.get(kata.id) as Remembered), remembered: true },
  );
  for (const result of results) {
    const mark = result.passed ? green("✔ done    ") : result.testsPassed > 0 ? yellow("… started ") : dim("· to do   ");
    const tests = `${result.testsPassed}/${result.testsTotal}`.padStart(7);
    const source = dim(result.remembered ? "  (remembered)" : "  (just checked)");
    console.log(`${mark} ${result.kata.id.padEnd(22)} ${tests} tests  ${result.kata.title}${source}`);
  }
  const done = results.filter((result) => result.passed).length;
  console.log(`\n${bar(done, katas.length)} ${done}/${katas.length} katas done`);
  console.log(dim("(remembered: nothing it depends on changed since it last ran; delete .cache/ to check every kata again)"));
}

/** The first kata that does not pass yet: passes come from memory, and the first kata without one is run only if it is not remembered. */
async function currentKata(katas: readonly Kata[], memory: Memory): Promise<Kata | undefined> {
  for (const kata of katas) if (!(await check(kata, memory)).passed) return kata;
  return undefined;
}

/**
 * Run `rerun` whenever a file of src/ is saved, never two runs at once: a
 * save during a run starts one more run after it, however many saves there were.
 */
function watchSrc(rerun: () => Promise<unknown>): void {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const start = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    do {
      again = false;
      console.clear();
      await rerun();
      console.log(dim("Watching src/ for changes · Ctrl-C to stop"));
    } while (again);
    running = false;
  };
  watch(join(repoRoot, "src"), { recursive: true }, () => {
    // An editor's save can be several writes: wait for them to settle.
    clearTimeout(timer);
    timer = setTimeout(start, 50);
  });
  console.log(dim("Watching src/ for changes · Ctrl-C to stop"));
}

runCommand(COMMAND, async ({ values, positionals }) => {
  const katas = listKatas();
  const chosen = positionals.length === 0 ? undefined : chooseKatas(katas, positionals)[0];
  const memory = Memory.load();
  if (values.list) {
    await list(katas, memory);
    memory.save();
    return 0;
  }
  if (values.hint) {
    const kata = chosen ?? (await currentKata(katas, memory));
    memory.save();
    if (!kata) {
      console.log("Every kata passes: no hints needed.");
      return 0;
    }
    console.log(`${bold(`Hints for kata ${kata.title}`)}  ${dim(kata.lesson)}\n\n${hintsOf(kata)}\n`);
    return 0;
  }
  const once = async () => {
    const all = values.all;
    const passed = await (chosen ? runOne(chosen, katas, memory, all) : runInOrder(katas, memory, all));
    memory.save();
    return passed;
  };
  if (values.watch) {
    await once();
    watchSrc(once);
    return new Promise<number>(() => {});
  }
  return (await once()) ? 0 : 1;
});
