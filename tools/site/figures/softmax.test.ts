import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { softmaxSweep } from "./softmax.ts";

const sweep = softmaxSweep();

describe("lesson 16's softmax figure", () => {
  it("stacks outputs that always sum to 1, so the stack is always 1 high", () => {
    for (const { z4, a } of sweep) assert.ok(Math.abs(a.reduce((s, v) => s + v, 0) - 1) < 1e-12, `z4 = ${z4}: the outputs sum to ${a}`);
  });

  it("shows what the caption says: a4 grows with z4, every other output shrinks, and the others keep their proportions", () => {
    for (let i = 1; i < sweep.length; i++) {
      const [before, after] = [sweep[i - 1].a, sweep[i].a];
      assert.ok(after[3] > before[3], `a4 did not grow at z4 = ${sweep[i].z4}`);
      for (const j of [0, 1, 2]) assert.ok(after[j] < before[j], `a${j + 1} did not shrink at z4 = ${sweep[i].z4}`);
      assert.ok(Math.abs(after[0] / after[2] - before[0] / before[2]) < 1e-9, "a1 / a3 changed");
    }
    assert.ok(sweep[0].a[3] < 0.01 && sweep[sweep.length - 1].a[3] > 0.95, "a4 goes from a sliver to almost everything");
  });
});
