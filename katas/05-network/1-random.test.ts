import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { createRng } from "#nn/random.ts";
import { assertProperty } from "../support/property.ts";

const TWO_TO_THE_32 = 2 ** 32;

/** The seed whose first draw finds mulberry32's state at 0, the one state that scrambles to 0: uniform() returns 0. */
const ZERO_SEED = -0x6d2b79f5;

/** Any 32-bit seed; distinct values are distinct seeds. */
const seedArb = fc.integer();

function draws(n: number, next: () => number): number[] {
  return Array.from({ length: n }, next);
}

function meanAndVariance(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

/** Pearson's chi-square statistic of observed counts against equal expected counts. */
function chiSquare(counts: readonly number[]): number {
  const total = counts.reduce((s, c) => s + c, 0);
  const expected = total / counts.length;
  return counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
}

describe("05-network", () => {
  describe("createRng: mulberry32", () => {
    it("gives the published first values of mulberry32 for seed 42", () => {
      // mulberry32(42) is a well-known sequence: 0.6011037519201636, 0.44829055899754167, …
      // Times 2^32, each value is the 32-bit unsigned integer the scrambler produced.
      const rng = createRng(42);
      const integers = draws(5, () => rng.uniform() * TWO_TO_THE_32);
      assert.deepEqual(integers, [2581720956, 1925393290, 3661312704, 2876485805, 750819978]);
    });

    it("uniform() is in [0, 1), for any seed", () => {
      assertProperty(
        fc.property(seedArb, (seed) => {
          const rng = createRng(seed);
          for (const u of draws(200, () => rng.uniform())) {
            assert.ok(u >= 0 && u < 1, `uniform() returned ${u}, outside [0, 1)`);
          }
        }),
      );
    });

    it("uniform() can return exactly 0 (the state 0 scrambles to 0)", () => {
      assert.equal(createRng(ZERO_SEED).uniform(), 0);
    });

    it("the same seed gives the same sequence", () => {
      assertProperty(
        fc.property(seedArb, (seed) => {
          const [a, b] = [createRng(seed), createRng(seed)];
          for (let i = 0; i < 20; i++) {
            assert.equal(a.uniform(), b.uniform(), `seed ${seed}: uniform() call ${i} differs`);
            assert.equal(a.normal(), b.normal(), `seed ${seed}: normal() call ${i} differs`);
          }
        }),
      );
    });

    it("different seeds give different sequences", () => {
      assertProperty(
        fc.property(seedArb, seedArb, (s, t) => {
          fc.pre(s !== t);
          const [a, b] = [createRng(s), createRng(t)];
          assert.notDeepEqual(
            draws(3, () => a.uniform()),
            draws(3, () => b.uniform()),
            `seeds ${s} and ${t} gave the same numbers`,
          );
        }),
      );
    });

    it("rejects a seed that is not an integer, naming it", () => {
      assert.throws(() => createRng(1.5), /1\.5/);
      assert.throws(() => createRng(Number.NaN), /NaN/);
      assert.throws(() => createRng(Number.POSITIVE_INFINITY), /Infinity/);
    });

    it("accepts every integer seed and keeps only its low 32 bits: createRng(s + k·2³²) is createRng(s)", () => {
      for (const [big, small] of [
        [2 ** 32 + 42, 42],
        [2 ** 31, -(2 ** 31)],
        [2 ** 32 - 1, -1],
        [Number.MAX_SAFE_INTEGER, -1],
      ]) {
        const [a, b] = [createRng(big), createRng(small)];
        assert.deepEqual(
          draws(3, () => a.uniform()),
          draws(3, () => b.uniform()),
          `createRng(${big}) should give createRng(${small})'s numbers`,
        );
      }
      assertProperty(
        fc.property(seedArb, fc.integer({ min: -1000, max: 1000 }), (seed, k) => {
          const [a, b] = [createRng(seed + k * TWO_TO_THE_32), createRng(seed)];
          assert.deepEqual(
            draws(3, () => a.uniform()),
            draws(3, () => b.uniform()),
            `createRng(${seed + k * TWO_TO_THE_32}) should give createRng(${seed})'s numbers: only the low 32 bits of a seed count`,
          );
        }),
      );
    });

    it("uniform() fills 10 equal buckets evenly (chi-square, 100,000 draws)", () => {
      const rng = createRng(2024);
      const counts = new Array<number>(10).fill(0);
      for (let i = 0; i < 100_000; i++) counts[Math.floor(rng.uniform() * 10)]++;
      // For 9 degrees of freedom, a truly uniform source exceeds 33.7 once in 10,000 runs.
      const statistic = chiSquare(counts);
      assert.ok(statistic < 33.7, `chi-square ${statistic.toFixed(1)} ≥ 33.7: the buckets are uneven: ${counts.join(", ")}`);
    });

    it("consecutive pairs of uniform() fill a 10×10 grid evenly (chi-square): the draws look independent", () => {
      const rng = createRng(7);
      const counts = new Array<number>(100).fill(0);
      for (let i = 0; i < 100_000; i++) {
        const [u, v] = [rng.uniform(), rng.uniform()];
        counts[Math.floor(u * 10) * 10 + Math.floor(v * 10)]++;
      }
      // For 99 degrees of freedom, a truly uniform source exceeds 163 once in 10,000 runs.
      const statistic = chiSquare(counts);
      assert.ok(statistic < 163, `chi-square ${statistic.toFixed(1)} ≥ 163: consecutive draws are related`);
    });
  });

  describe("createRng: Box–Muller", () => {
    it("normal() is √(−2 ln(1 − u₁)) · cos(2π u₂), from the next two uniforms, on every call", () => {
      assertProperty(
        fc.property(seedArb, (seed) => {
          const [rng, twin] = [createRng(seed), createRng(seed)];
          for (let call = 0; call < 5; call++) {
            const [u1, u2] = [twin.uniform(), twin.uniform()];
            const expected = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
            const actual = rng.normal();
            assert.ok(
              Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)),
              `seed ${seed}, normal() call ${call}: got ${actual}, expected ${expected} from u1 = ${u1}, u2 = ${u2}`,
            );
          }
        }),
      );
    });

    it("normal() is finite even when u₁ = 0 (ln 0 would be −Infinity)", () => {
      const z = createRng(ZERO_SEED).normal();
      assert.ok(Number.isFinite(z), `normal() returned ${z} when uniform() gave 0`);
    });

    it("normal() has mean ≈ 0 and variance ≈ 1 (20,000 draws, within 5 standard errors)", () => {
      const [n, rng] = [20_000, createRng(1)];
      const { mean, variance } = meanAndVariance(draws(n, () => rng.normal()));
      // Standard errors: of the mean 1/√n ≈ 0.0071; of the variance √(2/n) = 0.01.
      assert.ok(Math.abs(mean) < 5 / Math.sqrt(n), `the mean of 20,000 normals is ${mean.toFixed(4)}, not ≈ 0`);
      assert.ok(Math.abs(variance - 1) < 5 * Math.sqrt(2 / n), `the variance is ${variance.toFixed(4)}, not ≈ 1`);
    });

    it("normal() looks normal: about 68.3% of draws within 1 of 0, and 95.4% within 2", () => {
      const [n, rng] = [20_000, createRng(3)];
      const zs = draws(n, () => rng.normal());
      for (const [k, p] of [
        [1, 0.6827],
        [2, 0.9545],
      ]) {
        const fraction = zs.filter((z) => Math.abs(z) < k).length / n;
        const bound = 5 * Math.sqrt((p * (1 - p)) / n);
        assert.ok(Math.abs(fraction - p) < bound, `${(100 * fraction).toFixed(1)}% of draws are within ${k} of 0, expected ${100 * p}%`);
      }
    });
  });
});
