import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../katas/support/property.ts";
import { UsageError } from "../core/cli.ts";
import { repoRoot } from "../core/paths.ts";
import { runProgram } from "../core/processes.ts";
import { tempDir } from "../core/test-trees.ts";
import {
  digitsLearnedText,
  readmeSeedTable,
  readmeToRewrite,
  SEEDS_BEGIN,
  SEEDS_END,
  type SeedReportInput,
  seedsReport,
  spread,
  withSeedTable,
} from "./seed-report.ts";
import {
  clock,
  digitsLearnedEpoch,
  epochsMissingDigits,
  parseRecipes,
  parseSeeds,
  type RunSummary,
  runLine,
  summarise,
  testDigitCounts,
} from "./seed-runs.ts";

/** MNIST's test images of each digit 0–9. */
const PER_DIGIT = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

const run = (seed: number, best: number, final: number, digitsLearned: RunSummary["digitsLearned"]): RunSummary => ({
  recipe: "ch1-100",
  seed,
  best,
  bestEpoch: 20 + seed,
  final,
  digitsLearned,
  secondsPerEpoch: 2 + seed / 100,
});

const input = (summaries: RunSummary[], more: Partial<SeedReportInput> = {}): SeedReportInput => ({
  summaries,
  recipes: [...new Set(summaries.map((s) => s.recipe))],
  seeds: [...new Set(summaries.map((s) => s.seed))],
  command: "npm run seeds",
  date: "2025-01-31",
  machine: "2 × Test CPU, Node v24.0.0",
  parallel: 2,
  trainSize: 50_000,
  impl: "solutions",
  ...more,
});

const FABRICATED = [
  run(1, 0.8712, 0.8705, "never"),
  run(2, 0.9661, 0.9652, 0),
  run(3, 0.9638, 0.9611, 4),
  { ...run(1, 0.9491, 0.948, 0), recipe: "ch1-30" as const },
  { ...run(2, 0.951, 0.9502, 0), recipe: "ch1-30" as const },
  { ...run(3, 0.9529, 0.95, 0), recipe: "ch1-30" as const },
];

