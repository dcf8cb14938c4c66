/**
 * Lesson 12's learning curve: the reference run's accuracy on the 10,000
 * test images after each epoch (its `training.history`), against the best
 * that Nielsen reports for the same network and settings.
 */
import { percent } from "../../core/format.ts";
import type { Figure } from "./figure.ts";
import { drawFrame, type Frame, line, px, py } from "./plot.ts";
import type { Sources } from "./sources.ts";
import { ACCENT, attributes, BLUE, HALO, svgDocument, text } from "./svg.ts";

/** Nielsen, chapter 1: "Epoch 28: 9542 / 10000", 95.42% at its peak, for 784-30-10 with η = 3 and mini-batches of 10. */
export const NIELSEN_BEST = { epoch: 28, correct: 9542, total: 10_000 } as const;

const WIDTH = 480;
const HEIGHT = 300;

export const learningCurve: Figure = {
  file: "learning-curve.svg",
  render({ reference }: Sources) {
    const { history } = reference.training;
    const points = history.map((h): [number, number] => [h.epoch, (100 * h.correct) / h.total]);
    const best = history.reduce((a, b) => (b.correct > a.correct ? b : a));
    const nielsen = (100 * NIELSEN_BEST.correct) / NIELSEN_BEST.total;
    const ys = [nielsen, ...points.map(([, y]) => y)];
    const frame: Frame = {
      left: 56,
      top: 16,
      width: 404,
      height: 224,
      x: [0, history.length - 1],
      y: [Math.floor(Math.min(...ys)) - 1, Math.ceil(Math.max(...ys)) + 1],
    };
    return svgDocument(WIDTH, HEIGHT, "Test accuracy after each epoch of the reference run, against Nielsen's best", [
      ...drawFrame(frame, { x: "epoch", y: "test accuracy (%)" }),
      line(
        frame,
        [
          [frame.x[0], nielsen],
          [frame.x[1], nielsen],
        ],
        { stroke: ACCENT, "stroke-width": 1.5, "stroke-dasharray": "6 4" },
      ),
      text(
        px(frame, frame.x[1]) - 4,
        py(frame, nielsen) - 7,
        `Nielsen's best: ${percent(NIELSEN_BEST.correct / NIELSEN_BEST.total)} (epoch ${NIELSEN_BEST.epoch})`,
        {
          "text-anchor": "end",
          fill: ACCENT,
          ...HALO,
        },
      ),
      line(frame, points, { stroke: BLUE, "stroke-width": 2.5 }),
      ...points.map(([x, y]) => `<circle${attributes({ cx: px(frame, x), cy: py(frame, y), r: 3 })} fill="${BLUE}"/>`),
      text(
        px(frame, best.epoch) - 4,
        py(frame, (100 * best.correct) / best.total) + 22,
        `best: ${percent(best.correct / best.total)} (epoch ${best.epoch})`,
        {
          "text-anchor": "end",
          fill: BLUE,
          ...HALO,
        },
      ),
    ]);
  },
};
