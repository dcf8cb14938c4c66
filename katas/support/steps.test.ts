import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { stepMultipleHint } from "./steps.ts";

const want = [0.1, -0.2, 0.05, 0];

describe("stepMultipleHint", () => {
  it("names a step m times too large as a sum not divided by m", () => {
    assert.equal(
      stepMultipleHint(
        want.map((w) => 3 * w),
        want,
        3,
      ),
      "your step is 3.00× the expected one: did you divide the summed gradient by m, the mini-batch size (here m = 3)?",
    );
  });

  it("names a step uphill as η∇C added, not subtracted", () => {
    assert.equal(
      stepMultipleHint(
        want.map((w) => -w),
        want,
        3,
      ),
      "your step is −1.00× the expected one: did you add η∇C instead of subtracting it?",
    );
  });

  it("gives any other factor without a guess", () => {
    assert.equal(
      stepMultipleHint(
        want.map((w) => w / 2),
        want,
        3,
      ),
      "your step is 0.50× the expected one",
    );
  });

  it("says nothing when the step is not a multiple, has the right size, or cannot be compared", () => {
    assert.equal(stepMultipleHint([0.2, -0.2, 0.05, 0], want, 3), undefined);
    assert.equal(stepMultipleHint([...want], want, 3), undefined);
    assert.equal(stepMultipleHint([0.1], want, 3), undefined);
    assert.equal(stepMultipleHint([0, 0], [0, 0], 3), undefined);
  });
});
