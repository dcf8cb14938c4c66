/**
 * `npm run seeds`: train Nielsen's recipes from many seeds, and write what
 * the seed decides. Each run is `npm start` in a child process of its own
 * (two at a time: one a core); the report goes to `docs/seeds.md`, and the
 * README's seed table, between its `<!-- seeds:begin -->` and
 * `<!-- seeds:end -->` markers, is rewritten from the same runs.
 *
 *   npm run seeds                                      seeds 1–8 of the four recipes: 32 runs of 30 epochs
 *   npm run seeds -- --recipes ch3-100 --seeds 1-3     a subset (the README is left as it is)
 *   npm run seeds -- --epochs 1 --train-size 1000 --out /tmp/seeds.md   a quick try
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, relative, resolve } from "node:path";
import { positiveInt, runCommand } from "../core/cli.ts";
import { count } from "../core/format.ts";
import { implFlag, parseImpl } from "../core/impl.ts";
import { repoRoot } from "../core/paths.ts";
import { bold, dim, green } from "../core/style.ts";
import { parseTrainSize } from "../train/options.ts";
import { TRAINING_IMAGES } from "../train/settings.ts";
import { readmeSeedTable, readmeToRewrite, type SeedReportInput, seedsReport, withSeedTable } from "./seed-report.ts";
import {
  parseRecipes,
  parseSeeds,
  RECIPE_NAMES,
  runSeeds,
  SEED_RECIPES,
  type SeedJob,
  seedProgress,
  summarise,
  testDigitCounts,
} from "./seed-runs.ts";

const COMMAND = {
  name: "seeds",
  usage: "npm run seeds -- [options]",
  summary:
    "Train Nielsen's chapter-1 and chapter-3 recipes from many seeds (npm start, each run in a child process), and write what the seed decides: docs/seeds.md and the README's seed table.",
  flags: {
    seeds: { type: "string", value: "LIST", default: "1-8", help: "the seeds: a range or a list (1-8, 1,2,5 or 1-3,7)" },
    recipes: {
      type: "string",
      value: "LIST",
      default: RECIPE_NAMES.join(","),
      help: `the recipes, comma-separated: ${RECIPE_NAMES.map((name) => `${name} (${SEED_RECIPES[name].label})`).join(", ")}`,
    },
    epochs: { type: "string", value: "N", help: "epochs of every run (default: each recipe's own, 30)" },
    "train-size": {
      type: "string",
      value: "N",
      help: `train on the first N of the ${count(TRAINING_IMAGES)} training images (default: all)`,
    },
    impl: implFlag(),
    parallel: { type: "string", value: "N", default: "2", help: "runs at a time (keep it at most the number of cores)" },
    out: { type: "string", value: "FILE", default: "docs/seeds.md", help: "where to write the report" },
    readme: {
      type: "string",
      value: "FILE",
      help:
        "the README whose seed table (between <!-- seeds:begin --> and <!-- seeds:end -->) to rewrite " +
        "(default: README.md, after a run of every recipe with its own epochs and training images; none after a partial run)",
    },
  },
  notes:
    "Each run trains from its seed and is tested on the 10,000 test images after every epoch. " +
    "The whole table is 32 runs of 30 epochs: leave the machine to it.",
} as const;

/** A path as the user sees it: relative to where they are, when it lies below. */
const shown = (path: string) => (relative(process.cwd(), path).startsWith("..") ? path : relative(process.cwd(), path));

/** An argument as a shell reads it: quoted only when it must be. */
const shellWord = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

runCommand(COMMAND, async ({ values }) => {
  const seeds = parseSeeds(values.seeds);
  const recipes = parseRecipes(values.recipes);
  const epochs = values.epochs === undefined ? undefined : positiveInt("--epochs", values.epochs);
  const trainSize = values["train-size"] === undefined ? undefined : parseTrainSize(values["train-size"]);
  const parallel = positiveInt("--parallel", values.parallel);
  const impl = parseImpl(values.impl);
  const out = resolve(values.out);
  const partial = epochs !== undefined || trainSize !== undefined || recipes.length < RECIPE_NAMES.length;
  const readme = readmeToRewrite(values.readme, partial, repoRoot);
  // Before an hour of training: the README's markers must be there.
  if (readme) {
    if (!existsSync(readme)) throw new Error(`${shown(readme)} does not exist`);
    withSeedTable(readFileSync(readme, "utf8"), "", shown(readme));
  }

  const perDigit = testDigitCounts();
  const jobs: SeedJob[] = recipes.flatMap((recipe) => seeds.map((seed) => ({ recipe, seed })));
  const epochsOf = (job: SeedJob) => epochs ?? SEED_RECIPES[job.recipe].epochs;
  const cores = cpus();
  const machine = `${cores.length} × ${cores[0]?.model.trim() ?? "CPU"}, Node ${process.version}`;
  console.log(bold(`Seeds ${seeds.join(", ")} of ${recipes.join(", ")}: ${jobs.length} runs of npm start, ${parallel} at a time`));
  console.log(
    dim(
      `  ${machine} · ${epochs === undefined ? "each recipe's epochs" : `${epochs} epoch${epochs === 1 ? "" : "s"}`} on ${count(trainSize ?? TRAINING_IMAGES)} training images\n`,
    ),
  );

  const progress = seedProgress(jobs, epochsOf, perDigit);
  const runs = await runSeeds(jobs, { epochs, trainSize, parallel, impl, onEpoch: progress.onEpoch, onDone: progress.onDone }).finally(
    progress.stop,
  );

  const args = process.argv.slice(2);
  const input: SeedReportInput = {
    summaries: runs.map((run) => summarise(run, perDigit)),
    recipes,
    seeds,
    command: `npm run seeds${args.length > 0 ? ` -- ${args.map(shellWord).join(" ")}` : ""}`,
    date: new Date().toISOString().slice(0, 10),
    machine,
    parallel,
    epochs,
    trainSize: trainSize ?? TRAINING_IMAGES,
    impl,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, seedsReport(input));
  const wrote = [shown(out)];
  if (readme) {
    const link = relative(dirname(readme), out).split("\\").join("/");
    writeFileSync(readme, withSeedTable(readFileSync(readme, "utf8"), readmeSeedTable(input, link), shown(readme)));
    wrote.push(`the seed table of ${shown(readme)}`);
  }
  console.log(green(bold(`\nWrote ${wrote.join(" and ")}.`)));
  if (!readme) console.log(dim("The README's seed table is left as it is: a partial run (--readme FILE writes one anyway)."));
  return 0;
});
