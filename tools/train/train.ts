/**
 * `npm start`: train the network of Nielsen's chapter 1 on MNIST and watch it
 * learn. By default it trains the reference solution with Nielsen's settings;
 * `--impl src` trains yours. See `--help`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import cliProgress from "cli-progress";
import { loadMnist, MnistFileError } from "../../katas/support/mnist-files.ts";
import { runCommand } from "../core/cli.ts";
import { count, percent, seconds } from "../core/format.ts";
import { activeImpl, rerunWith, unfinishedKataMessage } from "../core/impl.ts";
import { bold, dim, green } from "../core/style.ts";
import { lineChart } from "../core/svg-chart.ts";
import { confusionTable } from "./confusion-table.ts";
import { writeMetrics } from "./metrics.ts";
import { saveModel, type TrainingRecord } from "./model-file.ts";
import { TRAIN_COMMAND, trainOptions } from "./options.ts";
import { isChapter1, mnistSizes, VALIDATION_IMAGES } from "./settings.ts";
import { DivergenceError, type TrainingEvents, type TrainingResult, train } from "./training.ts";

/** A progress bar within each epoch on a terminal; one plain line per epoch in a log. */
function progressReporter(epochs: number, miniBatchSize: number, imagesPerEpoch: number): TrainingEvents & { stop(): void } {
  const tty = process.stdout.isTTY === true;
  const bar = tty
    ? new cliProgress.SingleBar(
        {
          format: "  Epoch {epoch} [{bar}] {value}/{total} mini-batches · {rate} images/s · {elapsed}",
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let epochStart = 0;
  const runStart = performance.now();
  return {
    onEpochStart(epoch, total) {
      epochStart = performance.now();
      bar?.start(total, 0, { epoch: `${epoch} of ${epochs}`, rate: "…", elapsed: "0.0 s" });
    },
    onMiniBatch(done) {
      if (!bar || done % 50 !== 0) return;
      const elapsed = (performance.now() - epochStart) / 1000;
      bar.update(done, { rate: count(Math.round((done * miniBatchSize) / elapsed)), elapsed: seconds(elapsed) });
    },
    onEpochEnd({ epoch, correct, total, trainSeconds, validationCorrect }) {
      bar?.stop();
      const images = Math.round(imagesPerEpoch / trainSeconds);
      const validation = validationCorrect === undefined ? "" : ` · validation ${percent(validationCorrect / VALIDATION_IMAGES)}`;
      console.log(
        `Epoch ${epoch}: ${count(correct)} / ${count(total)}  ${dim(
          `(${percent(correct / total)})${validation} · ${seconds(trainSeconds)} training, ${count(images)} images/s · ${seconds((performance.now() - runStart) / 1000)} elapsed`,
        )}`,
      );
    },
    stop: () => bar?.stop(),
  };
}

runCommand(TRAIN_COMMAND, async ({ values }) => {
  const options = trainOptions(values);
  if (activeImpl() !== options.impl) return rerunWith(options.impl);

  const settings = {
    sizes: mnistSizes(options.hidden),
    epochs: options.epochs,
    miniBatchSize: options.miniBatchSize,
    eta: options.eta,
    seed: options.seed,
    trainSize: options.trainSize,
    cost: options.cost,
    lambda: options.lambda,
    init: options.init,
    patience: options.patience,
  };
  const partTwo = isChapter1(settings)
    ? ""
    : ` · ${settings.cost} cost · λ = ${settings.lambda} · weights ${settings.init === "default" ? "N(0, 1/n_in)" : "N(0, 1)"}` +
      (settings.patience > 0 ? ` · early stopping after ${settings.patience} epochs without progress` : "");
  console.log(
    bold(
      `Training a ${settings.sizes.join("-")} network on MNIST (Nielsen's chapter ${options.chapter} recipe${options.chapter === "1" && partTwo ? ", changed" : ""})`,
    ),
  );
  console.log(
    dim(
      `  implementation: ${options.impl === "solutions" ? "the reference, solutions/ (yours: --impl src)" : "yours, src/"}\n` +
        `  ${settings.epochs} epochs · mini-batch ${settings.miniBatchSize} · η = ${settings.eta}${partTwo} · seed ${settings.seed} · ` +
        `${count(settings.trainSize)} training images · tested on the 10,000 test images` +
        `${partTwo ? " (and the 10,000 validation images)" : ""}\n`,
    ),
  );

  const started = performance.now();
  const reporter = progressReporter(settings.epochs, settings.miniBatchSize, settings.trainSize);
  let result: TrainingResult;
  try {
    result = await train(loadMnist(options.data), settings, reporter);
  } catch (error) {
    reporter.stop();
    if (error instanceof DivergenceError || error instanceof MnistFileError) throw error;
    const unfinished = unfinishedKataMessage(error);
    if (unfinished) throw new Error(unfinished);
    if (options.impl === "src") {
      throw new Error(`your network threw while training: ${(error as Error).message}\nRun npm run kata to find the kata that fails.`);
    }
    throw error;
  }
  const totalSeconds = (performance.now() - started) / 1000;
  const { net, history, confusion } = result;
  const best = history.reduce((a, b) => (b.correct > a.correct ? b : a));
  const bestValidation = history.some((h) => h.validationCorrect !== undefined)
    ? history.reduce((a, b) => ((b.validationCorrect ?? 0) > (a.validationCorrect ?? 0) ? b : a))
    : undefined;
  const final = history[history.length - 1];

  mkdirSync(options.out, { recursive: true });
  const { sizes, ...rest } = settings;
  const record: TrainingRecord = { impl: options.impl, ...rest, history };
  saveModel(join(options.out, "model.json"), net, record);
  writeFileSync(
    join(options.out, "learning-curve.svg"),
    lineChart({
      title: `${sizes.join("-")} network, η = ${settings.eta}, mini-batch ${settings.miniBatchSize}`,
      xLabel: "epoch",
      yLabel: "test accuracy (%)",
      series: [{ name: options.impl, points: history.map((h) => [h.epoch, (100 * h.correct) / h.total] as const) }],
    }),
  );
  writeFileSync(
    join(options.out, "confusion-matrix.md"),
    `# Confusion matrix after epoch ${final.epoch}\n\n${confusionTable(confusion)}\n`,
  );
  writeMetrics(join(options.out, "metrics.json"), {
    sizes,
    ...record,
    bestCorrect: best.correct,
    finalCorrect: final.correct,
    totalSeconds,
    meanTrainSecondsPerEpoch: history.reduce((sum, h) => sum + h.trainSeconds, 0) / history.length,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  });

  console.log(`\n${confusionTable(confusion)}\n`);
  console.log(
    green(bold(`Best: ${count(best.correct)} / ${count(best.total)} (${percent(best.correct / best.total)}) in epoch ${best.epoch}`)) +
      `  ·  final: ${percent(final.correct / final.total)}` +
      (bestValidation
        ? `  ·  best validation: ${percent((bestValidation.validationCorrect ?? 0) / VALIDATION_IMAGES)} in epoch ${bestValidation.epoch}`
        : "") +
      `  ·  ${seconds(totalSeconds)} in all`,
  );
  console.log(dim(`Wrote ${join(options.out, "model.json")}, learning-curve.svg, confusion-matrix.md and metrics.json.`));
  console.log(dim(`Look at one prediction: npm run predict -- --model ${join(options.out, "model.json")} --index 0`));
  return 0;
});
