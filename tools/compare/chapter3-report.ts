/**
 * The chapter-3 section of comparison.md: `npm run compare -- --chapter 3`
 * measures the scratch network and TensorFlow.js on Nielsen's chapter-3
 * recipe and writes this section, from `template-chapter3.md`, into the
 * comparison.md of its `--out` folder, between two marker comments, leaving
 * the chapter-1 report around it as it is; `npm run compare` (chapter 1)
 * keeps the section it finds there. One page, two runs, each regenerating
 * its own part.
 */
import { readFileSync } from "node:fs";
import { count, percent, percentagePoints, seconds } from "../core/format.ts";
import { markdownTable as table } from "../core/markup.ts";
import type { LearnerCode, TechniqueCost } from "./lines-of-code.ts";
import { fill, perEpochTable, summaryTable } from "./report.ts";
import { summarizeSystem } from "./summary.ts";
import { CHAPTER_3_STEPS, SYSTEM_LABELS, type SystemName, type SystemResult } from "./systems.ts";
import { tfCrossEntropyRate, tfL2Factor } from "./tfjs-chapter3.ts";
import { compare } from "./wording.ts";

/** The comment lines that enclose the section in comparison.md. */
export const CHAPTER_3_BEGIN =
  "<!-- Chapter 3 begins: written by `npm run compare -- --chapter 3` from tools/compare/template-chapter3.md; `npm run compare` keeps it. -->";
export const CHAPTER_3_END = "<!-- Chapter 3 ends. -->";

export interface Chapter3Input {
  /** scratch and tfjs-wasm, in that order. */
  results: readonly SystemResult[];
  /** The code each system's chapter-3 trainer runs. */
  code: { scratch: LearnerCode; tfjs: LearnerCode };
  techniques: readonly TechniqueCost[];
  epochs: number;
  trainSize: number;
  seed: number;
  machine: string;
  /** Nielsen's recipe: η, λ, k. */
  eta: number;
  lambda: number;
  outputs: number;
}

const TEMPLATE = new URL("./template-chapter3.md", import.meta.url);

/** `5e-6` as `5.00 \times 10^{-6}`, for KaTeX. */
function scientific(x: number): string {
  const [mantissa, exponent] = x.toExponential(2).split("e");
  return `${mantissa} \\times 10^{${Number(exponent)}}`;
}

function resultsText(results: readonly SystemResult[], input: Chapter3Input): string {
  const find = (system: SystemName) => results.find((r) => r.system === system);
  const [scratch, tfjs] = [find("scratch"), find("tfjs-wasm")];
  if (!scratch || !tfjs) throw new Error("the chapter-3 report needs the scratch and tfjs-wasm results");
  const accuracies = (r: SystemResult) => r.history.map((h) => h.correct / h.total);
  const [ours, theirs] = [accuracies(scratch), accuracies(tfjs)];
  const gaps = theirs.map((a, epoch) => Math.abs(a - ours[epoch]));
  const widest = gaps.indexOf(Math.max(...gaps));
  const last = ours.length - 1;
  const s = summarizeSystem(scratch, input.trainSize, input.code.scratch.total);
  const t = summarizeSystem(tfjs, input.trainSize, input.code.tfjs.total);
  return [
    `**Accuracy.** From the same start on the same mini-batches, tfjs wasm ends ${percentagePoints(gaps[last])} from the scratch network ` +
      `(after epoch ${last}: ${percent(t.finalAccuracy)} against ${percent(s.finalAccuracy)}), and is at most ${percentagePoints(gaps[widest])} ` +
      `away after any epoch (after epoch ${widest}). Each step agrees to float32 precision, so only rounding, and tf's clipping of saturated outputs, tell the runs apart.`,
    `**Training.** The scratch network trains an epoch in ${seconds(s.secondsPerEpoch)}, ` +
      `${compare(s.secondsPerEpoch, t.secondsPerEpoch, ["faster than", "slower than"])} tfjs wasm (${seconds(t.secondsPerEpoch)}).`,
    `**Code.** What the trainer runs: ${s.lines} lines for the scratch network (Part I's matrices and prediction with katas 15, 17 and 18), ` +
      `${t.lines} for TensorFlow.js (kata 13's plumbing and the chapter-3 model).`,
  ].join("\n\n");
}

