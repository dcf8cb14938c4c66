import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../../katas/support/property.ts";
import { firstOfEachDigit } from "./mnist-digits.ts";

describe("the MNIST digits figure", () => {
  it("picks, for each digit, the first images that show it, in file order", () => {
    assertProperty(
      fc.property(fc.array(fc.nat(9), { maxLength: 60 }), fc.integer({ min: 1, max: 5 }), (labels, count) => {
        const picked = firstOfEachDigit(Uint8Array.from(labels), count);
        assert.equal(picked.length, 10);
        for (const [digit, indices] of picked.entries()) {
          const all = labels.flatMap((label, i) => (label === digit ? [i] : []));
          assert.deepEqual(indices, all.slice(0, count));
        }
      }),
    );
  });
});
