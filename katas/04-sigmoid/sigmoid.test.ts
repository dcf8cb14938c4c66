import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { perceptron } from "#nn/perceptron.ts";
import { sigmoid, sigmoidNeuron, sigmoidPrime } from "#nn/sigmoid.ts";
import { neuronCaseArb, weightedInput } from "../support/neurons.ts";
import { assertProperty } from "../support/property.ts";

/**
 * An independent oracle: σ(z) = (1 + tanh(z/2)) / 2 is the same function as
 * 1 / (1 + e^{−z}), written without e^{−z}.
 */
const oracleSigmoid = (z: number) => (1 + Math.tanh(z / 2)) / 2;

function assertClose(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)),
    `${what} is ${actual}, expected ${expected} (tolerance ${tolerance})`,
  );
}

/** Moderate z, where σ(z) is strictly between 0 and 1 in floating point. */
const moderateArb = fc.double({ min: -30, max: 30, noNaN: true });
/** Every finite number, from −1.8e308 to 1.8e308, including ±1000 and beyond. */
const finiteArb = fc.double({ noNaN: true, noDefaultInfinity: true });
const ln3 = Math.log(3);

describe("04-sigmoid", () => {
  describe("sigmoid", () => {
    it("σ(0) = 1/2, σ(ln 3) = 3/4 and σ(−ln 3) = 1/4, worked by hand", () => {
      // #region sigmoid-by-hand
      assertClose(sigmoid(0), 0.5, 1e-15, "sigmoid(0) = 1 / (1 + e⁰) = 1/2:");
      assertClose(sigmoid(ln3), 0.75, 1e-15, "sigmoid(ln 3) = 1 / (1 + 1/3) = 3/4:");
      assertClose(sigmoid(-ln3), 0.25, 1e-15, "sigmoid(−ln 3) = 1 / (1 + 3) = 1/4:");
      // #endregion sigmoid-by-hand
    });

    it("agrees with σ(z) = (1 + tanh(z/2)) / 2", () => {
      assertProperty(
        fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (z) => {
          assertClose(sigmoid(z), oracleSigmoid(z), 1e-12, `sigmoid(${z})`);
        }),
      );
    });

    it("is strictly between 0 and 1 for moderate z, and in [0, 1] for every finite z", () => {
      assertProperty(
        fc.property(moderateArb, (z) => {
          const s = sigmoid(z);
          assert.ok(s > 0 && s < 1, `sigmoid(${z}) = ${s} is not strictly between 0 and 1`);
        }),
      );
      assertProperty(
        fc.property(finiteArb, (z) => {
          const s = sigmoid(z);
          assert.ok(s >= 0 && s <= 1, `sigmoid(${z}) = ${s} is not in [0, 1]`);
        }),
      );
    });

    it("is symmetric: σ(−z) = 1 − σ(z)", () => {
      assertProperty(
        fc.property(finiteArb, (z) => {
          assertClose(sigmoid(-z), 1 - sigmoid(z), 1e-12, `sigmoid(${-z}) vs 1 − sigmoid(${z}):`);
        }),
      );
    });

    it("is increasing: z₁ < z₂ gives σ(z₁) ≤ σ(z₂), strictly for moderate z", () => {
      assertProperty(
        fc.property(finiteArb, finiteArb, (a, b) => {
          fc.pre(a !== b);
          const [lo, hi] = a < b ? [a, b] : [b, a];
          assert.ok(sigmoid(lo) <= sigmoid(hi), `sigmoid(${lo}) = ${sigmoid(lo)} > sigmoid(${hi}) = ${sigmoid(hi)}`);
        }),
      );
      assertProperty(
        fc.property(moderateArb, moderateArb, (a, b) => {
          fc.pre(Math.abs(a - b) > 1e-9);
          const [lo, hi] = a < b ? [a, b] : [b, a];
          assert.ok(sigmoid(lo) < sigmoid(hi), `sigmoid(${lo}) = ${sigmoid(lo)} is not < sigmoid(${hi}) = ${sigmoid(hi)}`);
        }),
      );
    });

    it("is finite and right for huge |z|: σ(1000) = 1, σ(−1000) = 0, never NaN", () => {
      for (const [z, expected] of [
        [1000, 1],
        [-1000, 0],
        [800, 1],
        [-800, 0],
        [Number.MAX_VALUE, 1],
        [-Number.MAX_VALUE, 0],
      ]) {
        const s = sigmoid(z);
        assert.ok(Number.isFinite(s), `sigmoid(${z}) is ${s}: e^z or e^(−z) overflowed to Infinity and was not tamed`);
        assertClose(s, expected, 1e-15, `sigmoid(${z})`);
      }
      assertProperty(
        fc.property(finiteArb, (z) => {
          assert.ok(Number.isFinite(sigmoid(z)), `sigmoid(${z}) is ${sigmoid(z)}`);
        }),
      );
    });
  });

  describe("sigmoidPrime", () => {
    it("σ'(0) = 1/4 and σ'(±ln 3) = 3/16, worked by hand", () => {
      assertClose(sigmoidPrime(0), 0.25, 1e-15, "sigmoidPrime(0) = (1/2)(1 − 1/2) = 1/4:");
      assertClose(sigmoidPrime(ln3), 3 / 16, 1e-15, "sigmoidPrime(ln 3) = (3/4)(1 − 3/4) = 3/16:");
      assertClose(sigmoidPrime(-ln3), 3 / 16, 1e-15, "sigmoidPrime(−ln 3) = (1/4)(1 − 1/4) = 3/16:");
    });

    it("matches the slope of σ: a central finite difference with h = 1e-5", () => {
      const h = 1e-5;
      assertProperty(
        fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (z) => {
          const slope = (oracleSigmoid(z + h) - oracleSigmoid(z - h)) / (2 * h);
          assertClose(sigmoidPrime(z), slope, 1e-9, `sigmoidPrime(${z}) vs (σ(z + h) − σ(z − h)) / 2h:`);
        }),
      );
    });

    it("is at most 1/4, largest at z = 0, positive for moderate z and symmetric", () => {
      assertProperty(
        fc.property(finiteArb, (z) => {
          // Up to rounding: e^−z / (1 + e^−z)², as correct as σ(1 − σ), can come out one ulp above 1/4 near z = 0.
          const rounding = 1e-15;
          const d = sigmoidPrime(z);
          assert.ok(d >= 0 && d <= 0.25 + rounding, `sigmoidPrime(${z}) = ${d} is not in [0, 1/4]`);
          assert.ok(d <= sigmoidPrime(0) + rounding, `sigmoidPrime(${z}) = ${d} > sigmoidPrime(0) = ${sigmoidPrime(0)}`);
          assertClose(sigmoidPrime(-z), d, 1e-12, `sigmoidPrime(${-z}) vs sigmoidPrime(${z}):`);
        }),
      );
      assertProperty(
        fc.property(moderateArb, (z) => {
          assert.ok(sigmoidPrime(z) > 0, `sigmoidPrime(${z}) = ${sigmoidPrime(z)} is not > 0`);
        }),
      );
    });

    it("is finite for huge |z|: σ'(±1000) = 0, never NaN", () => {
      for (const z of [1000, -1000, 800, -800, Number.MAX_VALUE, -Number.MAX_VALUE]) {
        const d = sigmoidPrime(z);
        assert.ok(Number.isFinite(d), `sigmoidPrime(${z}) is ${d}: an exponential overflowed to Infinity`);
        assertClose(d, 0, 1e-15, `sigmoidPrime(${z})`);
      }
      assertProperty(
        fc.property(finiteArb, (z) => {
          assert.ok(Number.isFinite(sigmoidPrime(z)), `sigmoidPrime(${z}) is ${sigmoidPrime(z)}`);
        }),
      );
    });
  });

  describe("sigmoidNeuron", () => {
    it("outputs σ(w·x + b)", () => {
      const caseArb = neuronCaseArb(fc.double({ min: -5, max: 5, noNaN: true }), { minInputs: 0, maxInputs: 6 });
      assertProperty(
        fc.property(caseArb, ([weights, bias, inputs]) => {
          const z = weightedInput(weights, bias, inputs);
          assertClose(sigmoidNeuron(weights, bias)(inputs), oracleSigmoid(z), 1e-12, `σ(w·x + b) with w·x + b = ${z}:`);
        }),
      );
    });

    it("rejects inputs of the wrong length, naming both lengths", () => {
      const lengths = (error: Error) => {
        assert.match(error.message, /\b3\b/, `the message should name both lengths, 3 and 5: "${error.message}"`);
        assert.match(error.message, /\b5\b/, `the message should name both lengths, 3 and 5: "${error.message}"`);
        return true;
      };
      assert.throws(() => sigmoidNeuron([1, 2, 3], 0)([1, 2, 3, 4, 5]), lengths);
      assert.throws(() => sigmoidNeuron([1, 2, 3, 4, 5], 0)([1, 2, 3]), lengths);
    });

    // Nielsen's exercise: multiply all the weights and biases by c > 0. As c → ∞
    // a sigmoid neuron behaves exactly like a perceptron, unless w·x + b = 0.
    const cs = [1, 10, 100, 1000, 1e6];
    const small = fc.integer({ min: -5, max: 5 });
    const bitArb = fc.constantFrom(0, 1);
    const neuronArb = fc
      .integer({ min: 1, max: 5 })
      .chain((n) => fc.tuple(fc.array(small, { minLength: n, maxLength: n }), small, fc.array(bitArb, { minLength: n, maxLength: n })));
    const dot = (w: readonly number[], x: readonly number[]) => w.reduce((sum, wj, j) => sum + wj * x[j], 0);

    it("with w and b multiplied by c → ∞, behaves like the perceptron with the same w and b (Nielsen's exercise)", () => {
      assertProperty(
        fc.property(neuronArb, ([weights, bias, inputs]) => {
          fc.pre(dot(weights, inputs) + bias !== 0);
          const step = perceptron(weights, bias)(inputs);
          const gaps = cs.map((c) => {
            const neuron = sigmoidNeuron(
              weights.map((w) => c * w),
              c * bias,
            );
            return Math.abs(neuron(inputs) - step);
          });
          for (let k = 1; k < cs.length; k++) {
            assert.ok(gaps[k] <= gaps[k - 1], `the gap to the perceptron grew from c = ${cs[k - 1]} to c = ${cs[k]}: ${gaps}`);
          }
          assert.ok(gaps[cs.length - 1] < 1e-12, `at c = 1e6 the neuron is ${gaps[cs.length - 1]} away from the perceptron's ${step}`);
        }),
      );
    });

    it("with w·x + b = 0, outputs 1/2 for every c, where the perceptron would output 0", () => {
      assertProperty(
        fc.property(neuronArb, ([weights, , inputs]) => {
          const bias = -dot(weights, inputs); // put x exactly on the threshold
          for (const c of cs) {
            const neuron = sigmoidNeuron(
              weights.map((w) => c * w),
              c * bias,
            );
            assertClose(neuron(inputs), 0.5, 1e-12, `with c = ${c} and w·x + b = 0, the neuron's output`);
          }
          assert.equal(perceptron(weights, bias)(inputs), 0);
        }),
      );
    });
  });
});
