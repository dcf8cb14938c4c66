/**
 * Nielsen's overfitting experiment (chapter 3, *Overfitting and
 * regularization*), run with the reference: his 784-30-10 network trained on
 * only the first 1,000 training images, cross-entropy cost, η = 0.5,
 * mini-batches of 10, 400 epochs, weights N(0, 1) as his section has them
 * (`large_weight_initializer`; kata 17 comes later in his chapter), once
 * without regularisation and once with his λ = 0.1. After every epoch it
 * records the cost and accuracy on the 1,000 training images and the
 * accuracy on the 10,000 validation and 10,000 test images: what kata 19's
 * monitoring shows. Lessons 18 and 19 draw their figures from the runs,
 * committed in `docs/model/overfitting.json`: 800 epochs, each scored on
 * 21,000 images, take about six minutes, too long to redo on every
 * `npm run docs`. `npm run overfitting` makes the file again; a test re-runs
 * the first epochs and checks they match it exactly.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CrossEntropyCost } from "#nn/costs.ts";
import { trainEpochL2 } from "#nn/l2.ts";
import { nielsenSplit, slice } from "#nn/mnist.ts";
import { totalCost } from "#nn/monitor.ts";
import { createNetwork } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import { predictSet } from "#nn/train.ts";
import type { Mnist } from "../../../katas/support/mnist-files.ts";
import { repoRoot } from "../../core/paths.ts";

/** The experiment's settings: Nielsen's, and the course's default seed. */
export const OVERFITTING = {
  sizes: [784, 30, 10],
  trainingImages: 1000,
  epochs: 400,
  eta: 0.5,
  miniBatchSize: 10,
  lambdas: [0, 0.1],
  seed: 2,
} as const;

/** The validation and the test images: 10,000 each in Nielsen's split. */
export const HELD_OUT_IMAGES = 10_000;

/** An epoch's accuracies in %, on the training, validation and test images. */
export function percentages(epoch: OverfittingEpoch): { training: number; validation: number; test: number } {
  return {
    training: (100 * epoch.trainingCorrect) / OVERFITTING.trainingImages,
    validation: (100 * epoch.validationCorrect) / HELD_OUT_IMAGES,
    test: (100 * epoch.testCorrect) / HELD_OUT_IMAGES,
  };
}

/** Where the runs are committed, relative to the repository. */
export const OVERFITTING_FILE = "docs/model/overfitting.json";

/** One epoch's measurements. */
export interface OverfittingEpoch {
  /** `totalCost` (kata 19) on the 1,000 training images, with the run's λ. */
  trainingCost: number;
  /** Right answers on the 1,000 training images. */
  trainingCorrect: number;
  /** Right answers on the 10,000 validation images. */
  validationCorrect: number;
  /** Right answers on the 10,000 test images. */
  testCorrect: number;
}

export interface OverfittingRun {
  lambda: number;
  history: OverfittingEpoch[];
}

export interface OverfittingRuns {
  settings: typeof OVERFITTING;
  runs: OverfittingRun[];
}

/**
 * The run with regularisation parameter `lambda`, for its first `epochs`
 * epochs (400 by default), calling `onEpoch` after each. Deterministic:
 * the network and the shuffles come from `OVERFITTING.seed`.
 */
export function runOverfitting(
  mnist: Mnist,
  lambda: number,
  epochs: number = OVERFITTING.epochs,
  onEpoch?: (epoch: number) => void,
): OverfittingRun {
  const { training: all, validation, test } = nielsenSplit(mnist.train, mnist.test);
  const training = slice(all, 0, OVERFITTING.trainingImages);
  const rng = createRng(OVERFITTING.seed);
  const net = createNetwork(OVERFITTING.sizes, rng);
  const correct = (set: typeof test) => {
    const predictions = predictSet(net, set);
    return predictions.reduce((sum, digit, i) => sum + (digit === set.labels[i] ? 1 : 0), 0);
  };
  const history: OverfittingEpoch[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    trainEpochL2(net, training, { miniBatchSize: OVERFITTING.miniBatchSize, eta: OVERFITTING.eta, lambda, cost: CrossEntropyCost, rng });
    history.push({
      trainingCost: totalCost(net, training, CrossEntropyCost, lambda),
      trainingCorrect: correct(training),
      validationCorrect: correct(validation),
      testCorrect: correct(test),
    });
    onEpoch?.(epoch);
  }
  return { lambda, history };
}

/** The committed runs. */
export function loadOverfitting(root: string = repoRoot): OverfittingRuns {
  return JSON.parse(readFileSync(join(root, OVERFITTING_FILE), "utf8")) as OverfittingRuns;
}
