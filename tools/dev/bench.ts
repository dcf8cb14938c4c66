/**
 * `npm run bench`: re-measure the trainer against the course's targets.
 * Each run is `npm start` in a child process (so its peak memory is its
 * own), with its results read from the metrics.json it writes.
 *
 *   npm run bench                 speed: 3 epochs of 784-30-10, mini-batch 10, on 50,000 images
 *   npm run bench -- --full       also the full default run (30 epochs) and --hidden 100: accuracy and total time;
 *                                 and Part II's targets (part-two-targets.ts): chapter 3's recipe from seeds 1–8
 *                                 (accuracy, no digit lost), `npm start -- --chapter 3` in time (seed 2, run alone
 *                                 first), and scratch against tfjs wasm as `npm run compare` measures them: ten
 *                                 runs of 30 epochs, on an idle machine. It prints and checks, and writes nothing:
 *                                 docs/seeds.md and the README's seed table are `npm run seeds`' (all four recipes).
 *   npm run bench -- --epochs 5   a longer speed run
 *   npm run bench -- --impl src   the same, of your own network (src/) instead of the reference
 *   npm run bench -- --loop       the learner's loop instead: save to verdict in npm run kata -- --watch, --hint, --list
 */
import { rmSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { measureSystem } from "../compare/measure.ts";
import { SYSTEM_LABELS, type SystemName } from "../compare/systems.ts";
import { positiveInt, runCommand } from "../core/cli.ts";
import { count, megabytes, percent, seconds } from "../core/format.ts";
import { type Impl, implFlag, parseImpl } from "../core/impl.ts";
import { repoRoot, scratchDir } from "../core/paths.ts";
import { runCourse } from "../core/processes.ts";
import { bold, dim, green, red } from "../core/style.ts";
import { type Metrics, readMetrics } from "../train/metrics.ts";
import { epochsFlag, parseTrainSize, TRAIN_SIZE_FLAG } from "../train/options.ts";
import { DEFAULT_SEED } from "../train/settings.ts";
import { measureLoop, median } from "./bench-loop.ts";
import { accuracyChecks, type Check, digitCheck, PART_TWO_TARGETS, speedupCheck, timeCheck } from "./part-two-targets.ts";
import { runSeeds, SEED_RECIPES, type SeedJob, seedProgress, testDigitCounts } from "./seed-runs.ts";

/** The course's targets, checked against the measurements. */
const TARGETS = { secondsPerEpoch: 1.5, peakRssMB: 300, totalSeconds: 60, best30: 0.95, best100: 0.965 };

const COMMAND = {
  name: "bench",
  usage: "npm run bench -- [options]",
  summary: "Re-measure the trainer (npm start, in a child process) and check it against the course's targets.",
  flags: {
    epochs: { ...epochsFlag(3), help: "epochs of the speed run" },
    "train-size": { ...TRAIN_SIZE_FLAG, help: "training images per epoch of the speed run" },
    full: {
      type: "boolean",
      help:
        "also the full default run (30 epochs) and --hidden 100: accuracy and total time; and Part II's targets: chapter 3 from seeds 1–8, " +
        "npm start -- --chapter 3 in time, scratch against tfjs wasm (ten runs of 30 epochs: keep the machine idle)",
    },
    impl: implFlag(),
    loop: {
      type: "boolean",
      help: "measure the learner's loop instead: from a save to the verdict in npm run kata -- --watch (at kata 01 and 12), --hint and --list",
    },
  },
} as const;

/** `npm start` with `args`, in a child process; its metrics.json. */
async function trainInChild(args: string[], impl: Impl): Promise<Metrics> {
  const out = scratchDir("bench");
  try {
    const run = await runCourse({
      script: join(repoRoot, "tools", "train", "train.ts"),
      args: [...args, "--impl", impl, "--out", out],
      impl,
      cwd: repoRoot,
    });
    if (run.code !== 0)
      throw new Error(
        `npm start -- ${args.join(" ")} --impl ${impl} failed: ${run.stderr.trim().replace(/^train: /, "") || `exit code ${run.code}`}`,
      );
    return readMetrics(join(out, "metrics.json"));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const check = (ok: boolean, text: string) => `${ok ? green("✔") : red("✖")} ${text}`;

/**
 * The comparison's budget for the speed ratio: three epochs of 10,000 images, timed as `npm run compare`
 * times them, by the median epoch, so that neither system's first, warming-up epoch decides the ratio.
 */
const COMPARE_BUDGET = { chapter: 1, epochs: 3, trainSize: 10_000, seed: DEFAULT_SEED } as const;

/**
 * Part II's targets: `npm start -- --chapter 3` from seed 2 alone (its wall
 * time), then the other seeds two at a time (the accuracy and the digits of
 * all eight), then scratch and tfjs wasm one after the other, each in its
 * own process as `npm run compare` runs them.
 */
async function partTwoChecks(impl: Impl): Promise<Check[]> {
  const recipe = "ch3-100";
  const perDigit = testDigitCounts();
  const epochsOf = () => SEED_RECIPES[recipe].epochs;
  // `npm start -- --chapter 3` is seed 2's run: it trains alone first, for its time, and counts among the eight.
  const first: SeedJob = { recipe, seed: DEFAULT_SEED };
  const others: SeedJob[] = PART_TWO_TARGETS.seeds.filter((seed) => seed !== DEFAULT_SEED).map((seed) => ({ recipe, seed }));
  console.log(bold(`\nPart II: npm start -- --chapter 3 (seed ${first.seed}), alone, for its time`));
  const alone = seedProgress([first], epochsOf, perDigit);
  const [timed] = await runSeeds([first], { parallel: 1, impl, ...alone }).finally(alone.stop);
  console.log(bold(`\nPart II: chapter 3's recipe from seeds ${others.map((j) => j.seed).join(", ")}, two at a time`));
  const progress = seedProgress(others, epochsOf, perDigit);
  const runs = [timed, ...(await runSeeds(others, { parallel: 2, impl, ...progress }).finally(progress.stop))].sort(
    (a, b) => a.seed - b.seed,
  );

  const { epochs, trainSize } = COMPARE_BUDGET;
  console.log(
    bold(
      `\nPart II: scratch and tfjs wasm, 784-30-10, ${epochs} epochs of ${count(trainSize)} images, the median epoch (as npm run compare times them)`,
    ),
  );
  const perEpoch = async (system: SystemName) => {
    const result = await measureSystem({ system, ...COMPARE_BUDGET }, (h) =>
      console.log(
        dim(`  ${SYSTEM_LABELS[system].padEnd(10)} epoch ${h.epoch}: ${seconds(h.trainSeconds)} training, ${percent(h.correct / h.total)}`),
      ),
    );
    return median(result.history.map((h) => h.trainSeconds));
  };
  const scratch = await perEpoch("scratch");
  const tfjs = await perEpoch("tfjs-wasm");
  return [
    ...accuracyChecks(runs),
    digitCheck(runs, perDigit),
    timeCheck(timed.wallSeconds, timed.metrics.history.length),
    speedupCheck(scratch, tfjs),
  ];
}

runCommand(COMMAND, async ({ values }) => {
  const epochs = positiveInt("--epochs", values.epochs);
  const trainSize = parseTrainSize(values["train-size"]);
  const impl = parseImpl(values.impl);
  console.log(bold(`Benchmark on ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}\n`));
  if (values.loop) {
    console.log(bold("The learner's loop: npm run kata in a scratch copy of the course"));
    const measures = await measureLoop();
    const lines = measures.map(({ what, seconds: times, target }) =>
      check(
        median(times) <= target,
        `${what}: median ${seconds(median(times))} of ${times.map((t) => t.toFixed(2)).join(", ")} s (target ≤ ${target} s)`,
      ),
    );
    console.log(`\n${lines.join("\n")}`);
    return measures.every(({ seconds: times, target }) => median(times) <= target) ? 0 : 1;
  }

  console.log(
    bold(
      `Speed of ${impl === "src" ? "your network (src/)" : "the reference (solutions/)"}: 784-30-10, mini-batch 10, ${epochs} epochs of ${count(trainSize)} images`,
    ),
  );
  const speed = await trainInChild(["--epochs", String(epochs), "--train-size", String(trainSize)], impl);
  for (const h of speed.history) {
    console.log(
      dim(
        `  epoch ${h.epoch}: ${seconds(h.trainSeconds)} training (${count(Math.round(trainSize / h.trainSeconds))} images/s), ${seconds(h.evalSeconds)} testing 10,000 images`,
      ),
    );
  }
  // Seconds per epoch of 50,000 images, however many the speed run took.
  const perEpoch = (speed.meanTrainSecondsPerEpoch * 50_000) / trainSize;
  const lines = [
    check(
      perEpoch <= TARGETS.secondsPerEpoch,
      `${seconds(perEpoch)} per epoch of 50,000 images, ${count(Math.round(50_000 / perEpoch))} images/s (target ≤ ${TARGETS.secondsPerEpoch} s)`,
    ),
    check(speed.peakRssMB <= TARGETS.peakRssMB, `peak RSS ${megabytes(speed.peakRssMB)} (target ≤ ${megabytes(TARGETS.peakRssMB)})`),
  ];
  let ok = perEpoch <= TARGETS.secondsPerEpoch && speed.peakRssMB <= TARGETS.peakRssMB;

  if (values.full) {
    for (const [hidden, target] of [
      ["30", TARGETS.best30],
      ["100", TARGETS.best100],
    ] as const) {
      console.log(bold(`\nAccuracy: 784-${hidden}-10 with Nielsen's settings (30 epochs)`));
      const run = await trainInChild(["--hidden", hidden], impl);
      const best = run.bestCorrect / 10_000;
      lines.push(
        check(
          best >= target,
          `784-${hidden}-10: best ${percent(best)} (target ≥ ${percent(target, 1)}), ${seconds(run.totalSeconds)} in all, peak RSS ${megabytes(run.peakRssMB)}`,
        ),
      );
      ok &&= best >= target;
      if (hidden === "30") {
        lines.push(
          check(
            run.totalSeconds <= TARGETS.totalSeconds,
            `the default run takes ${seconds(run.totalSeconds)} (target ≤ ${TARGETS.totalSeconds} s)`,
          ),
        );
        ok &&= run.totalSeconds <= TARGETS.totalSeconds;
      }
    }
    const partTwo = await partTwoChecks(impl);
    lines.push(...partTwo.map((c) => check(c.ok, c.text)));
    ok &&= partTwo.every((c) => c.ok);
  }
  console.log(`\n${lines.join("\n")}`);
  return ok ? 0 : 1;
});
