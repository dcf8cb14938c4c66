import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../katas/support/property.ts";
import { parseCommand, UsageError } from "../core/cli.ts";
import { repoRoot } from "../core/paths.ts";
import { runProgram } from "../core/processes.ts";
import { tempDir } from "../core/test-trees.ts";
import { DEFAULT_SEED } from "../train/settings.ts";
import { CHART_FILES } from "./charts.ts";
import { codeCounter, codeLines, learnerCode, TRAINER_CALLS } from "./lines-of-code.ts";
import { measureSystem } from "./measure.ts";
import { COMPARE_COMMAND, compareOptions } from "./options.ts";
import { comparisonReport, fill, jumpEpoch } from "./report.ts";
import { median } from "./summary.ts";
import { SYSTEM_LABELS, SYSTEMS, type SystemName, type SystemResult } from "./systems.ts";
import { compare } from "./wording.ts";

const parseCompareOptions = (args: string[]) => compareOptions(parseCommand(COMPARE_COMMAND, args).values);

const METRICS = [
  "final test accuracy",
  "best",
  "weakest digit",
  "training s/epoch",
  "training images/s",
  "inference images/s",
  "peak memory",
  "lines of code",
];

/** The cells of the Markdown table row that starts with `first`. */
function row(markdown: string, first: string): string[] {
  const line = markdown.split("\n").find((l) => l.startsWith(`| ${first} |`));
  assert.ok(line, `no table row starts with "${first}"`);
  return line
    .split("|")
    .slice(2, -1)
    .map((cell) => cell.trim());
}

/** A synthetic result: 90% every epoch; every digit has 1,000 test images, and `weak` is right only 500 times. */
function result(system: SystemName, trainSeconds: number, evalSeconds: number, peakRssMB: number, weak = 7): SystemResult {
  const history = [0, 1].map((epoch) => ({ epoch, correct: 9000, total: 10_000, trainSeconds, evalSeconds }));
  const confusion = Array.from({ length: 10 }, (_, d) =>
    Array.from({ length: 10 }, (_, p) => (p === d ? (d === weak ? 500 : 900) : p === (d + 1) % 10 ? (d === weak ? 500 : 100) : 0)),
  );
  return { system, history, confusion, peakRssMB };
}

const code = learnerCode(repoRoot);

function report(seconds: Record<SystemName, number>, peaks: Record<SystemName, number>): string {
  const results = SYSTEMS.map((system) => result(system, seconds[system], seconds[system] / 10, peaks[system]));
  return comparisonReport({ results, code, epochs: 2, trainSize: 50_000, seed: 1, machine: "test machine" });
}

