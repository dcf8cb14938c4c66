/**
 * Part II's targets, which `npm run bench -- --full` re-measures: chapter
 * 3's recipe is accurate whatever the seed, never loses a digit, trains in
 * two minutes, and the scratch network outruns TensorFlow.js. Each check
 * is a pure function of the measurements: a verdict and its line.
 */
import { percent, ratio, seconds } from "../core/format.ts";
import { median } from "./bench-loop.ts";
import { epochsMissingDigits, type SeedRun } from "./seed-runs.ts";

export const PART_TWO_TARGETS = {
  /** The seeds chapter 3's recipe (784-100-10) is trained from. */
  seeds: [1, 2, 3, 4, 5, 6, 7, 8],
  /** Best test accuracy of every seed's run, and their median. */
  everyBest: 0.975,
  medianBest: 0.979,
  /** `npm start -- --chapter 3`, 30 epochs, wall time on an idle 2-core machine. */
  chapter3Seconds: 120,
  /** Scratch's training time per epoch of 784-30-10, at most this fraction of tfjs-wasm's. */
  speedup: 5,
};

export interface Check {
  ok: boolean;
  text: string;
}

const bestOf = (run: SeedRun) => run.metrics.bestCorrect / (run.metrics.history[0]?.total ?? 10_000);

/** (1) Every seed's best test accuracy, and their median, against the targets. */
export function accuracyChecks(runs: readonly SeedRun[], targets = PART_TWO_TARGETS): Check[] {
  const best = runs.map(bestOf);
  const worst = runs.reduce((a, b) => (bestOf(b) < bestOf(a) ? b : a));
  const mid = median(best);
  return [
    {
      ok: best.every((b) => b >= targets.everyBest),
      text: `chapter 3, seeds ${runs.map((r) => r.seed).join(", ")}: lowest best accuracy ${percent(bestOf(worst))} (seed ${worst.seed}; target ≥ ${percent(targets.everyBest, 1)} on every seed)`,
    },
    { ok: mid >= targets.medianBest, text: `chapter 3: median best accuracy ${percent(mid)} (target ≥ ${percent(targets.medianBest, 1)})` },
  ];
}

/** (2) No run loses a digit: after every epoch, from epoch 0 on, each digit is right on at least half of its test images. */
export function digitCheck(runs: readonly SeedRun[], perDigit: readonly number[]): Check {
  const unrecorded = runs.filter((r) => r.metrics.history.some((h) => h.correctByDigit === undefined));
  if (unrecorded.length > 0)
    return { ok: false, text: `chapter 3: seeds ${unrecorded.map((r) => r.seed).join(", ")} recorded no results per digit` };
  const lost = runs.flatMap((run) => {
    const missing = epochsMissingDigits(run.metrics.history, perDigit);
    return missing.length === 0 ? [] : [{ seed: run.seed, ...missing[0], epochs: missing.length }];
  });
  const what = lost
    .map(
      (l) =>
        `seed ${l.seed}: digit${l.digits.length === 1 ? "" : "s"} ${l.digits.join(", ")} after epoch ${l.epoch}` +
        (l.epochs > 1 ? `, and a digit in ${l.epochs - 1} later epoch${l.epochs === 2 ? "" : "s"}` : ""),
    )
    .join("; ");
  return {
    ok: lost.length === 0,
    text:
      lost.length === 0
        ? `chapter 3: no run loses a digit: from epoch 0 on, every digit is right on at least half of its test images, in all ${runs.length} runs`
        : `chapter 3: ${lost.length} of ${runs.length} runs have a digit right on fewer than half of its test images: ${what}`,
  };
}

/** (3) `npm start -- --chapter 3` in time. */
export function timeCheck(wallSeconds: number, epochs: number, targets = PART_TWO_TARGETS): Check {
  return {
    ok: wallSeconds <= targets.chapter3Seconds,
    text: `npm start -- --chapter 3 takes ${seconds(wallSeconds)} for ${epochs} epoch${epochs === 1 ? "" : "s"} (target ≤ ${targets.chapter3Seconds} s, on an idle machine)`,
  };
}

/** (4) Scratch against tfjs-wasm, training time per epoch of the same 784-30-10 run. */
export function speedupCheck(scratchSeconds: number, tfjsSeconds: number, targets = PART_TWO_TARGETS): Check {
  const times = tfjsSeconds / scratchSeconds;
  return {
    ok: times >= targets.speedup,
    text: `scratch trains 784-30-10 ${ratio(times)}× as fast as tfjs wasm: ${seconds(scratchSeconds)} against ${seconds(tfjsSeconds)} per epoch (target ≥ ${targets.speedup}×)`,
  };
}
