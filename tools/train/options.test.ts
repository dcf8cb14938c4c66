import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UsageError } from "../core/cli.ts";
import { runProgram } from "../core/processes.ts";
import { tempTree } from "../core/test-trees.ts";
import { parseTrainOptions } from "./options.ts";

describe("trainer options", () => {
  it("default to Nielsen's settings", () => {
    const options = parseTrainOptions([]);
    assert.deepEqual(
      [options.hidden, options.epochs, options.miniBatchSize, options.eta, options.trainSize, options.impl],
      [[30], 30, 10, 3.0, 50_000, "solutions"],
    );
    assert.equal(options.seed, 2, "the default seed (see README: the spread over seeds)");
  });

  it("start from chapter 3's recipe with --chapter 3, and let any flag change a part of it", () => {
    const pick = (args: string) => {
      const o = parseTrainOptions(args === "" ? [] : args.split(" "));
      return [o.hidden, o.epochs, o.miniBatchSize, o.eta, o.cost, o.lambda, o.init, o.patience];
    };
    assert.deepEqual(pick(""), [[30], 30, 10, 3.0, "quadratic", 0, "large", 0]);
    assert.deepEqual(pick("--chapter 3"), [[100], 30, 10, 0.5, "cross-entropy", 5.0, "default", 0]);
    assert.deepEqual(pick("--chapter 3 --hidden 30 --eta 0.1 --epochs 60 --patience 10"), [
      [30],
      60,
      10,
      0.1,
      "cross-entropy",
      5.0,
      "default",
      10,
    ]);
    assert.deepEqual(pick("--cost cross-entropy --init default --lambda 0.1"), [[30], 30, 10, 3.0, "cross-entropy", 0.1, "default", 0]);
  });

  it("read every flag", () => {
    const options = parseTrainOptions(
      "--hidden 64,32 --epochs 5 --batch 20 --eta 0.5 --seed=-7 --train-size 1000 --impl src --out o --data d".split(" "),
    );
    assert.deepEqual(
      [
        options.hidden,
        options.epochs,
        options.miniBatchSize,
        options.eta,
        options.seed,
        options.trainSize,
        options.impl,
        options.out,
        options.data,
      ],
      [[64, 32], 5, 20, 0.5, -7, 1000, "src", "o", "d"],
    );
  });

  const bad: [string, RegExp][] = [
    ["--epochs 0", /--epochs must be a whole number ≥ 1, got "0"/],
    ["--chapter 2", /--chapter must be "1" or "3", got "2"/],
    ["--cost cubic", /--cost must be "quadratic" or "cross-entropy", got "cubic"/],
    ["--lambda=-1", /--lambda must be a number ≥ 0, got "-1"/],
    ["--init zero", /--init must be "large" or "default", got "zero"/],
    ["--patience 1.5", /--patience must be a whole number ≥ 1, got "1.5"/],
    ["--epochs 2.5", /--epochs/],
    ["--eta=-1", /--eta must be a number > 0, got "-1"/],
    ["--eta -1", /--eta' argument is ambiguous.*--eta=-XYZ/s],
    ["--eta abc", /--eta/],
    ["--hidden 30,x", /--hidden .*"x"/],
    ["--impl numpy", /--impl must be "solutions" or "src", got "numpy"/],
    ["--train-size 60000", /at most 50000/],
    ["--seed 1.5", /--seed must be a whole number/],
    ["--learning-rate 3", /Unknown option '--learning-rate'/],
    ["extra", /unexpected argument "extra"/],
  ];
  for (const [args, message] of bad) {
    it(`reject ${args} with a clear message`, () => {
      assert.throws(
        () => parseTrainOptions(args.split(" ")),
        (error: unknown) => {
          assert.ok(error instanceof UsageError, "a bad flag is a UsageError (exit code 2)");
          assert.match((error as Error).message, message);
          return true;
        },
      );
    });
  }

  it("make npm start exit with code 2 and one line, not a stack trace, on a bad flag", async () => {
    const run = await runProgram("train/train.ts", ["--epochs", "zero"]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /train: --epochs must be a whole number ≥ 1, got "zero"/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
  });

  it("make npm start -- --impl src name the first unfinished kata when src/ holds stubs", async () => {
    const run = await runProgram("train/train.ts", ["--impl", "src", "--epochs", "1"], { root: tempTree() });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /your src\/ is not finished: kata 01-matrices is the first unfinished one/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
  });
});
