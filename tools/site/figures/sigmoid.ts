/**
 * Lesson 04's figure: σ(z) against the perceptron's step, and σ′(z), drawn
 * from the reference `sigmoid` and `sigmoidPrime` on z from −6 to 6.
 */
import { sigmoid, sigmoidPrime } from "#nn/sigmoid.ts";
import type { Figure } from "./figure.ts";
import { drawFrame, type Frame, line, px, py } from "./plot.ts";
import { ACCENT, BLUE, MUTED, svgDocument, text } from "./svg.ts";

const Z_MAX = 6;
/** Points per unit of z: smooth at any zoom. */
const SAMPLES_PER_UNIT = 20;

const WIDTH = 480;
const HEIGHT = 300;

export const sigmoidFigure: Figure = {
  file: "sigmoid.svg",
  render() {
    const frame: Frame = { left: 56, top: 16, width: 404, height: 224, x: [-Z_MAX, Z_MAX], y: [0, 1] };
    const zs = Array.from({ length: 2 * Z_MAX * SAMPLES_PER_UNIT + 1 }, (_, i) => -Z_MAX + i / SAMPLES_PER_UNIT);
    // The perceptron fires only when z > 0: 0 up to z = 0 included, then 1.
    const step: [number, number][] = [
      [-Z_MAX, 0],
      [0, 0],
      [0, 1],
      [Z_MAX, 1],
    ];
    const legend = (y: number, colour: string, dash: string | undefined, label: Parameters<typeof text>[2]) => [
      `<line x1="${frame.left + 12}" x2="${frame.left + 40}" y1="${y - 5}" y2="${y - 5}" stroke="${colour}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`,
      text(frame.left + 46, y, label),
    ];
    return svgDocument(WIDTH, HEIGHT, "The sigmoid σ(z) against the perceptron's step, and its derivative σ′(z)", [
      ...drawFrame(frame, {
        x: [{ text: "z" }, " = ", { text: "w" }, " · ", { text: "x" }, " + ", { text: "b" }],
        y: "output",
        xTicks: [-6, -4, -2, 0, 2, 4, 6],
        yTicks: [0, 0.25, 0.5, 0.75, 1],
      }),
      line(frame, step, { stroke: MUTED, "stroke-width": 2, "stroke-dasharray": "6 4" }),
      line(
        frame,
        zs.map((z) => [z, sigmoid(z)]),
        { stroke: BLUE, "stroke-width": 2.5 },
      ),
      line(
        frame,
        zs.map((z) => [z, sigmoidPrime(z)]),
        { stroke: ACCENT, "stroke-width": 2.5 },
      ),
      ...legend(frame.top + 22, BLUE, undefined, [{ text: "σ" }, "(", { text: "z" }, ")"]),
      ...legend(frame.top + 44, MUTED, "6 4", "step (perceptron)"),
      ...legend(frame.top + 66, ACCENT, undefined, [{ text: "σ′" }, "(", { text: "z" }, "), at most ¼"]),
      `<circle cx="${px(frame, 0)}" cy="${py(frame, 0.5)}" r="3.5" fill="${BLUE}"/>`,
      text(px(frame, 0) + 8, py(frame, 0.5) + 16, [{ text: "σ" }, "(0) = ½"], { fill: BLUE }),
    ]);
  },
};
