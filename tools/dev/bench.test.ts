import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runProgram } from "../core/processes.ts";
import type { Metrics } from "../train/metrics.ts";
import { median } from "./bench-loop.ts";
import { accuracyChecks, digitCheck, speedupCheck, timeCheck } from "./part-two-targets.ts";
import type { SeedRun } from "./seed-runs.ts";

/** MNIST's test images of each digit 0–9. */
const PER_DIGIT = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

/** A chapter-3 run of 3 epochs that reaches `best`, with every digit learned unless `lost` says which digit falls short after which epoch. */
function seedRun(seed: number, best: number, lost?: { epochs: number[]; digit: number }): SeedRun {
  const history = [0, 1, 2].map((epoch) => ({
    epoch,
    correct: Math.round((epoch === 1 ? best : best - 0.001) * 10_000),
    total: 10_000,
    trainSeconds: 3,
    evalSeconds: 0.2,
    correctByDigit: PER_DIGIT.map((n, digit) => (lost?.epochs.includes(epoch) && lost.digit === digit ? Math.floor(n / 2) - 1 : n - 20)),
  }));
  const metrics = { history, bestCorrect: Math.round(best * 10_000) } as unknown as Metrics;
  return { recipe: "ch3-100", seed, metrics, wallSeconds: 100 };
}

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

  it("checks Part II's targets (--full) from the measurements: accuracy on every seed and its median, digits, time, speed", () => {
    const good = [0.9801, 0.9796, 0.9798, 0.9779, 0.9792, 0.981, 0.9777, 0.976].map((best, i) => seedRun(i + 1, best));
    const [every, mid] = accuracyChecks(good);
    assert.deepEqual(every, {
      ok: true,
      text: "chapter 3, seeds 1, 2, 3, 4, 5, 6, 7, 8: lowest best accuracy 97.60% (seed 8; target ≥ 97.5% on every seed)",
    });
    assert.deepEqual(mid, { ok: true, text: "chapter 3: median best accuracy 97.94% (target ≥ 97.9%)" });
    const oneLow = [...good.slice(0, 7), seedRun(8, 0.9749)];
    assert.deepEqual(
      accuracyChecks(oneLow).map((c) => c.ok),
      [false, true],
    );
    assert.match(accuracyChecks(oneLow)[0].text, /lowest best accuracy 97\.49% \(seed 8;/);
    const lowMedian = [0.98, 0.98, 0.98, 0.978, 0.978, 0.978, 0.978, 0.978].map((best, i) => seedRun(i + 1, best));
    assert.deepEqual(
      accuracyChecks(lowMedian).map((c) => c.ok),
      [true, false],
    );

    assert.deepEqual(digitCheck(good, PER_DIGIT), {
      ok: true,
      text: "chapter 3: no run loses a digit: from epoch 0 on, every digit is right on at least half of its test images, in all 8 runs",
    });
    const lost = [seedRun(1, 0.98), seedRun(4, 0.98, { epochs: [2], digit: 5 }), seedRun(6, 0.98, { epochs: [0, 1, 2], digit: 9 })];
    assert.deepEqual(digitCheck(lost, PER_DIGIT), {
      ok: false,
      text: "chapter 3: 2 of 3 runs have a digit right on fewer than half of its test images: seed 4: digit 5 after epoch 2; seed 6: digit 9 after epoch 0, and a digit in 2 later epochs",
    });
    const unrecorded = seedRun(3, 0.98);
    delete unrecorded.metrics.history[1].correctByDigit;
    assert.equal(digitCheck([unrecorded], PER_DIGIT).ok, false);

    assert.deepEqual(timeCheck(118.4, 30), {
      ok: true,
      text: "npm start -- --chapter 3 takes 118.4 s for 30 epochs (target ≤ 120 s, on an idle machine)",
    });
    assert.equal(timeCheck(120.01, 30).ok, false);
    assert.deepEqual(speedupCheck(1.55, 7.16), {
      ok: false,
      text: "scratch trains 784-30-10 4.6× as fast as tfjs wasm: 1.55 s against 7.16 s per epoch (target ≥ 5×)",
    });
    assert.equal(speedupCheck(1, 5).ok, true);
  });
});
