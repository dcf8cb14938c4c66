/**
 * Lesson 17's figure: Nielsen's example, on 2,000 neurons at once, as kata
 * 17's second test file measures it. A 1000→2000 layer drawn from seed 17,
 * once by the reference `createNetwork` (weights N(0, 1)) and once by
 * `defaultWeightInitializer` (N(0, 1/n_in)); the input has every other
 * entry 1. Two histograms of the 2,000 weighted inputs z, on one z axis,
 * over the band where σ′(z) ≥ 0.01 (|z| < 4.6): the neurons outside it start
 * saturated.
 */
import { defaultWeightInitializer } from "#nn/initialise.ts";
import { matmul, matrix } from "#nn/matrix.ts";
import { createNetwork, type Network } from "#nn/network.ts";
import { createRng, type Rng } from "#nn/random.ts";
import { sigmoidPrime } from "#nn/sigmoid.ts";
import type { Figure } from "./figure.ts";
import { drawFrame, type Frame, px, py } from "./plot.ts";
import { ACCENT, attributes, BLUE, HALO, svgDocument, text } from "./svg.ts";

/** Kata 17's example: 1,000 inputs, every other one 1, into 2,000 neurons, from seed 17. */
export const EXAMPLE = { inputs: 1000, neurons: 2000, seed: 17 } as const;

/** Below this σ′(z), a neuron counts as saturated (|z| > 4.6), as in kata 17's test. */
export const SATURATED_BELOW = 0.01;

/** Where σ′(z) = 1 / (2 + 2 cosh z) equals {@link SATURATED_BELOW}: |z| ≈ 4.6, the grey band's edges. */
export const SATURATION_EDGE = Math.acosh(1 / (2 * SATURATED_BELOW) - 1);

const Z_MAX = 80;
const BIN = 2;
const WIDTH = 480;
const HEIGHT = 360;

/** The 2,000 weighted inputs z = W x + b of the example's layer, drawn by `init`. */
export function exampleWeightedInputs(init: (sizes: readonly number[], rng: Rng) => Network): number[] {
  const net = init([EXAMPLE.inputs, EXAMPLE.neurons], createRng(EXAMPLE.seed));
  const x = matrix(
    EXAMPLE.inputs,
    1,
    Array.from({ length: EXAMPLE.inputs }, (_, k) => (k % 2 === 0 ? 1 : 0)),
  );
  const wx = matmul(net.weights[0], x).data;
  return Array.from(wx, (v, j) => v + net.biases[0].data[j]);
}

/** How many of `zs` are saturated: σ′(z) below {@link SATURATED_BELOW}. */
export const saturatedCount = (zs: readonly number[]) => zs.filter((z) => sigmoidPrime(z) < SATURATED_BELOW).length;

/** The histogram of `zs` in bins of width {@link BIN} over [−Z_MAX, Z_MAX] (values beyond it in the end bins). */
function histogram(zs: readonly number[]): number[] {
  const counts = new Array((2 * Z_MAX) / BIN).fill(0);
  for (const z of zs) counts[Math.min(counts.length - 1, Math.max(0, Math.floor((z + Z_MAX) / BIN)))]++;
  return counts;
}

/** One panel, its title above it: the band of unsaturated z, the histogram's bars, and how many neurons are saturated. */
function panel(top: number, zs: readonly number[], colour: string, title: string): string[] {
  const counts = histogram(zs);
  const highest = Math.max(...counts);
  const frame: Frame = { left: 56, top: top + 24, width: 404, height: 96, x: [-Z_MAX, Z_MAX], y: [0, highest * 1.1] };
  const edge = SATURATION_EDGE;
  const bars = counts.map((count, i) => {
    const x0 = -Z_MAX + i * BIN;
    return `<rect${attributes({ x: px(frame, x0), y: py(frame, count), width: px(frame, x0 + BIN) - px(frame, x0), height: py(frame, 0) - py(frame, count) })} fill="${colour}"/>`;
  });
  const saturated = saturatedCount(zs);
  return [
    text(frame.left, top + 14, title),
    ...drawFrame(frame, { x: "", y: "", xTicks: [-80, -60, -40, -20, 0, 20, 40, 60, 80], yTicks: [] }),
    `<rect${attributes({ x: px(frame, -edge), y: frame.top, width: px(frame, edge) - px(frame, -edge), height: frame.height })} fill="#e8e8e8"/>`,
    ...bars,
    text(
      frame.left + frame.width - 8,
      frame.top + 20,
      `${saturated.toLocaleString("en-US")} of ${zs.length.toLocaleString("en-US")} saturated`,
      {
        ...HALO,
        fill: colour,
        "text-anchor": "end",
      },
    ),
  ];
}

export const initialisationFigure: Figure = {
  file: "initialisation.svg",
  render() {
    const broad = exampleWeightedInputs(createNetwork);
    const narrow = exampleWeightedInputs(defaultWeightInitializer);
    return svgDocument(
      WIDTH,
      HEIGHT,
      `Histograms of the weighted input z of 2,000 neurons with 1,000 inputs, half of them on: with N(0, 1) weights z spreads over ±60 and ${saturatedCount(broad)} neurons start saturated; with N(0, 1/n_in) weights z stays within ±5 and ${saturatedCount(narrow)} does`,
      [
        ...panel(4, broad, BLUE, "weights N(0, 1): createNetwork (kata 05)"),
        ...panel(152, narrow, ACCENT, "weights N(0, 1/nᵢₙ): defaultWeightInitializer"),
        text(56 + 202, 308, [{ text: "z" }, " = ", { text: "w" }, " · ", { text: "x" }, " + ", { text: "b" }, " of each neuron"], {
          "text-anchor": "middle",
        }),
        text(56 + 202, 332, "grey: |z| < 4.6, where σ′(z) ≥ 0.01 (not saturated)", { "text-anchor": "middle", fill: "#666" }),
      ],
    );
  },
};
