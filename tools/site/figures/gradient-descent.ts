/**
 * The gradient-descent figures: the cost surface C(w, b) of one sigmoid
 * neuron on 20 seeded points (toy-neuron.ts) as contour lines, with the
 * path of gradient descent on it (lesson 08), and the paths of full-batch
 * and mini-batch descent for the same number of epochs (lesson 10).
 */
import { contourSegments, sampleGrid } from "./contours.ts";
import type { Figure } from "./figure.ts";
import { drawFrame, type Frame, line, px, py } from "./plot.ts";
import { ACCENT, attributes, BLUE, HALO, INK, num, type Run, svgDocument, text } from "./svg.ts";
import { cost, gradientDescentPath, type Point, sgdPath, TOY, toyData } from "./toy-neuron.ts";

const WIDTH = 480;
const HEIGHT = 360;
const FRAME: Frame = { left: 56, top: 12, width: 412, height: 290, x: [-3, 5], y: [-3, 4] };
/** Samples of C per axis: contours smooth at this size. */
const SAMPLES = 61;
/** Contour levels: C from 0.005 (just above this data set's least cost, about 0.0045) up, each 1.6 times the one before. */
const LEVELS = Array.from({ length: 10 }, (_, k) => 0.005 * 1.6 ** k);

/** Steps of gradient descent in lesson 08's figure. */
export const GD_STEPS = 100;
/** Epochs, mini-batch size and shuffling seed of lesson 10's comparison. */
export const SGD_RUN = { epochs: 20, m: 2, seed: 2 } as const;

/** The contour lines of C(w, b), one grey path a level. */
function landscape(): string[] {
  const data = toyData();
  const grid = sampleGrid((w, b) => cost(data, [w, b]), FRAME.x, FRAME.y, SAMPLES, SAMPLES);
  return LEVELS.map((level) => {
    const d = contourSegments(grid, level)
      .map(([[x1, y1], [x2, y2]]) => `M${num(px(FRAME, x1))} ${num(py(FRAME, y1))}L${num(px(FRAME, x2))} ${num(py(FRAME, y2))}`)
      .join("");
    return `<path d="${d}" fill="none" stroke="#aaa" stroke-width="1" stroke-linecap="round"/>`;
  });
}

/** A path of parameter points: a line with a dot at every point. */
function path(points: readonly Point[], colour: string, radius: number): string[] {
  return [
    line(FRAME, points, { stroke: colour, "stroke-width": 2 }),
    ...points.map(([w, b]) => `<circle${attributes({ cx: px(FRAME, w), cy: py(FRAME, b), r: radius })} fill="${colour}"/>`),
  ];
}

function startMark(): string[] {
  const [w, b] = TOY.start;
  return [
    `<circle${attributes({ cx: px(FRAME, w), cy: py(FRAME, b), r: 6 })} fill="white" stroke="${INK}" stroke-width="2"/>`,
    text(px(FRAME, w) + 10, py(FRAME, b) - 8, "start", HALO),
  ];
}

const axes = () => drawFrame(FRAME, { x: [{ text: "w" }, " (weight)"], y: [{ text: "b" }, " (bias)"] });

/** A legend in a white box at the frame's top right: one coloured line and its label a row. */
function legend(rows: readonly [string, string | Run[]][]): string[] {
  const [width, right, top] = [250, FRAME.left + FRAME.width - 6, FRAME.top + 6];
  const x = right - width;
  return [
    `<rect${attributes({ x, y: top, width, height: 10 + 22 * rows.length })} fill="white" fill-opacity="0.9" stroke="#ccc"/>`,
    ...rows.flatMap(([colour, label], i) => {
      const y = top + 24 + 22 * i;
      return [
        `<line${attributes({ x1: x + 10, x2: x + 34, y1: y - 5, y2: y - 5 })} stroke="${colour}" stroke-width="2.5"/>`,
        text(x + 42, y, label),
      ];
    }),
  ];
}

export const gradientDescentFigure: Figure = {
  file: "gradient-descent.svg",
  render() {
    const points = gradientDescentPath(toyData(), GD_STEPS);
    return svgDocument(WIDTH, HEIGHT, "Gradient descent on the cost surface of one sigmoid neuron", [
      ...axes(),
      ...landscape(),
      ...path(points, ACCENT, 2),
      ...startMark(),
      ...legend([
        ["#aaa", ["contours of ", { text: "C" }, "(", { text: "w" }, ", ", { text: "b" }, ")"]],
        [ACCENT, `${GD_STEPS} steps of η = ${TOY.eta}`],
      ]),
    ]);
  },
};

export const sgdFigure: Figure = {
  file: "sgd-paths.svg",
  render() {
    const data = toyData();
    const full = gradientDescentPath(data, SGD_RUN.epochs);
    const stochastic = sgdPath(data, SGD_RUN.epochs, SGD_RUN.m, SGD_RUN.seed);
    return svgDocument(WIDTH, HEIGHT, "Full-batch and mini-batch gradient descent for the same number of epochs", [
      ...axes(),
      ...landscape(),
      ...path(stochastic, BLUE, 2),
      ...path(full, ACCENT, 3),
      ...startMark(),
      ...legend([
        [ACCENT, `all ${TOY.n} at once: ${full.length - 1} steps`],
        [BLUE, `mini-batches of ${SGD_RUN.m}: ${stochastic.length - 1} steps`],
      ]),
    ]);
  },
};
