/**
 * What `npm run seeds` writes, from the runs' summaries: the report
 * `docs/seeds.md` (every run, and each recipe's spread), and the README's
 * seed table, which it rewrites in place between two marker comments.
 */
import { join, resolve } from "node:path";
import { percent, seconds } from "../core/format.ts";
import type { Impl } from "../core/impl.ts";
import { markdownTable } from "../core/markup.ts";
import { DEFAULT_SEED } from "../train/settings.ts";
import { median } from "./bench-loop.ts";
import { RECIPE_NAMES, type RecipeName, type RunSummary, SEED_RECIPES, startCommand } from "./seed-runs.ts";

export const SEEDS_BEGIN = "<!-- seeds:begin -->";
export const SEEDS_END = "<!-- seeds:end -->";

export interface SeedReportInput {
  /** One a run, any order. */
  summaries: readonly RunSummary[];
  recipes: readonly RecipeName[];
  seeds: readonly number[];
  /** The command that regenerates the report: `npm run seeds`, with its flags. */
  command: string;
  /** The day of the runs, `YYYY-MM-DD`. */
  date: string;
  /** The processor, its cores and Node. */
  machine: string;
  /** Runs at a time. */
  parallel: number;
  /** `--epochs`, when given (else each recipe's own). */
  epochs?: number;
  /** Training images per epoch. */
  trainSize: number;
  /** Whose network trained. */
  impl: Impl;
}

const seedHeading = (seed: number) => (seed === DEFAULT_SEED ? `**${seed}** (default)` : String(seed));
const digitsCell = (epoch: RunSummary["digitsLearned"]) => (epoch === undefined ? "—" : String(epoch));
const runOf = (input: SeedReportInput, recipe: RecipeName, seed: number) =>
  input.summaries.find((s) => s.recipe === recipe && s.seed === seed);
const runsOf = (input: SeedReportInput, recipe: RecipeName) => input.seeds.flatMap((seed) => runOf(input, recipe, seed) ?? []);
const epochsOf = (input: SeedReportInput, recipe: RecipeName) => input.epochs ?? SEED_RECIPES[recipe].epochs;
/** The recipes of the runs, in the table's order whatever the order given. */
const recipesOf = (input: SeedReportInput) => RECIPE_NAMES.filter((name) => input.recipes.includes(name));

/** "every digit learned" in words, per recipe: `epoch 0 (seeds 2, 5); never (seeds 1, 3)`, or `epoch 0 on every seed`. */
export function digitsLearnedText(runs: readonly RunSummary[]): string {
  const order = (v: RunSummary["digitsLearned"]) => (typeof v === "number" ? v : v === "never" ? Infinity : -1);
  const values = [...new Set(runs.map((r) => r.digitsLearned))].sort((a, b) => order(a) - order(b));
  const name = (v: RunSummary["digitsLearned"]) => (v === undefined ? "not recorded" : v === "never" ? "never" : `epoch ${v}`);
  if (values.length === 1 && runs.length > 1) return `${name(values[0])} on ${values[0] === "never" ? "any" : "every"} seed`;
  return values
    .map((v) => {
      const seeds = runs.filter((r) => r.digitsLearned === v).map((r) => r.seed);
      return `${name(v)} (seed${seeds.length === 1 ? "" : "s"} ${seeds.join(", ")})`;
    })
    .join("; ");
}

/** Where a recipe's spread is shown: min, median and max of the best accuracy. */
export function spread(runs: readonly RunSummary[]): { min: number; median: number; max: number } {
  const best = runs.map((r) => r.best);
  return { min: Math.min(...best), median: median(best), max: Math.max(...best) };
}

/** The training budget in words: `30 epochs on the 50,000 training images`. */
function budget(input: SeedReportInput): string {
  const epochs = [...new Set(recipesOf(input).map((r) => epochsOf(input, r)))].join(" or ");
  const images =
    input.trainSize === 50_000 ? "the 50,000 training images" : `the first ${input.trainSize.toLocaleString("en-US")} training images`;
  return `${epochs} epoch${epochs === "1" ? "" : "s"} on ${images}`;
}

