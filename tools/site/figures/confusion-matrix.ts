/**
 * Lesson 12's confusion matrix: how the reference network (docs/model/)
 * answers each of the 10,000 test images, counted by true digit (rows) and
 * answer (columns), with the reference `confusionMatrix`. The diagonal, the
 * right answers, is shaded blue by its share of the row; the mistakes red,
 * by their count against the largest mistake.
 */
import { confusionMatrix } from "#nn/evaluate.ts";
import { percent } from "../../core/format.ts";
import type { Figure } from "./figure.ts";
import { hex, towards } from "./pixels.ts";
import type { Rgb } from "./png.ts";
import type { Sources } from "./sources.ts";
import { attributes, INK, MUTED, svgDocument, text } from "./svg.ts";

const CELL = 36;
const LEFT = 50;
const TOP = 52;
const RECALL_WIDTH = 58;
const RIGHT: Rgb = [70, 130, 180];
const WRONG: Rgb = [214, 39, 40];

/** The reference network's confusion matrix on the test set: counts[true digit][answer]. */
export function referenceConfusion({ mnist, predictions }: Sources): number[][] {
  return confusionMatrix(predictions, mnist.test.labels);
}

export const confusionFigure: Figure = {
  file: "confusion-matrix.svg",
  render(sources: Sources) {
    const counts = referenceConfusion(sources);
    const n = counts.length;
    const worst = Math.max(...counts.flatMap((row, i) => row.filter((_, j) => j !== i)));
    const body: string[] = [
      text(LEFT + (n * CELL) / 2, 18, "the network's answer", { "text-anchor": "middle" }),
      text(14, TOP + (n * CELL) / 2, "true digit", { "text-anchor": "middle", transform: `rotate(-90 14 ${TOP + (n * CELL) / 2})` }),
      text(LEFT + n * CELL + RECALL_WIDTH / 2 + 4, TOP - 10, "right", { "text-anchor": "middle", fill: MUTED }),
    ];
    for (let j = 0; j < n; j++)
      body.push(text(LEFT + j * CELL + CELL / 2, TOP - 10, String(j), { "text-anchor": "middle", "font-weight": "bold" }));
    for (const [i, row] of counts.entries()) {
      const total = row.reduce((a, b) => a + b, 0);
      const y = TOP + i * CELL;
      body.push(text(LEFT - 10, y + CELL / 2 + 5, String(i), { "text-anchor": "end", "font-weight": "bold" }));
      for (const [j, c] of row.entries()) {
        const x = LEFT + j * CELL;
        const fill = hex(i === j ? towards(RIGHT, c / total) : towards(WRONG, c / worst));
        const dark = i === j ? c / total > 0.5 : c / worst > 0.6;
        body.push(`<rect${attributes({ x, y, width: CELL, height: CELL })} fill="${fill}" stroke="#ddd"/>`);
        if (c > 0) {
          body.push(
            // No thousands separator: "1117" fits the cell at a readable size, "1,117" would not.
            text(x + CELL / 2, y + CELL / 2 + 5, String(c), {
              class: "count",
              "text-anchor": "middle",
              "font-size": 14,
              fill: dark ? "white" : INK,
            }),
          );
        }
      }
      body.push(
        text(LEFT + n * CELL + RECALL_WIDTH / 2 + 4, y + CELL / 2 + 5, percent(row[i] / total, 1), {
          "text-anchor": "middle",
          fill: MUTED,
        }),
      );
    }
    const width = LEFT + n * CELL + RECALL_WIDTH + 8;
    const height = TOP + n * CELL + 12;
    return svgDocument(width, height, "Confusion matrix of the reference network on the 10,000 test images", body);
  },
};
