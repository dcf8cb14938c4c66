/**
 * Kata 05 · A network of random weights (the generator).
 *
 * Nielsen fills his network's biases and weights with `np.random.randn`. We
 * build a small *seeded* generator instead, so that the same seed gives the
 * same network in every implementation, bit for bit: mulberry32 for uniform
 * numbers, and the Box–Muller transform for normal ones.
 * Lesson: `katas/05-network/README.md`.
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

/**
 * mulberry32 seeded with `seed` (an integer; throws a clear error that shows
 * it otherwise), and Box–Muller for `normal()`. Every integer is a seed, and
 * only its low 32 bits count, as `seed | 0` keeps them: `createRng(2 ** 32 + 42)`
 * gives the same numbers as `createRng(42)`.
 *
 * `uniform()`: add `0x6D2B79F5` to the 32-bit state, scramble a copy of it
 * with `Math.imul`, shifts and xors exactly as the lesson shows, and divide
 * the resulting unsigned 32-bit integer by $2^{32}$.
 *
 * `normal()`: draw $u_1$ then $u_2$ with `uniform()` and return
 * $\sqrt{-2 \ln(1 - u_1)} \cos(2 \pi u_2)$.
 */
export function createRng(seed: number): Rng {
  throw new Error("Not implemented: createRng (kata 05-network, lesson katas/05-network/README.md)");
}
