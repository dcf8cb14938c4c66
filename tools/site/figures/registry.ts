/**
 * Every lesson figure, in one list: `npm run docs` draws each into
 * `docs/figures/<file>`, and the tests check that each is drawn the same
 * every time, matches the committed file, and is shown on some page.
 */
import { confusionFigure } from "./confusion-matrix.ts";
import type { Figure } from "./figure.ts";
import { gradientDescentFigure, sgdFigure } from "./gradient-descent.ts";
import { hiddenWeights } from "./hidden-weights.ts";
import { initialisationFigure } from "./initialisation.ts";
import { learningCurve } from "./learning-curve.ts";
import { learningSlowdown } from "./learning-slowdown.ts";
import { misclassified } from "./misclassified.ts";
import { mnistDigits } from "./mnist-digits.ts";
import { monitoringFigure } from "./monitoring.ts";
import { nandAdder } from "./nand-adder.ts";
import { networkDiagram } from "./network-diagram.ts";
import { regularisationFigure } from "./regularisation.ts";
import { sigmoidFigure } from "./sigmoid.ts";
import { softmaxFigure } from "./softmax.ts";

export const FIGURES: readonly Figure[] = [
  mnistDigits,
  nandAdder,
  sigmoidFigure,
  networkDiagram,
  misclassified,
  gradientDescentFigure,
  sgdFigure,
  learningCurve,
  confusionFigure,
  hiddenWeights,
  learningSlowdown,
  softmaxFigure,
  initialisationFigure,
  regularisationFigure,
  monitoringFigure,
];
