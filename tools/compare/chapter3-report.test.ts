import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { repoRoot } from "../core/paths.ts";
import { runProgram } from "../core/processes.ts";
import { tempDir } from "../core/test-trees.ts";
import {
  CHAPTER_3_BEGIN,
  CHAPTER_3_END,
  CHAPTER_3_PENDING,
  chapter3Section,
  chapter3SectionOf,
  withChapter3Section,
} from "./chapter3-report.ts";
import { CHAPTER_3_CHART_FILES } from "./charts.ts";
import { chapter3Code, learnerCode, TECHNIQUES, techniqueCosts } from "./lines-of-code.ts";
import { comparisonReport } from "./report.ts";
import { SYSTEMS, type SystemName, type SystemResult } from "./systems.ts";

/** A synthetic result: `correct[epoch]` of 10,000 test images right, every digit equally. */
function result(system: SystemName, correct: number[], trainSeconds: number): SystemResult {
  const history = correct.map((c, epoch) => ({ epoch, correct: c, total: 10_000, trainSeconds, evalSeconds: trainSeconds / 10 }));
  const confusion = Array.from({ length: 10 }, (_, d) =>
    Array.from({ length: 10 }, (_, p) => (p === d ? 900 : p === (d + 1) % 10 ? 100 : 0)),
  );
  return { system, history, confusion, peakRssMB: 100 };
}

const techniques = techniqueCosts(repoRoot);
const code = chapter3Code(repoRoot);

function section(trainSize = 50_000): string {
  return chapter3Section({
    results: [result("scratch", [9500, 9700, 9750], 4), result("tfjs-wasm", [9510, 9680, 9760], 12)],
    code,
    techniques,
    epochs: 3,
    trainSize,
    seed: 2,
    machine: "test machine",
    eta: 0.5,
    lambda: 5,
    outputs: 10,
  });
}

