/**
 * `npm run bench`: re-measure the trainer. Each run is `npm start` in a child
 * process (so its peak memory is its own), with results read from the
 * metrics.json it writes.
 *
 *   npm run bench                 speed: 3 epochs of 784-30-10, mini-batch 10, on 50,000 images
 *   npm run bench -- --full       also the full default run (30 epochs) and --hidden 100: accuracy and total time
 *   npm run bench -- --epochs 5   a longer speed run
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseFlags, positiveInt, runMain } from "../core/cli.ts";
import { count, percent, seconds } from "../core/format.ts";
import { repoRoot } from "../core/paths.ts";
import { bold, dim, green, red } from "../core/style.ts";

/** The targets of the main-job issue, checked against the measurements. */
const TARGETS = { secondsPerEpoch: 1.5, peakRssMB: 300, totalSeconds: 60, best30: 0.95, best100: 0.965 };

interface Metrics {
  sizes: number[];
  history: { epoch: number; correct: number; total: number; trainSeconds: number; evalSeconds: number }[];
  bestCorrect: number;
  totalSeconds: number;
  peakRssMB: number;
  trainSize: number;
}

function trainInChild(args: string[]): Promise<Metrics> {
  const out = mkdtempSync(join(tmpdir(), "nn-bench-"));
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=solutions", "tools/train/train.ts", ...args, "--out", out], {
    cwd: repoRoot,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`npm start ${args.join(" ")} exited with code ${code}`));
      resolve(JSON.parse(readFileSync(join(out, "metrics.json"), "utf8")) as Metrics);
    });
  });
}

const check = (ok: boolean, text: string) => `${ok ? green("✔") : red("✖")} ${text}`;

async function main(): Promise<number> {
  const { values } = parseFlags({
    options: { epochs: { type: "string", default: "3" }, full: { type: "boolean", default: false }, help: { type: "boolean" } },
  });
  if (values.help) {
    console.log("npm run bench -- [--epochs N] [--full]");
    return 0;
  }
  const epochs = positiveInt("--epochs", values.epochs);
  console.log(bold(`Benchmark on ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}\n`));

  console.log(bold(`Speed: 784-30-10, mini-batch 10, ${epochs} epochs of 50,000 images`));
  const speed = await trainInChild(["--epochs", String(epochs)]);
  for (const h of speed.history) {
    console.log(
      dim(`  epoch ${h.epoch}: ${seconds(h.trainSeconds)} training (${count(Math.round(speed.trainSize / h.trainSeconds))} images/s), ${seconds(h.evalSeconds)} testing 10,000 images`),
    );
  }
  const perEpoch = speed.history.reduce((sum, h) => sum + h.trainSeconds, 0) / speed.history.length;
  const lines = [
    check(perEpoch <= TARGETS.secondsPerEpoch, `${seconds(perEpoch)} per epoch on average, ${count(Math.round(speed.trainSize / perEpoch))} images/s (target ≤ ${TARGETS.secondsPerEpoch} s)`),
    check(speed.peakRssMB <= TARGETS.peakRssMB, `peak RSS ${speed.peakRssMB.toFixed(0)} MB (target ≤ ${TARGETS.peakRssMB} MB)`),
  ];
  let ok = perEpoch <= TARGETS.secondsPerEpoch && speed.peakRssMB <= TARGETS.peakRssMB;

  if (values.full) {
    for (const [hidden, target] of [["30", TARGETS.best30], ["100", TARGETS.best100]] as const) {
      console.log(bold(`\nAccuracy: 784-${hidden}-10 with Nielsen's settings (30 epochs)`));
      const run = await trainInChild(["--hidden", hidden]);
      const best = run.bestCorrect / 10_000;
      lines.push(check(best >= target, `784-${hidden}-10: best ${percent(best)} (target ≥ ${percent(target, 1)}), ${seconds(run.totalSeconds)} in all, peak RSS ${run.peakRssMB.toFixed(0)} MB`));
      ok &&= best >= target;
      if (hidden === "30") {
        lines.push(check(run.totalSeconds <= TARGETS.totalSeconds, `the default run takes ${seconds(run.totalSeconds)} (target ≤ ${TARGETS.totalSeconds} s)`));
        ok &&= run.totalSeconds <= TARGETS.totalSeconds;
      }
    }
  }
  console.log(`\n${lines.join("\n")}`);
  return ok ? 0 : 1;
}

runMain("bench", main);
