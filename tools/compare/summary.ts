/**
 * One system's headline numbers, from its measurements: medians over the
 * epochs for the timings, so that one slow epoch on a busy machine does not
 * decide the result.
 */
import type { SystemName, SystemResult } from "./systems.ts";

/** One system's headline numbers. */
export interface Summary {
  system: SystemName;
  finalAccuracy: number;
  bestAccuracy: number;
  /** Median over the epochs. */
  secondsPerEpoch: number;
  trainImagesPerSecond: number;
  /** Test images per second, median over the epochs' test passes. */
  inferenceImagesPerSecond: number;
  peakRssMB: number;
  lines: number;
  /** The digit with the lowest recall after the last epoch, and that recall. */
  weakest: { digit: number; recall: number };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The digit whose test images are classified correctly least often, and how often. */
export function weakestDigit(confusion: readonly (readonly number[])[]): { digit: number; recall: number } {
  const recalls = confusion.map(
    (row, d) =>
      row[d] /
      Math.max(
        1,
        row.reduce((a, b) => a + b, 0),
      ),
  );
  const digit = recalls.indexOf(Math.min(...recalls));
  return { digit, recall: recalls[digit] };
}

export function summarizeSystem(result: SystemResult, trainSize: number, lines: number): Summary {
  const { history } = result;
  const accuracy = (h: (typeof history)[number]) => h.correct / h.total;
  const secondsPerEpoch = median(history.map((h) => h.trainSeconds));
  return {
    system: result.system,
    finalAccuracy: accuracy(history[history.length - 1]),
    bestAccuracy: Math.max(...history.map(accuracy)),
    secondsPerEpoch,
    trainImagesPerSecond: trainSize / secondsPerEpoch,
    inferenceImagesPerSecond: median(history.map((h) => h.total / h.evalSeconds)),
    peakRssMB: result.peakRssMB,
    lines,
    weakest: weakestDigit(result.confusion),
  };
}
