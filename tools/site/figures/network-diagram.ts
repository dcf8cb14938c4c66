/**
 * Lessons 05, 06 and 09's figure: Nielsen's indices on a small 3-4-2
 * network. The input layer is layer 1 and the output layer is layer L = 3;
 * $w^l_{jk}$ is the weight from neuron k in layer l − 1 to neuron j in
 * layer l. Highlighted, Nielsen's own example $w^3_{24}$ (from the fourth
 * neuron of layer 2 to the second of layer 3), with a bias $b^2_3$ and an
 * activation $a^3_1$.
 */
import type { Figure } from "./figure.ts";
import { ACCENT, attributes, BLUE, HALO, INK, MUTED, type Run, svgDocument, text } from "./svg.ts";

/** The network drawn, as `createNetwork` takes its sizes. */
const DIAGRAM_SIZES = [3, 4, 2] as const;
/** The highlighted weight $w^l_{jk}$, in Nielsen's 1-based indices. */
const HIGHLIGHT = { l: 3, j: 2, k: 4 } as const;
/** The neurons whose bias $b^l_j$ and activation $a^l_j$ are labelled. */
const BIAS = { l: 2, j: 3 } as const;
const ACTIVATION = { l: 3, j: 1 } as const;

const WIDTH = 480;
const HEIGHT = 330;
const RADIUS = 17;
const LAYER_X = [70, 240, 410];
const PITCH = 62;
const MIDDLE = 140;

/** The centre of neuron j (1-based) of layer l (1-based). */
function centre(l: number, j: number): [number, number] {
  const count = DIAGRAM_SIZES[l - 1];
  return [LAYER_X[l - 1], MIDDLE + (j - (count + 1) / 2) * PITCH];
}

const w = (l: number, j: number, k: number): Run => ({ text: "w", sup: String(l), sub: `${j}${k}` });

export const networkDiagram: Figure = {
  file: "network-diagram.svg",
  render() {
    const body: string[] = [];
    const { l: hl, j: hj, k: hk } = HIGHLIGHT;
    // Every connection, the highlighted one last so that it is drawn on top.
    for (let l = 2; l <= DIAGRAM_SIZES.length; l++) {
      for (let j = 1; j <= DIAGRAM_SIZES[l - 1]; j++) {
        for (let k = 1; k <= DIAGRAM_SIZES[l - 2]; k++) {
          if (l === hl && j === hj && k === hk) continue;
          const [[x1, y1], [x2, y2]] = [centre(l - 1, k), centre(l, j)];
          body.push(`<line${attributes({ x1, y1, x2, y2 })} stroke="#bbb" stroke-width="1.2"/>`);
        }
      }
    }
    const [[fx, fy], [tx, ty]] = [centre(hl - 1, hk), centre(hl, hj)];
    body.push(`<line${attributes({ x1: fx, y1: fy, x2: tx, y2: ty })} stroke="${ACCENT}" stroke-width="3"/>`);
    body.push(text((fx + tx) / 2 + 4, (fy + ty) / 2 + 24, [w(hl, hj, hk)], { fill: ACCENT, ...HALO }));

    // The neurons of the bias and the activation labelled, tinted.
    const tinted = (l: number, j: number) => (l === BIAS.l && j === BIAS.j) || (l === ACTIVATION.l && j === ACTIVATION.j);
    for (let l = 1; l <= DIAGRAM_SIZES.length; l++) {
      for (let j = 1; j <= DIAGRAM_SIZES[l - 1]; j++) {
        const [cx, cy] = centre(l, j);
        body.push(
          `<circle${attributes({ cx, cy, r: RADIUS })} fill="${tinted(l, j) ? "#dbe9f6" : "white"}" stroke="${INK}" stroke-width="1.5"/>`,
        );
        body.push(text(cx, cy + 5, String(j), { "text-anchor": "middle", fill: MUTED }));
      }
    }
    const [bx, by] = centre(BIAS.l, BIAS.j);
    body.push(text(bx + RADIUS + 4, by - RADIUS + 2, [{ text: "b", sup: String(BIAS.l), sub: String(BIAS.j) }], { fill: BLUE, ...HALO }));
    const [ax, ay] = centre(ACTIVATION.l, ACTIVATION.j);
    body.push(text(ax + RADIUS + 6, ay + 5, [{ text: "a", sup: String(ACTIVATION.l), sub: String(ACTIVATION.j) }], { fill: BLUE }));

    const bottom = MIDDLE + 2 * PITCH + 20;
    const layerNames: (string | Run[])[] = ["layer 1 (input)", "layer 2 (hidden)", ["layer 3 = ", { text: "L" }, " (output)"]];
    for (const [i, name] of layerNames.entries()) body.push(text(LAYER_X[i], bottom, name, { "text-anchor": "middle" }));
    body.push(
      text(WIDTH / 2, bottom + 30, [w(hl, hj, hk), `: from neuron ${hk} of layer ${hl - 1} to neuron ${hj} of layer ${hl}`], {
        "text-anchor": "middle",
        fill: ACCENT,
      }),
    );
    return svgDocument(WIDTH, HEIGHT, "A 3-4-2 network with Nielsen's indices: the weight w³₂₄, the bias b²₃, the activation a³₁", body);
  },
};
