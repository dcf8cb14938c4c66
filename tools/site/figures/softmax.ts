/**
 * Lesson 16's figure: what softmax does as one weighted input grows. Four
 * output neurons, three weighted inputs held fixed and z₄ swept from −4 to
 * 6; the outputs, from the reference `softmax`, stacked one on another. The
 * stack is always exactly 1 high (the outputs are a probability
 * distribution); raising z₄ widens a₄'s band and narrows every other one
 * (monotone, and not local), and the others keep their ratios, since
 * $a_j / a_k = e^{z_j - z_k}$ does not involve z₄.
 */
import { matrix } from "#nn/matrix.ts";
import { softmax } from "#nn/softmax.ts";
import type { Figure } from "./figure.ts";
import { drawFrame, type Frame, px, py } from "./plot.ts";
import { ACCENT, BLUE, HALO, num, svgDocument, text } from "./svg.ts";

/** The three weighted inputs held fixed, z₁ to z₃, and the range z₄ sweeps. */
export const SOFTMAX_SWEEP = { fixed: [1.5, 1, 2.5], from: -4, to: 6 } as const;

/** Points per unit of z₄. */
const SAMPLES_PER_UNIT = 10;
const COLOURS = [BLUE, "#2ca02c", "#ff7f0e", ACCENT];

const WIDTH = 480;
const HEIGHT = 300;

/** The softmax outputs (a₁, …, a₄) at each z₄ of the sweep, with the z₄ they are for. */
export function softmaxSweep(): { z4: number; a: number[] }[] {
  const { fixed, from, to } = SOFTMAX_SWEEP;
  return Array.from({ length: (to - from) * SAMPLES_PER_UNIT + 1 }, (_, i) => {
    const z4 = from + i / SAMPLES_PER_UNIT;
    return { z4, a: Array.from(softmax(matrix(4, 1, [...fixed, z4])).data) };
  });
}

export const softmaxFigure: Figure = {
  file: "softmax.svg",
  render() {
    const frame: Frame = { left: 56, top: 16, width: 404, height: 224, x: [SOFTMAX_SWEEP.from, SOFTMAX_SWEEP.to], y: [0, 1] };
    const sweep = softmaxSweep();
    // Band j lies between the sum of the outputs below it and that sum plus a_j.
    const below = (point: { a: number[] }, j: number) => point.a.slice(0, j).reduce((s, v) => s + v, 0);
    const bands = COLOURS.map((colour, j) => {
      const lower = sweep.map((p) => `${num(px(frame, p.z4))},${num(py(frame, below(p, j)))}`);
      const upper = sweep.map((p) => `${num(px(frame, p.z4))},${num(py(frame, below(p, j) + p.a[j]))}`).reverse();
      return `<polygon points="${[...lower, ...upper].join(" ")}" fill="${colour}" fill-opacity="0.55" stroke="white" stroke-width="1"/>`;
    });
    // Each band's label where it is widest, at the left (a₄: at the right).
    const label = (j: number, z4: number) => {
      const point = sweep.reduce((best, p) => (Math.abs(p.z4 - z4) < Math.abs(best.z4 - z4) ? p : best));
      const middle = below(point, j) + point.a[j] / 2;
      return text(px(frame, z4), py(frame, middle) + 5, [{ text: "a", sub: String(j + 1) }], { ...HALO, "text-anchor": "middle" });
    };
    const [z1, z2, z3] = SOFTMAX_SWEEP.fixed.map((z) => String(z).replace("-", "−"));
    return svgDocument(
      WIDTH,
      HEIGHT,
      `The four softmax outputs stacked, as z4 grows from −4 to 6 with z1 = ${z1}, z2 = ${z2}, z3 = ${z3}: the stack is always 1 high, a4's band widens and the others narrow`,
      [
        ...drawFrame(frame, {
          x: [{ text: "z", sub: "4" }, ` (with z₁ = ${z1}, z₂ = ${z2}, z₃ = ${z3})`],
          y: "outputs, stacked",
          xTicks: [-4, -2, 0, 2, 4, 6],
          yTicks: [0, 0.25, 0.5, 0.75, 1],
        }),
        ...bands,
        label(0, -3),
        label(1, -3),
        label(2, -3),
        label(3, 5),
      ],
    );
  },
};
