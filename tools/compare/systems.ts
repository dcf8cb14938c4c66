/**
 * The systems `npm run compare` measures, and what they share: Nielsen's
 * 784-30-10 network, η = 3, mini-batches of 10, the same seeded starting
 * weights and the same shuffled order of images (see `train/training.ts`).
 */
import type { TrainingSettings } from "../train/settings.ts";
import type { EpochRecord } from "../train/training.ts";

export const SYSTEMS = ["scratch", "tfjs-wasm", "tfjs-cpu", "brainjs"] as const;
export type SystemName = (typeof SYSTEMS)[number];

export const SYSTEM_LABELS: Record<SystemName, string> = {
  scratch: "scratch",
  "tfjs-wasm": "tfjs wasm",
  "tfjs-cpu": "tfjs cpu",
  brainjs: "brain.js",
};

/** How each system steps, in one line for the report. */
export const SYSTEM_STEPS: Record<SystemName, string> = {
  scratch: "katas 01–12: mini-batches of 10, η = 3, float64",
  "tfjs-wasm": "kata 13 on the WebAssembly backend: mini-batches of 10, SGD at lr 15 (η = 3), float32",
  "tfjs-cpu": "kata 13 on the plain-JavaScript backend: mini-batches of 10, SGD at lr 15 (η = 3), float32",
  brainjs: "kata 14: one example at a time, learning rate 0.3 (η/m), momentum 0.1, float32",
};

/** What a child process is asked to run: Nielsen's settings, with this budget and seed. */
export type RunSettings = { system: SystemName } & Pick<TrainingSettings, "epochs" | "trainSize" | "seed">;

/** Everything measured for one system, in its own process. */
export interface SystemResult {
  system: SystemName;
  history: EpochRecord[];
  /** confusion[actual][predicted] on the test set after the last epoch. */
  confusion: number[][];
  /** The child process's peak resident memory (maxRSS), in MB. */
  peakRssMB: number;
}
