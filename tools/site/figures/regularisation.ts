/**
 * Lesson 18's figure: Nielsen's overfitting experiment with and without L2
 * regularisation, from the committed runs (`overfitting.ts`). Accuracy on
 * the 10,000 test images and on the 1,000 training images, epoch by epoch,
 * for λ = 0 and λ = 0.1, with each run's best test accuracy marked; the
 * axis starts at 70%, above the first epochs.
 */
import { bestEpoch } from "#nn/monitor.ts";
import type { Figure } from "./figure.ts";
import { type OverfittingRun, percentages } from "./overfitting.ts";
import { clipPath, drawFrame, type Frame, line, px, py } from "./plot.ts";
import { ACCENT, BLUE, HALO, svgDocument, text } from "./svg.ts";

const WIDTH = 480;
const HEIGHT = 320;

/** Accuracy in % of each epoch of a run, on the test or the training images. */
export function accuracies(run: OverfittingRun, on: "test" | "training"): number[] {
  return run.history.map((epoch) => percentages(epoch)[on]);
}

/** A run's best epoch on the test images, as kata 19's `bestEpoch` picks it (the first maximum), and its accuracy in %. */
export function bestTest(run: OverfittingRun): { epoch: number; value: number } {
  const test = accuracies(run, "test");
  const epoch = bestEpoch(test);
  return { epoch, value: test[epoch] };
}

/** The accuracies shown: the first epochs, below it, are cut off at the frame's bottom. */
const LOWEST = 70;

export const regularisationFigure: Figure = {
  file: "regularisation.svg",
  render({ overfitting }) {
    const runs = overfitting.runs;
    const epochs = overfitting.settings.epochs;
    const frame: Frame = { left: 56, top: 16, width: 404, height: 240, x: [0, epochs], y: [LOWEST, 100] };
    const colours = [BLUE, ACCENT];
    const clipped = { "clip-path": "url(#frame)" };
    const body = [clipPath(frame, "frame"), ...drawFrame(frame, { x: "epoch", y: "accuracy (%)" })];
    runs.forEach((run, r) => {
      const points = (values: number[]) => values.map((v, e): [number, number] => [e, v]);
      body.push(
        line(frame, points(accuracies(run, "training")), {
          stroke: colours[r],
          "stroke-width": 1.5,
          "stroke-dasharray": "5 4",
          ...clipped,
        }),
      );
      body.push(line(frame, points(accuracies(run, "test")), { stroke: colours[r], "stroke-width": 2.5, ...clipped }));
      const best = bestTest(run);
      body.push(`<circle cx="${px(frame, best.epoch)}" cy="${py(frame, best.value)}" r="4" fill="${colours[r]}"/>`);
      body.push(
        text(px(frame, best.epoch) + 6, py(frame, best.value) - 12, `best ${best.value.toFixed(2)}% (epoch ${best.epoch})`, {
          ...HALO,
          fill: colours[r],
          "text-anchor": "end",
        }),
      );
    });
    const legendY = py(frame, LOWEST) - 58;
    runs.forEach((run, r) => {
      const y = legendY + r * 22;
      body.push(
        `<line x1="${frame.left + 160}" x2="${frame.left + 188}" y1="${y - 5}" y2="${y - 5}" stroke="${colours[r]}" stroke-width="2.5"/>`,
      );
      body.push(text(frame.left + 194, y, `λ = ${run.lambda}: test images`, HALO));
    });
    body.push(text(frame.left + 160, legendY + 44, "dashed: the 1,000 training images", HALO));
    return svgDocument(
      WIDTH,
      HEIGHT,
      `Accuracy by epoch of Nielsen's 784-30-10 network trained on 1,000 images, without and with L2 regularisation: training accuracy reaches 100% either way; test accuracy peaks at ${bestTest(runs[0]).value.toFixed(2)}% with λ = 0 and ${bestTest(runs[1]).value.toFixed(2)}% with λ = 0.1`,
      body,
    );
  },
};