describe("the chapter-3 section of comparison.md", () => {
  it("states the factors of this run, and compares the two systems from their numbers", () => {
    const text = section();
    assert.ok(text.startsWith(CHAPTER_3_BEGIN) && text.endsWith(CHAPTER_3_END));
    assert.doesNotMatch(text, /\{\{|NaN|Infinity|undefined/);
    assert.match(text, /lr = 5 and \$f = 5\.00 \\times 10\^\{-6\}\$, a decay of \$5\.00 \\times 10\^\{-5\}\$ a step/);
    assert.match(section(5000), /\$n = 5\{,\}000\$: lr = 5 and \$f = 5\.00 \\times 10\^\{-5\}\$/, "n is the run's training images");
    assert.match(text, /tfjs wasm ends 0\.10 percentage points from the scratch network \(after epoch 2: 97\.60% against 97\.50%\)/);
    assert.match(text, /at most 0\.20 percentage points away after any epoch \(after epoch 1\)/);
    assert.match(text, /trains an epoch in 4\.00 s, 3\.0× faster than tfjs wasm \(12\.0 s\)/);
    assert.match(text, /brain\.js 1\.6\.1 cannot run this recipe/);
    assert.match(
      text,
      /Regenerate this section and its charts with `npm run compare -- --chapter 3 --epochs 3 --train-size 50000 --seed 2`/,
    );
    for (const file of Object.values(CHAPTER_3_CHART_FILES)) assert.ok(text.includes(`](${file})`), `${file} is embedded`);
  });

  it("counts what each technique costs in each system: scratch katas, tfjs lines, brain.js's options", () => {
    assert.deepEqual(
      techniques.map((t) => t.technique),
      [...TECHNIQUES],
    );
    const by = Object.fromEntries(techniques.map((t) => [t.technique, t]));
    assert.equal(by["cross-entropy"].scratch.name, "costs.ts");
    assert.ok(by["cross-entropy"].scratch.declarations.includes("backpropWithCost"));
    assert.ok(by.initialisation.scratch.declarations.includes("defaultWeightInitializer"));
    assert.ok(by["L2 regularisation"].scratch.declarations.includes("updateMiniBatchL2"));
    for (const t of techniques) assert.ok(t.scratch.lines > 0, `${t.technique}: the scratch katas write code for it`);
    // tfjs: its rate function (3 lines) and the compile line; its factor function (3 lines), the line computing f and the option.
    assert.equal(by["cross-entropy"].tfjs.lines, 4);
    assert.equal(by["L2 regularisation"].tfjs.lines, 5);
    assert.equal(by.initialisation.tfjs.lines, 0);
    assert.equal(by["early stopping"].tfjs.lines, 0);
    for (const t of ["cross-entropy", "L2 regularisation", "early stopping"]) assert.match(by[t].brainjs, /^n\/a: /);
    const row = section()
      .split("\n")
      .find((line) => line.startsWith("| **L2 regularisation** |"));
    assert.ok(row, "the technique table has an L2 row");
    assert.match(
      row,
      /^\| \*\*L2 regularisation\*\* \| 18, `l2\.ts`: .*`updateMiniBatchL2`.* \| \d+ \| `tfL2Factor`; .* \| 5 \| n\/a: no regularisation option/,
    );
  });

  it("counts the code each chapter-3 trainer runs: Part II's path for scratch, kata 13 and tfjs-chapter3.ts for tf", () => {
    const names = code.scratch.files.map((f) => f.name);
    for (const file of ["initialise.ts", "l2.ts", "costs.ts", "train.ts"]) assert.ok(names.includes(file), `scratch runs ${file}`);
    assert.ok(!names.includes("mnist.ts") && !names.includes("monitor.ts"));
    assert.deepEqual(
      code.tfjs.files.map((f) => f.name),
      ["tfjs-chapter3.ts", "tfjs-model.ts"],
    );
    assert.ok(!code.tfjs.files[1].declarations.includes("createTfModel"), "chapter 3 builds its own model");
  });

  it("is replaced in place by a chapter-3 run, appended to a report that has none, and kept by a chapter-1 run", () => {
    const before = "# Report\n\nchapter 1\n";
    const once = withChapter3Section(before, CHAPTER_3_PENDING);
    assert.equal(once, `# Report\n\nchapter 1\n\n${CHAPTER_3_PENDING}\n`);
    const measured = section();
    const twice = withChapter3Section(`${once}after\n`, measured);
    assert.equal(twice, `# Report\n\nchapter 1\n\n${measured}\nafter\n`);
    assert.equal(chapter3SectionOf(twice), measured);
    assert.equal(chapter3SectionOf(before), undefined);
    // A chapter-1 report carries the section it is given, or says that chapter 3 is not measured yet.
    const results = SYSTEMS.map((system) => result(system, [9000, 9100], 1));
    const input = { results, code: learnerCode(repoRoot), epochs: 2, trainSize: 50_000, seed: 2, machine: "m" };
    assert.equal(chapter3SectionOf(comparisonReport({ ...input, chapter3: measured })), measured);
    assert.equal(chapter3SectionOf(comparisonReport(input)), CHAPTER_3_PENDING);
  });

  it("npm run compare -- --chapter 3 trains scratch and tfjs wasm end to end and rewrites only its section", async () => {
    const out = tempDir("compare-chapter3");
    const report = join(out, "comparison.md");
    const chapter1 = "# A chapter-1 report\n\nIts text.\n";
    const run = (args: string[]) =>
      runProgram("compare/compare.ts", ["--chapter", "3", "--train-size", "100", "--epochs", "1", "--out", out, ...args]);
    const missing = await run([]);
    assert.equal(missing.status, 1, "no comparison.md to write the section into");
    assert.match(missing.stderr, /comparison\.md does not exist/);
    writeFileSync(report, chapter1); // a report with no chapter-3 section yet
    const done = await run([]);
    assert.equal(done.status, 0, `compare --chapter 3 failed:\n${done.stderr}`);
    const markdown = readFileSync(report, "utf8");
    assert.ok(markdown.startsWith(chapter1), "the rest of the report is left as it was");
    const written = chapter3SectionOf(markdown);
    assert.ok(written, "the section is written");
    assert.doesNotMatch(written, /\{\{|NaN|Infinity|undefined/);
    for (const label of ["scratch", "tfjs wasm"]) assert.match(written, new RegExp(`^\\| \\*\\*${label}\\*\\* \\| [\\d.]+% \\|`, "m"));
    assert.doesNotMatch(written, /^\| \*\*(tfjs cpu|brain\.js)\*\* \|/m);
    for (const file of Object.values(CHAPTER_3_CHART_FILES)) {
      assert.equal(readFileSync(join(out, file), "utf8").match(/<polyline /g)?.length, 2, `${file}: one line per system`);
    }
    assert.ok(!existsSync(join(out, "comparison-accuracy-by-epoch.svg")), "chapter 1's charts are not touched");
  });
});
