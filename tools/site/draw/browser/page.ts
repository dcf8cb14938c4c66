/**
 * The drawing page's script: a network reads the digit the reader draws, as
 * they draw it, or a test image they click. It runs the reference model
 * shipped with the site until the reader loads their own model file, which
 * stays on their machine: the page reads it from disk and sends it nowhere.
 * The build (`install.ts`) bundles this file with the data it calls `start`
 * with.
 */

import { argmax, feedforward } from "../feedforward.ts";
import { type Model, modelFromJson, parseModel } from "../model.ts";
import { mnistInput } from "../preprocess.ts";
import type { Sample, SiteData } from "../site-data.ts";
/** The element of the page (docs/draw.md) the script builds into. */
import { ROOT_ID } from "../site-data.ts";
import { element } from "./dom.ts";
import { createPad } from "./pad.ts";
import { createReadout, paintField } from "./readout.ts";

interface Running {
  model: Model;
  /** How the page names it: "the reference model", "your model.json". */
  name: string;
}

/** Build the page into its placeholder and start reading. */
export function start(data: SiteData): void {
  const root = document.getElementById(ROOT_ID);
  if (!root) return;
  const reference: Running = { model: modelFromJson(data.referenceModel, "the reference model"), name: "the reference model" };
  let running = reference;
  /** The test image shown, or undefined while the reader draws. */
  let sample: Sample | undefined;

  const pad = element("div", "draw-pad");
  const canvas = element("canvas", "draw-canvas");
  canvas.setAttribute("aria-label", "Drawing area: draw one digit here");
  const clear = element("button", "draw-clear", "Clear");
  clear.type = "button";
  pad.append(canvas, clear);

  const result = element("div", "draw-result");
  const verdict = element("p", "draw-verdict");
  verdict.setAttribute("aria-live", "polite");
  const readoutBox = element("div", "draw-readout");
  result.append(verdict, readoutBox);
  const readout = createReadout(readoutBox);

  const status = element("p", "draw-model-name");
  const file = element("input", "draw-file");
  file.type = "file";
  file.accept = ".json,application/json";
  const load = element("label", "draw-load", "Load your model file: ");
  load.append(file);
  const back = element("button", "draw-reference", "Back to the reference model");
  back.type = "button";
  const problem = element("p", "draw-error");
  problem.setAttribute("role", "alert");
  const models = element("div", "draw-models");
  models.append(status, load, back, problem);

  const samples = element("div", "draw-samples");
  samples.setAttribute("aria-label", "MNIST test images to read");
  const thumbnails = data.samples.map((shown) => {
    const button = element("button", "draw-sample");
    button.type = "button";
    button.dataset.index = String(shown.index);
    button.setAttribute("aria-label", `Test image ${shown.index}, a ${shown.label}`);
    const picture = element("canvas", "draw-thumbnail");
    picture.width = picture.height = 28;
    button.append(picture, element("span", "", `#${shown.index}`));
    button.addEventListener("click", () => {
      sample = shown;
      drawing.clear();
      refresh();
    });
    samples.append(button);
    return { button, shown, picture, pixels: scaled(shown) };
  });

  const app = element("div", "draw");
  app.append(pad, result);
  root.replaceChildren(app, samples, models);

  const drawing = createPad(canvas, () => {
    if (sample === undefined) refresh();
  });
  canvas.addEventListener("pointerdown", () => {
    sample = undefined;
  });

  /** Read what is shown (the drawing, or the test image) with the running model. */
  function refresh(): void {
    for (const { button, shown } of thumbnails) button.setAttribute("aria-pressed", String(shown === sample));
    const input = sample ? scaled(sample) : mnistInput(drawing.bitmap());
    if (!input) {
      readout.clear();
      verdict.textContent = "Draw a digit, 0 to 9, in the box: the network reads it as you draw.";
      return;
    }
    const outputs = feedforward(running.model, input);
    readout.show(input, outputs);
    const answer = argmax(outputs);
    verdict.textContent = sample
      ? `Test image ${sample.index}, ${article(sample.label)}: the network reads ${article(answer)} ${answer === sample.label ? "✓" : "✗"}`
      : `The network reads ${article(answer)}.`;
  }

  function use(next: Running): void {
    running = next;
    const { sizes, accuracy } = next.model;
    const score =
      accuracy === undefined ? "" : `, which read ${(100 * accuracy).toFixed(2)}% of the test images right after its last epoch`;
    status.textContent = `Running ${next.name}: a ${sizes.join("-")} network${score}.`;
    back.hidden = next === reference;
    refresh();
  }

  file.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    file.value = "";
    if (!chosen) return;
    try {
      const model = parseModel(await chosen.text(), chosen.name);
      problem.textContent = "";
      use({ model, name: `your ${chosen.name}` });
    } catch (error) {
      problem.textContent = `${(error as Error).message} Still running ${running.name}.`;
    }
  });
  back.addEventListener("click", () => {
    problem.textContent = "";
    use(reference);
  });
  clear.addEventListener("click", () => {
    sample = undefined;
    drawing.clear();
    refresh();
  });

  const repaint = () => {
    drawing.redraw();
    readout.repaint();
    for (const { picture, pixels } of thumbnails) paintField(picture, pixels);
  };
  // TypeDoc's theme switch sets data-theme on <html>; "OS" follows the system's setting.
  new MutationObserver(repaint).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", repaint);
  repaint();
  use(reference);
}

/** A test image as the network's input: its bytes / 255, as kata 02's `image`. */
function scaled(sample: Sample): Float64Array {
  return Float64Array.from(sample.pixels, (byte) => byte / 255);
}

/** "a 7", "an 8". */
function article(digit: number): string {
  return `${digit === 8 ? "an" : "a"} ${digit}`;
}
