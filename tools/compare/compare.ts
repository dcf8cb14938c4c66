/**
 * `npm run compare`: train the scratch network (katas 01–12), TensorFlow.js
 * (kata 13, on its wasm and its plain-JavaScript backends) and brain.js
 * (kata 14) on the same MNIST images with the same budget, each in its own
 * child process, and write the measured comparison to docs/comparison.md
 * with two charts. With `--chapter 3`, Nielsen's chapter-3 recipe on the
 * scratch network and TensorFlow.js (wasm), written as the chapter-3 section
 * of that same comparison.md, with two charts of its own. See `--help`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus } from "node:os";
import { join } from "node:path";
import { runCommand } from "../core/cli.ts";
import { count, megabytes, percent, seconds } from "../core/format.ts";
import { unfinishedKataMessage } from "../core/impl.ts";
import { repoRoot } from "../core/paths.ts";
import { bold, dim, green } from "../core/style.ts";
import { DEFAULT_SETTINGS } from "../train/settings.ts";
import { chapter3Section, chapter3SectionOf, withChapter3Section } from "./chapter3-report.ts";
import { CHAPTER_3_CHART_FILES, CHART_FILES, charts } from "./charts.ts";
import { chapter3Code, learnerCode, techniqueCosts } from "./lines-of-code.ts";
import { measureSystem } from "./measure.ts";
import { COMPARE_COMMAND, type CompareOptions, compareOptions } from "./options.ts";
import { comparisonReport } from "./report.ts";
import { CHAPTER_SYSTEMS, type Chapter, chapter3Settings, SYSTEM_LABELS, type SystemResult } from "./systems.ts";

/** The processor, Node and the two libraries' versions, in one line. */
function machine(): string {
  const require = createRequire(import.meta.url);
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  const cores = cpus();
  return `${cores[0]?.model.trim() ?? "unknown processor"} (${cores.length} cores), Node ${process.version}, @tensorflow/tfjs ${version("@tensorflow/tfjs")}, brain.js ${version("brain.js")}`;
}

/** Every system of `chapter`, one after another, each in its own child process. */
async function measureChapter(chapter: Chapter, options: CompareOptions): Promise<SystemResult[]> {
  const results: SystemResult[] = [];
  for (const system of CHAPTER_SYSTEMS[chapter]) {
    const settings = { system, chapter, epochs: options.epochs, trainSize: options.trainSize, seed: options.seed };
    const result = await measureSystem(settings, (h) =>
      console.log(
        `${SYSTEM_LABELS[system].padEnd(10)} epoch ${h.epoch}: ${percent(h.correct / h.total)}  ` +
          dim(`${seconds(h.trainSeconds)} training · ${seconds(h.evalSeconds)} testing`),
      ),
    ).catch((error: unknown) => {
      // A learner's repository compares the learner's own code: a stub still in it is a kata to finish.
      throw new Error(unfinishedKataMessage(error) ?? (error as Error).message);
    });
    console.log(dim(`${" ".repeat(10)} peak memory ${megabytes(result.peakRssMB)}\n`));
    results.push(result);
  }
  return results;
}

/** Chapter 3: its systems, its charts, and its section of `<out>/comparison.md`, the rest of which stays as it is. */
async function compareChapter3(options: CompareOptions): Promise<number> {
  const settings = chapter3Settings(options);
  const { sizes, miniBatchSize, eta, lambda } = settings;
  console.log(
    bold(
      `Comparing Nielsen's chapter 3 on MNIST: ${sizes.join("-")}, cross-entropy, λ = ${lambda}, η = ${eta}, mini-batches of ${miniBatchSize}; brain.js cannot express it`,
    ),
  );
  console.log(
    dim(
      `  ${options.epochs} epoch${options.epochs === 1 ? "" : "s"} on ${count(options.trainSize)} training images each, seed ${options.seed}\n`,
    ),
  );
  const results = await measureChapter(3, options);
  mkdirSync(options.out, { recursive: true });
  const svg = charts(results, sizes);
  writeFileSync(join(options.out, CHAPTER_3_CHART_FILES.byEpoch), svg.byEpoch);
  writeFileSync(join(options.out, CHAPTER_3_CHART_FILES.byTime), svg.byTime);
  const section = chapter3Section({
    results,
    code: chapter3Code(repoRoot),
    techniques: techniqueCosts(repoRoot),
    epochs: options.epochs,
    trainSize: options.trainSize,
    seed: options.seed,
    machine: machine(),
    eta,
    lambda,
    outputs: sizes[sizes.length - 1],
  });
  const path = join(options.out, "comparison.md");
  if (!existsSync(path)) {
    throw new Error(
      `${path} does not exist: chapter 3 is a section of the chapter-1 report, so run \`npm run compare -- --out ${options.out}\` first`,
    );
  }
  writeFileSync(path, withChapter3Section(readFileSync(path, "utf8"), section));
  console.log(green(bold(`Wrote the chapter-3 section of ${path}, ${CHAPTER_3_CHART_FILES.byEpoch} and ${CHAPTER_3_CHART_FILES.byTime}.`)));
  return 0;
}

runCommand(COMPARE_COMMAND, async ({ values }) => {
  const options = compareOptions(values);
  if (options.chapter === 3) return compareChapter3(options);
  const { sizes, miniBatchSize, eta } = DEFAULT_SETTINGS;
  const systems = CHAPTER_SYSTEMS[1];
  console.log(bold(`Comparing ${systems.length} systems on MNIST: ${sizes.join("-")}, mini-batches of ${miniBatchSize}, η = ${eta}`));
  console.log(
    dim(
      `  ${options.epochs} epochs on ${count(options.trainSize)} training images each, seed ${options.seed}, one child process per system\n`,
    ),
  );
  const results = await measureChapter(1, options);

  mkdirSync(options.out, { recursive: true });
  const svg = charts(results);
  writeFileSync(join(options.out, CHART_FILES.byEpoch), svg.byEpoch);
  writeFileSync(join(options.out, CHART_FILES.byTime), svg.byTime);
  const path = join(options.out, "comparison.md");
  // The chapter-3 section that a `--chapter 3` run wrote stays.
  const chapter3 = existsSync(path) ? chapter3SectionOf(readFileSync(path, "utf8")) : undefined;
  const { epochs, trainSize, seed } = options;
  const report = comparisonReport({ results, code: learnerCode(repoRoot), epochs, trainSize, seed, machine: machine(), chapter3 });
  writeFileSync(path, report);
  console.log(green(bold(`Wrote ${path}, ${CHART_FILES.byEpoch} and ${CHART_FILES.byTime}.`)));
  return 0;
});
