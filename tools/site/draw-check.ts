/**
 * The browser test of the drawing page (docs/draw.md, tools/site/draw/):
 * opened at a given width in headless Chromium, it must show the pad, the
 * bars and the 28 × 28 input; read digits drawn on the pad with the mouse as
 * the reference model reads the same MNIST test images in Node; give, for a
 * clicked test image, the ten outputs Node computes; and refuse a model file
 * of the wrong shape with its one-line message, keeping the model it had.
 *
 * The digits are drawn as a reader would: strokes of the page's pen along
 * the dark pixels of a test image (each run of dark pixels in a row), the
 * image's 28 pixels spanning the pad, so that the pen (1/14 of the pad) is
 * two of its pixels wide, about an MNIST stroke.
 * The page then reshapes the drawing as MNIST's digits were (preprocess.ts),
 * and the network must give the test image's own answer. Test images 0 (a
 * 7), 1 (a 2) and 3 (a 0) are drawn: when this check was written, their
 * answer survived the round trip from pixels to strokes and back with a
 * wide margin at 390 and 1280 pixels wide (an output above 0.99 for the
 * answer, below 0.01 for every other digit); a test image the model reads
 * with less certainty can tip either way.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { REFERENCE_MODEL, repoRoot } from "../core/paths.ts";
import { argmax, feedforward } from "./draw/feedforward.ts";
import { type Model, parseModel } from "./draw/model.ts";
import { testSamples } from "./draw/samples.ts";
import { DRAW_PAGE, type Sample } from "./draw/site-data.ts";
import { onWatchedPage } from "./page-check.ts";

/** The test images drawn with the mouse (see above). */
const DRAWN = [0, 1, 3];
/** The test image clicked: the first 3, which the reference model misreads. */
const CLICKED = 18;
/** A pixel at least this dark (of 255) is traced. */
const DARK = 128;

/** Check the drawing page of the site at `siteUrl` in a viewport `width` pixels wide; the problems found, none when it passes. */
export function checkDrawingPage(context: BrowserContext, siteUrl: string, width: number): Promise<string[]> {
  const model = parseModel(readFileSync(join(repoRoot, REFERENCE_MODEL), "utf8"), REFERENCE_MODEL);
  const samples = testSamples([...DRAWN, CLICKED]);
  return onWatchedPage(context, siteUrl, async (page, problems) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${siteUrl}${DRAW_PAGE}.html`, { waitUntil: "load" });
    problems.push(...(await layoutProblems(page, width)));
    for (const sample of samples.slice(0, DRAWN.length)) {
      await page.click(".draw-clear");
      await drawDigit(page, sample);
      const expected = argmax(feedforward(model, scaled(sample)));
      const read = (await readout(page)).prediction;
      if (read !== expected)
        problems.push(`test image ${sample.index} drawn on the pad is read as ${read}; Node's reference model reads ${expected}`);
    }
    problems.push(...(await clickProblems(page, model, samples[DRAWN.length])));
    problems.push(...(await wrongModelProblems(page, model, samples[DRAWN.length])));
  });
}

/** The pad, the 28 × 28 input and the ten bars are there, and the pad fits the screen and does not scroll it under a finger. */
async function layoutProblems(page: Page, width: number): Promise<string[]> {
  await page.locator(".draw-canvas").waitFor({ state: "visible", timeout: 10_000 });
  const problems: string[] = [];
  const bars = await page.locator(".draw-bars li").count();
  if (bars !== 10) problems.push(`${bars} output bars, expected 10`);
  if (!(await page.locator(".draw-field").isVisible())) problems.push("the 28 × 28 input is not shown");
  const pad = await page.locator(".draw-canvas").boundingBox();
  if (!pad || pad.width < 200 || pad.x < 0 || pad.x + pad.width > width)
    problems.push(`the pad does not fit a ${width}-pixel screen: ${JSON.stringify(pad)}`);
  const touch = await page.locator(".draw-canvas").evaluate((canvas) => getComputedStyle(canvas).touchAction);
  if (touch !== "none") problems.push(`the pad's touch-action is "${touch}": a finger drawing would scroll the page`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) problems.push(`the page is ${overflow} pixels wider than the screen`);
  return problems;
}

