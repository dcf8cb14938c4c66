/**
 * Kata 02 · MNIST from IDX files — reference solution.
 *
 * The images stay as bytes (47 MB for 60,000 images) and become numbers in
 * [0, 1] only when the network needs them: as float64 they would take 376 MB.
 *
 * @module
 */
import { type Matrix, matrix } from "./matrix.ts";

/** An IDX tensor of unsigned bytes: its dimensions and its values, row-major. */
export interface IdxTensor {
  readonly dims: readonly number[];
  readonly data: Uint8Array;
}

const UNSIGNED_BYTE = 0x08;
const TYPE_NAMES = new Map([
  [0x09, "signed byte"],
  [0x0b, "short"],
  [0x0c, "int"],
  [0x0d, "float"],
  [0x0e, "double"],
]);

const hex = (n: number, width: number) => `0x${n.toString(16).padStart(width, "0")}`;
const product = (dims: readonly number[]) => dims.reduce((p, d) => p * d, 1);

/**
 * Parse an IDX file: bytes 0–1 are zero, byte 2 is the element type (only
 * `0x08`, unsigned byte, is supported), byte 3 the number of dimensions,
 * then each dimension as a big-endian 32-bit integer, then the data.
 * Throws a clear error for a wrong magic number (showing it, in hex or
 * decimal: `wrong magic number 0x1f8b0801`), an unsupported type (naming
 * it: `element type 0x0d is not supported`), and a file that is truncated or
 * too long. `bytes` may be a view into a larger buffer (a `subarray`, with
 * its own `byteOffset`).
 */
export function parseIdx(bytes: Uint8Array): IdxTensor {
  if (bytes.length < 4) {
    throw new Error(`IDX file truncated: ${bytes.length} bytes, but the magic number alone takes 4`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0); // DataView reads big-endian by default, as IDX requires
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new Error(
      `not an IDX file: the magic number ${hex(magic, 8)} should start with two zero bytes ` +
        `(MNIST images start 0x00000803, labels 0x00000801; a .gz file must be unzipped first)`,
    );
  }
  const [type, rank] = [bytes[2], bytes[3]];
  if (type !== UNSIGNED_BYTE) {
    const name = TYPE_NAMES.get(type) ?? "unknown type";
    throw new Error(`IDX element type ${hex(type, 2)} (${name}) is not supported: only unsigned bytes (0x08) are`);
  }
  if (rank === 0) throw new Error("IDX file has 0 dimensions: at least one is needed");
  const headerLength = 4 + 4 * rank;
  if (bytes.length < headerLength) {
    throw new Error(`IDX file truncated: its ${rank} dimensions need a ${headerLength}-byte header, found ${bytes.length} bytes`);
  }
  const dims = Array.from({ length: rank }, (_, d) => view.getUint32(4 + 4 * d));
  const expected = product(dims);
  const found = bytes.length - headerLength;
  if (found < expected) {
    throw new Error(`IDX file truncated: dimensions ${dims.join("×")} need ${expected} data bytes, found ${found}`);
  }
  if (found > expected) {
    throw new Error(`IDX file too long: dimensions ${dims.join("×")} need ${expected} data bytes, found ${found}`);
  }
  return { dims, data: bytes.subarray(headerLength) };
}

/** Encode a tensor as an IDX file: the inverse of {@link parseIdx}. Throws when `data` does not fit `dims`. */
export function encodeIdx(tensor: IdxTensor): Uint8Array {
  const { dims, data } = tensor;
  if (dims.length < 1 || dims.length > 255) throw new Error(`IDX needs 1 to 255 dimensions, got ${dims.length}`);
  if (product(dims) !== data.length) {
    throw new Error(`encodeIdx: dimensions ${dims.join("×")} need ${product(dims)} values, got ${data.length}`);
  }
  const headerLength = 4 + 4 * dims.length;
  const bytes = new Uint8Array(headerLength + data.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, (UNSIGNED_BYTE << 8) | dims.length);
  for (const [i, d] of dims.entries()) view.setUint32(4 + 4 * i, d);
  bytes.set(data, headerLength);
  return bytes;
}