function techniqueTable(techniques: readonly TechniqueCost[]): string {
  const code = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(", ");
  return table(
    ["technique", "scratch (kata: functions)", "scratch lines", "TensorFlow.js", "tfjs lines", "brain.js 1.6.1"],
    techniques.map((t) => [
      `**${t.technique}**`,
      `${t.scratch.kata}, \`${t.scratch.name}\`: ${code(t.scratch.declarations)}`,
      String(t.scratch.lines),
      t.tfjs.declarations.length > 0 ? `${code(t.tfjs.declarations)}; ${t.tfjs.tf}` : t.tfjs.tf,
      String(t.tfjs.lines),
      t.brainjs,
    ]),
    ["left", "left", "right", "left", "right", "left"],
  );
}

/** The chapter-3 section, markers included, from a run's measurements. */
export function chapter3Section(input: Chapter3Input): string {
  const { results, epochs, trainSize, seed, machine, eta, lambda, outputs } = input;
  const code: Record<string, number> = { scratch: input.code.scratch.total, "tfjs-wasm": input.code.tfjs.total };
  const summaries = results.map((r) => summarizeSystem(r, trainSize, code[r.system] ?? 0));
  const lr = tfCrossEntropyRate(eta, outputs);
  const f = tfL2Factor(lambda, trainSize, outputs);
  const run =
    `Run: ${epochs} epoch${epochs === 1 ? "" : "s"} on ${trainSize === 50_000 ? "" : `the first ${count(trainSize)} of `}Nielsen's 50,000 training images, seed ${seed}, ` +
    `tested after every epoch on the 10,000 test images. Machine: ${machine}. Regenerate this section and its charts with ` +
    `\`npm run compare -- --chapter 3 --epochs ${epochs} --train-size ${trainSize} --seed ${seed}\`.`;
  const body = fill(readFileSync(TEMPLATE, "utf8"), {
    systems: results.map((r) => `- **${SYSTEM_LABELS[r.system]}**: ${CHAPTER_3_STEPS[r.system] ?? ""}.`).join("\n"),
    run,
    summaryTable: summaryTable(summaries),
    results: resultsText(results, input),
    factors:
      `In this run $\\eta = ${eta}$, $\\lambda = ${lambda}$, $k = ${outputs}$ and $n = ${count(trainSize).replaceAll(",", "{,}")}$: ` +
      `lr = ${lr} and $f = ${scientific(f)}$, a decay of $${scientific(2 * lr * f)}$ a step (Nielsen's $\\eta\\lambda/n$).`,
    techniqueTable: techniqueTable(input.techniques),
    accuracyTable: perEpochTable(results, (h) => percent(h.correct / h.total)),
    secondsTable: perEpochTable(results, (h) => seconds(h.trainSeconds)),
  });
  return `${CHAPTER_3_BEGIN}\n\n${body.trimEnd()}\n\n${CHAPTER_3_END}`;
}

/** The section a chapter-1 report carries until a chapter-3 run has written one. */
export const CHAPTER_3_PENDING = [
  CHAPTER_3_BEGIN,
  "",
  "## Chapter 3: cross-entropy, L2 regularisation and better starting weights",
  "",
  "Not measured yet: `npm run compare -- --chapter 3` trains the scratch network and TensorFlow.js on Nielsen's chapter-3 recipe and writes this section.",
  "",
  CHAPTER_3_END,
].join("\n");

/** The chapter-3 section of a comparison.md, markers included; undefined when it has none. */
export function chapter3SectionOf(markdown: string): string | undefined {
  const begin = markdown.indexOf(CHAPTER_3_BEGIN);
  const end = markdown.indexOf(CHAPTER_3_END, begin);
  return begin < 0 || end < 0 ? undefined : markdown.slice(begin, end + CHAPTER_3_END.length);
}

/** `markdown` with its chapter-3 section replaced by `section`, or with `section` appended when it has none. */
export function withChapter3Section(markdown: string, section: string): string {
  const old = chapter3SectionOf(markdown);
  if (old !== undefined) return markdown.replace(old, () => section);
  return `${markdown.trimEnd()}\n\n${section}\n`;
}
