/**
 * Lesson 07's figure: the test images the reference network (docs/model/)
 * gets wrong most confidently, those whose wrong answer has the highest
 * output activation $a^L_j$, each with its label, its answer and that
 * activation.
 */
import { feedforward } from "#nn/feedforward.ts";
import { image } from "#nn/mnist.ts";
import type { Figure } from "./figure.ts";
import { digitImage } from "./pixels.ts";
import type { Sources } from "./sources.ts";
import { MUTED, svgDocument, text } from "./svg.ts";

const SHOWN = 12;
const COLUMNS = 2;
const SIZE = 56;
const PITCH_X = 240;
const PITCH_Y = 66;
const LEFT = 8;
const TOP = 8;

export interface Mistake {
  /** The test image's index. */
  index: number;
  label: number;
  answer: number;
  /** The output activation of the wrong answer. */
  activation: number;
}

/** The `count` test images answered wrongly with the highest activation for the wrong digit, highest first (ties: lower index first). */
export function confidentMistakes({ mnist, reference, predictions }: Sources, count: number): Mistake[] {
  const { test } = mnist;
  const mistakes: Mistake[] = [];
  for (let index = 0; index < test.count; index++) {
    const [label, answer] = [test.labels[index], predictions[index]];
    if (answer !== label) mistakes.push({ index, label, answer, activation: feedforward(reference.net, image(test, index)).data[answer] });
  }
  return mistakes.sort((a, b) => b.activation - a.activation || a.index - b.index).slice(0, count);
}

export const misclassified: Figure = {
  file: "misclassified.svg",
  render(sources: Sources) {
    const { test } = sources.mnist;
    const size = test.rows * test.cols;
    const body = confidentMistakes(sources, SHOWN).flatMap(({ index, label, answer, activation }, n) => {
      const [x, y] = [LEFT + (n % COLUMNS) * PITCH_X, TOP + Math.floor(n / COLUMNS) * PITCH_Y];
      return [
        digitImage(test.pixels.subarray(index * size, (index + 1) * size), test.cols, x, y, SIZE),
        text(x + SIZE + 10, y + 24, `label ${label}, read as ${answer}`),
        // Five decimals: the top activations differ only in the fourth.
        text(x + SIZE + 10, y + 44, `(${activation.toFixed(5)}) · test #${index}`, { fill: MUTED, "font-size": 14 }),
      ];
    });
    const width = 2 * LEFT + (COLUMNS - 1) * PITCH_X + PITCH_X - 8;
    const height = TOP + Math.ceil(SHOWN / COLUMNS) * PITCH_Y;
    return svgDocument(width, height, `The ${SHOWN} test images the reference network gets wrong most confidently`, body);
  },
};
