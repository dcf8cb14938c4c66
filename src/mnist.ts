/**
 * Kata 02 · MNIST from IDX files.
 *
 * MNIST ships as four files in Yann LeCun's IDX format: a tiny header (a
 * magic number and big-endian dimensions) followed by raw bytes. This kata
 * parses them into compact data sets, and cuts them the way Nielsen does:
 * 50,000 images to train on, 10,000 to validate with, 10,000 to test.
 * Lesson: `katas/02-mnist/README.md`.
 *
 * @module
 */
import type { Matrix } from "./matrix.ts";

// #region parse-idx
/** An IDX tensor of unsigned bytes: its dimensions and its values, row-major. */
export interface IdxTensor {
  readonly dims: readonly number[];
  readonly data: Uint8Array;
}

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
  throw new Error("Not implemented: parseIdx (kata 02-mnist, lesson katas/02-mnist/README.md)");
}
// #endregion parse-idx

/** Encode a tensor as an IDX file: the inverse of {@link parseIdx}. Throws when `data` does not fit `dims`. */
export function encodeIdx(tensor: IdxTensor): Uint8Array {
  throw new Error("Not implemented: encodeIdx (kata 02-mnist, lesson katas/02-mnist/README.md)");
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
  throw new Error("Not implemented: mnistSet (kata 02-mnist, lesson katas/02-mnist/README.md)");
}

/**
 * Image i as the network's input: a `(rows·cols) × 1` column of pixel values scaled to [0, 1].
 * Throws, naming `i`, unless `0 ≤ i < count`.
 */
export function image(set: MnistSet, i: number): Matrix {
  throw new Error("Not implemented: image (kata 02-mnist, lesson katas/02-mnist/README.md)");
}

/**
 * The desired output for a digit: a `classes × 1` column, 1 at row `label`, 0 elsewhere (Nielsen's vectorized_result).
 * Throws, naming the label, unless `0 ≤ label < classes`.
 */
export function oneHot(label: number, classes = 10): Matrix {
  throw new Error("Not implemented: oneHot (kata 02-mnist, lesson katas/02-mnist/README.md)");
}

/**
 * Images `start` (inclusive) to `end` (exclusive) of a set, as a view that shares its bytes (no copy).
 * Throws, naming the set's count, unless `0 ≤ start ≤ end ≤ count`; `start = end` is an empty set.
 */
export function slice(set: MnistSet, start: number, end: number): MnistSet {
  throw new Error("Not implemented: slice (kata 02-mnist, lesson katas/02-mnist/README.md)");
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

/** Split the 60,000 training images into training (all but the last 10,000) and validation (the last 10,000); the test set is kept as it is. */
export function nielsenSplit(train: MnistSet, test: MnistSet): NielsenSplit {
  throw new Error("Not implemented: nielsenSplit (kata 02-mnist, lesson katas/02-mnist/README.md)");
}
