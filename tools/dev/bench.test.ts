import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runProgram } from "../core/processes.ts";
import { median } from "./bench-loop.ts";

describe("npm run bench", () => {
  it("measures a short run of the trainer in a child process, and its exit code agrees with its checks", async () => {
    const { status, stdout, stderr } = await runProgram("dev/bench.ts", ["--epochs", "2", "--train-size", "1000"]);
    assert.match(stdout, /^Benchmark on \d+ × .+, Node v\d+/);
    assert.match(stdout, /Speed of the reference \(solutions\/\): 784-30-10, mini-batch 10, 2 epochs of 1,000 images/);
    assert.match(stdout, /epoch 0: [\d.]+ s training \([\d,]+ images\/s\), [\d.]+ s testing 10,000 images\n.*epoch 1: /);
    const checks = stdout.split("\n").filter((line) => /^[✔✖] /.test(line));
    assert.equal(checks.length, 2, stdout);
    assert.match(checks[0], /[\d.]+ s per epoch of 50,000 images, [\d,]+ images\/s \(target ≤ 1\.5 s\)/);
    assert.match(checks[1], /peak RSS [\d,]+ MB \(target ≤ 300 MB\)/);
    assert.equal(status, checks.every((line) => line.startsWith("✔")) ? 0 : 1, stderr);
  });

  it("reports the loop's times by their median, which one slow run does not move", () => {
    assert.equal(median([0.6, 0.5, 9.0]), 0.6);
    assert.equal(median([0.4, 0.8, 0.5, 0.7]), 0.6);
    assert.equal(median([2]), 2);
  });

  it("times the learner's own network with --impl src, and says which kata to finish while src/ has stubs", async () => {
    const { status, stdout, stderr } = await runProgram("dev/bench.ts", ["--impl", "src", "--epochs", "1", "--train-size", "1000"]);
    assert.equal(status, 1);
    assert.match(stdout, /Speed of your network \(src\/\)/);
    assert.match(
      stderr,
      /^bench: npm start -- .* --impl src failed: your src\/ is not finished: kata 01-matrices is the first unfinished one/,
    );
    assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace");
  });

  it("refuses a bad flag in one line", async () => {
    const { status, stderr } = await runProgram("dev/bench.ts", ["--train-size", "60000"]);
    assert.equal(status, 2);
    assert.match(stderr, /^bench: --train-size can be at most 50000/);
  });
});
