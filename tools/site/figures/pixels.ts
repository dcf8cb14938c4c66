/**
 * Pixel images inside a figure: an MNIST digit in grey (ink dark on white, as
 * Nielsen draws them) and a hidden neuron's 784 weights in a diverging scale
 * (blue negative, white zero, red positive), each a 16-colour PNG drawn
 * square, with sharp pixels when the figure is scaled up.
 */
import { indexedPng, type Rgb } from "./png.ts";
import { attributes } from "./svg.ts";

/** Levels of each scale: 16, the most a 4-bit PNG holds. */
const LEVELS = 16;

/** Grey from white (no ink) to black (full ink). */
const GREYS: Rgb[] = Array.from({ length: LEVELS }, (_, i) => {
  const v = Math.round(255 * (1 - i / (LEVELS - 1)));
  return [v, v, v];
});

/** Steps on each side of zero in the diverging scale: 2 × 7 + 1 = 15 colours. */
const HALF = 7;

/** The ends of the diverging scale: the most negative weight, and the most positive. */
export const NEGATIVE: Rgb = [33, 102, 172];
export const POSITIVE: Rgb = [178, 24, 43];

/** A colour `t` of the way from white (0) to `full` (1). */
export function towards(full: Rgb, t: number): Rgb {
  const [r, g, b] = full.map((c) => Math.round(255 + (c - 255) * t));
  return [r, g, b];
}

/** `#rrggbb`. */
export const hex = (rgb: Rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;

/** Blue (−1) through white (0, index 7) to red (+1). */
const DIVERGING: Rgb[] = Array.from({ length: 2 * HALF + 1 }, (_, i) => {
  const t = (i - HALF) / HALF;
  return towards(t < 0 ? NEGATIVE : POSITIVE, Math.abs(t));
});

/** An `<image>` of a PNG at (x, y), `size` units square, its pixels kept sharp. */
function image(png: Uint8Array, x: number, y: number, size: number): string {
  const href = `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
  return `<image${attributes({ x, y, width: size, height: size })} style="image-rendering:pixelated" href="${href}"/>`;
}

/** The grey level (0 white … 15 black) of each pixel byte (0 no ink … 255 full ink). */
export const inkLevels = (pixels: ArrayLike<number>) => Array.from(pixels, (p) => Math.round((p / 255) * (LEVELS - 1)));

/** The diverging level of each weight, scaled to the largest |w| among them: 0 for −max, 7 for 0, 14 for +max. */
export function weightLevels(weights: ArrayLike<number>): number[] {
  const max = Math.max(...Array.from(weights, Math.abs));
  if (!(max > 0 && Number.isFinite(max)))
    throw new RangeError(`weightLevels: the largest |w| is ${max}; it must be finite and above 0 to scale to`);
  return Array.from(weights, (w) => HALF + Math.round((w / max) * HALF));
}

const frame = (x: number, y: number, size: number) => `<rect${attributes({ x, y, width: size, height: size })} fill="none" stroke="#ccc"/>`;

/** A side × side MNIST image (bytes 0–255, 0 no ink) at (x, y), `size` units square, framed. */
export function digitImage(pixels: Uint8Array, side: number, x: number, y: number, size: number): string {
  return image(indexedPng(side, side, inkLevels(pixels), GREYS), x, y, size) + frame(x, y, size);
}

/** A neuron's side × side input weights at (x, y), `size` units square, framed: blue negative, white 0, red positive. */
export function weightImage(weights: ArrayLike<number>, side: number, x: number, y: number, size: number): string {
  return image(indexedPng(side, side, weightLevels(weights), DIVERGING), x, y, size) + frame(x, y, size);
}
