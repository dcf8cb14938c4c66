/**
 * `npm run compare`: train the scratch network (katas 01–12), TensorFlow.js
 * (kata 13, on its wasm and its plain-JavaScript backends) and brain.js
 * (kata 14) on the same MNIST images with the same budget, each in its own
 * child process, and write the measured comparison to docs/comparison.md
 * with two charts. See `--help`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus } from "node:os";
import { join } from "node:path";
import { runCommand } from "../core/cli.ts";
import { count, megabytes, percent, seconds } from "../core/format.ts";
import { unfinishedKataMessage } from "../core/impl.ts";
import { repoRoot } from "../core/paths.ts";
import { bold, dim, green } from "../core/style.ts";
import { DEFAULT_SETTINGS } from "../train/settings.ts";
import { CHART_FILES, charts } from "./charts.ts";
import { learnerCode } from "./lines-of-code.ts";
import { measureSystem } from "./measure.ts";
import { COMPARE_COMMAND, compareOptions } from "./options.ts";
import { comparisonReport } from "./report.ts";
import { SYSTEM_LABELS, SYSTEMS, type SystemResult } from "./systems.ts";

/** The processor, Node and the two libraries' versions, in one line. */
function machine(): string {
  const require = createRequire(import.meta.url);
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  const cores = cpus();
  return `${cores[0]?.model.trim() ?? "unknown processor"} (${cores.length} cores), Node ${process.version}, @tensorflow/tfjs ${version("@tensorflow/tfjs")}, brain.js ${version("brain.js")}`;
}

runCommand(COMPARE_COMMAND, async ({ values }) => {
  const options = compareOptions(values);
  const { sizes, miniBatchSize, eta } = DEFAULT_SETTINGS;
  console.log(bold(`Comparing ${SYSTEMS.length} systems on MNIST: ${sizes.join("-")}, mini-batches of ${miniBatchSize}, η = ${eta}`));
  console.log(
    dim(
      `  ${options.epochs} epochs on ${count(options.trainSize)} training images each, seed ${options.seed}, one child process per system\n`,
    ),
  );

  const results: SystemResult[] = [];
  for (const system of SYSTEMS) {
    const result = await measureSystem({ system, epochs: options.epochs, trainSize: options.trainSize, seed: options.seed }, (h) =>
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

  mkdirSync(options.out, { recursive: true });
  const svg = charts(results);
  writeFileSync(join(options.out, CHART_FILES.byEpoch), svg.byEpoch);
  writeFileSync(join(options.out, CHART_FILES.byTime), svg.byTime);
  const report = comparisonReport({ results, code: learnerCode(repoRoot), ...options, machine: machine() });
  const path = join(options.out, "comparison.md");
  writeFileSync(path, report);
  console.log(green(bold(`Wrote ${path}, ${CHART_FILES.byEpoch} and ${CHART_FILES.byTime}.`)));
  return 0;
});
