import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadMnist } from "../../../katas/support/mnist-files.ts";
import { loadOverfitting, OVERFITTING, runOverfitting } from "./overfitting.ts";
import { bestTest } from "./regularisation.ts";

const committed = loadOverfitting();

describe("Nielsen's overfitting experiment (docs/model/overfitting.json, lessons 18 and 19)", () => {
  it("is committed for every λ of the settings, 400 epochs each, with the settings it ran with", () => {
    assert.deepEqual(committed.settings, OVERFITTING, "the settings changed since the file was made: run npm run overfitting");
    assert.deepEqual(
      committed.runs.map((run) => [run.lambda, run.history.length]),
      OVERFITTING.lambdas.map((lambda) => [lambda, OVERFITTING.epochs]),
    );
  });

  it("is what the reference computes today: the first 3 epochs of each run, re-run, match the file exactly", () => {
    const mnist = loadMnist();
    for (const run of committed.runs) {
      assert.deepEqual(
        runOverfitting(mnist, run.lambda, 3).history,
        run.history.slice(0, 3),
        `λ = ${run.lambda}: the reference no longer gives the committed numbers: run npm run overfitting and npm run docs`,
      );
    }
  });

  it("shows what lessons 18 and 19 say: the training images all learned, and λ = 0.1 ahead of λ = 0 on the test images", () => {
    const [plain, regularised] = committed.runs;
    assert.equal(Math.max(...plain.history.map((epoch) => epoch.trainingCorrect)), OVERFITTING.trainingImages);
    const best = (run: typeof plain) => bestTest(run).value;
    assert.ok(best(regularised) > best(plain), `best test: ${best(regularised)} with λ = 0.1, ${best(plain)} with λ = 0`);
    const costs = plain.history.map((epoch) => epoch.trainingCost);
    assert.ok(costs[costs.length - 1] < costs[0] / 10, "the training cost falls throughout");
  });

  it("has the numbers lesson 18's caption quotes", () => {
    const [plain, regularised] = committed.runs;
    // The first epoch from which every training image stays right.
    const allRight = (run: typeof plain) => {
      const last = run.history.findLastIndex((epoch) => epoch.trainingCorrect !== OVERFITTING.trainingImages);
      return last + 1;
    };
    assert.deepEqual([allRight(plain), allRight(regularised)], [43, 34]);
    assert.equal(plain.history[100].testCorrect, 8119);
    assert.deepEqual(bestTest(plain), { epoch: 329, value: 81.37 });
    assert.deepEqual(bestTest(regularised), { epoch: 381, value: 87.31 });
  });
});
