import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CrossEntropyCost, QuadraticCost } from "#nn/costs.ts";
import { SLOWDOWN, slowdownOutputs } from "./learning-slowdown.ts";

const quadratic = slowdownOutputs(QuadraticCost);
const crossEntropy = slowdownOutputs(CrossEntropyCost);

describe("lesson 15's learning-slowdown figure", () => {
  it("starts both runs from Nielsen's badly wrong neuron, output σ(4) ≈ 0.98, and records every epoch", () => {
    for (const outputs of [quadratic, crossEntropy]) {
      assert.equal(outputs.length, SLOWDOWN.epochs + 1);
      assert.equal(outputs[0], 1 / (1 + Math.exp(-4)));
    }
  });

  it("shows the slowdown: the quadratic cost barely moves for 100 epochs, while the cross-entropy is below 0.1 after 50", () => {
    assert.ok(quadratic[100] > 0.95, `quadratic output after 100 epochs: ${quadratic[100]}`);
    assert.ok(crossEntropy[50] < 0.1, `cross-entropy output after 50 epochs: ${crossEntropy[50]}`);
  });

  it("shows both learning in the end: every step lowers the output, and the quadratic cost catches up by epoch 300", () => {
    for (const [name, outputs] of [
      ["quadratic", quadratic],
      ["cross-entropy", crossEntropy],
    ] as const) {
      for (let e = 1; e < outputs.length; e++) assert.ok(outputs[e] < outputs[e - 1], `${name}: epoch ${e} raised the output`);
    }
    assert.ok(quadratic[SLOWDOWN.epochs] < 0.25, `quadratic output after 300 epochs: ${quadratic[SLOWDOWN.epochs]}`);
  });
});
