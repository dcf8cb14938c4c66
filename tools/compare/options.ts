/**
 * The command line of `npm run compare`: the budget every system gets (the
 * same epochs on the same training images, from the same seed) and where
 * the report goes. The flags are the trainer's, so they mean the same.
 */
import { positiveInt, wholeNumber } from "../core/cli.ts";
import { epochsFlag, parseTrainSize, SEED_FLAG, TRAIN_SIZE_FLAG } from "../train/options.ts";

export const COMPARE_COMMAND = {
  name: "compare",
  usage: "npm run compare -- [options]",
  summary:
    "Train the scratch network, TensorFlow.js (wasm and cpu backends) and brain.js on MNIST with the same budget, and write the measured comparison.",
  flags: {
    epochs: { ...epochsFlag(5), help: "passes over the training images, the same for every system" },
    "train-size": TRAIN_SIZE_FLAG,
    seed: { ...SEED_FLAG, help: "seed for the starting weights and the shuffles, shared by every system (npm start's default)" },
    out: { type: "string", value: "DIR", default: "docs", help: "where to write comparison.md and its charts" },
  },
  notes: "Each system trains in its own child process, one after another; each is tested on the 10,000 test images after every epoch.",
} as const;

export interface CompareOptions {
  epochs: number;
  trainSize: number;
  seed: number;
  /** The folder that receives comparison.md and its charts. */
  out: string;
}

export function compareOptions(values: { epochs: string; "train-size": string; seed: string; out: string }): CompareOptions {
  return {
    epochs: positiveInt("--epochs", values.epochs),
    trainSize: parseTrainSize(values["train-size"]),
    seed: wholeNumber("--seed", values.seed),
    out: values.out,
  };
}
