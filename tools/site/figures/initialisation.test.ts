import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultWeightInitializer } from "#nn/initialise.ts";
import { createNetwork } from "#nn/network.ts";
import { sigmoidPrime } from "#nn/sigmoid.ts";
import { exampleWeightedInputs, SATURATED_BELOW, SATURATION_EDGE, saturatedCount } from "./initialisation.ts";

describe("lesson 17's initialisation figure", () => {
  it("counts as the lesson says: 1,683 of the 2,000 neurons saturated under createNetwork, 1 under defaultWeightInitializer", () => {
    const broad = exampleWeightedInputs(createNetwork);
    const narrow = exampleWeightedInputs(defaultWeightInitializer);
    assert.deepEqual([broad.length, narrow.length], [2000, 2000]);
    assert.deepEqual([saturatedCount(broad), saturatedCount(narrow)], [1683, 1]);
  });

  it("draws the band's edge where σ′(z) = 0.01, at |z| ≈ 4.6", () => {
    assert.ok(Math.abs(sigmoidPrime(SATURATION_EDGE) - SATURATED_BELOW) < 1e-12);
    assert.equal(SATURATION_EDGE.toFixed(1), "4.6");
  });
});
