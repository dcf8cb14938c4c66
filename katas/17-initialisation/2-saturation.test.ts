import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultWeightInitializer } from "#nn/initialise.ts";
import type { Matrix } from "#nn/matrix.ts";
import { createNetwork, type Network } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import { oracleSigmoid } from "../support/networks.ts";

/**
 * The statistics below come from fixed seeds, so every run draws the same
 * numbers and a test passes or fails the same way every time. Each bound is
 * 5 standard errors wide: a correct initialiser lands inside it from all but
 * about one seed in 1.7 million, and each wrong one the lesson lists lands
 * many standard errors outside.
 */
const STANDARD_ERRORS = 5;

/** The sample mean and the sample variance (divided by n − 1). */
function meanAndVariance(xs: ArrayLike<number>): { mean: number; variance: number } {
  let sum = 0;
  for (let k = 0; k < xs.length; k++) sum += xs[k];
  const mean = sum / xs.length;
  let squares = 0;
  for (let k = 0; k < xs.length; k++) squares += (xs[k] - mean) ** 2;
  return { mean, variance: squares / (xs.length - 1) };
}

/**
 * Assert that `xs` look drawn from N(0, variance): their mean within 5
 * standard errors √(variance/n) of 0, their sample variance within 5 standard
 * errors variance·√(2/(n − 1)) of `variance` (for normal samples).
 */
function assertLooksNormal(xs: ArrayLike<number>, variance: number, what: string, expectation: string): void {
  const n = xs.length;
  const { mean, variance: sample } = meanAndVariance(xs);
  const [meanBound, varianceBound] = [STANDARD_ERRORS * Math.sqrt(variance / n), STANDARD_ERRORS * variance * Math.sqrt(2 / (n - 1))];
  assert.ok(
    Math.abs(mean) <= meanBound,
    `${what}: the mean of ${n} numbers is ${mean.toPrecision(4)}, not within ${meanBound.toPrecision(2)} of 0`,
  );
  assert.ok(
    Math.abs(sample - variance) <= varianceBound,
    `${what}: the variance of ${n} numbers is ${sample.toPrecision(4)} (1/${(1 / sample).toPrecision(4)}), ` +
      `expected ${expectation} = ${variance.toPrecision(4)} ± ${varianceBound.toPrecision(2)}`,
  );
}

/** Nielsen's input: 1,000 input neurons, half of them on (1) and half off (0); here every other one. */
const HALF_ON: Matrix = { rows: 1000, cols: 1, data: Float64Array.from({ length: 1000 }, (_, k) => (k % 2 === 0 ? 1 : 0)) };

/** The weighted inputs $z_j = \sum_k w_{jk} x_k + b_j$ of the first layer after the input, with plain loops. */
function weightedInputs(net: Network, x: Matrix): number[] {
  const [w, b] = [net.weights[0], net.biases[0]];
  return Array.from({ length: w.rows }, (_, j) => {
    let z = b.data[j];
    for (let k = 0; k < w.cols; k++) z += w.data[j * w.cols + k] * x.data[k];
    return z;
  });
}

/** The sample standard deviation of `zs`. */
const standardDeviation = (zs: readonly number[]) => Math.sqrt(meanAndVariance(zs).variance);

/** The fraction of `zs` at which a sigmoid neuron is saturated: σ'(z) = σ(z)(1 − σ(z)) below 0.01, that is |z| > 4.6. */
function saturatedFraction(zs: readonly number[]): number {
  return zs.filter((z) => oracleSigmoid(z) * (1 - oracleSigmoid(z)) < 0.01).length / zs.length;
}

type Initializer = (sizes: readonly number[], rng: ReturnType<typeof createRng>) => Network;

/** The weighted inputs of Nielsen's example, by initialiser: computed once, by the first test that asks. */
const examples = new Map<Initializer, number[]>();

/**
 * Nielsen's example, for 2,000 hidden neurons at once: the weighted inputs of
 * a 1000→2000 layer, from seed 17, built by `init`. Each neuron has weights of
 * its own, so the 2,000 values of z are 2,000 independent samples.
 */
