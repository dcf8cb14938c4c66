/**
 * `metrics.json`, which `npm start` writes beside the model: the run's
 * settings, its history and its totals, for programs (`npm run bench`) to
 * read without parsing the terminal output.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { TrainingRecord } from "./model-file.ts";

export type Metrics = TrainingRecord & {
  sizes: number[];
  bestCorrect: number;
  finalCorrect: number;
  /** The whole run, loading MNIST included. */
  totalSeconds: number;
  meanTrainSecondsPerEpoch: number;
  /** The trainer process's peak resident memory. */
  peakRssMB: number;
};

export function writeMetrics(path: string, metrics: Metrics): void {
  writeFileSync(path, `${JSON.stringify(metrics, null, 2)}\n`);
}

export function readMetrics(path: string): Metrics {
  return JSON.parse(readFileSync(path, "utf8")) as Metrics;
}
