/**
 * Lesson 12's picture of what the hidden layer looks for: each of the
 * reference network's 30 hidden neurons' 784 input weights, drawn as the
 * 28×28 image they weigh, each scaled to its own largest |w|.
 */
import type { Figure } from "./figure.ts";
import { hex, NEGATIVE, POSITIVE, weightImage } from "./pixels.ts";
import type { Rgb } from "./png.ts";
import type { Sources } from "./sources.ts";
import { attributes, MUTED, svgDocument, text } from "./svg.ts";

const COLUMNS = 6;
const SIZE = 66;
const PITCH_X = 78;
const PITCH_Y = 88;
const LEFT = 8;
const TOP = 8;

export const hiddenWeights: Figure = {
  file: "hidden-weights.svg",
  render({ reference }: Sources) {
    const weights = reference.net.weights[0];
    const side = Math.sqrt(weights.cols);
    if (!Number.isInteger(side)) throw new Error(`the reference network takes ${weights.cols} inputs, not the pixels of a square image`);
    const body: string[] = [];
    for (let j = 0; j < weights.rows; j++) {
      const [x, y] = [LEFT + (j % COLUMNS) * PITCH_X, TOP + Math.floor(j / COLUMNS) * PITCH_Y];
      body.push(weightImage(weights.data.subarray(j * weights.cols, (j + 1) * weights.cols), side, x, y, SIZE));
      body.push(text(x + SIZE / 2, y + SIZE + 15, `neuron ${j + 1}`, { "text-anchor": "middle", fill: MUTED, "font-size": 14 }));
    }
    const width = 2 * LEFT + (COLUMNS - 1) * PITCH_X + SIZE;
    const legendY = TOP + Math.ceil(weights.rows / COLUMNS) * PITCH_Y + 14;
    const swatch = (x: number, colour: Rgb) =>
      `<rect${attributes({ x, y: legendY - 12, width: 14, height: 14 })} fill="${hex(colour)}" stroke="#999"/>`;
    body.push(
      swatch(LEFT, NEGATIVE),
      text(LEFT + 20, legendY, "−max |w|"),
      swatch(LEFT + 110, [255, 255, 255]),
      text(LEFT + 130, legendY, "0"),
      swatch(LEFT + 160, POSITIVE),
      text(LEFT + 180, legendY, "+max |w|, per neuron"),
    );
    return svgDocument(width, legendY + 12, "The input weights of the reference network's 30 hidden neurons, each as a 28×28 image", body);
  },
};
