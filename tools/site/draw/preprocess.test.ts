import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { loadMnist } from "../../../katas/support/mnist-files.ts";
import { assertProperty } from "../../../katas/support/property.ts";
import { type GreyBitmap, mnistInput } from "./preprocess.ts";

// MNIST's numbers, written here rather than imported, so that the tests check them: the field, the box, the centre.
const [FIELD, BOX, CENTRE] = [28, 20, 14];

/** A drawing: a few rectangles of ink, each of one grey level, on a canvas of any size. */
const drawing: fc.Arbitrary<GreyBitmap> = fc
  .record({
    width: fc.integer({ min: 1, max: 70 }),
    height: fc.integer({ min: 1, max: 70 }),
    blots: fc.array(
      fc.record({
        x: fc.nat(),
        y: fc.nat(),
        w: fc.integer({ min: 1, max: 40 }),
        h: fc.integer({ min: 1, max: 40 }),
        ink: fc.integer({ min: 1, max: 255 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(({ width, height, blots }) => {
    const data = new Float64Array(width * height);
    for (const { x, y, w, h, ink } of blots) {
      for (let row = y % height; row < Math.min(height, (y % height) + h); row++) {
        for (let column = x % width; column < Math.min(width, (x % width) + w); column++) {
          data[row * width + column] = Math.max(data[row * width + column], ink / 255);
        }
      }
    }
    return { width, height, data };
  });

/** `bitmap` placed at (left, top) on a blank canvas `width` × `height`. */
function placed(bitmap: GreyBitmap, left: number, top: number, width: number, height: number): GreyBitmap {
  const data = new Float64Array(width * height);
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) data[(top + y) * width + left + x] = bitmap.data[y * bitmap.width + x];
  }
  return { width, height, data };
}

/** Every pixel of `bitmap` made a k × k block: the same drawing, k times larger. */
function enlarged(bitmap: GreyBitmap, k: number): GreyBitmap {
  const width = bitmap.width * k;
  const data = new Float64Array(width * bitmap.height * k);
  for (let p = 0; p < data.length; p++) data[p] = bitmap.data[Math.floor(p / width / k) * bitmap.width + Math.floor((p % width) / k)];
  return { width, height: bitmap.height * k, data };
}

/** The ink's bounding box and centre of mass (pixel-index coordinates, weighted by grey level) in a `width`-wide image. */
function measure(data: ArrayLike<number>, width: number) {
  const height = data.length / width;
  let [x0, y0, x1, y1, mass, sx, sy] = [width, height, -1, -1, 0, 0, 0];
  for (let p = 0; p < data.length; p++) {
    const v = data[p];
    if (v === 0) continue;
    const [x, y] = [p % width, Math.floor(p / width)];
    [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
    [mass, sx, sy] = [mass + v, sx + v * x, sy + v * y];
  }
  return { x0, y0, x1, y1, width: x1 - x0 + 1, height: y1 - y0 + 1, mass, cx: sx / mass, cy: sy / mass };
}

/** Half a pixel, and room for rounding errors. */
const HALF = 0.5 + 1e-9;

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((s, v) => s + v, 0);

describe("MNIST's preprocessing of a drawing", () => {
  it("gives 784 grey levels in [0, 1], the ink's long side exactly 20 pixels and the short side at most 20", () => {
    assertProperty(
      fc.property(drawing, (bitmap) => {
        const x = mnistInput(bitmap);
        assert.ok(x, "a drawing with ink gives an input");
        assert.equal(x.length, FIELD * FIELD);
        assert.ok(
          x.every((v) => v >= 0 && v <= 1),
          "every value in [0, 1]",
        );
        const ink = measure(x, FIELD);
        assert.equal(Math.max(ink.width, ink.height), BOX, `long side of the ink: ${ink.width}×${ink.height}`);
      }),
    );
  });

  it("puts the centre of mass within half a pixel of (14, 14), unless the ink would leave the field: then the ink touches that edge", () => {
    assertProperty(
      fc.property(drawing, (bitmap) => {
        const ink = measure(mnistInput(bitmap) as Float64Array, FIELD);
        for (const [centre, low, high, axis] of [
          [ink.cx, ink.x0, ink.x1, "column"],
          [ink.cy, ink.y0, ink.y1, "row"],
        ] as const) {
          if (centre > CENTRE + HALF)
            assert.equal(low, 0, `${axis} centre ${centre} is right of ${CENTRE + 0.5} although the ink could move`);
          if (centre < CENTRE - HALF)
            assert.equal(high, FIELD - 1, `${axis} centre ${centre} is left of ${CENTRE - 0.5} although the ink could move`);
        }
      }),
    );
  });

  it("centres a single stroke of ink within half a pixel of (14, 14)", () => {
    assertProperty(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), (width, height) => {
        const ink = measure(mnistInput({ width, height, data: new Float64Array(width * height).fill(1) }) as Float64Array, FIELD);
        assert.ok(Math.abs(ink.cx - CENTRE) <= HALF && Math.abs(ink.cy - CENTRE) <= HALF, `centre (${ink.cx}, ${ink.cy})`);
      }),
    );
  });

  it("keeps the amount of ink: each output pixel is the mean ink of the canvas area it covers", () => {
    assertProperty(
      fc.property(drawing, (bitmap) => {
        const ink = measure(bitmap.data, bitmap.width);
        const side = Math.max(ink.width, ink.height) / BOX; // canvas pixels per output pixel
        const kept = sum(mnistInput(bitmap) as Float64Array) * side * side;
        assert.ok(Math.abs(kept - ink.mass) <= 1e-9 * ink.mass, `ink ${ink.mass} on the canvas, ${kept} after scaling`);
      }),
    );
  });

  it("gives the same input wherever the drawing is on the canvas", () => {
    assertProperty(
      fc.property(drawing, fc.nat(30), fc.nat(30), fc.nat(30), fc.nat(30), (bitmap, a, b, c, d) => {
        const [width, height] = [bitmap.width + 30, bitmap.height + 30];
        assert.deepEqual(mnistInput(placed(bitmap, a, b, width, height)), mnistInput(placed(bitmap, c, d, width, height)));
      }),
    );
  });

  it("gives the same input, to rounding, for the same drawing drawn larger", () => {
    assertProperty(
      fc.property(drawing, fc.integer({ min: 2, max: 4 }), (bitmap, k) => {
        const [small, large] = [mnistInput(bitmap) as Float64Array, mnistInput(enlarged(bitmap, k)) as Float64Array];
        const worst = Math.max(...small.map((v, p) => Math.abs(v - large[p])));
        assert.ok(worst <= 1e-9, `pixels differ by up to ${worst} when drawn ${k} times larger`);
      }),
      { numRuns: 50 },
    );
  });

  it("gives no input for a blank canvas, so the page can ask for a digit instead of showing NaN", () => {
    assert.equal(mnistInput({ width: 3, height: 2, data: new Float32Array(6) }), undefined);
  });

  it("refuses, in one line, a bitmap whose size does not match its data, or a value that is not a grey level in [0, 1]", () => {
    for (const [bitmap, message] of [
      [{ width: 3, height: 2, data: [0, 0, 0, 0, 0] }, /a 3×2 bitmap needs 6 values, got 5/],
      [{ width: 0, height: 2, data: [] }, /at least 1×1 whole pixels, got 0×2/],
      [{ width: 2, height: 1, data: [0, Number.NaN] }, /value 1 is NaN, not a grey level in \[0, 1\]/],
      [{ width: 2, height: 1, data: [255, 0] }, /value 0 is 255, not a grey level/],
    ] as const) {
      assert.throws(
        () => mnistInput(bitmap),
        (error: Error) => message.test(error.message) && !error.message.includes("\n"),
      );
    }
  });

  it("matches MNIST: its test images have a 20-pixel long side but 3, their centre of mass within half a pixel of (14, 14), and pass through unchanged but 4", () => {
    const { test } = loadMnist();
    const [changed, notTwenty]: number[][] = [[], []];
    for (let i = 0; i < test.count; i++) {
      const image = Float64Array.from(test.pixels.subarray(i * FIELD * FIELD, (i + 1) * FIELD * FIELD), (byte) => byte / 255);
      const ink = measure(image, FIELD);
      assert.ok(Math.abs(ink.cx - CENTRE) <= HALF && Math.abs(ink.cy - CENTRE) <= HALF, `test image ${i}: centre (${ink.cx}, ${ink.cy})`);
      if (Math.max(ink.width, ink.height) !== BOX) notTwenty.push(i);
      const x = mnistInput({ width: FIELD, height: FIELD, data: image }) as Float64Array;
      if (x.some((v, p) => Math.abs(v - image[p]) > 1e-12)) changed.push(i);
    }
    assert.deepEqual(notTwenty, [4530, 9300, 9302], "the test images whose ink's long side is not 20 pixels (it is 19)");
    // Those three are scaled to 20; 8688 has its centre of mass exactly half a pixel off, and moves by one.
    assert.deepEqual(changed, [4530, 8688, 9300, 9302]);
  });
});
