/**
 * Kata 03 · Perceptrons.
 *
 * Nielsen's first artificial neuron: it weighs its inputs, adds a bias, and
 * outputs 1 exactly when the total is positive. One perceptron is a NAND
 * gate, and NAND gates alone can add binary numbers.
 *
 * Lesson: `katas/03-perceptrons/README.md`.
 *
 * @module
 */

/** A binary digit: the only values a perceptron outputs. */
export type Bit = 0 | 1;

/** A two-input logic gate. */
export type Gate = (x1: Bit, x2: Bit) => Bit;

/**
 * Nielsen's perceptron, equation (2): return a function of the inputs $x$
 * that outputs 1 when $w \cdot x + b > 0$, and 0 when $w \cdot x + b \le 0$
 * (exactly 0 counts as "not positive"). The function throws, naming both
 * lengths, when `inputs.length !== weights.length`.
 */
// #region perceptron
export function perceptron(weights: readonly number[], bias: number): (inputs: readonly number[]) => Bit {
  throw new Error("Not implemented: perceptron (kata 03-perceptrons, lesson katas/03-perceptrons/README.md)");
}
// #endregion perceptron

/**
 * Nielsen's NAND perceptron, built with {@link perceptron}: weights
 * $[-2, -2]$ and bias $3$. It outputs 0 only when both inputs are 1.
 */
export function nand(x1: Bit, x2: Bit): Bit {
  throw new Error("Not implemented: nand (kata 03-perceptrons, lesson katas/03-perceptrons/README.md)");
}

/**
 * Nielsen's figure: the sum bit $x_1 \oplus x_2$ and the carry bit $x_1 x_2$
 * of two bits, computed ONLY by calling `gate` (default {@link nand}): no
 * `^`, `&`, `|`, `!`, `?:` or `if` on the bits, and no constants.
 */
export function halfAdder(x1: Bit, x2: Bit, gate: Gate = nand): { sum: Bit; carry: Bit } {
  throw new Error("Not implemented: halfAdder (kata 03-perceptrons, lesson katas/03-perceptrons/README.md)");
}

/**
 * A full adder: the sum bit and the carry bit of $x_1 + x_2 + c_{in}$,
 * computed ONLY by calling `gate` (default {@link nand}). Two half adders
 * and an OR made of gates will do.
 */
export function fullAdder(x1: Bit, x2: Bit, carryIn: Bit, gate: Gate = nand): { sum: Bit; carry: Bit } {
  throw new Error("Not implemented: fullAdder (kata 03-perceptrons, lesson katas/03-perceptrons/README.md)");
}

/**
 * Ripple-carry addition of two n-bit numbers, least significant bit first
 * (`a[0]` is the ones bit), returning the n + 1 bits of the sum. Throws,
 * naming both lengths, when `a` and `b` differ in length (or are empty).
 * ONLY from `gate` (default {@link nand}): a half adder for the ones bit,
 * then a full adder per bit, each taking the carry of the one before.
 */
export function addBits(a: readonly Bit[], b: readonly Bit[], gate: Gate = nand): Bit[] {
  throw new Error("Not implemented: addBits (kata 03-perceptrons, lesson katas/03-perceptrons/README.md)");
}
