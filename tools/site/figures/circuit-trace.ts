/**
 * The wiring of a circuit made only of two-input gates, read off the code
 * that computes it: run it on every input with a gate that records its
 * calls, and identify each wire by its truth table (the bits it carries for
 * inputs 00, 01, 10, 11). Lesson 03's figure draws the reference
 * `halfAdder` this way, so the picture is the solution's circuit.
 */
import type { Bit, Gate } from "#nn/perceptron.ts";

/** A wire: an input (0 for x₁, 1 for x₂) or the output of a gate (its index in call order). */
export type Wire = { input: 0 | 1 } | { gate: number };

export interface Circuit {
  /** Each gate's two input wires, in call order. */
  gates: [Wire, Wire][];
  /** The wire each named output comes from. */
  outputs: Record<string, Wire>;
}

const INPUTS: [Bit, Bit][] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

/**
 * Trace `circuit(x1, x2, gate)`, which must call `gate` the same number of
 * times for every input. Throws when it does not, or when two wires carry
 * the same truth table (the trace could not tell them apart).
 */
export function traceCircuit(circuit: (x1: Bit, x2: Bit, gate: Gate) => Record<string, Bit>, gate: Gate): Circuit {
  const calls: [Bit, Bit, Bit][][] = [];
  const results = INPUTS.map(([x1, x2]) => {
    const run: [Bit, Bit, Bit][] = [];
    calls.push(run);
    return circuit(x1, x2, (a, b) => {
      const out = gate(a, b);
      run.push([a, b, out]);
      return out;
    });
  });
  const count = calls[0].length;
  if (calls.some((run) => run.length !== count))
    throw new Error("traceCircuit: the circuit calls its gate a different number of times for different inputs");
  const table = (bits: Bit[]) => bits.join("");
  const wires = new Map<string, Wire>([
    [table(INPUTS.map(([x1]) => x1)), { input: 0 }],
    [table(INPUTS.map(([, x2]) => x2)), { input: 1 }],
  ]);
  const find = (bits: Bit[], what: string): Wire => {
    const wire = wires.get(table(bits));
    if (!wire) throw new Error(`traceCircuit: ${what} carries ${table(bits)}, which no earlier wire carries`);
    return wire;
  };
  const gates = Array.from({ length: count }, (_, g): [Wire, Wire] => {
    const inputs: [Wire, Wire] = [
      find(
        calls.map((run) => run[g][0]),
        `gate ${g}'s first input`,
      ),
      find(
        calls.map((run) => run[g][1]),
        `gate ${g}'s second input`,
      ),
    ];
    const output = table(calls.map((run) => run[g][2]));
    if (wires.has(output))
      throw new Error(`traceCircuit: gate ${g} carries ${output}, as an earlier wire does; the trace cannot tell them apart`);
    wires.set(output, { gate: g });
    return inputs;
  });
  const outputs = Object.fromEntries(
    Object.keys(results[0]).map((name) => [
      name,
      find(
        results.map((r) => r[name]),
        `output ${name}`,
      ),
    ]),
  );
  return { gates, outputs };
}
