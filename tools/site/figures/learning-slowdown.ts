/**
 * Lesson 15's figure: Nielsen's example of the learning slowdown (chapter 3,
 * *The cross-entropy cost function*). One sigmoid neuron, input 1, target
 * output 0, starting from w = b = 2 (output σ(4) ≈ 0.98, badly wrong),
 * trained 300 epochs of one gradient step each, once with the quadratic cost
 * and once with the cross-entropy, at the same learning rate. The gradients
 * are the reference `backpropWithCost`'s, with `QuadraticCost` and
 * `CrossEntropyCost`.
 */
import { backpropWithCost, type Cost, CrossEntropyCost, QuadraticCost } from "#nn/costs.ts";
import { matrix } from "#nn/matrix.ts";
import type { Network } from "#nn/network.ts";
import type { Figure } from "./figure.ts";
import { drawFrame, type Frame, line, px, py } from "./plot.ts";
import { ACCENT, BLUE, HALO, svgDocument, text } from "./svg.ts";

/**
 * Nielsen's setup. He uses η = 0.15 for the quadratic cost; for his
 * cross-entropy animation he used η = 0.005, with a step that is not the
 * cross-entropy's gradient (see the lesson). Here both costs get his 0.15.
 */
export const SLOWDOWN = { weight: 2, bias: 2, x: 1, y: 0, eta: 0.15, epochs: 300 } as const;

const WIDTH = 480;
const HEIGHT = 300;

/** The neuron's output σ(w·x + b) after each epoch, from 0 (the start) to `SLOWDOWN.epochs`, trained with `cost`. */
export function slowdownOutputs(cost: Cost, eta: number = SLOWDOWN.eta): number[] {
  const net: Network = { sizes: [1, 1], weights: [matrix(1, 1, [SLOWDOWN.weight])], biases: [matrix(1, 1, [SLOWDOWN.bias])] };
  const [X, Y] = [matrix(1, 1, [SLOWDOWN.x]), matrix(1, 1, [SLOWDOWN.y])];
  const output = () => 1 / (1 + Math.exp(-(net.weights[0].data[0] * SLOWDOWN.x + net.biases[0].data[0])));
  const outputs = [output()];
  for (let epoch = 1; epoch <= SLOWDOWN.epochs; epoch++) {
    // One example, so an epoch is one step of gradient descent on it.
    const { nablaB, nablaW } = backpropWithCost(net, X, Y, cost);
    net.weights[0].data[0] -= eta * nablaW[0].data[0];
    net.biases[0].data[0] -= eta * nablaB[0].data[0];
    outputs.push(output());
  }
  return outputs;
}

export const learningSlowdown: Figure = {
  file: "learning-slowdown.svg",
  render() {
    const frame: Frame = { left: 56, top: 16, width: 404, height: 224, x: [0, SLOWDOWN.epochs], y: [0, 1] };
    const curve = (outputs: readonly number[]) => outputs.map((a, epoch): [number, number] => [epoch, a]);
    const legend = (y: number, colour: string, label: string) => [
      `<line x1="${px(frame, 60)}" x2="${px(frame, 60) + 28}" y1="${py(frame, y) - 5}" y2="${py(frame, y) - 5}" stroke="${colour}" stroke-width="2.5"/>`,
      text(px(frame, 60) + 34, py(frame, y), label, HALO),
    ];
    return svgDocument(
      WIDTH,
      HEIGHT,
      "The output of one badly wrong sigmoid neuron over 300 epochs: the quadratic cost against the cross-entropy, both with η = 0.15",
      [
        ...drawFrame(frame, { x: "epoch", y: "output a", xTicks: [0, 50, 100, 150, 200, 250, 300], yTicks: [0, 0.25, 0.5, 0.75, 1] }),
        line(frame, curve(slowdownOutputs(QuadraticCost)), { stroke: BLUE, "stroke-width": 2.5 }),
        line(frame, curve(slowdownOutputs(CrossEntropyCost)), { stroke: ACCENT, "stroke-width": 2.5 }),
        ...legend(0.72, BLUE, "quadratic cost"),
        ...legend(0.6, ACCENT, "cross-entropy"),
        text(px(frame, 60), py(frame, 0.45), "start: w = b = 2, output ≈ 0.98", HALO),
        text(px(frame, 60), py(frame, 0.45) + 20, "input x = 1, target y = 0, η = 0.15", HALO),
      ],
    );
  },
};
