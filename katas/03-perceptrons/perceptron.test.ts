import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { addBits, type Bit, fullAdder, type Gate, halfAdder, nand, perceptron } from "#nn/perceptron.ts";
import { neuronCaseArb, weightedInput } from "../support/neurons.ts";
import { assertProperty } from "../support/property.ts";

// Independent oracles, written with JavaScript operators: the code under test
// may only use its gate, but the tests may use anything.
const not = (x: Bit): Bit => (x === 1 ? 0 : 1);
const bit = (condition: boolean): Bit => (condition ? 1 : 0);
const nor: Gate = (x1, x2) => bit(x1 === 0 && x2 === 0);
const bitArb: fc.Arbitrary<Bit> = fc.constantFrom(0, 1);
const BITS: readonly Bit[] = [0, 1];

/** The bits of `value`, least significant first, `width` of them. */
function toBits(value: number, width: number): Bit[] {
  return Array.from({ length: width }, (_, i) => bit(Math.floor(value / 2 ** i) % 2 === 1));
}
/** The number whose bits, least significant first, are `bits`. */
const numberOf = (bits: readonly Bit[]) => bits.reduce<number>((sum, b, i) => sum + b * 2 ** i, 0);

/** What the perceptron should output, from the definition: [w·x + b > 0]. */
function oracle(weights: readonly number[], bias: number, inputs: readonly number[]): Bit {
  return bit(weightedInput(weights, bias, inputs) > 0);
}

/** A gate that behaves like `inner` and records every call, rejecting anything but bits. */
function spy(inner: Gate): { gate: Gate; calls: () => number } {
  let calls = 0;
  const gate: Gate = (x1, x2) => {
    calls++;
    assert.ok(
      (x1 === 0 || x1 === 1) && (x2 === 0 || x2 === 1),
      `the gate was called with (${String(x1)}, ${String(x2)}): a gate's inputs are bits, 0 or 1`,
    );
    return inner(x1, x2);
  };
  return { gate, calls: () => calls };
}

/** Gates stuck at one output. In a circuit made only of gates, every output bit is some gate's output, so it sticks too. */
const STUCK: readonly [Bit, Gate][] = [
  [0, () => 0],
  [1, () => 1],
];
const STUCK_WHY = "every output bit must be the output of a gate call, not of ^, &, |, a comparison or a constant";

const DUALITY =
  "A circuit made only of NAND gates computes the dual function ¬f(¬x) when every NAND is replaced by NOR; " +
  "a bit computed with ^, &, |, !, a comparison or a constant does not. Compute every bit by calling gate.";

/** Pairs of numbers with the same number of bits (1 to 16), least significant bit first. */
const numbersArb = fc
  .integer({ min: 1, max: 16 })
  .chain((n) => fc.tuple(fc.array(bitArb, { minLength: n, maxLength: n }), fc.array(bitArb, { minLength: n, maxLength: n })));