/** Trace the dark pixels of a test image on the pad, with the mouse: each run of dark pixels in a row is a stroke. */
async function drawDigit(page: Page, sample: Sample): Promise<void> {
  const pad = await page.locator(".draw-canvas").boundingBox();
  if (!pad) throw new Error("the pad is not on the page");
  const at = (column: number, row: number): [number, number] => [
    pad.x + ((column + 0.5) * pad.width) / 28,
    pad.y + ((row + 0.5) * pad.height) / 28,
  ];
  const dark = (column: number, row: number) => column < 28 && row < 28 && sample.pixels[row * 28 + column] >= DARK;
  // Rows one pixel apart, a pen two pixels wide: the strokes of neighbouring rows merge into one shape.
  const strokes: [number, number, number, number][] = [];
  for (let row = 0; row < 28; row++) {
    for (let column = 0; column < 28; column++) {
      if (!dark(column, row)) continue;
      if (column > 0 && dark(column - 1, row)) continue;
      let end = column;
      while (dark(end + 1, row)) end++;
      strokes.push([column, row, end, row]);
    }
  }
  for (const [c0, r0, c1, r1] of strokes) {
    await page.mouse.move(...at(c0, r0));
    await page.mouse.down();
    await page.mouse.move(...at(c1, r1));
    await page.mouse.up();
  }
}

interface Shown {
  prediction: number | undefined;
  activations: number[];
}

/** What the page shows, once it has read the latest drawing (two frames after the last stroke). */
async function readout(page: Page): Promise<Shown> {
  return page.evaluate(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const bars = document.querySelector<HTMLElement>(".draw-bars");
    const prediction = bars?.dataset.prediction;
    return {
      prediction: prediction === undefined ? undefined : Number(prediction),
      activations: [...document.querySelectorAll<HTMLElement>(".draw-bars li")].map((row) => Number(row.dataset.activation)),
    };
  });
}

/** A clicked test image gives the ten outputs Node's reference model gives it. */
async function clickProblems(page: Page, model: Model, sample: Sample): Promise<string[]> {
  await page.click(`.draw-sample[data-index="${sample.index}"]`);
  const shown = await readout(page);
  const expected = feedforward(model, scaled(sample));
  const worst = Math.max(...Array.from(expected, (a, digit) => Math.abs(a - shown.activations[digit])));
  return worst <= 1e-12
    ? []
    : [`test image ${sample.index}: the bars show ${shown.activations.join(", ")}; Node computes ${expected.join(", ")}`];
}

/** A 784-30-9 model file is refused in one line that says why, and the reference model stays in use. */
async function wrongModelProblems(page: Page, model: Model, sample: Sample): Promise<string[]> {
  const file = { format: "nn-from-scratch/model@1", sizes: [784, 30, 9], biases: [], weights: [], training: {} };
  await page.setInputFiles(".draw-file", {
    name: "wrong-shape.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const alert = page.locator(".draw-error");
  const expected = "wrong-shape.json is not a model this course can load: it is a 784-30-9 network; MNIST needs 784 inputs and 10 outputs.";
  try {
    await alert.filter({ hasText: expected }).waitFor({ timeout: 5_000 });
  } catch {
    return [`a 784-30-9 model file: expected the message "${expected}", the page shows "${await alert.textContent()}"`];
  }
  const problems = (await alert.textContent())?.includes("\n") ? ["the wrong-model message is not one line"] : [];
  return [...problems, ...(await clickProblems(page, model, sample)).map((problem) => `after a refused model file, ${problem}`)];
}

/** A test image as the network's input: its bytes / 255. */
function scaled(sample: Sample): number[] {
  return sample.pixels.map((byte) => byte / 255);
}
