import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { stopping, validationAccuracies } from "./monitoring.ts";
import { loadOverfitting } from "./overfitting.ts";

const plain = loadOverfitting().runs.find((run) => run.lambda === 0);

describe("lesson 19's monitoring figure, and what its caption says", () => {
  it("stops where the caption says, for a patience of 10, 20 and 50, keeping the best epoch so far", () => {
    assert.ok(plain);
    const validation = validationAccuracies(plain);
    const at = (patience: number) => {
      const { stoppedAfter, kept } = stopping(validation, patience);
      return [stoppedAfter, kept, validation[kept].toFixed(2)];
    };
    assert.deepEqual(at(10), [72, 62, "82.84"]);
    assert.deepEqual(at(20), [102, 82, "82.97"]);
    assert.deepEqual(at(50), [161, 111, "83.02"]);
    assert.deepEqual([stopping(validation, 400).stoppedAfter, validation[399].toFixed(2)], [399, "83.35"]);
  });

  it("stops after the first epoch whose last `patience` epochs brought no improvement, and never before", () => {
    const scripted = [50, 60, 55, 60, 58, 61, 40, 40, 40];
    assert.deepEqual(stopping(scripted, 3), { stoppedAfter: 4, kept: 1 }, "a tie with the best is no improvement");
    assert.deepEqual(stopping(scripted, 4), { stoppedAfter: 8, kept: 5 });
    assert.deepEqual(stopping(scripted, 2), { stoppedAfter: 3, kept: 1 });
    assert.deepEqual(stopping([1, 2, 3], 1), { stoppedAfter: 2, kept: 2 }, "a run that never stops ends at its last epoch");
  });
});
