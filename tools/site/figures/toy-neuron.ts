/**
 * The small problem behind the gradient-descent figures of lessons 08 and
 * 10: one sigmoid neuron (a 1-1 network: one weight w, one bias b) fitted
 * to 20 points drawn from a seeded generator. With two parameters, its cost
 * C(w, b) is a surface one can draw, and every step of gradient descent a
 * point on it. The cost, the steps and the shuffles are the reference
 * code's own: `networkCost`, `updateMiniBatch`, `sgd`, `createRng`.
 */
import { networkCost } from "#nn/cost.ts";
import { matrix } from "#nn/matrix.ts";
import type { Example, Network } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import { sgd, updateMiniBatch } from "#nn/sgd.ts";

/** A point (w, b) of the parameter plane. */
export type Point = readonly [number, number];

export const TOY = {
  /** The seed of the data set. */
  seed: 1,
  /** How many points. */
  n: 20,
  /** The neuron the targets come from, σ(w x + b) plus noise. */
  teacher: [3, -1] as Point,
  /** The noise added to each target: a normal of this standard deviation. */
  noise: 0.1,
  /** Where every run starts. */
  start: [-2, 3] as Point,
  eta: 3,
} as const;

/** The 20 examples: x uniform in [−1, 1], y = σ(3x − 1) plus noise. */
export function toyData(): Example[] {
  const rng = createRng(TOY.seed);
  const [w, b] = TOY.teacher;
  return Array.from({ length: TOY.n }, () => {
    const x = 2 * rng.uniform() - 1;
    const y = 1 / (1 + Math.exp(-(w * x + b))) + TOY.noise * rng.normal();
    return { x: matrix(1, 1, [x]), y: matrix(1, 1, [y]) };
  });
}

/** The 1-1 network with weight w and bias b. */
export const neuron = ([w, b]: Point): Network => ({ sizes: [1, 1], weights: [matrix(1, 1, [w])], biases: [matrix(1, 1, [b])] });

const where = (net: Network): Point => [net.weights[0].data[0], net.biases[0].data[0]];

/** The cost C(w, b) on the data, by the reference `networkCost`. */
export const cost = (data: readonly Example[], p: Point) => networkCost(neuron(p), data);

/** Gradient descent: `steps` steps on the whole data set (one `updateMiniBatch` of all n), from the start; every point visited. */
export function gradientDescentPath(data: readonly Example[], steps: number): Point[] {
  const net = neuron(TOY.start);
  const path = [where(net)];
  for (let s = 0; s < steps; s++) {
    updateMiniBatch(net, data, TOY.eta);
    path.push(where(net));
  }
  return path;
}

/** Stochastic gradient descent: `epochs` epochs of the reference `sgd` with mini-batches of `m`, shuffled by generator `seed`; every point visited. */
export function sgdPath(data: readonly Example[], epochs: number, m: number, seed: number): Point[] {
  const net = neuron(TOY.start);
  const path: Point[] = [];
  // sgd calls onMiniBatch just before each step: the point then is where that step starts.
  sgd(net, data, { epochs, miniBatchSize: m, eta: TOY.eta, rng: createRng(seed), onMiniBatch: () => path.push(where(net)) });
  path.push(where(net));
  return path;
}
