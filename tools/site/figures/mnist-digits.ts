/**
 * The landing page's and lesson 02's figure: real MNIST training images, the
 * first four of each digit in the training file, one column a digit.
 */
import type { Figure } from "./figure.ts";
import { digitImage } from "./pixels.ts";
import type { Sources } from "./sources.ts";
import { svgDocument, text } from "./svg.ts";

const PER_DIGIT = 4;
const SIZE = 40;
const PITCH = 46;
const LEFT = 11;
const TOP = 30;

/** The indices of the first `count` training images of each digit, in file order. */
export function firstOfEachDigit(labels: Uint8Array, count: number): number[][] {
  const found: number[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < labels.length && found.some((list) => list.length < count); i++) {
    if (found[labels[i]].length < count) found[labels[i]].push(i);
  }
  return found;
}

export const mnistDigits: Figure = {
  file: "mnist-digits.svg",
  render({ mnist }: Sources) {
    const { train } = mnist;
    const size = train.rows * train.cols;
    const body: string[] = [];
    for (const [digit, indices] of firstOfEachDigit(train.labels, PER_DIGIT).entries()) {
      const x = LEFT + digit * PITCH;
      body.push(text(x + SIZE / 2, 20, String(digit), { "text-anchor": "middle", "font-weight": "bold" }));
      for (const [row, i] of indices.entries()) {
        body.push(digitImage(train.pixels.subarray(i * size, (i + 1) * size), train.cols, x, TOP + row * PITCH, SIZE));
      }
    }
    const width = 2 * LEFT + 9 * PITCH + SIZE;
    const height = TOP + (PER_DIGIT - 1) * PITCH + SIZE + 10;
    return svgDocument(width, height, `The first ${PER_DIGIT} MNIST training images of each digit`, body);
  },
};
