/**
 * Lesson 03's figure: Nielsen's adder of two bits made of NAND gates, the
 * sum bit x₁ ⊕ x₂ and the carry bit x₁x₂. The wires are those of the
 * reference `halfAdder`, traced (circuit-trace.ts); only where each gate
 * sits on the page is chosen here.
 */
import { halfAdder, nand } from "#nn/perceptron.ts";
import { type Circuit, traceCircuit, type Wire } from "./circuit-trace.ts";
import type { Figure } from "./figure.ts";
import { attributes, INK, MUTED, type Run, svgDocument, text } from "./svg.ts";

const WIDTH = 480;
const HEIGHT = 290;

/** Where each gate of the traced half adder goes, in the order the solution calls them: the centre of its symbol. */
const PLACES: [number, number][] = [
  [130, 110], // n = NAND(x₁, x₂)
  [230, 55], // NAND(x₁, n)
  [230, 165], // NAND(x₂, n)
  [330, 110], // the sum
  [230, 235], // the carry, NAND(n, n)
];
/** Where the output wires end and their labels start. */
const OUTPUT_X = 372;
const INPUT_Y = [80, 140];
const INPUT_X = 44;

/** Half the symbol's height, and how far its two input pins sit from its centre line. */
const HALF = 17;
const PIN = 9;

/** A NAND symbol centred on (x, y): an AND's flat back and round front, and the bubble that negates it. */
function nandSymbol(x: number, y: number): string {
  const back = x - 20;
  return [
    `<path d="M${back} ${y - HALF}H${x}A${HALF} ${HALF} 0 0 1 ${x} ${y + HALF}H${back}Z" fill="white" stroke="${INK}" stroke-width="1.8"/>`,
    `<circle${attributes({ cx: x + HALF + 4, cy: y, r: 4 })} fill="white" stroke="${INK}" stroke-width="1.8"/>`,
  ].join("");
}

const outputPoint = ([x, y]: [number, number]): [number, number] => [x + HALF + 8, y];

function wireStart(wire: Wire): [number, number] {
  return "input" in wire ? [INPUT_X, INPUT_Y[wire.input]] : outputPoint(PLACES[wire.gate]);
}

/** A smooth wire from (x1, y1) to (x2, y2), leaving and arriving horizontally. */
function wire([x1, y1]: [number, number], [x2, y2]: [number, number]): string {
  const mid = (x1 + x2) / 2;
  return `<path d="M${x1} ${y1}C${mid} ${y1} ${mid} ${y2} ${x2} ${y2}" fill="none" stroke="${INK}" stroke-width="1.6"/>`;
}

function drawAdder(circuit: Circuit): string[] {
  if (circuit.gates.length !== PLACES.length) {
    throw new Error(
      `the reference halfAdder has ${circuit.gates.length} gates, but the figure places ${PLACES.length}: update PLACES in nand-adder.ts`,
    );
  }
  const body: string[] = [];
  for (const [g, inputs] of circuit.gates.entries()) {
    const [x, y] = PLACES[g];
    for (const [p, input] of inputs.entries()) body.push(wire(wireStart(input), [x - 20, y + (p === 0 ? -PIN : PIN)]));
  }
  for (const [x, y] of PLACES) body.push(nandSymbol(x, y));
  for (const [i, y] of INPUT_Y.entries()) {
    body.push(text(INPUT_X - 8, y + 5, [{ text: "x", sub: String(i + 1) }], { "text-anchor": "end" }));
    body.push(`<circle${attributes({ cx: INPUT_X, cy: y, r: 3 })} fill="${INK}"/>`);
  }
  const labels: Record<string, Run[]> = {
    sum: ["sum ", { text: "x", sub: "1" }, " ⊕ ", { text: "x", sub: "2" }],
    carry: ["carry ", { text: "x", sub: "1" }, { text: "x", sub: "2" }],
  };
  for (const [name, from] of Object.entries(circuit.outputs)) {
    const [x, y] = wireStart(from);
    body.push(`<line${attributes({ x1: x, y1: y, x2: OUTPUT_X, y2: y })} stroke="${INK}" stroke-width="1.6"/>`);
    body.push(text(OUTPUT_X + 6, y + 5, labels[name] ?? name));
  }
  const [nx, ny] = outputPoint(PLACES[0]);
  body.push(text(nx + 2, ny - 8, [{ text: "n" }]));
  const note: Run[] = ["every gate is NAND: Nielsen's perceptron with ", { text: "w" }, " = (−2, −2), ", { text: "b" }, " = 3"];
  body.push(text(WIDTH / 2, HEIGHT - 10, note, { "text-anchor": "middle", fill: MUTED }));
  return body;
}

export const nandAdder: Figure = {
  file: "nand-adder.svg",
  render() {
    const circuit = traceCircuit((x1, x2, gate) => halfAdder(x1, x2, gate), nand);
    return svgDocument(
      WIDTH,
      HEIGHT,
      "Nielsen's adder of two bits, made of five NAND gates: the sum x₁ ⊕ x₂ and the carry x₁x₂",
      drawAdder(circuit),
    );
  },
};
