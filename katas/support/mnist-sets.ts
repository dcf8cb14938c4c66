/**
 * Tiny MNIST-shaped data for tests: sets of 2×2-pixel images with digit
 * labels, and networks that read them. Built as plain objects, without the
 * code under test.
 */
import fc from "fast-check";
import type { MnistSet } from "#nn/mnist.ts";
import type { Network } from "#nn/network.ts";
import { MODERATE, networkOfSizesArb } from "./networks.ts";

/** A set of `count` random 2×2-pixel images (bytes 0–255) with random digit labels. */
export function tinySetArb(count: { min: number; max: number }): fc.Arbitrary<MnistSet> {
  return fc
    .integer(count)
    .chain((n) =>
      fc
        .tuple(fc.uint8Array({ minLength: n * 4, maxLength: n * 4 }), fc.uint8Array({ minLength: n, maxLength: n, max: 9 }))
        .map(([pixels, labels]) => ({ count: n, rows: 2, cols: 2, pixels, labels })),
    );
}

/** Networks for 2×2 images and 10 digits, with a hidden layer of 1–5 neurons: no layer is square. */
export const digitNetworkArb: fc.Arbitrary<Network> = fc
  .integer({ min: 1, max: 5 })
  .chain((hidden) => networkOfSizesArb([4, hidden, 10], MODERATE));
