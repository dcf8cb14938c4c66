import assert from "node:assert/strict";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { tempDir } from "../../tools/core/test-trees.ts";
import { defaultMnistDir, loadMnist, MNIST_FILES } from "./mnist-files.ts";

function copyOfMnist(): string {
  const dir = tempDir("mnist");
  for (const file of Object.values(MNIST_FILES)) copyFileSync(join(defaultMnistDir(), file.name), join(dir, file.name));
  return dir;
}

describe("the MNIST loader", () => {
  it("reads the files from another folder", () => {
    const mnist = loadMnist(copyOfMnist());
    assert.deepEqual([mnist.train.count, mnist.test.count], [60_000, 10_000]);
  });

  it("names the missing file and says how to get it", () => {
    const dir = tempDir("empty");
    assert.throws(() => loadMnist(dir), /train-images-idx3-ubyte is missing .*npm ci/s);
  });

  it("refuses a corrupt file, naming it and both MD5 sums", () => {
    const dir = copyOfMnist();
    const path = join(dir, MNIST_FILES.testLabels.name);
    const bytes = readFileSync(path);
    bytes[100] ^= 1;
    writeFileSync(path, bytes);
    assert.throws(() => loadMnist(dir), new RegExp(`t10k-labels-idx1-ubyte is corrupt.*expected ${MNIST_FILES.testLabels.md5}`, "s"));
  });
});
