/**
 * The command line of `npm run compare`: the budget every system gets (the
 * same epochs on the same training images, from the same seed) and where
 * the report goes. The flags are the trainer's, so they mean the same.
 */
import { oneOf, positiveInt, wholeNumber } from "../core/cli.ts";
import { epochsFlag, parseTrainSize, SEED_FLAG, TRAIN_SIZE_FLAG } from "../train/options.ts";
import { type Chapter, COMPARE_CHAPTERS } from "./systems.ts";

export const COMPARE_COMMAND = {
  name: "compare",
  usage: "npm run compare -- [options]",
  summary:
    "Train the scratch network, TensorFlow.js (wasm and cpu backends) and brain.js on MNIST with the same budget, and write the measured comparison.",
  flags: {
    chapter: {
      type: "string",
      value: "1|3",
      default: "1",
      help: "Nielsen's recipe of chapter 1 (all four systems), or of chapter 3 (scratch and tfjs wasm; its section of comparison.md)",
    },
    epochs: { ...epochsFlag(5), help: "passes over the training images, the same for every system" },
    "train-size": TRAIN_SIZE_FLAG,
    seed: { ...SEED_FLAG, help: "seed for the starting weights and the shuffles, shared by every system (npm start's default)" },
    out: { type: "string", value: "DIR", default: "docs", help: "where to write comparison.md and its charts" },
  },
  notes: "Each system trains in its own child process, one after another; each is tested on the 10,000 test images after every epoch.",
} as const;

export interface CompareOptions {
  chapter: Chapter;
  epochs: number;
  trainSize: number;
  seed: number;
  /** The folder that receives comparison.md and its charts (chapter 3: its section of that comparison.md, and its own charts). */
  out: string;
}

export function compareOptions(values: {
  chapter: string;
  epochs: string;
  "train-size": string;
  seed: string;
  out: string;
}): CompareOptions {
  return {
    chapter: Number(
      oneOf(
        "--chapter",
        values.chapter,
        COMPARE_CHAPTERS.map((c) => String(c)),
      ),
    ) as Chapter,
    epochs: positiveInt("--epochs", values.epochs),
    trainSize: parseTrainSize(values["train-size"]),
    seed: wholeNumber("--seed", values.seed),
    out: values.out,
  };
}
