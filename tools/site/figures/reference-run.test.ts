import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { percent } from "../../core/format.ts";
import { confusionFigure, referenceConfusion } from "./confusion-matrix.ts";
import { hiddenWeights } from "./hidden-weights.ts";
import { learningCurve, NIELSEN_BEST } from "./learning-curve.ts";
import { confidentMistakes, misclassified } from "./misclassified.ts";
import { loadSources } from "./sources.ts";

const sources = loadSources();
const { history } = sources.reference.training;
const last = history[history.length - 1];

describe("the figures of the reference run (docs/model/)", () => {
  it("draw the confusion matrix of the committed model: 10,000 test images, a row a true digit, its diagonal the last epoch's right answers", () => {
    const counts = referenceConfusion(sources);
    assert.equal(
      counts.flat().reduce((a, b) => a + b, 0),
      last.total,
    );
    for (const [digit, row] of counts.entries()) {
      const shown = sources.mnist.test.labels.filter((label) => label === digit).length;
      assert.equal(
        row.reduce((a, b) => a + b, 0),
        shown,
        `row ${digit} should count the ${shown} test images of a ${digit}: rows are the true digits`,
      );
    }
    assert.equal(
      counts.reduce((sum, row, i) => sum + row[i], 0),
      last.correct,
      "the model's answers now differ from those recorded in its history",
    );
    const cells = [...confusionFigure.render(sources).matchAll(/<text[^>]* class="count"[^>]*>(\d+)<\/text>/g)].map(([, n]) => Number(n));
    assert.deepEqual(
      cells,
      counts.flat().filter((n) => n > 0),
      "the cells drawn are not the counts, row by row",
    );
  });

  it("draw the learning curve from the history, with Nielsen's best and the run's best", () => {
    const svg = learningCurve.render(sources);
    const points = /<polyline points="([^"]+)"[^>]*stroke="#1f77b4"/.exec(svg)?.[1].split(" ") ?? [];
    assert.equal(points.length, history.length, "one point an epoch");
    const best = history.reduce((a, b) => (b.correct > a.correct ? b : a));
    assert.ok(svg.includes(`best: ${percent(best.correct / best.total)} (epoch ${best.epoch})`));
    assert.ok(svg.includes(`Nielsen&apos;s best: 95.42% (epoch ${NIELSEN_BEST.epoch})`));
  });

  it("show the most confident mistakes: wrong, highest activation first, out of exactly the run's mistakes", () => {
    const wrong = sources.predictions.filter((answer, i) => answer !== sources.mnist.test.labels[i]).length;
    assert.equal(wrong, last.total - last.correct, "the predictions do not reproduce the run's last epoch");
    const shown = confidentMistakes(sources, 12);
    assert.equal(shown.length, 12);
    for (const [n, m] of shown.entries()) {
      assert.notEqual(m.answer, m.label);
      assert.equal(sources.predictions[m.index], m.answer);
      if (n > 0) assert.ok(m.activation <= shown[n - 1].activation, "not sorted by activation");
    }
    const everyMistake = confidentMistakes(sources, wrong);
    assert.equal(everyMistake.length, wrong);
    assert.ok(everyMistake[12].activation <= shown[11].activation, "a more confident mistake was left out");
    const svg = misclassified.render(sources);
    for (const m of shown) assert.ok(svg.includes(`label ${m.label}, read as ${m.answer}`), `test image ${m.index} is not labelled`);
  });

  it("draw one 28×28 image of input weights for each hidden neuron", () => {
    const images = hiddenWeights.render(sources).match(/<image /g) ?? [];
    assert.equal(images.length, sources.reference.net.sizes[1]);
  });
});
