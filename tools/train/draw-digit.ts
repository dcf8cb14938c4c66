/** An MNIST digit drawn as terminal text, for `npm run predict`. */
import type { MnistSet } from "#nn/mnist.ts";

/** Grey levels for a pixel's ink, light to dark, drawn as terminal text. */
const SHADES = [" ", "░", "▒", "▓", "█"];

const shade = (value: number) => SHADES[Math.min(SHADES.length - 1, Math.floor((value / 256) * SHADES.length))];

/**
 * The image as text: each character cell shows two pixel rows, the upper
 * with "▀" in the foreground colour and the lower in the background colour
 * (24-bit grey) on a terminal; in a log, a shaded block per pixel pair.
 */
export function drawDigit(set: MnistSet, index: number, colour: boolean): string[] {
  const { rows, cols, pixels } = set;
  const at = (r: number, c: number) => (r < rows ? pixels[index * rows * cols + r * cols + c] : 0);
  const lines: string[] = [];
  for (let r = 0; r < rows; r += 2) {
    let line = "";
    for (let c = 0; c < cols; c++) {
      const [top, bottom] = [255 - at(r, c), 255 - at(r + 1, c)];
      line += colour ? `\x1b[38;2;${top};${top};${top}m\x1b[48;2;${bottom};${bottom};${bottom}m▀` : shade(Math.max(at(r, c), at(r + 1, c)));
    }
    lines.push(colour ? `${line}\x1b[0m` : line);
  }
  return lines;
}