/** A set of MNIST images and their labels, kept compact: one byte per pixel (0 = white, 255 = black). */
export interface MnistSet {
  /** How many images. */
  readonly count: number;
  /** Image height in pixels (28). */
  readonly rows: number;
  /** Image width in pixels (28). */
  readonly cols: number;
  /** Every image's pixels, one after another: image i is `pixels[i*rows*cols … (i+1)*rows*cols)`. */
  readonly pixels: Uint8Array;
  /** The digit each image shows, 0–9. */
  readonly labels: Uint8Array;
}

/**
 * Pair an images tensor (`[count, rows, cols]`) with a labels tensor
 * (`[count]`). Throws, naming both counts, when they differ; naming the
 * label, when a label is not a digit 0–9; when the images tensor is not
 * three-dimensional, naming the 3 it needs (`images must have 3 dimensions, got 1`), and when the labels
 * tensor is not one-dimensional.
 */
export function mnistSet(images: IdxTensor, labels: IdxTensor): MnistSet {
  if (images.dims.length !== 3) {
    throw new Error(`images must have 3 dimensions [count, rows, cols], got ${images.dims.length}: is this a labels file?`);
  }
  if (labels.dims.length !== 1) {
    throw new Error(`labels must have 1 dimension [count], got ${labels.dims.length}: is this an images file?`);
  }
  const [count, rows, cols] = images.dims;
  if (labels.dims[0] !== count) {
    throw new Error(`the images file holds ${count} images but the labels file holds ${labels.dims[0]} labels`);
  }
  const bad = labels.data.findIndex((label) => label > 9);
  if (bad >= 0) throw new Error(`label ${bad} is ${labels.data[bad]}, not a digit 0–9`);
  return { count, rows, cols, pixels: images.data, labels: labels.data };
}

function checkIndex(set: MnistSet, i: number): void {
  if (!Number.isInteger(i) || i < 0 || i >= set.count) {
    throw new RangeError(`image index ${i} is outside a set of ${set.count} images`);
  }
}

/**
 * Image i as the network's input: a `(rows·cols) × 1` column of pixel values scaled to [0, 1].
 * Throws, naming `i`, unless `0 ≤ i < count`.
 */
export function image(set: MnistSet, i: number): Matrix {
  checkIndex(set, i);
  const size = set.rows * set.cols;
  const x = matrix(size, 1);
  for (let p = 0; p < size; p++) x.data[p] = set.pixels[i * size + p] / 255;
  return x;
}

/**
 * The desired output for a digit: a `classes × 1` column, 1 at row `label`, 0 elsewhere (Nielsen's vectorized_result).
 * Throws, naming the label, unless `0 ≤ label < classes`.
 */
export function oneHot(label: number, classes = 10): Matrix {
  if (!Number.isInteger(label) || label < 0 || label >= classes) {
    throw new RangeError(`oneHot: label ${label} is not one of 0…${classes - 1}`);
  }
  const y = matrix(classes, 1);
  y.data[label] = 1;
  return y;
}

/**
 * Images `start` (inclusive) to `end` (exclusive) of a set, as a view that shares its bytes (no copy).
 * Throws, naming the set's count, unless `0 ≤ start ≤ end ≤ count`; `start = end` is an empty set.
 */
export function slice(set: MnistSet, start: number, end: number): MnistSet {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= set.count)) {
    throw new RangeError(`slice(${start}, ${end}) does not fit a set of ${set.count} images`);
  }
  const size = set.rows * set.cols;
  return {
    count: end - start,
    rows: set.rows,
    cols: set.cols,
    pixels: set.pixels.subarray(start * size, end * size),
    labels: set.labels.subarray(start, end),
  };
}

/** Nielsen's three data sets. */
export interface NielsenSplit {
  /** The first 50,000 MNIST training images: what the network learns from. */
  readonly training: MnistSet;
  /** The last 10,000 MNIST training images: held out to tune hyper-parameters. */
  readonly validation: MnistSet;
  /** The 10,000 t10k images: the final, untouched measure. */
  readonly test: MnistSet;
}

const VALIDATION_SIZE = 10_000;

/** Split the 60,000 training images into training (all but the last 10,000) and validation (the last 10,000); the test set is kept as it is. */
export function nielsenSplit(train: MnistSet, test: MnistSet): NielsenSplit {
  if (train.count <= VALIDATION_SIZE) {
    throw new RangeError(`nielsenSplit needs more than ${VALIDATION_SIZE} training images, got ${train.count}`);
  }
  const cut = train.count - VALIDATION_SIZE;
  return { training: slice(train, 0, cut), validation: slice(train, cut, train.count), test };
}
