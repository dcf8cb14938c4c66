/**
 * The command line of `npm run compare`: the budget every system gets (the
 * same epochs on the same training images) and where the report goes.
 */
import { parseFlags, positiveInt, UsageError } from "../core/cli.ts";
import { parseTrainOptions, TRAINING_IMAGES } from "../train/options.ts";

/** `npm start`'s default seed, so that the comparison's scratch run is the trainer's default run. */
const DEFAULT_SEED = parseTrainOptions([]).seed;

export interface CompareOptions {
  epochs: number;
  trainSize: number;
  seed: number;
  /** The folder that receives comparison.md and its charts. */
  out: string;
  help: boolean;
}

export const COMPARE_HELP = `npm run compare -- [options]    train the scratch network, TensorFlow.js and brain.js on MNIST and compare them

  --epochs N        passes over the training images, the same for every system (default 5)
  --train-size N    train on the first N of Nielsen's 50,000 training images (default 50000)
  --seed N          seed for the starting weights and the shuffles, shared by every system (default ${DEFAULT_SEED}, as npm start)
  --out DIR         where to write comparison.md and its charts (default docs)
  --help            this text

Each system trains in its own child process, one after another; each is tested on the 10,000 test images after every epoch.`;

export function parseCompareOptions(args: string[]): CompareOptions {
  const { values, positionals } = parseFlags({
    args,
    options: {
      epochs: { type: "string", default: "5" },
      "train-size": { type: "string", default: String(TRAINING_IMAGES) },
      seed: { type: "string", default: String(DEFAULT_SEED) },
      out: { type: "string", default: "docs" },
      help: { type: "boolean", default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (!/^-?\d+$/.test(values.seed)) throw new UsageError(`--seed must be a whole number, got "${values.seed}"`);
  const trainSize = positiveInt("--train-size", values["train-size"]);
  if (trainSize > TRAINING_IMAGES) {
    throw new UsageError(`--train-size can be at most ${TRAINING_IMAGES} (Nielsen's training set), got ${trainSize}`);
  }
  return { epochs: positiveInt("--epochs", values.epochs), trainSize, seed: Number(values.seed), out: values.out, help: values.help };
}
