/**
 * Kata 14 · The closest network in brain.js.
 *
 * brain.js 1.6.1 builds a sigmoid network from a list of hidden-layer sizes
 * and trains it with its own loop. It cannot take Nielsen's step exactly: it
 * updates the weights after every example, its default trainer adds
 * momentum, and it rejects a learning rate of 1 or more. You get as close as it allows, and load your
 * own network into it through its JSON format.
 * Lesson: `katas/14-brainjs/README.md`.
 *
 * @module
 */
import type brain from "brain.js";
import type { MnistSet } from "./mnist.ts";
import type { Network } from "./network.ts";
import type { Rng } from "./random.ts";

/** A brain.js network (the `NeuralNetwork` class of brain.js 1.6.1). */
export type BrainModel = InstanceType<typeof brain.NeuralNetwork>;

/** One neuron in brain.js's JSON: its bias, and its weights keyed by the index of the neuron they come from. */
export interface BrainNode {
  readonly bias: number;
  readonly weights: Record<string, number>;
}

/**
 * The JSON of `toJSON()` and `fromJSON()` in brain.js 1.6.1. `layers` has
 * one entry per layer, **the input layer included**: `layers[0]` maps each
 * input index to an empty object, and `layers[k]` (k ≥ 1) maps each neuron
 * index to a {@link BrainNode}: `layers[k]` is Nielsen's layer k + 1.
 */
export interface BrainJson {
  readonly sizes: number[];
  readonly layers: Record<string, BrainNode | Record<string, never>>[];
  readonly inputLookup: boolean;
  readonly outputLookup: boolean;
  readonly activation: "sigmoid";
  readonly trainOpts: Record<string, never>;
}

/**
 * Our network in brain.js's JSON format. Our `weights[i]` (rows: the neurons
 * of Nielsen's layer i + 2) becomes `layers[i + 1]`: neuron j gets
 * `bias: biases[i][j]` and `weights: { k: weights[i][j][k] }`, keyed by the index k of the
 * neuron in the layer before. `inputLookup` and `outputLookup` are false
 * (inputs and outputs are arrays, not named keys); `trainOpts` is `{}`.
 */
export function toBrainJson(net: Network): BrainJson {
  throw new Error("Not implemented: toBrainJson (kata 14-brainjs, lesson katas/14-brainjs/README.md)");
}

/** The inverse of {@link toBrainJson}: our network from brain.js's JSON, for example from a trained model's `toJSON()`. */
export function fromBrainJson(json: BrainJson): Network {
  throw new Error("Not implemented: fromBrainJson (kata 14-brainjs, lesson katas/14-brainjs/README.md)");
}

/** A brain.js sigmoid network holding exactly our network's biases and weights (as float32, brain.js's type). */
export function createBrainModel(net: Network): BrainModel {
  throw new Error("Not implemented: createBrainModel (kata 14-brainjs, lesson katas/14-brainjs/README.md)");
}

/**
 * brain.js's learning rate for Nielsen's `eta` and `miniBatchSize`: one
 * update per example with rate η/m moves the weights, over a mini-batch,
 * as far as Nielsen's one step of η times the mean gradient. Throws a clear
 * error that names η/m when it is 1 or more, which brain.js rejects
 * (`η/m = 1.5 is not below 1, which brain.js needs`).
 */
export function brainLearningRate(eta: number, miniBatchSize: number): number {
  throw new Error("Not implemented: brainLearningRate (kata 14-brainjs, lesson katas/14-brainjs/README.md)");
}

/** A training example as brain.js takes it: plain arrays. */
export interface BrainExample {
  /** The image's pixels scaled to [0, 1]. */
  readonly input: number[];
  /** The one-hot vector of its label. */
  readonly output: number[];
}

/** Every image of a set as a brain.js example, in order. */
export function brainExamples(set: MnistSet): BrainExample[] {
  throw new Error("Not implemented: brainExamples (kata 14-brainjs, lesson katas/14-brainjs/README.md)");
}

/** The settings of {@link trainEpochBrain}. */
export interface BrainEpochOptions {
  /** brain.js's learning rate, below 1: see {@link brainLearningRate}. */
  readonly learningRate: number;
  /** Shuffles the order of the examples, exactly as kata 12's `trainEpoch` shuffles images. */
  readonly rng: Rng;
}

/**
 * One epoch: shuffle the examples with `shuffle` (kata 10) and
 * `options.rng`, then one pass of brain.js's training over them
 * (`iterations: 1`) with `learningRate` and brain.js's default momentum, 0.1.
 */
export function trainEpochBrain(model: BrainModel, examples: readonly BrainExample[], options: BrainEpochOptions): void {
  throw new Error("Not implemented: trainEpochBrain (kata 14-brainjs, lesson katas/14-brainjs/README.md)");
}

/** The digit the model predicts for every image of a set: the index of its largest output (the first one on ties, like kata 07's `argmax`). */
export function predictSetBrain(model: BrainModel, set: MnistSet): Uint8Array {
  throw new Error("Not implemented: predictSetBrain (kata 14-brainjs, lesson katas/14-brainjs/README.md)");
}
