import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../../katas/support/property.ts";
import { inkLevels, weightLevels } from "./pixels.ts";

const weights = fc
  .array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 })
  .filter((ws) => ws.some((w) => w !== 0));

describe("pixel levels", () => {
  it("draw ink from white (0) to black (15), in order", () => {
    assert.deepEqual(inkLevels([0, 17, 128, 255]), [0, 1, 8, 15]);
    assertProperty(
      fc.property(fc.nat(255), fc.nat(255), (a, b) => {
        const [la, lb] = inkLevels([a, b]);
        assert.ok(la >= 0 && la <= 15 && (a <= b ? la <= lb : la >= lb));
      }),
    );
  });

  it("put 0 at the white middle (7), each neuron's largest |w| at an end, and keep the order of the weights", () => {
    assertProperty(
      fc.property(weights, (ws) => {
        const levels = weightLevels(ws);
        const max = Math.max(...ws.map(Math.abs));
        for (const [i, w] of ws.entries()) {
          assert.ok(levels[i] >= 0 && levels[i] <= 14);
          if (w === 0) assert.equal(levels[i], 7);
          if (Math.abs(w) === max) assert.equal(levels[i], w > 0 ? 14 : 0);
          if (w > 0) assert.ok(levels[i] >= 7);
          if (w < 0) assert.ok(levels[i] <= 7);
        }
        // Scaling every weight by c > 0 changes nothing: each image has its own scale. (A power of 2, so that w / max is exactly the same.)
        assert.deepEqual(weightLevels(ws.map((w) => w * 4)), levels);
      }),
    );
  });

  it("refuse, in one line, weights that are all 0", () => {
    assert.throws(
      () => weightLevels([0, 0]),
      /^RangeError: weightLevels: the largest \|w\| is 0; it must be finite and above 0 to scale to$/,
    );
  });
});
