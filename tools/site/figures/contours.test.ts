import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../../katas/support/property.ts";
import { contourSegments, sampleGrid } from "./contours.ts";

const coefficient = fc.double({ min: -5, max: 5, noNaN: true });

describe("contour lines", () => {
  it("of a plane lie exactly on the level, and run through every cell the level crosses", () => {
    assertProperty(
      fc.property(coefficient, coefficient, coefficient, fc.double({ min: -10, max: 10, noNaN: true }), (a, b, c, level) => {
        const f = (x: number, y: number) => a * x + b * y + c;
        const grid = sampleGrid(f, [-1, 1], [-1, 1], 9, 7);
        const segments = contourSegments(grid, level);
        // Linear interpolation is exact for a linear function.
        for (const [[x1, y1], [x2, y2]] of segments) {
          for (const [x, y] of [
            [x1, y1],
            [x2, y2],
          ]) {
            assert.ok(Math.abs(f(x, y) - level) <= 1e-9 * (1 + Math.abs(level) + Math.abs(c)), `(${x}, ${y}) is off the level`);
            assert.ok(x >= -1 - 1e-12 && x <= 1 + 1e-12 && y >= -1 - 1e-12 && y <= 1 + 1e-12, "outside the grid");
          }
        }
        const values = Array.from(grid.values);
        const crosses = Math.min(...values) < level && Math.max(...values) >= level;
        assert.equal(segments.length > 0, crosses, "a level inside the range of the samples has a contour, one outside none");
      }),
      { numRuns: 300 },
    );
  });

  // 0.47: no grid point lies exactly on the level (188 = 0.47 / 0.05² is no sum of two squares), where a ring would touch itself.
  it("of a bowl close around its bottom: x² + y² = 0.47 is a ring of radius √0.47", () => {
    const segments = contourSegments(
      sampleGrid((x, y) => x * x + y * y, [-1, 1], [-1, 1], 41, 41),
      0.47,
    );
    assert.ok(segments.length > 40);
    for (const [[x, y]] of segments) assert.ok(Math.abs(Math.hypot(x, y) - Math.sqrt(0.47)) < 0.01);
    // Closed: every end is the start of another segment, or the end of one.
    const key = ([x, y]: readonly [number, number]) => `${x.toFixed(9)},${y.toFixed(9)}`;
    const ends = segments.flatMap(([p, q]) => [key(p), key(q)]);
    for (const end of ends) assert.equal(ends.filter((e) => e === end).length, 2, `the ring is open at ${end}`);
  });
});
