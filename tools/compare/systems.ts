/**
 * The systems `npm run compare` measures, and what they share: Nielsen's
 * 784-30-10 network, η = 3, mini-batches of 10, the same seeded starting
 * weights and the same shuffled order of images (see `train/training.ts`);
 * with `--chapter 3`, his chapter-3 recipe (784-100-10, cross-entropy,
 * λ = 5, η = 0.5, kata 17's starting weights) on the systems that can
 * express it.
 */
import { mnistSizes, NIELSEN_CHAPTER_3, type TrainingSettings } from "../train/settings.ts";
import type { EpochRecord } from "../train/training.ts";

export const SYSTEMS = ["scratch", "tfjs-wasm", "tfjs-cpu", "brainjs"] as const;
export type SystemName = (typeof SYSTEMS)[number];

export const SYSTEM_LABELS: Record<SystemName, string> = {
  scratch: "scratch",
  "tfjs-wasm": "tfjs wasm",
  "tfjs-cpu": "tfjs cpu",
  brainjs: "brain.js",
};

/** The recipes `npm run compare` runs: Nielsen's chapter 1 (the default) and chapter 3. */
export const COMPARE_CHAPTERS = [1, 3] as const;
export type Chapter = (typeof COMPARE_CHAPTERS)[number];

/**
 * The systems each chapter runs. brain.js 1.6.1 has no choice of cost and
 * no regularisation, so it cannot run chapter 3's recipe (see
 * `chapter3-report.ts`), and chapter 3 measures tf on its faster backend
 * only.
 */
export const CHAPTER_SYSTEMS: Record<Chapter, readonly SystemName[]> = { 1: SYSTEMS, 3: ["scratch", "tfjs-wasm"] };

/** How each system steps, in one line for the report. */
export const SYSTEM_STEPS: Record<SystemName, string> = {
  scratch: "katas 01–12: mini-batches of 10, η = 3, float64",
  "tfjs-wasm": "kata 13 on the WebAssembly backend: mini-batches of 10, SGD at lr 15 (η = 3), float32",
  "tfjs-cpu": "kata 13 on the plain-JavaScript backend: mini-batches of 10, SGD at lr 15 (η = 3), float32",
  brainjs: "kata 14: one example at a time, learning rate 0.3 (η/m), momentum 0.1, float32",
};

/** How each system steps in chapter 3's recipe, in one line for the report. */
export const CHAPTER_3_STEPS: Partial<Record<SystemName, string>> = {
  scratch:
    "katas 15, 17 and 18 (npm start -- --chapter 3): cross-entropy, w → (1 − ηλ/n) w − η·mean ∇w, mini-batches of 10, η = 0.5, λ = 5, float64",
  "tfjs-wasm":
    "`tools/compare/tfjs-chapter3.ts` on kata 13's backend and plumbing: `binaryCrossentropy`, SGD at lr 5 (η·k), `kernelRegularizer: tf.regularizers.l2({ l2: λ/(2nk) })`, mini-batches of 10, float32",
};

/** What a child process is asked to run: Nielsen's settings for `chapter`, with this budget and seed. */
export type RunSettings = { system: SystemName; chapter: Chapter } & Pick<TrainingSettings, "epochs" | "trainSize" | "seed">;

/** Everything measured for one system, in its own process. */
export interface SystemResult {
  system: SystemName;
  history: EpochRecord[];
  /** confusion[actual][predicted] on the test set after the last epoch. */
  confusion: number[][];
  /** The child process's peak resident memory (maxRSS), in MB. */
  peakRssMB: number;
}

/** Nielsen's chapter-3 settings (`npm start -- --chapter 3`) with the run's budget and seed. */
export function chapter3Settings(run: Pick<RunSettings, "epochs" | "trainSize" | "seed">): TrainingSettings {
  const { hidden, miniBatchSize, eta, cost, lambda, init } = NIELSEN_CHAPTER_3;
  const { epochs, trainSize, seed } = run;
  return { sizes: mnistSizes(hidden), epochs, miniBatchSize, eta, seed, trainSize, cost, lambda, init, patience: 0 };
}