describe("npm run seeds", () => {
  it("finds the first epoch after which every digit is right on at least half of its test images, as a plain loop does", () => {
    const oracle = (history: { epoch: number; correctByDigit: number[] }[], perDigit: number[]) => {
      for (const record of history) {
        let all = true;
        for (let digit = 0; digit < 10; digit++) if (record.correctByDigit[digit] / perDigit[digit] < 0.5) all = false;
        if (all) return record.epoch;
      }
      return "never";
    };
    const perDigitArb = fc.array(fc.integer({ min: 1, max: 1200 }), { minLength: 10, maxLength: 10 });
    assertProperty(
      fc.property(
        perDigitArb.chain((perDigit) =>
          fc.tuple(
            fc.constant(perDigit),
            fc.array(
              fc.tuple(
                ...perDigit.map((n) => fc.oneof(fc.integer({ min: 0, max: n }), fc.constantFrom(Math.floor(n / 2), Math.ceil(n / 2)))),
              ),
              {
                maxLength: 6,
              },
            ),
          ),
        ),
        ([perDigit, rows]) => {
          const history = rows.map((correctByDigit, epoch) => ({ epoch, correctByDigit }));
          assert.equal(digitsLearnedEpoch(history, perDigit), oracle(history, perDigit));
          const missing = epochsMissingDigits(history, perDigit);
          assert.deepEqual(
            missing.map((m) => m.epoch),
            history.filter((h) => h.correctByDigit.some((c, d) => c / perDigit[d] < 0.5)).map((h) => h.epoch),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("counts exactly half as learned, says never when no epoch gets there, and nothing for a run recorded before Part II", () => {
    const half = PER_DIGIT.map((n) => Math.ceil(n / 2));
    const short = half.map((c, digit) => (digit === 7 ? c - 1 : c));
    assert.equal(digitsLearnedEpoch([{ epoch: 0, correctByDigit: half }], PER_DIGIT), 0);
    assert.equal(
      digitsLearnedEpoch(
        [
          { epoch: 0, correctByDigit: short },
          { epoch: 1, correctByDigit: half },
        ],
        PER_DIGIT,
      ),
      1,
    );
    assert.equal(digitsLearnedEpoch([{ epoch: 0, correctByDigit: short }], PER_DIGIT), "never");
    assert.equal(digitsLearnedEpoch([{ epoch: 0 }], PER_DIGIT), undefined);
    assert.deepEqual(epochsMissingDigits([{ epoch: 3, correctByDigit: short }], PER_DIGIT), [{ epoch: 3, digits: [7] }]);
  });

  it("reads the test images of each digit from MNIST's test labels", () => {
    assert.deepEqual(testDigitCounts(), PER_DIGIT);
  });

  it("reads --seeds as ranges and lists, and --recipes in the table's order, and refuses anything else in one line", () => {
    assert.deepEqual(parseSeeds("1-8"), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual(parseSeeds("2, 5,7-9"), [2, 5, 7, 8, 9]);
    assert.deepEqual(parseSeeds("0"), [0]);
    for (const bad of ["", "8-1", "a", "1,,2", "-3", "1-"]) assert.throws(() => parseSeeds(bad), UsageError, bad);
    assert.throws(() => parseSeeds("1-3,2"), /--seeds names seed 2 twice/);
    assert.deepEqual(parseRecipes("ch3-100,ch1-30"), ["ch1-30", "ch3-100"]);
    assert.throws(
      () => parseRecipes("ch2-30"),
      (error) =>
        error instanceof UsageError && error.message === '--recipes must be "ch1-30" or "ch1-100" or "ch3-30" or "ch3-100", got "ch2-30"',
    );
  });

  it("summarises a run's metrics: the first best epoch, the final accuracy, the digits, the time per epoch", () => {
    const history = [0.9, 0.95, 0.95, 0.94].map((accuracy, epoch) => ({
      epoch,
      correct: accuracy * 10_000,
      total: 10_000,
      trainSeconds: 1,
      evalSeconds: 0.1,
      correctByDigit: epoch === 0 ? PER_DIGIT.map(() => 0) : PER_DIGIT,
    }));
    const metrics = { history, meanTrainSecondsPerEpoch: 1.25 } as unknown as Parameters<typeof summarise>[0]["metrics"];
    const summary = summarise({ recipe: "ch3-30", seed: 4, metrics, wallSeconds: 9 }, PER_DIGIT);
    assert.deepEqual(summary, {
      recipe: "ch3-30",
      seed: 4,
      best: 0.95,
      bestEpoch: 1,
      final: 0.94,
      digitsLearned: 1,
      secondsPerEpoch: 1.25,
    });
    assert.equal(clock(42), "42.0 s");
    assert.equal(clock(125.7), "2 min 05 s");
    assert.equal(
      runLine(summary, 9),
      "ch3-30 seed 4: best 95.00% (epoch 1), final 94.00%, every digit by epoch 1 · 1.25 s per epoch, 9.00 s in all",
    );
  });

  it("writes the report: the command and the machine at the top, a summary per recipe, and a row per run", () => {
    const report = seedsReport(input(FABRICATED));
    const lines = report.split("\n");
    assert.equal(lines[0], "# Seeds: what the starting weights decide");
    assert.match(report, /^Regenerate with `npm run seeds`\. Measured on 2025-01-31 on 2 × Test CPU, Node v24\.0\.0\.$/m);
    assert.match(report, /: 30 epochs on the 50,000 training images, tested on the 10,000 test images after every epoch\.$/m);
    assert.ok(lines.includes("| chapter 1, 784-30-10 | `npm start -- --seed S` | 3 | 94.91% | 95.10% | 95.29% | 0 of 3 |"), report);
    assert.ok(
      lines.includes("| chapter 1, 784-100-10 | `npm start -- --hidden 100 --seed S` | 3 | 87.12% | 96.38% | 96.61% | 1 of 3 |"),
      report,
    );
    assert.ok(report.indexOf("## chapter 1, 784-30-10") < report.indexOf("## chapter 1, 784-100-10"), "recipes in the table's order");
    assert.ok(lines.includes("| 1 | 87.12% (21) | 87.05% | never | 2.01 s |"), report);
    assert.ok(lines.includes("| **2** (default) | 96.61% (22) | 96.52% | 0 | 2.02 s |"), report);
    assert.ok(lines.includes("| 3 | 96.38% (23) | 96.11% | 4 | 2.03 s |"), report);
    assert.ok(report.endsWith("|\n") && !report.endsWith("\n\n"));
    const quick = seedsReport(input([{ ...FABRICATED[0], digitsLearned: undefined }], { epochs: 1, trainSize: 1000 }));
    assert.match(quick, /: 1 epoch on the first 1,000 training images,/);
    assert.ok(quick.split("\n").includes("| 1 | 87.12% (21) | 87.05% | — | 2.01 s |"), quick);
  });

  it("writes the README's table: a row per recipe, a column per seed, best (final), and the digits learned below", () => {
    const table = readmeSeedTable(input(FABRICATED), "docs/seeds.md");
    assert.equal(
      table,
      [
        "<!-- Generated by `npm run seeds` on 2025-01-31; do not edit by hand. -->",
        "",
        "| seed | 1 | **2** (default) | 3 |",
        "| --- | ---: | ---: | ---: |",
        "| chapter 1, 784-30-10 | 94.91% (94.80%) | **95.10% (95.02%)** | 95.29% (95.00%) |",
        "| chapter 1, 784-100-10 | 87.12% (87.05%) | **96.61% (96.52%)** | 96.38% (96.11%) |",
        "",
        "Best test accuracy over 30 epochs, and in brackets after the last one. Every digit is predicted right on at least half of its test images",
        "from epoch (*never*: a digit the network never learns):",
        "",
        "- chapter 1, 784-30-10: epoch 0 on every seed",
        "- chapter 1, 784-100-10: epoch 0 (seed 2); epoch 4 (seed 3); never (seed 1)",
        "",
        "Every run, with the epoch of its best accuracy and its time per epoch: [docs/seeds.md](docs/seeds.md).",
      ].join("\n"),
    );
  });

  it("words the digits learned per recipe, and spreads the best accuracies", () => {
    assert.equal(digitsLearnedText([run(1, 0.9, 0.9, "never"), run(2, 0.9, 0.9, "never")]), "never on any seed");
    assert.equal(digitsLearnedText([run(5, 0.9, 0.9, 2)]), "epoch 2 (seed 5)");
    assert.equal(
      digitsLearnedText([run(1, 0.9, 0.9, "never"), run(2, 0.9, 0.9, 3), run(3, 0.9, 0.9, 0), run(4, 0.9, 0.9, 3)]),
      "epoch 0 (seed 3); epoch 3 (seeds 2, 4); never (seed 1)",
    );
    assert.deepEqual(spread([run(1, 0.25, 0, 0), run(2, 1, 0, 0), run(3, 0.75, 0, 0), run(4, 0.5, 0, 0)]), {
      min: 0.25,
      median: 0.625,
      max: 1,
    });
  });

  it("rewrites only what lies between the README's markers, and says in one line when they are missing or misplaced", () => {
    const text = `# Title\n\nprose\n\n${SEEDS_BEGIN}\n| old | table |\n${SEEDS_END}\n\nmore prose\n`;
    const once = withSeedTable(text, "NEW", "README.md");
    assert.equal(once, `# Title\n\nprose\n\n${SEEDS_BEGIN}\nNEW\n${SEEDS_END}\n\nmore prose\n`);
    assert.equal(withSeedTable(once, "NEW", "README.md"), once, "rewriting again changes nothing");
    const oneLine = (pattern: RegExp) => (error: unknown) =>
      pattern.test((error as Error).message) && !(error as Error).message.includes("\n");
    assert.throws(
      () => withSeedTable("# Title\n| table |\n", "NEW", "README.md"),
      oneLine(/^README\.md has no <!-- seeds:begin --> marker: put /),
    );
    assert.throws(() => withSeedTable(`${SEEDS_BEGIN}\n`, "NEW", "README.md"), oneLine(/^README\.md has no <!-- seeds:end --> marker/));
    assert.throws(
      () => withSeedTable(`${SEEDS_END}\n${SEEDS_BEGIN}\n`, "NEW", "x.md"),
      oneLine(/^x\.md has <!-- seeds:end --> before <!-- seeds:begin -->$/),
    );
    assert.throws(
      () => withSeedTable(`${SEEDS_BEGIN}${SEEDS_BEGIN}${SEEDS_END}`, "NEW", "x.md"),
      oneLine(/^x\.md has <!-- seeds:begin --> 2 times/),
    );
  });

  it("finds the markers in the repository's README, and rewrites it only after a full run unless --readme says where", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    assert.doesNotThrow(() => withSeedTable(readme, "", "README.md"));
    assert.equal(readmeToRewrite(undefined, false, "/repo"), join("/repo", "README.md"));
    assert.equal(readmeToRewrite(undefined, true, "/repo"), undefined);
    assert.equal(readmeToRewrite("/tmp/R.md", true, "/repo"), "/tmp/R.md");
  });

  it("trains a seed end to end: a line per run, the report, and the README table between the markers", async () => {
    const dir = tempDir("seeds-test");
    const out = join(dir, "docs", "seeds.md");
    const readme = join(dir, "README.md");
    writeFileSync(readme, `# Course\n\n${SEEDS_BEGIN}\nold\n${SEEDS_END}\n\nThe rest.\n`);
    const args = ["--seeds", "1", "--recipes", "ch1-30", "--epochs", "1", "--train-size", "1000", "--out", out, "--readme", readme];
    const { status, stdout, stderr } = await runProgram("dev/seeds.ts", args);
    assert.equal(status, 0, stderr);
    assert.match(stdout, /^Seeds 1 of ch1-30: 1 runs of npm start, 2 at a time$/m);
    assert.match(
      stdout,
      /^ch1-30 seed 1: best \d+\.\d\d% \(epoch 0\), final \d+\.\d\d%(, every digit by epoch 0|, some digit never learned) · /m,
    );
    const report = readFileSync(out, "utf8");
    assert.ok(report.includes(`Regenerate with \`npm run seeds -- ${args.join(" ")}\`.`), report);
    assert.match(report, /^\| 1 \| \d+\.\d\d% \(0\) \| \d+\.\d\d% \| (0|never) \| [\d.]+ s \|$/m);
    const rewritten = readFileSync(readme, "utf8");
    assert.match(rewritten, /^# Course\n\n<!-- seeds:begin -->\n<!-- Generated by `npm run seeds -- --seeds 1 /);
    assert.match(rewritten, /^\| chapter 1, 784-30-10 \| \d+\.\d\d% \(\d+\.\d\d%\) \|$/m);
    assert.match(rewritten, /\[docs\/seeds\.md\]\(docs\/seeds\.md\)\.\n<!-- seeds:end -->\n\nThe rest\.\n$/);
  });

  it("refuses bad flags, and a README without markers, in one line before training anything", async () => {
    const dir = tempDir("seeds-flags");
    const readme = join(dir, "README.md");
    writeFileSync(readme, "# No markers\n");
    for (const [args, status, pattern] of [
      [["--seeds", "3-1"], 2, /^seeds: --seeds must be seeds ≥ 0 as a range or a list/],
      [["--recipes", "ch2"], 2, /^seeds: --recipes must be "ch1-30" or /],
      [["--epochs", "0"], 2, /^seeds: --epochs must be a whole number ≥ 1, got "0"/],
      [["--train-size", "60000"], 2, /^seeds: --train-size can be at most 50000/],
      [["--readme", readme], 1, /^seeds: .*README\.md has no <!-- seeds:begin --> marker: put /],
    ] as const) {
      const result = await runProgram("dev/seeds.ts", args);
      assert.equal(result.status, status, `${args.join(" ")}: ${result.output}`);
      assert.match(result.stderr, pattern);
      assert.ok(result.stderr.trim().split("\n").length <= 2, result.stderr);
      assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
      assert.equal(result.stdout, "", "nothing trained");
    }
  });
});
