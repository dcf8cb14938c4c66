import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GD_STEPS, SGD_RUN } from "./gradient-descent.ts";
import { cost, gradientDescentPath, sgdPath, TOY, toyData } from "./toy-neuron.ts";

const data = toyData();

describe("the toy neuron of the gradient-descent figures", () => {
  it("has the same 20 seeded points every time, with x in [−1, 1]", () => {
    assert.equal(data.length, TOY.n);
    assert.deepEqual(toyData(), data);
    for (const { x } of data) assert.ok(x.data[0] >= -1 && x.data[0] <= 1);
  });

  it("goes downhill at every step of lesson 08's gradient descent, from the start", () => {
    const path = gradientDescentPath(data, GD_STEPS);
    assert.equal(path.length, GD_STEPS + 1);
    assert.deepEqual(path[0], TOY.start);
    for (let s = 1; s < path.length; s++) assert.ok(cost(data, path[s]) < cost(data, path[s - 1]), `step ${s} went uphill`);
  });

  it("gets further in lesson 10's epochs with mini-batches than with the whole set: n/m steps an epoch against one", () => {
    const full = gradientDescentPath(data, SGD_RUN.epochs);
    const stochastic = sgdPath(data, SGD_RUN.epochs, SGD_RUN.m, SGD_RUN.seed);
    assert.equal(stochastic.length, (SGD_RUN.epochs * TOY.n) / SGD_RUN.m + 1);
    assert.deepEqual(stochastic[0], TOY.start);
    assert.deepEqual(sgdPath(data, SGD_RUN.epochs, SGD_RUN.m, SGD_RUN.seed), stochastic, "the same seed, the same path");
    assert.ok(cost(data, stochastic[stochastic.length - 1]) < cost(data, full[full.length - 1]) / 10);
  });
});
