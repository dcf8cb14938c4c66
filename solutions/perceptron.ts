/**
 * Kata 03 · Perceptrons — reference solution.
 *
 * Nielsen's first artificial neuron: weigh the evidence, add a bias, and fire
 * (output 1) exactly when the total is positive. One perceptron with weights
 * `[-2, -2]` and bias 3 is a NAND gate, and NAND gates can compute anything:
 * here, binary addition.
 *
 * @module
 */

/** A binary digit: the only values a perceptron outputs. */
export type Bit = 0 | 1;

/** A two-input logic gate. */
export type Gate = (x1: Bit, x2: Bit) => Bit;

/**
 * Nielsen's perceptron, equation (2): output 1 when $w \cdot x + b > 0$, and
 * 0 when $w \cdot x + b \le 0$. Throws, naming both lengths, when
 * `inputs.length !== weights.length`.
 */
export function perceptron(weights: readonly number[], bias: number): (inputs: readonly number[]) => Bit {
  return (inputs) => {
    if (inputs.length !== weights.length) {
      throw new RangeError(`perceptron: got ${inputs.length} inputs for ${weights.length} weights; they must match`);
    }
    // w · x = Σⱼ wⱼ xⱼ, the weighted evidence.
    let weightedSum = 0;
    for (let j = 0; j < weights.length; j++) weightedSum += weights[j] * inputs[j];
    // Strictly greater: a perceptron sitting exactly on the threshold does not fire.
    return weightedSum + bias > 0 ? 1 : 0;
  };
}

// Nielsen's example: two inputs, each with weight −2, and an overall bias of 3.
const nandPerceptron = perceptron([-2, -2], 3);

/**
 * Nielsen's NAND perceptron: weights $[-2, -2]$, bias $3$. Input 00 gives
 * $3 > 0$, so 1; 01 and 10 give $1 > 0$, so 1; 11 gives $-1$, so 0.
 */
export function nand(x1: Bit, x2: Bit): Bit {
  return nandPerceptron([x1, x2]);
}

/**
 * Nielsen's figure: the sum bit $x_1 \oplus x_2$ and the carry bit $x_1 x_2$,
 * computed ONLY by calling `gate` (default {@link nand}). Five gates, as in
 * the book.
 */
export function halfAdder(x1: Bit, x2: Bit, gate: Gate = nand): { sum: Bit; carry: Bit } {
  const both = gate(x1, x2); // ¬(x1 x2)
  const notX1Alone = gate(x1, both); // ¬(x1 ¬x2): 0 only when x1 is on by itself
  const notX2Alone = gate(x2, both); // ¬(x2 ¬x1): 0 only when x2 is on by itself
  return {
    sum: gate(notX1Alone, notX2Alone), // 1 when either bit is on by itself: x1 ⊕ x2
    // Nielsen feeds the first gate's output into both inputs of the carry gate;
    // NAND(y, y) = ¬y, so this is x1 x2.
    carry: gate(both, both),
  };
}

/**
 * A full adder, two bits plus a carry in, ONLY from `gate` (default
 * {@link nand}): add the two bits with one half adder, add the carry in to
 * their sum with another, and carry out when either half adder carried.
 */
export function fullAdder(x1: Bit, x2: Bit, carryIn: Bit, gate: Gate = nand): { sum: Bit; carry: Bit } {
  const first = halfAdder(x1, x2, gate);
  const second = halfAdder(first.sum, carryIn, gate);
  // a ∨ b = ¬(¬a ¬b), and ¬a is gate(a, a) when the gate is NAND.
  const carry = gate(gate(first.carry, first.carry), gate(second.carry, second.carry));
  return { sum: second.sum, carry };
}

/**
 * Ripple-carry addition of two n-bit numbers, least significant bit first
 * (`a[0]` is the ones bit), returning the n + 1 bits of the sum. Throws,
 * naming both lengths, when `a` and `b` differ in length, or when they are
 * empty. ONLY from `gate` (default {@link nand}).
 */
export function addBits(a: readonly Bit[], b: readonly Bit[], gate: Gate = nand): Bit[] {
  if (a.length !== b.length) {
    throw new RangeError(`addBits: the numbers have ${a.length} and ${b.length} bits; they must have the same length`);
  }
  if (a.length === 0) throw new RangeError("addBits: the numbers have 0 bits; add at least one bit");
  // The ones bit has nothing carried into it, so it needs only a half adder.
  // (A full adder with a constant 0 carry would work too, but a constant is
  // not a gate, and the circuit would no longer be made of gates alone.)
  const ones = halfAdder(a[0], b[0], gate);
  const sum: Bit[] = [ones.sum];
  let carry = ones.carry;
  for (let i = 1; i < a.length; i++) {
    const column = fullAdder(a[i], b[i], carry, gate);
    sum.push(column.sum);
    carry = column.carry; // the carry ripples into the next, more significant, column
  }
  sum.push(carry);
  return sum;
}
