/**
 * Kata 05 · A network of random weights — reference solution (the generator).
 *
 * Nielsen's `Network.__init__` fills the biases and weights with
 * `np.random.randn`, which draws from numpy's global, unseeded generator. We
 * use a small *seeded* generator instead, so that the same seed gives the
 * same network in every implementation, bit for bit: mulberry32 for uniform
 * numbers, and the Box–Muller transform to turn two uniforms into one
 * standard normal number.
 *
 * @module
 */

/** A seeded pseudo-random generator: the same seed gives the same sequence. */
export interface Rng {
  /** A uniform number in [0, 1). */
  uniform(): number;
  /** A standard normal number (mean 0, variance 1), by Box–Muller. */
  normal(): number;
}

/** The constant mulberry32 adds to its 32-bit state on every draw (odd, so the state visits all 2^32 values). */
const INCREMENT = 0x6d2b79f5;
/** 2^32: dividing a 32-bit unsigned integer by it gives a number in [0, 1). */
const TWO_TO_THE_32 = 4294967296;

/**
 * mulberry32 seeded with `seed` (an integer; throws a clear error that shows
 * it otherwise), and Box–Muller for `normal()`. Every integer is a seed, and
 * only its low 32 bits count, as `seed | 0` keeps them: `createRng(2 ** 32 + 42)`
 * gives the same numbers as `createRng(42)`.
 *
 * `uniform()`: add `0x6D2B79F5` to the 32-bit state, scramble a copy of it
 * with `Math.imul`, shifts and xors, and divide the resulting unsigned 32-bit
 * integer by $2^{32}$.
 *
 * `normal()`: draw $u_1$ then $u_2$ with `uniform()` and return
 * $\sqrt{-2 \ln(1 - u_1)} \cos(2 \pi u_2)$.
 */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) {
    throw new TypeError(`createRng: the seed must be an integer, got ${seed}`);
  }
  // `| 0` keeps the state a 32-bit integer: seeds that differ by a multiple of 2^32 are the same seed.
  let state = seed | 0;

  function uniform(): number {
    state = (state + INCREMENT) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    // `>>> 0` reads the 32 bits as unsigned, so the result is in [0, 1), never negative.
    return ((t ^ (t >>> 14)) >>> 0) / TWO_TO_THE_32;
  }

  function normal(): number {
    const u1 = uniform();
    const u2 = uniform();
    // Box–Muller uses ln(u1); we use ln(1 − u1), which has the same distribution
    // but is never ln 0 = −Infinity, because uniform() can return 0 but never 1.
    // The transform makes two normals, r·cos θ and r·sin θ; we keep only the
    // first, so every normal() call draws exactly two uniforms.
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  return { uniform, normal };
}