describe("03-perceptrons", () => {
  describe("perceptron", () => {
    it("fires when w·x + b > 0: Nielsen's NAND perceptron, by hand", () => {
      // #region nand-by-hand
      const p = perceptron([-2, -2], 3);
      assert.equal(p([0, 0]), 1, "(−2)·0 + (−2)·0 + 3 = 3 > 0, so the output is 1");
      assert.equal(p([0, 1]), 1, "(−2)·0 + (−2)·1 + 3 = 1 > 0, so the output is 1");
      assert.equal(p([1, 1]), 0, "(−2)·1 + (−2)·1 + 3 = −1 ≤ 0, so the output is 0");
      // #endregion nand-by-hand
    });

    it("does not fire when w·x + b is exactly 0: the threshold is strict", () => {
      assert.equal(perceptron([1, 1], -2)([1, 1]), 0, "1 + 1 − 2 = 0 is not > 0, so the output is 0");
      assert.equal(perceptron([2, -1], 0)([1, 2]), 0, "2·1 + (−1)·2 + 0 = 0 is not > 0, so the output is 0");
      assert.equal(perceptron([0.5], -0.25)([0.5]), 0, "0.5·0.5 − 0.25 = 0 is not > 0, so the output is 0");
      assert.equal(perceptron([], 0)([]), 0, "no inputs and bias 0: w·x + b = 0, so the output is 0");
    });

    it("agrees with [w·x + b > 0] for random integer weights, bias and inputs (often exactly 0)", () => {
      const caseArb = neuronCaseArb(fc.integer({ min: -3, max: 3 }), { minInputs: 0, maxInputs: 5 });
      assertProperty(
        fc.property(caseArb, ([weights, bias, inputs]) => {
          const expected = oracle(weights, bias, inputs);
          assert.equal(perceptron(weights, bias)(inputs), expected, `w·x + b = ${expected ? "> 0" : "≤ 0"}`);
        }),
      );
    });

    it("agrees with [w·x + b > 0] for random real weights, bias and inputs", () => {
      const caseArb = neuronCaseArb(fc.double({ min: -10, max: 10, noNaN: true }), { minInputs: 1, maxInputs: 6 });
      assertProperty(
        fc.property(caseArb, ([weights, bias, inputs]) => {
          const z = weightedInput(weights, bias, inputs);
          fc.pre(Math.abs(z) > 1e-9); // away from the threshold, where rounding could tip either way
          assert.equal(perceptron(weights, bias)(inputs), oracle(weights, bias, inputs), `w·x + b = ${z}`);
        }),
      );
    });

    it("rejects inputs of the wrong length, naming both lengths", () => {
      const lengths = (error: Error) => {
        assert.match(error.message, /\b3\b/, `the message should name both lengths, 3 and 5: "${error.message}"`);
        assert.match(error.message, /\b5\b/, `the message should name both lengths, 3 and 5: "${error.message}"`);
        return true;
      };
      assert.throws(() => perceptron([1, 2, 3], 0)([1, 2, 3, 4, 5]), lengths);
      assert.throws(() => perceptron([1, 2, 3, 4, 5], 0)([1, 2, 3]), lengths);
    });
  });

  describe("nand", () => {
    it("has NAND's truth table: 0 only when both inputs are 1", () => {
      for (const x1 of BITS) for (const x2 of BITS) assert.equal(nand(x1, x2), not(bit(x1 === 1 && x2 === 1)), `nand(${x1}, ${x2})`);
    });
  });

  describe("halfAdder", () => {
    it("adds two bits: sum x1 ⊕ x2, carry x1 x2", () => {
      for (const x1 of BITS)
        for (const x2 of BITS) {
          const expected = { sum: bit(x1 !== x2), carry: bit(x1 === 1 && x2 === 1) };
          assert.deepEqual(halfAdder(x1, x2), expected, `halfAdder(${x1}, ${x2}): ${x1} + ${x2} = ${x1 + x2}`);
        }
    });

    it("is made only of its gate: with NOR for NAND it computes the dual, ¬halfAdder(¬x1, ¬x2)", () => {
      for (const x1 of BITS)
        for (const x2 of BITS) {
          const [y1, y2] = [not(x1), not(x2)];
          const expected = { sum: not(bit(y1 !== y2)), carry: not(bit(y1 === 1 && y2 === 1)) };
          assert.deepEqual(halfAdder(x1, x2, nor), expected, `halfAdder(${x1}, ${x2}, nor). ${DUALITY}`);
        }
    });

    it("calls its gate, at least once per output bit, and only with bits", () => {
      for (const x1 of BITS)
        for (const x2 of BITS) {
          const { gate, calls } = spy(nand);
          halfAdder(x1, x2, gate);
          assert.ok(calls() >= 2, `halfAdder(${x1}, ${x2}, gate) called the gate ${calls()} time(s); it has 2 output bits`);
        }
    });

    it("takes every output bit from a gate: with a gate stuck at 0 (or 1), both bits are 0 (or 1)", () => {
      for (const [stuck, gate] of STUCK)
        for (const x1 of BITS)
          for (const x2 of BITS) {
            const expected = { sum: stuck, carry: stuck };
            assert.deepEqual(
              halfAdder(x1, x2, spy(gate).gate),
              expected,
              `halfAdder(${x1}, ${x2}) with a gate stuck at ${stuck}: ${STUCK_WHY}`,
            );
          }
    });
  });

  describe("fullAdder", () => {
    it("adds two bits and a carry: x1 + x2 + carryIn = sum + 2·carry", () => {
      for (const x1 of BITS)
        for (const x2 of BITS)
          for (const c of BITS) {
            const total = x1 + x2 + c;
            const expected = { sum: bit(total % 2 === 1), carry: bit(total >= 2) };
            assert.deepEqual(fullAdder(x1, x2, c), expected, `fullAdder(${x1}, ${x2}, ${c}): ${x1} + ${x2} + ${c} = ${total}`);
          }
    });

    it("is made only of its gate: with NOR for NAND it computes the dual, ¬fullAdder(¬x1, ¬x2, ¬carryIn)", () => {
      for (const x1 of BITS)
        for (const x2 of BITS)
          for (const c of BITS) {
            const total = not(x1) + not(x2) + not(c);
            const expected = { sum: not(bit(total % 2 === 1)), carry: not(bit(total >= 2)) };
            assert.deepEqual(fullAdder(x1, x2, c, nor), expected, `fullAdder(${x1}, ${x2}, ${c}, nor). ${DUALITY}`);
          }
    });

    it("calls its gate, at least once per output bit, and only with bits", () => {
      for (const x1 of BITS)
        for (const x2 of BITS)
          for (const c of BITS) {
            const { gate, calls } = spy(nand);
            fullAdder(x1, x2, c, gate);
            assert.ok(calls() >= 2, `fullAdder(${x1}, ${x2}, ${c}, gate) called the gate ${calls()} time(s)`);
          }
    });

    it("takes every output bit from a gate: with a gate stuck at 0 (or 1), both bits are 0 (or 1)", () => {
      // A full adder is self-dual (the duality test above cannot tell one built
      // with ^, & and | from one built with gates); a stuck gate can.
      for (const [stuck, gate] of STUCK)
        for (const x1 of BITS)
          for (const x2 of BITS)
            for (const c of BITS) {
              const expected = { sum: stuck, carry: stuck };
              assert.deepEqual(
                fullAdder(x1, x2, c, spy(gate).gate),
                expected,
                `fullAdder(${x1}, ${x2}, ${c}) with a gate stuck at ${stuck}: ${STUCK_WHY}`,
              );
            }
    });
  });

  describe("addBits", () => {
    it("adds 3 + 1 = 4 with bits least significant first: [1, 1] + [1, 0] = [0, 0, 1]", () => {
      assert.deepEqual(addBits([1, 1], [1, 0]), [0, 0, 1]);
    });

    it("adds any two n-bit numbers like integer addition, with n + 1 bits out", () => {
      assertProperty(
        fc.property(numbersArb, ([a, b]) => {
          const [x, y] = [numberOf(a), numberOf(b)];
          const expected = toBits(x + y, a.length + 1);
          assert.deepEqual(addBits(a, b), expected, `${x} + ${y} = ${x + y}, whose ${a.length + 1} bits (ones first) are`);
        }),
      );
    });

    it("adds like integer addition when its gate is a NAND perceptron you build with perceptron()", () => {
      const nandPerceptron: Gate = (x1, x2) => perceptron([-2, -2], 3)([x1, x2]);
      assertProperty(
        fc.property(numbersArb, ([a, b]) => {
          const [x, y] = [numberOf(a), numberOf(b)];
          assert.deepEqual(addBits(a, b, nandPerceptron), toBits(x + y, a.length + 1), `${x} + ${y} = ${x + y}`);
        }),
      );
    });

    it("is made only of its gate: with NOR for NAND every bit is negated, ¬addBits(¬a, ¬b)", () => {
      assertProperty(
        fc.property(numbersArb, ([a, b]) => {
          const [na, nb] = [a.map(not), b.map(not)];
          const expected = toBits(numberOf(na) + numberOf(nb), a.length + 1).map(not);
          assert.deepEqual(
            addBits(a, b, nor),
            expected,
            `addBits(a, b, nor). ${DUALITY} The ones bit has no carry in: use a half adder there, not a constant 0.`,
          );
        }),
      );
    });

    it("calls its gate, at least once per output bit, and only with bits", () => {
      assertProperty(
        fc.property(numbersArb, ([a, b]) => {
          const { gate, calls } = spy(nand);
          addBits(a, b, gate);
          const outputs = a.length + 1;
          assert.ok(calls() >= outputs, `adding two ${a.length}-bit numbers called the gate ${calls()} time(s) for ${outputs} output bits`);
        }),
      );
    });

    it("takes every output bit from a gate: with a gate stuck at 0 (or 1), every bit is 0 (or 1)", () => {
      assertProperty(
        fc.property(numbersArb, fc.constantFrom(...STUCK), ([a, b], [stuck, gate]) => {
          const expected = Array.from({ length: a.length + 1 }, () => stuck);
          assert.deepEqual(addBits(a, b, spy(gate).gate), expected, `addBits(a, b) with a gate stuck at ${stuck}: ${STUCK_WHY}`);
        }),
      );
    });

    it("rejects numbers of different lengths, naming both lengths, and two empty numbers", () => {
      const lengths = (error: Error) => {
        assert.match(error.message, /\b5\b/, `the message should name both lengths, 5 and 2: "${error.message}"`);
        assert.match(error.message, /\b2\b/, `the message should name both lengths, 5 and 2: "${error.message}"`);
        return true;
      };
      assert.throws(() => addBits([1, 0, 1, 1, 0], [1, 1]), lengths);
      assert.throws(() => addBits([1, 1], [1, 0, 1, 1, 0]), lengths);
      assert.throws(() => addBits([], []), "two numbers of 0 bits: there is nothing to add");
    });
  });
});