describe("npm run compare", () => {
  it("runs every system end to end on a tiny budget and reports every metric, with two charts", async () => {
    const out = tempDir("compare");
    const run = await runProgram("compare/compare.ts", ["--train-size", "200", "--epochs", "1", "--out", out]);
    assert.equal(run.status, 0, `compare failed:\n${run.stderr}`);
    const markdown = readFileSync(join(out, "comparison.md"), "utf8");
    assert.doesNotMatch(markdown, /\{\{|NaN|Infinity|undefined/);
    const header = row(markdown, "system");
    for (const metric of METRICS) assert.ok(header.includes(metric), `the summary table has no "${metric}" column`);
    for (const system of SYSTEMS) {
      const cells = row(markdown, `**${SYSTEM_LABELS[system]}**`);
      assert.equal(cells.length, METRICS.length, `${system}: one cell per metric`);
      for (const [i, cell] of cells.entries())
        assert.match(cell, /^[\d,.]+( s| MB|%)?$|^\d \([\d.]+%\)$/, `${system}: ${METRICS[i]} is "${cell}"`);
      assert.equal(cells[METRICS.indexOf("lines of code")], String(code[system].total));
    }
    // Same start, same mini-batches: TensorFlow.js classifies like the scratch network.
    const [scratch, wasm, cpu] = row(markdown, "0").map((cell) => parseFloat(cell));
    assert.ok(Math.abs(wasm - scratch) <= 0.2 && Math.abs(cpu - scratch) <= 0.2, `accuracies after epoch 0: ${row(markdown, "0")}`);
    for (const file of Object.values(CHART_FILES)) {
      assert.ok(markdown.includes(`](${file})`), `${file} is embedded in the report`);
      assert.equal(readFileSync(join(out, file), "utf8").match(/<polyline /g)?.length, SYSTEMS.length, `${file}: one line per system`);
    }
  });

  it("reports a system whose child process fails as one line naming it", async () => {
    const settings = { system: "abacus" as SystemName, chapter: 1 as const, epochs: 1, trainSize: 10, seed: 1 };
    await assert.rejects(
      measureSystem(settings, () => {}),
      /^Error: abacus failed: .+/,
    );
  });

  it("refuses bad options with one line and exit code 2", async () => {
    const run = await runProgram("compare/compare.ts", ["--epochs", "0"]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^compare: --epochs must be a whole number ≥ 1, got "0"\n/);
    assert.doesNotMatch(run.stderr, /\bat .*\.ts:\d+/, "no stack trace");
    for (const args of [["--train-size", "50001"], ["--seed", "x"], ["--epochs", "1.5"], ["extra"], ["--eta", "3"], ["--chapter", "2"]]) {
      assert.throws(() => parseCompareOptions(args), UsageError, args.join(" "));
    }
    assert.deepEqual(parseCompareOptions([]), { chapter: 1, epochs: 5, trainSize: 50_000, seed: DEFAULT_SEED, out: "docs" });
    assert.equal(parseCompareOptions(["--chapter", "3"]).chapter, 3);
  });
});

describe("comparison report", () => {
  const even = { scratch: 100, "tfjs-wasm": 100, "tfjs-cpu": 100, brainjs: 100 };

  it("derives every speed comparison from the measured seconds", () => {
    const text = report({ scratch: 1.3, "tfjs-wasm": 7, "tfjs-cpu": 17.2, brainjs: 15 }, even);
    assert.match(
      text,
      /trains an epoch in 1\.30 s: 5\.4× faster than tfjs wasm \(7\.00 s\), 13× faster than tfjs cpu \(17\.2 s\) and 12× faster than brain\.js \(15\.0 s\)/,
    );
    const reversed = report({ scratch: 8, "tfjs-wasm": 2, "tfjs-cpu": 8, brainjs: 8 }, even);
    assert.match(reversed, /4\.0× slower than tfjs wasm/);
    assert.match(reversed, /about as fast as tfjs cpu/);
    assert.doesNotMatch(reversed, /weighs heavily/, "no explanation of a slowness that was not measured");
  });

  it("names the largest peak memory from the measurements", () => {
    assert.match(
      report(even, { scratch: 200, "tfjs-wasm": 400, "tfjs-cpu": 300, brainjs: 1100 }),
      /the largest, brain\.js's, is 5\.5× the scratch network's/,
    );
    assert.match(report(even, { scratch: 900, "tfjs-wasm": 400, "tfjs-cpu": 300, brainjs: 100 }), /the scratch network's is the largest/);
  });

  it("measures how far TensorFlow.js strays from the scratch network, after the last epoch and after any epoch", () => {
    const correct: Record<SystemName, number[]> = {
      scratch: [8200, 9300, 9350],
      "tfjs-wasm": [8210, 8400, 9340],
      "tfjs-cpu": [8200, 9280, 9355],
      brainjs: [8000, 8100, 8200],
    };
    const results = SYSTEMS.map((system) => ({
      ...result(system, 1, 0.1, 100),
      history: correct[system].map((c, epoch) => ({ epoch, correct: c, total: 10_000, trainSeconds: 1, evalSeconds: 0.1 })),
    }));
    const text = comparisonReport({ results, code, epochs: 3, trainSize: 1000, seed: 1, machine: "test machine" });
    assert.match(
      text,
      /TensorFlow\.js ends within 0\.10 percentage points of the scratch network \(after epoch 2: tfjs wasm 93\.40%, tfjs cpu 93\.55%, scratch 93\.50%\)/,
    );
    assert.match(text, /at most 9\.00 percentage points away after any epoch \(the widest: tfjs wasm after epoch 1\)/);
    assert.match(text, /float32 rounds differently from float64, so the runs are close, not identical/);
    assert.doesNotMatch(text, /plateau/, "one epoch before the jump is no plateau");
    assert.match(text, /Run: 3 epochs on the first 1,000 of Nielsen's 50,000 training images, seed 1,/);
    assert.match(report(even, even), /Run: 2 epochs on Nielsen's 50,000 training images, seed 1,/);
    assert.match(
      text,
      /brain\.js, which updates after every example with momentum, ends 11\.50 percentage points below the scratch network after epoch 2/,
    );
  });

  /** A report whose systems got `correct[system][epoch]` of the 10,000 test images. */
  function accuracyReport(correct: Record<SystemName, number[]>): string {
    const results = SYSTEMS.map((system) => ({
      ...result(system, 1, 0.1, 100),
      history: correct[system].map((c, epoch) => ({ epoch, correct: c, total: 10_000, trainSeconds: 1, evalSeconds: 0.1 })),
    }));
    return comparisonReport({ results, code, epochs: correct.scratch.length, trainSize: 50_000, seed: 2, machine: "test machine" });
  }

  it("explains a gap between TensorFlow.js and the scratch network by when each leaves a shared plateau, from the numbers", () => {
    const text = accuracyReport({
      scratch: [8255, 8379, 8422, 9278, 9355],
      "tfjs-wasm": [8237, 8364, 8432, 8437, 9342],
      "tfjs-cpu": [8256, 8369, 8434, 8478, 9368],
      brainjs: [8209, 8338, 8414, 9241, 9327],
    });
    assert.match(text, /at most 8\.41 percentage points away after any epoch \(the widest: tfjs wasm after epoch 3\)/);
    assert.match(
      text,
      /a plateau, between 82\.09% and 84\.78% for two epochs or more, and then gains 5 percentage points or more in one epoch: scratch and brain\.js in epoch 3 and tfjs wasm and tfjs cpu in epoch 4\./,
    );
    assert.match(text, /The widest gap is that difference in timing, not an error that grows step by step/);
    assert.doesNotMatch(text, /drifts/);
  });

  it("claims no difference in timing when the widest gap is not one", () => {
    // A shared plateau, left by every system in epoch 2; the widest gap comes later, after all have jumped.
    const text = accuracyReport({
      scratch: [8200, 8300, 9200, 9400],
      "tfjs-wasm": [8200, 8310, 9190, 9100],
      "tfjs-cpu": [8210, 8300, 9200, 9390],
      brainjs: [8100, 8200, 9000, 9300],
    });
    assert.match(text, /the widest: tfjs wasm after epoch 3/);
    assert.match(text, /Every system first stays on a plateau/);
    assert.doesNotMatch(text, /difference in timing/);
    assert.match(text, /float32 rounds differently from float64/);
  });

  it("finds the first epoch that gains 5 percentage points or more", () => {
    assert.equal(jumpEpoch([0.82, 0.83, 0.84, 0.92, 0.99]), 3);
    assert.equal(jumpEpoch([0.82, 0.869, 0.9]), undefined, "4.9 points is no jump");
    assert.equal(jumpEpoch([0.5]), undefined);
    assertProperty(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), (accuracies) => {
        const epoch = jumpEpoch(accuracies);
        const rises = accuracies.slice(1).map((a, e) => a - accuracies[e]);
        if (epoch === undefined) assert.ok(rises.every((r) => r < 0.05));
        else assert.ok(rises[epoch - 1] >= 0.05 && rises.slice(0, epoch - 1).every((r) => r < 0.05));
      }),
    );
  });

  it("names each system's weakest digit from its confusion matrix", () => {
    const text = report(even, even);
    assert.deepEqual(row(text, "**brain.js**").slice(2, 3), ["7 (50.0%)"]);
    assert.match(text, /Its weakest digit is 7 \(50\.0% of its test images classified correctly\)/);
  });

  it("compare() never contradicts its numbers", () => {
    assertProperty(
      fc.property(fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.double({ min: 0.01, max: 1000, noNaN: true }), (a, b) => {
        const phrase = compare(a, b, ["faster than", "slower than"]);
        const match = /^([\d.]+)× (faster|slower) than$/.exec(phrase);
        if (!match) {
          assert.equal(phrase, "about as fast as");
          assert.ok(Math.max(a / b, b / a) <= 1 / 0.95, `${a} and ${b} are not about the same`);
          return;
        }
        const [factor, direction] = [Number(match[1]), match[2]];
        assert.equal(direction, a < b ? "faster" : "slower", `${a} s against ${b} s: "${phrase}"`);
        const actual = Math.max(a / b, b / a);
        assert.ok(Math.abs(factor - actual) <= 0.05 * actual + 0.5, `${a} s against ${b} s is ${actual}×, not ${factor}×`);
      }),
    );
  });

  it("fills its template exactly: an unknown or an unused placeholder is an error", () => {
    assert.equal(fill("a {{x}} b {{x}}", { x: "1" }), "a 1 b 1");
    assert.throws(() => fill("{{x}} {{y}}", { x: "1" }), /\{\{y\}\}/);
    assert.throws(() => fill("{{x}}", { x: "1", y: "2" }), /does not use \{\{y\}\}/);
  });

  it("takes medians of odd and even counts", () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.throws(() => median([]));
  });
});

describe("lines of code", () => {
  it("counts lines that hold code, not blank lines or comments", () => {
    const source = [
      "/** A doc comment",
      " * over lines. */",
      "const a = 1; // trailing",
      "",
      "/* block */",
      "// line",
      "const s = `two",
      "lines`;",
      "  ",
    ].join("\n");
    assert.equal(codeLines(source), 3);
  });

  it("does not change when comments and blank lines are added", () => {
    const statements = ["let x = 1;", "x += 2;", "function f(y: number) {", "return y * 2;", "}", "type T = { a: string };"];
    const noise = ["", "// a comment", "/** doc */", "/* block */", "   "];
    assertProperty(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...statements), fc.array(fc.constantFrom(...noise), { maxLength: 3 })), { maxLength: 20 }),
        (lines) => {
          const code = lines.map(([statement]) => statement);
          const noisy = lines.flatMap(([statement, extra]) => [...extra, statement]);
          assert.equal(codeLines(noisy.join("\n")), codeLines(code.join("\n")));
          assert.equal(codeLines(code.join("\n")), code.length);
        },
      ),
    );
  });

  /** The learner's files of a test, by name. */
  const files = (texts: Record<string, string>) => new Map(Object.entries(texts));

  it("counts what the entry points reach, across files, and nothing else", () => {
    const count = codeCounter(
      files({
        "a.ts": [
          'import { b, type B } from "./b.ts";',
          'import { d } from "./d.ts";',
          "const LIMIT = 3;",
          "export function entry(x: B): number {",
          "  return helper(x) + b(LIMIT);",
          "}",
          "function helper(x: B): number {",
          "  return x.size;",
          "}",
          "export function unused(): number {",
          "  return d();",
          "}",
        ].join("\n"),
        "b.ts": [
          "export interface B {",
          "  size: number;",
          "}",
          "export const b = (n: number) => n * 2;",
          "export const size = 1;",
          "export function never() {}",
        ].join("\n"),
        "d.ts": "export function d() {\n  return 1;\n}",
      }),
    );
    const all = count({ "a.ts": ["entry"] }, () => true);
    assert.deepEqual(all.files, [
      { name: "a.ts", declarations: ["LIMIT", "entry", "helper"], lines: 7 },
      { name: "b.ts", declarations: ["b"], lines: 1 },
    ]);
    assert.equal(all.total, 8, "no import, no type, no unreached function, and not `size`, a property that shares a constant's name");
    assert.deepEqual(
      count({ "a.ts": ["entry"] }, (file) => file === "a.ts").files.map((f) => f.name),
      ["a.ts"],
      "a file not followed is not counted",
    );
    assert.equal(count({ "a.ts": ["entry", "unused"] }, () => true).total, 8 + 3 + 3);
  });

  it("counts the same whatever unreached code sits beside the reached code", () => {
    const reached = "export function entry() {\n  return twice(2);\n}\nfunction twice(n: number) {\n  return 2 * n;\n}";
    const unreached = ["function spare() {\n  return twice(3);\n}", "const SPARE = 4;", "export class Spare {}", "let spare2 = entry;"];
    assertProperty(
      fc.property(fc.subarray(unreached), (extra) => {
        const count = codeCounter(files({ "a.ts": [reached, ...extra].join("\n") }));
        assert.deepEqual(count({ "a.ts": ["entry"] }, () => true).files, [{ name: "a.ts", declarations: ["entry", "twice"], lines: 6 }]);
      }),
      { numRuns: 16 },
    );
  });

  it("names an entry point that is not there", () => {
    const count = codeCounter(files({ "a.ts": "export function entry() {}" }));
    assert.throws(() => count({ "a.ts": ["gone"] }, () => true), /a\.ts declares no gone, which the comparison's trainer calls/);
    assert.throws(() => count({ "b.ts": ["entry"] }, () => true), /b\.ts is missing/);
  });

  it("starts from exactly the functions the comparison's trainers call", () => {
    const source = (path: string) => readFileSync(join(repoRoot, path), "utf8");
    const called = (text: string) => [...new Set([...text.matchAll(/\b(?:tf|brain|chapter3)\.(\w+)\(/g)].map((m) => m[1]))].sort();
    const trainers = source("tools/compare/trainers.ts");
    const entries = (calls: Record<string, readonly string[]>) => Object.values(calls).flat().sort();
    // Chapter 3's TensorFlow.js trainer, and the chapter-1 trainers around it.
    const start = trainers.indexOf("const tfjsChapter3");
    const end = trainers.indexOf("\n};\n", start);
    assert.ok(start >= 0 && end > start, "trainers.ts declares tfjsChapter3");
    assert.deepEqual(called(trainers.slice(start, end)), entries(TRAINER_CALLS.tfjsChapter3));
    assert.deepEqual(
      called(trainers.slice(0, start) + trainers.slice(end)),
      [...entries(TRAINER_CALLS.tfjs), ...entries(TRAINER_CALLS.brainjs)].sort(),
    );
    // The scratch network: what tools/train/training.ts imports from the learner's files, but for the harness every system
    // shares and what only `npm start` runs (Part II with the quadratic cost, and early stopping).
    const harness = ["evaluate.ts:confusionMatrix", "mnist.ts:nielsenSplit", "mnist.ts:slice"];
    const npmStartOnly = ["costs.ts:QuadraticCost", "monitor.ts:bestEpoch", "monitor.ts:shouldStopEarly"];
    const imported = [...source("tools/train/training.ts").matchAll(/import \{([^}]*)\} from "#nn\/([\w-]+\.ts)"/g)].flatMap(
      ([, names, file]) =>
        names
          .split(",")
          .map((name) => name.trim())
          .filter((name) => !name.startsWith("type "))
          .map((name) => `${file}:${name}`),
    );
    const calls = (trainer: Record<string, readonly string[]>) =>
      Object.entries(trainer).flatMap(([file, names]) => names.map((name) => `${file}:${name}`));
    const scratch = new Set([...calls(TRAINER_CALLS.scratch), ...calls(TRAINER_CALLS.scratchChapter3)]);
    assert.deepEqual(imported.filter((call) => !harness.includes(call) && !npmStartOnly.includes(call)).sort(), [...scratch].sort());
  });

  it("counts for the scratch network the fast path it trains on, not the MNIST reader or the functions it never runs", () => {
    const names = code.scratch.files.map((f) => f.name);
    assert.ok(names.includes("batch.ts") && names.includes("matrix.ts") && names.includes("train.ts"));
    for (const unrun of ["mnist.ts", "perceptron.ts", "evaluate.ts", "backprop.ts", "cost.ts", "feedforward.ts"]) {
      assert.ok(!names.includes(unrun), `${unrun} is not run by the trainer`);
    }
    assert.deepEqual(code.scratch.files.find((f) => f.name === "sgd.ts")?.declarations, ["shuffle"]);
    assert.deepEqual(
      code["tfjs-wasm"].files.map((f) => f.name),
      ["tfjs-model.ts"],
    );
    assert.deepEqual(
      code.brainjs.files.map((f) => f.name),
      ["brain-model.ts"],
    );
  });
});
