/**
 * Lesson 19's figure: what monitoring shows in the unregularised run of
 * Nielsen's overfitting experiment (`overfitting.ts`). Above, the cost on
 * the 1,000 training images, falling the whole time; below, the accuracy on
 * them and on the 10,000 validation images, with the best validation epoch
 * and the epoch where the reference `shouldStopEarly` with a patience of 10
 * (Nielsen's no-improvement-in-ten) stops the run, keeping the best
 * network so far (`bestEpoch`).
 */
import { bestEpoch, shouldStopEarly } from "#nn/monitor.ts";
import type { Figure } from "./figure.ts";
import { type OverfittingRun, percentages } from "./overfitting.ts";
import { clipPath, drawFrame, type Frame, line, px, py } from "./plot.ts";
import { ACCENT, attributes, BLUE, HALO, MUTED, svgDocument, text } from "./svg.ts";

/** Nielsen's suggested start: no improvement in ten epochs. */
export const PATIENCE = 10;

const WIDTH = 480;
const HEIGHT = 420;

/** Validation accuracy in % of each epoch. */
export const validationAccuracies = (run: OverfittingRun) => run.history.map((epoch) => percentages(epoch).validation);

/** The epoch after which the no-improvement-in-`patience` rule stops the run (the last epoch it trains), and the epoch it keeps. */
export function stopping(accuracies: readonly number[], patience: number = PATIENCE): { stoppedAfter: number; kept: number } {
  for (let epochs = 1; epochs <= accuracies.length; epochs++) {
    const seen = accuracies.slice(0, epochs);
    if (shouldStopEarly(seen, patience)) return { stoppedAfter: epochs - 1, kept: bestEpoch(seen) };
  }
  return { stoppedAfter: accuracies.length - 1, kept: bestEpoch(accuracies) };
}

/** The accuracies shown: the first epochs, below it, are cut off at the frame's bottom. */
const LOWEST = 70;

export const monitoringFigure: Figure = {
  file: "monitoring.svg",
  render({ overfitting }) {
    const run = overfitting.runs.find((r) => r.lambda === 0);
    if (!run) throw new Error("docs/model/overfitting.json has no run with λ = 0: run npm run overfitting");
    const epochs = overfitting.settings.epochs;
    const validation = validationAccuracies(run);
    const training = run.history.map((epoch) => percentages(epoch).training);
    const points = (values: readonly number[]) => values.map((v, e): [number, number] => [e, v]);

    // The cost on a log scale, where its fall goes on being visible: from about 2 to about 0.004.
    const logCosts = run.history.map((epoch) => Math.log10(epoch.trainingCost));
    const costFrame: Frame = { left: 56, top: 12, width: 404, height: 120, x: [0, epochs], y: [-3, 0.5] };
    const costTicks = [-3, -2, -1, 0].map((t) =>
      text(costFrame.left - 6, py(costFrame, t) + 5, String(10 ** t), { "text-anchor": "end", fill: MUTED }),
    );
    const accuracyFrame: Frame = { left: 56, top: 176, width: 404, height: 190, x: [0, epochs], y: [LOWEST, 100] };

    const best = bestEpoch(validation);
    const { stoppedAfter, kept } = stopping(validation);
    const vertical = (epoch: number, colour: string) =>
      `<line${attributes({ x1: px(accuracyFrame, epoch), x2: px(accuracyFrame, epoch), y1: accuracyFrame.top, y2: accuracyFrame.top + accuracyFrame.height })} stroke="${colour}" stroke-dasharray="4 3"/>`;
    const below = py(accuracyFrame, 76);
    return svgDocument(
      WIDTH,
      HEIGHT,
      `Training on 1,000 images without regularisation: the training cost falls for all ${epochs} epochs and the training accuracy reaches 100%, while the validation accuracy all but stops improving; a patience of ${PATIENCE} stops after epoch ${stoppedAfter} and keeps epoch ${kept}, at ${validation[kept].toFixed(2)}%, where all ${epochs} epochs reach ${validation[best].toFixed(2)}% at epoch ${best}`,
      [
        clipPath(accuracyFrame, "accuracy"),
        ...drawFrame(costFrame, { x: "", y: "cost (log scale)", yTicks: [] }),
        ...costTicks,
        line(costFrame, points(logCosts), { stroke: MUTED, "stroke-width": 2 }),
        text(costFrame.left + 150, costFrame.top + 24, "cost on the 1,000 training images", HALO),
        ...drawFrame(accuracyFrame, { x: "epoch", y: "accuracy (%)" }),
        line(accuracyFrame, points(training), {
          stroke: BLUE,
          "stroke-width": 1.5,
          "stroke-dasharray": "5 4",
          "clip-path": "url(#accuracy)",
        }),
        line(accuracyFrame, points(validation), { stroke: BLUE, "stroke-width": 2.5, "clip-path": "url(#accuracy)" }),
        text(accuracyFrame.left + 150, py(accuracyFrame, 95), "dashed: training; solid: validation", HALO),
        vertical(stoppedAfter, ACCENT),
        text(px(accuracyFrame, stoppedAfter) + 6, below, `patience ${PATIENCE}: stops after epoch ${stoppedAfter},`, {
          ...HALO,
          fill: ACCENT,
        }),
        text(px(accuracyFrame, stoppedAfter) + 6, below + 18, `keeps epoch ${kept}: ${validation[kept].toFixed(2)}%`, {
          ...HALO,
          fill: ACCENT,
        }),
        vertical(best, MUTED),
        text(px(accuracyFrame, best) - 6, py(accuracyFrame, 87), `best of all ${epochs}: epoch ${best}, ${validation[best].toFixed(2)}%`, {
          ...HALO,
          fill: MUTED,
          "text-anchor": "end",
        }),
      ],
    );
  },
};