/** The Markdown report, `docs/seeds.md`. */
export function seedsReport(input: SeedReportInput): string {
  const summary = markdownTable(
    ["recipe", "command", "runs", "best: min", "median", "max", "some digit never learned"],
    recipesOf(input).map((recipe) => {
      const runs = runsOf(input, recipe);
      const { min, median: mid, max } = spread(runs);
      const never = runs.filter((r) => r.digitsLearned === "never").length;
      return [
        SEED_RECIPES[recipe].label,
        `\`${startCommand(recipe, "S")}\``,
        String(runs.length),
        percent(min),
        percent(mid),
        percent(max),
        `${never} of ${runs.length}`,
      ];
    }),
    2,
  );
  const sections = recipesOf(input).map((recipe) => {
    const table = markdownTable(
      ["seed", "best (epoch)", "final", "digits learned by epoch", "training per epoch"],
      runsOf(input, recipe).map((r) => [
        seedHeading(r.seed),
        `${percent(r.best)} (${r.bestEpoch})`,
        percent(r.final),
        digitsCell(r.digitsLearned),
        seconds(r.secondsPerEpoch),
      ]),
    );
    return `## ${SEED_RECIPES[recipe].label}\n\n\`${startCommand(recipe, "S")}\`\n\n${table}\n`;
  });
  return [
    "# Seeds: what the starting weights decide",
    "",
    "<!-- Generated by `npm run seeds` (tools/dev/seeds.ts) from the runs it made. Do not edit by hand: rerun it. -->",
    "",
    `Regenerate with \`${input.command}\`. Measured on ${input.date} on ${input.machine}.`,
    "",
    `Each run is \`npm start\` of ${input.impl === "src" ? "the learner's network (`src/`, `--impl src`)" : "the reference (`solutions/`)"} with its recipe's flags and \`--seed S\`: ${budget(input)}, tested on the 10,000 test images after every epoch.`,
    "",
    "- **best**: the best test accuracy of the run, and the epoch (counting from 0) that first reached it;",
    "- **final**: the test accuracy after the last epoch;",
    "- **digits learned by epoch**: the first epoch after which every digit 0–9 is predicted right for at least half of its test images; *never*: some digit never gets there (an output neuron that starts saturated and never learns);",
    `- **training per epoch**: the mean time of an epoch's training, with ${input.parallel} run${input.parallel === 1 ? "" : "s"} sharing the machine.`,
    "",
    "## Summary",
    "",
    summary,
    "",
    ...sections,
  ]
    .join("\n")
    .replace(/\n*$/, "\n");
}

/** The README's seed table, what goes between the markers: one row a recipe, one column a seed, "best (final)"; below it, the epochs by which the digits were learned. */
export function readmeSeedTable(input: SeedReportInput, reportLink: string): string {
  const table = markdownTable(
    ["seed", ...input.seeds.map(seedHeading)],
    recipesOf(input).map((recipe) => [
      SEED_RECIPES[recipe].label,
      ...input.seeds.map((seed) => {
        const run = runOf(input, recipe, seed);
        if (!run) return "";
        const cell = `${percent(run.best)} (${percent(run.final)})`;
        return seed === DEFAULT_SEED ? `**${cell}**` : cell;
      }),
    ]),
  );
  const epochs = [...new Set(recipesOf(input).map((r) => epochsOf(input, r)))].join(" or ");
  const over = epochs === "1" ? "after its one epoch" : `over ${epochs} epochs, and in brackets after the last one`;
  return [
    `<!-- Generated by \`${input.command}\` on ${input.date}; do not edit by hand. -->`,
    "",
    table,
    "",
    `Best test accuracy ${over}. Every digit is predicted right on at least half of its test images`,
    "from epoch (*never*: a digit the network never learns):",
    "",
    ...recipesOf(input).map((recipe) => `- ${SEED_RECIPES[recipe].label}: ${digitsLearnedText(runsOf(input, recipe))}`),
    "",
    `Every run, with the epoch of its best accuracy and its time per epoch: [${reportLink}](${reportLink}).`,
  ].join("\n");
}

/**
 * The README whose seed table a run rewrites: the one given (`--readme`);
 * else the repository's, but only after a run of every recipe with its own
 * epochs and training images, not a quick or partial one.
 */
export function readmeToRewrite(given: string | undefined, partial: boolean, root: string): string | undefined {
  if (given !== undefined) return resolve(given);
  return partial ? undefined : join(root, "README.md");
}

/** `text` with what lies between the seed markers replaced by `block`; a missing, repeated or misplaced marker is an error naming `file`. */
export function withSeedTable(text: string, block: string, file: string): string {
  const count = (marker: string) => text.split(marker).length - 1;
  for (const marker of [SEEDS_BEGIN, SEEDS_END]) {
    if (count(marker) === 0)
      throw new Error(`${file} has no ${marker} marker: put ${SEEDS_BEGIN} and ${SEEDS_END} on lines of their own around its seed table`);
    if (count(marker) > 1) throw new Error(`${file} has ${marker} ${count(marker)} times: keep one ${SEEDS_BEGIN} … ${SEEDS_END} pair`);
  }
  const begin = text.indexOf(SEEDS_BEGIN);
  const end = text.indexOf(SEEDS_END);
  if (end < begin) throw new Error(`${file} has ${SEEDS_END} before ${SEEDS_BEGIN}`);
  return `${text.slice(0, begin + SEEDS_BEGIN.length)}\n${block}\n${text.slice(end)}`;
}
