/**
 * MNIST's preprocessing, applied to a digit drawn on the page's canvas. The
 * network only ever saw digits prepared this way, and reads a drawing that
 * is not (too small, off-centre, in a corner) far worse. LeCun, Cortes and
 * Burges describe it on the MNIST page: each digit was "size normalized to
 * fit in a 20x20 pixel box while preserving their aspect ratio", with grey
 * levels from anti-aliasing, then "centered in a 28x28 image by computing the
 * center of mass of the pixels, and translating the image so as to position
 * this point at the center of the 28x28 field".
 *
 * The centre is (14, 14) in pixel-index coordinates (column, row), each
 * pixel weighted by its grey level, and the translation is by whole pixels:
 * every one of the 10,000 MNIST test images has its centre of mass within
 * half a pixel of (14, 14), and the long side of its ink's bounding box is 20
 * pixels in all but 3 (`preprocess.test.ts` measures both). A whole-pixel
 * shift keeps the strokes as sharp as MNIST's.
 *
 * Pure code, no DOM: the page and the Node tests share it.
 */

/** A grey-level picture, row-major: 0 is background, 1 full ink. */
export interface GreyBitmap {
  readonly width: number;
  readonly height: number;
  readonly data: ArrayLike<number>;
}

/** The side of the network's input image, in pixels. */
export const FIELD = 28;
/** The side of the box the digit is scaled to fit, as in MNIST. */
const BOX = 20;
/** Where the centre of mass goes, in pixel-index coordinates (column, row). */
const CENTRE = 14;

/**
 * The network's input for a drawing: 784 values in [0, 1], row-major, 0 the
 * background, as kata 02's `image` scales MNIST's bytes (value / 255). The
 * drawing's bounding box is scaled to fit a 20 × 20 box, its long side
 * exactly 20 pixels, by area-averaging (each output pixel the mean ink of
 * the canvas area it covers); then placed so that its centre of mass is
 * within half a pixel of (14, 14), unless that would push ink out of the
 * 28 × 28 field: then the box stops at the field's edge. `undefined` when
 * there is no ink. Throws, in one line, on a bitmap whose size does not match
 * its data or whose values leave [0, 1].
 */
export function mnistInput(bitmap: GreyBitmap): Float64Array | undefined {
  check(bitmap);
  const ink = inkBounds(bitmap);
  if (!ink) return undefined;
  const box = scaleToBox(bitmap, ink);
  const [cx, cy] = centreOfMass(box.data, box.width, box.height);
  const left = placement(cx, box.width);
  const top = placement(cy, box.height);
  const field = new Float64Array(FIELD * FIELD);
  for (let y = 0; y < box.height; y++) {
    for (let x = 0; x < box.width; x++) field[(top + y) * FIELD + left + x] = box.data[y * box.width + x];
  }
  return field;
}

function check({ width, height, data }: GreyBitmap): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`mnistInput: the bitmap must be at least 1×1 whole pixels, got ${width}×${height}`);
  }
  if (data.length !== width * height) {
    throw new RangeError(`mnistInput: a ${width}×${height} bitmap needs ${width * height} values, got ${data.length}`);
  }
  for (let i = 0; i < data.length; i++) {
    if (!(data[i] >= 0 && data[i] <= 1)) throw new RangeError(`mnistInput: value ${i} is ${data[i]}, not a grey level in [0, 1]`);
  }
}

interface Bounds {
  x0: number;
  y0: number;
  width: number;
  height: number;
}

/** The smallest rectangle holding every pixel with ink, or undefined for a blank bitmap. */
function inkBounds({ width, height, data }: GreyBitmap): Bounds | undefined {
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] === 0) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  return x1 < 0 ? undefined : { x0, y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/**
 * The inked rectangle scaled by BOX / (its long side), area-averaged. With
 * `c` canvas pixels per output pixel, output pixel j covers canvas [j·c, (j+1)·c)
 * along each axis, and takes the ink of every canvas pixel it overlaps,
 * weighted by the overlap: the anti-aliasing MNIST's grey levels come from.
 */
function scaleToBox(bitmap: GreyBitmap, ink: Bounds): GreyBitmap & { data: Float64Array } {
  const long = Math.max(ink.width, ink.height);
  const c = long / BOX;
  // Integer arithmetic, so that the long side is exactly BOX pixels.
  const width = Math.ceil((ink.width * BOX) / long);
  const height = Math.ceil((ink.height * BOX) / long);
  const across = overlaps(ink.width, width, c);
  const down = overlaps(ink.height, height, c);
  // Columns first: each canvas row of the inked rectangle becomes `width` sums.
  const rows = new Float64Array(ink.height * width);
  for (let y = 0; y < ink.height; y++) {
    const row = (ink.y0 + y) * bitmap.width + ink.x0;
    for (let j = 0; j < width; j++) {
      let sum = 0;
      for (const [x, weight] of across[j]) sum += bitmap.data[row + x] * weight;
      rows[y * width + j] = sum;
    }
  }
  const data = new Float64Array(width * height);
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      let sum = 0;
      for (const [y, weight] of down[i]) sum += rows[y * width + j] * weight;
      // The mean over the output pixel's area, c²; min() only absorbs rounding.
      data[i * width + j] = Math.min(1, sum / (c * c));
    }
  }
  return { width, height, data };
}

/** For each of `cells` output pixels, the source pixels (0…size−1) it overlaps and by how much. */
function overlaps(size: number, cells: number, c: number): [number, number][][] {
  return Array.from({ length: cells }, (_, j) => {
    const [from, to] = [j * c, Math.min(size, (j + 1) * c)];
    const parts: [number, number][] = [];
    for (let k = Math.floor(from); k < to; k++) parts.push([k, Math.min(k + 1, to) - Math.max(k, from)]);
    return parts;
  });
}

/** The grey-level-weighted mean column and row of an image. */
function centreOfMass(data: ArrayLike<number>, width: number, height: number): [number, number] {
  let [mass, sx, sy] = [0, 0, 0];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x];
      mass += v;
      sx += v * x;
      sy += v * y;
    }
  }
  return [sx / mass, sy / mass];
}

/**
 * Where a box of `size` pixels with its centre of mass at `centre` starts:
 * that centre moved to CENTRE by whole pixels, the box kept inside the field.
 * The distance is rounded to a millionth of a pixel first, so that rounding
 * errors cannot tip a tie (a centre at exactly x.5) one way or the other:
 * the same drawing, larger, lands on the same pixels.
 */
function placement(centre: number, size: number): number {
  const shift = Math.round(Math.round((CENTRE - centre) * 1e6) / 1e6);
  return Math.min(FIELD - size, Math.max(0, shift));
}
