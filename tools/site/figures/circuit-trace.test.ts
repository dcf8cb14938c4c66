import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Bit, halfAdder, nand } from "#nn/perceptron.ts";
import { traceCircuit } from "./circuit-trace.ts";

describe("tracing a circuit of gates", () => {
  it("reads Nielsen's five-gate adder off the reference halfAdder", () => {
    const circuit = traceCircuit((x1, x2, gate) => halfAdder(x1, x2, gate), nand);
    const [x1, x2] = [{ input: 0 }, { input: 1 }];
    assert.deepEqual(circuit.gates, [
      [x1, x2], // n = NAND(x1, x2)
      [x1, { gate: 0 }],
      [x2, { gate: 0 }],
      [{ gate: 1 }, { gate: 2 }], // the sum
      [{ gate: 0 }, { gate: 0 }], // the carry, NAND(n, n)
    ]);
    assert.deepEqual(circuit.outputs, { sum: { gate: 3 }, carry: { gate: 4 } });
  });

  it("finds an output that is an input, untouched", () => {
    const circuit = traceCircuit((x1, x2, gate) => ({ same: x1, not: gate(x2, x2) }), nand);
    assert.deepEqual(circuit, { gates: [[{ input: 1 }, { input: 1 }]], outputs: { same: { input: 0 }, not: { gate: 0 } } });
  });

  it("refuses, in one line, a bit that no gate computed, and a circuit whose gates depend on its inputs", () => {
    assert.throws(
      () => traceCircuit((x1, x2, gate) => ({ sum: (x1 ^ gate(x2, x2) ^ 1) as Bit }), nand),
      /^Error: traceCircuit: output sum carries 0110, which no earlier wire carries$/,
    );
    assert.throws(
      () => traceCircuit((x1, x2, gate) => ({ out: x1 ? gate(x1, x2) : x2 }), nand),
      /calls its gate a different number of times/,
    );
  });
});
