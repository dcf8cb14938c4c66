/**
 * Saving a trained network as JSON and loading it back. JSON numbers
 * round-trip 64-bit floats exactly, so a reloaded model makes exactly the same
 * predictions. Loading checks everything and says what is wrong with a file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Matrix } from "#nn/matrix.ts";
import type { Network } from "#nn/network.ts";
import type { Impl } from "../core/impl.ts";
import type { TrainingSettings } from "./settings.ts";
import type { EpochRecord } from "./training.ts";

export const MODEL_FORMAT = "nn-from-scratch/model@1";

/** Part II's settings, absent from a model trained before Part II: that was chapter 1's recipe. */
type PartTwoSettings = "cost" | "lambda" | "init" | "patience";

/** How the model was trained (its sizes are the model's own), and how well it did after each epoch. */
export type TrainingRecord = Omit<TrainingSettings, "sizes" | PartTwoSettings> &
  Partial<Pick<TrainingSettings, PartTwoSettings>> & {
    impl: Impl;
    /** Test-set results after each epoch. */
    history: EpochRecord[];
  };

interface StoredMatrix {
  rows: number;
  cols: number;
  data: number[];
}

interface ModelJson {
  format: string;
  sizes: number[];
  biases: StoredMatrix[];
  weights: StoredMatrix[];
  training: TrainingRecord;
}

const store = (m: Matrix): StoredMatrix => ({ rows: m.rows, cols: m.cols, data: Array.from(m.data) });

export function saveModel(path: string, net: Network, training: TrainingRecord): void {
  const json: ModelJson = {
    format: MODEL_FORMAT,
    sizes: [...net.sizes],
    biases: net.biases.map(store),
    weights: net.weights.map(store),
    training,
  };
  writeFileSync(path, JSON.stringify(json));
}

function fail(path: string, problem: string): never {
  throw new Error(`${path} is not a model this course can load: ${problem}. Train one with: npm start`);
}

function restore(path: string, what: string, stored: unknown, rows: number, cols: number): Matrix {
  const m = stored as Partial<StoredMatrix> | undefined;
  if (!m || m.rows !== rows || m.cols !== cols || !Array.isArray(m.data) || m.data.length !== rows * cols) {
    fail(path, `${what} must be a ${rows}×${cols} matrix`);
  }
  if (!m.data.every((v) => typeof v === "number" && Number.isFinite(v))) fail(path, `${what} holds a value that is not a finite number`);
  return { rows, cols, data: Float64Array.from(m.data) };
}

export function loadModel(path: string): { net: Network; training: TrainingRecord } {
  let json: Partial<ModelJson>;
  try {
    json = JSON.parse(readFileSync(path, "utf8")) as Partial<ModelJson>;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "the file does not exist" : "it is not valid JSON";
    fail(path, reason);
  }
  if (json.format !== MODEL_FORMAT) fail(path, `its format is ${JSON.stringify(json.format)}, expected "${MODEL_FORMAT}"`);
  const sizes = json.sizes;
  if (!Array.isArray(sizes) || sizes.length < 2 || !sizes.every((n) => Number.isInteger(n) && n > 0)) {
    fail(path, "sizes must be a list of at least two positive whole numbers");
  }
  if (!Array.isArray(json.biases) || !Array.isArray(json.weights)) fail(path, "biases and weights must be lists");
  if (json.biases.length !== sizes.length - 1 || json.weights.length !== sizes.length - 1) {
    fail(path, `a network of ${sizes.length} layers needs ${sizes.length - 1} bias vectors and weight matrices`);
  }
  const biases = sizes.slice(1).map((n, l) => restore(path, `biases[${l}]`, json.biases?.[l], n, 1));
  const weights = sizes.slice(1).map((n, l) => restore(path, `weights[${l}]`, json.weights?.[l], n, sizes[l]));
  if (!json.training) fail(path, "it has no training record");
  return { net: { sizes, biases, weights }, training: json.training };
}
