/**
 * Kata 14 · The closest network in brain.js — reference solution.
 *
 * brain.js 1.6.1 builds a sigmoid network from a list of hidden-layer sizes
 * and trains it with its own loop. It cannot take Nielsen's step exactly: it
 * updates the weights after every example (no mini-batches), its default
 * trainer adds momentum, and it rejects a learning rate of 1 or more. We get as close as it allows
 * and load our own weights through its JSON format, so that both networks
 * start from the same point.
 *
 * @module
 */
import brain from "brain.js";
import type { Matrix } from "./matrix.ts";
import type { MnistSet } from "./mnist.ts";
import type { Network } from "./network.ts";
import type { Rng } from "./random.ts";
import { shuffle } from "./sgd.ts";

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

/** brain.js's default momentum. Its default trainer cannot switch momentum off: brain.js rejects 0. */
const MOMENTUM = 0.1;

/**
 * Our network in brain.js's JSON format. Our `weights[i]` (rows: the neurons
 * of Nielsen's layer i + 2) becomes `layers[i + 1]`: neuron j gets
 * `bias: biases[i][j]` and `weights: { k: weights[i][j][k] }`, keyed by the index k of the
 * neuron in the layer before. `inputLookup` and `outputLookup` are false
 * (inputs and outputs are arrays, not named keys); `trainOpts` is `{}`.
 */
export function toBrainJson(net: Network): BrainJson {
  const inputs: Record<string, Record<string, never>> = {};
  for (let k = 0; k < net.sizes[0]; k++) inputs[k] = {};
  const layers = net.weights.map((w, l) => {
    const nodes: Record<string, BrainNode> = {};
    for (let j = 0; j < w.rows; j++) {
      const weights: Record<string, number> = {};
      for (let k = 0; k < w.cols; k++) weights[k] = w.data[j * w.cols + k];
      nodes[j] = { bias: net.biases[l].data[j], weights };
    }
    return nodes;
  });
  return {
    sizes: [...net.sizes],
    layers: [inputs, ...layers],
    inputLookup: false,
    outputLookup: false,
    activation: "sigmoid",
    trainOpts: {},
  };
}

/** The inverse of {@link toBrainJson}: our network from brain.js's JSON, for example from a trained model's `toJSON()`. */
export function fromBrainJson(json: BrainJson): Network {
  const sizes = [...json.sizes];
  const biases: Matrix[] = [];
  const weights: Matrix[] = [];
  for (let l = 1; l < sizes.length; l++) {
    const [rows, cols] = [sizes[l], sizes[l - 1]];
    const b = { rows, cols: 1, data: new Float64Array(rows) };
    const w = { rows, cols, data: new Float64Array(rows * cols) };
    for (let j = 0; j < rows; j++) {
      const node = json.layers[l][j] as BrainNode;
      b.data[j] = node.bias;
      for (let k = 0; k < cols; k++) w.data[j * cols + k] = node.weights[k];
    }
    biases.push(b);
    weights.push(w);
  }
  return { sizes, biases, weights };
}

/** A brain.js sigmoid network holding exactly our network's biases and weights (as float32, brain.js's type). */
export function createBrainModel(net: Network): BrainModel {
  const model = new brain.NeuralNetwork({ hiddenLayers: net.sizes.slice(1, -1), activation: "sigmoid" });
  // The cast: brain.js's own typings declare `layers: object[]` and `trainOpts` with every option.
  return model.fromJSON(toBrainJson(net) as unknown as Parameters<BrainModel["fromJSON"]>[0]);
}

/**
 * brain.js's learning rate for Nielsen's `eta` and `miniBatchSize`: one
 * update per example with rate η/m moves the weights, over a mini-batch,
 * as far as Nielsen's one step of η times the mean gradient. Throws a clear
 * error when η/m is 1 or more, which brain.js rejects.
 */
export function brainLearningRate(eta: number, miniBatchSize: number): number {
  const rate = eta / miniBatchSize;
  if (!(rate > 0 && rate < 1)) {
    throw new RangeError(`brain.js needs a learning rate between 0 and 1, but η/m = ${eta}/${miniBatchSize} = ${rate}`);
  }
  return rate;
}

/** A training example as brain.js takes it: plain arrays. */
export interface BrainExample {
  /** The image's pixels scaled to [0, 1]. */
  readonly input: number[];
  /** The one-hot vector of its label. */
  readonly output: number[];
}

const DIGITS = 10;

/** The input brain.js takes for image i: its pixels scaled to [0, 1]. */
function pixelsOf(set: MnistSet, i: number): number[] {
  const size = set.rows * set.cols;
  return Array.from(set.pixels.subarray(i * size, (i + 1) * size), (v) => v / 255);
}

/** Every image of a set as a brain.js example, in order. */
export function brainExamples(set: MnistSet): BrainExample[] {
  return Array.from({ length: set.count }, (_, i) => {
    const output = new Array<number>(DIGITS).fill(0);
    output[set.labels[i]] = 1;
    return { input: pixelsOf(set, i), output };
  });
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
  model.train(shuffle(examples, options.rng), { iterations: 1, learningRate: options.learningRate, momentum: MOMENTUM });
}

/** The digit the model predicts for every image of a set: the index of its largest output (the first one on ties, like kata 07's `argmax`). */
export function predictSetBrain(model: BrainModel, set: MnistSet): Uint8Array {
  const predictions = new Uint8Array(set.count);
  for (let i = 0; i < set.count; i++) {
    const output = model.run(pixelsOf(set, i)) as ArrayLike<number>;
    let best = 0;
    for (let d = 1; d < output.length; d++) if (output[d] > output[best]) best = d;
    predictions[i] = best;
  }
  return predictions;
}
