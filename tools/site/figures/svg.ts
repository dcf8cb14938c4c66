/**
 * What every lesson figure is made of: an SVG document that scales to the
 * page's column (a viewBox; its own white background and dark ink, because
 * an `<img>` cannot read the site's colours, light or dark), numbers written
 * short and always the same way (so that the same data give the same bytes),
 * and text with sub- and superscripts (SVG text cannot hold KaTeX).
 */
import { escapeXml } from "../../core/markup.ts";

/** The font size of ordinary text, in viewBox units: 11 px or more on a 390 px phone for a figure up to 480 units wide. */
export const FONT_SIZE = 15;

export const INK = "#222";
export const MUTED = "#666";
export const ACCENT = "#d62728";
export const BLUE = "#1f77b4";

/** Text attributes that draw a white outline behind the letters, so that a label stays readable over lines. */
export const HALO = { stroke: "white", "stroke-width": 4, "paint-order": "stroke", "stroke-linejoin": "round" } as const;

/** A coordinate or length, rounded to 0.01 and written without trailing zeros: 12.50 → "12.5", −0 → "0". */
export function num(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`figure: ${x} is not a finite coordinate`);
  const rounded = Math.round(x * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/** An SVG document `width` × `height` units, with a title for screen readers and a white background. */
export function svgDocument(width: number, height: number, title: string, body: readonly string[]): string {
  return `${[
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="${FONT_SIZE}" fill="${INK}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    ...body,
    "</svg>",
  ].join("\n")}\n`;
}

/** Attributes written `name="value"`, in the order given; `undefined` ones left out. */
export function attributes(attrs: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(attrs)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === "number" ? num(value) : escapeXml(value as string)}"`)
    .join("");
}

/** One piece of a label: plain text, or a symbol with a subscript and a superscript stacked after it, as in $w^l_{jk}$. */
export type Run = string | { text: string; sub?: string; sup?: string };

/** Sub- and superscripts: their size, and how far they sit from the baseline (labels with scripts use {@link FONT_SIZE}). */
const SCRIPT_SIZE = FONT_SIZE * 0.75;
const SUP_RISE = FONT_SIZE * 0.45;
const SUB_DROP = FONT_SIZE * 0.3;

/**
 * A line of text at (x, y). A run `{ text: "w", sup: "3", sub: "24" }`
 * draws an italic w with 3 raised and 24 lowered, both starting right after
 * the w, as TeX stacks them; the text after it returns to the baseline.
 */
export function text(
  x: number,
  y: number,
  runs: string | readonly Run[],
  attrs: Readonly<Record<string, string | number | undefined>> = {},
): string {
  const small = `font-size="${num(SCRIPT_SIZE)}"`;
  // How far below the baseline the last character sits: the next run moves back up by that much.
  let offset = 0;
  const parts = (typeof runs === "string" ? [runs] : runs).map((run) => {
    const back = offset === 0 ? "" : ` dy="${num(-offset)}"`;
    offset = 0;
    if (typeof run === "string") return back ? `<tspan${back}>${escapeXml(run)}</tspan>` : escapeXml(run);
    let out = `<tspan font-style="italic"${back}>${escapeXml(run.text)}</tspan>`;
    if (run.sup) {
      out += `<tspan dy="${num(-SUP_RISE)}" ${small}>${escapeXml(run.sup)}</tspan>`;
      offset = -SUP_RISE;
    }
    if (run.sub) {
      // Back under the superscript, whose width SVG cannot measure: about 0.55 em a character, for digits and letters.
      const dx = run.sup ? ` dx="${num(-run.sup.length * SCRIPT_SIZE * 0.55)}"` : "";
      out += `<tspan${dx} dy="${num(SUB_DROP - offset)}" ${small}>${escapeXml(run.sub)}</tspan>`;
      offset = SUB_DROP;
    }
    return out;
  });
  return `<text${attributes({ x, y, ...attrs })}>${parts.join("")}</text>`;
}
