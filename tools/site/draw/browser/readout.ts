/**
 * What the page shows of the network: the 28 × 28 input it was given, drawn
 * enlarged with square pixels, and its ten output activations as bars, the
 * largest (the network's answer) marked. Each bar carries its exact
 * activation in `data-activation`, and the list the answer in
 * `data-prediction`, for the browser test to read.
 */

import { argmax } from "../feedforward.ts";
import { FIELD } from "../preprocess.ts";
import { element } from "./dom.ts";

export interface Readout {
  /** Show an input (784 values in [0, 1]) and the network's ten outputs for it. */
  show(input: ArrayLike<number>, outputs: ArrayLike<number>): void;
  /** Show nothing: no input, empty bars. */
  clear(): void;
  /** Paint the input again, in the current theme's colours. */
  repaint(): void;
}

/** Paint a 28 × 28 image (values in [0, 1], 0 background) on a 28 × 28 canvas, in the canvas's CSS text colour. */
export function paintField(canvas: HTMLCanvasElement, values: ArrayLike<number> | undefined): void {
  const context = canvas.getContext("2d");
  if (!context) return;
  context.clearRect(0, 0, FIELD, FIELD);
  if (!values) return;
  context.fillStyle = getComputedStyle(canvas).color;
  for (let p = 0; p < FIELD * FIELD; p++) {
    context.globalAlpha = values[p];
    context.fillRect(p % FIELD, Math.floor(p / FIELD), 1, 1);
  }
  context.globalAlpha = 1;
}

/** Build the readout into `container`. */
export function createReadout(container: HTMLElement): Readout {
  const seen = element("figure", "draw-seen");
  const field = element("canvas", "draw-field");
  field.width = field.height = FIELD;
  field.setAttribute("role", "img");
  field.setAttribute("aria-label", "The 28 × 28 image the network reads");
  seen.append(field, element("figcaption", "", "What the network reads: 28 × 28 pixels"));

  const bars = element("ol", "draw-bars");
  bars.setAttribute("aria-label", "The network's ten outputs, one per digit");
  const rows = Array.from({ length: 10 }, (_, digit) => {
    const row = element("li", "draw-row");
    row.dataset.digit = String(digit);
    const bar = element("span", "draw-bar");
    const track = element("span", "draw-track");
    track.append(bar);
    const value = element("span", "draw-value");
    row.append(element("span", "draw-digit", String(digit)), track, value);
    bars.append(row);
    return { row, bar, value };
  });
  container.append(seen, bars);

  let input: ArrayLike<number> | undefined;
  return {
    show(shown, outputs) {
      input = shown;
      paintField(field, input);
      const top = argmax(outputs);
      bars.dataset.prediction = String(top);
      rows.forEach(({ row, bar, value }, digit) => {
        const a = outputs[digit];
        row.dataset.activation = String(a);
        row.classList.toggle("draw-top", digit === top);
        bar.style.width = `${(100 * a).toFixed(1)}%`;
        value.textContent = a.toFixed(3);
      });
    },
    clear() {
      input = undefined;
      paintField(field, undefined);
      delete bars.dataset.prediction;
      for (const { row, bar, value } of rows) {
        delete row.dataset.activation;
        row.classList.remove("draw-top");
        bar.style.width = "0";
        value.textContent = "";
      }
    },
    repaint: () => paintField(field, input),
  };
}