function nielsensExample(init: Initializer): number[] {
  const zs = examples.get(init) ?? weightedInputs(init([1000, 2000], createRng(17)), HALF_ON);
  examples.set(init, zs);
  return zs;
}

describe("17-initialisation", () => {
  describe("defaultWeightInitializer: the distribution of the parameters", () => {
    it("Nielsen's [784, 100, 10]: weights into layer 2 have mean ≈ 0 and variance ≈ 1/784, into layer 3 variance ≈ 1/100", () => {
      const net = defaultWeightInitializer([784, 100, 10], createRng(2024));
      assertLooksNormal(net.weights[0].data, 1 / 784, "weights[0], into layer 2 (784 inputs each)", "1/n_in = 1/784");
      assertLooksNormal(net.weights[1].data, 1 / 100, "weights[1], into layer 3 (100 inputs each)", "1/n_in = 1/100");
    });

    it("the biases stay N(0, 1): mean ≈ 0 and variance ≈ 1 in a layer of 10,000 neurons with 9 inputs each", () => {
      const net = defaultWeightInitializer([9, 10_000], createRng(7));
      assertLooksNormal(net.biases[0].data, 1, "biases[0]", "1, as in chapter 1 (only the weights are divided by √n_in)");
    });
  });

  describe("Nielsen's example: 1,000 inputs, 500 of them 1 and 500 of them 0", () => {
    it("z = Σ w_j x_j + b has standard deviation √501 ≈ 22.4 under createNetwork, but √(3/2) ≈ 1.22 under defaultWeightInitializer", () => {
      // The standard error of a sample standard deviation s of n normal numbers is about s/√(2(n − 1)):
      // for n = 2,000, 0.35 around 22.4 and 0.019 around 1.22. The bounds are 5 of them.
      const bound = (s: number) => (STANDARD_ERRORS * s) / Math.sqrt(2 * 1999);
      const [chapter1, chapter3] = [Math.sqrt(501), Math.sqrt(3 / 2)];
      const broad = standardDeviation(nielsensExample(createNetwork));
      assert.ok(
        Math.abs(broad - chapter1) <= bound(chapter1),
        `with createNetwork's N(0, 1) weights, z is a sum of 501 standard normals (500 weights and the bias): ` +
          `its standard deviation should be √501 ≈ 22.4, but the 2,000 neurons give ${broad.toFixed(3)}. Has kata 05's createNetwork changed?`,
      );
      const narrow = standardDeviation(nielsensExample(defaultWeightInitializer));
      assert.ok(
        Math.abs(narrow - chapter3) <= bound(chapter3),
        `with weights from N(0, 1/1000) and biases from N(0, 1), z has variance 500 · 1/1000 + 1 = 3/2: ` +
          `its standard deviation should be √(3/2) ≈ 1.22 ± ${bound(chapter3).toFixed(3)}, but the 2,000 neurons give ${narrow.toFixed(3)}`,
      );
    });

    it("most hidden neurons start saturated (σ'(z) < 0.01) under createNetwork, almost none under defaultWeightInitializer", () => {
      // Under N(0, 1) weights, P(|z| > 4.6) = P(|N(0, 1)| > 4.6/22.4) ≈ 84%; under the new ones, P(|N(0, 1)| > 4.6/1.22) ≈ 0.02%.
      const broad = saturatedFraction(nielsensExample(createNetwork));
      assert.ok(broad > 0.75, `under createNetwork, ${(100 * broad).toFixed(1)}% of the neurons start saturated, expected about 84%`);
      const narrow = saturatedFraction(nielsensExample(defaultWeightInitializer));
      assert.ok(
        narrow < 0.01,
        `under defaultWeightInitializer, ${(100 * narrow).toFixed(1)}% of the 2,000 neurons start saturated (σ'(z) < 0.01), expected about 0.02%`,
      );
    });
  });
});
