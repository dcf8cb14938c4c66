/**
 * A small SVG line chart, for learning curves: no browser, no library, a
 * file anyone can open. Axes get round tick values; each series has a colour
 * and an entry in the legend. Shown as an image on the lesson site, a chart
 * shrinks to a phone's text column (358 px on a 390 px screen): its default
 * size and its fonts keep every label at 10 px or more there.
 */
import { escapeXml } from "./markup.ts";

export interface Series {
  name: string;
  points: readonly (readonly [number, number])[];
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly Series[];
  /** Fix the y range (for accuracies, for example); by default it fits the data. */
  yRange?: readonly [number, number];
  width?: number;
  /** The height of the plot, its title and axes; the legend adds its rows below. */
  height?: number;
}

const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"];
/** The labels' size, and the title's. */
const FONT_PX = 14;
const TITLE_PX = 16;
/** A legend row's height, and the length of its line sample. */
const LEGEND_ROW = FONT_PX + 8;
const SAMPLE = 20;
/** The legend's distance from the sides. */
const LEGEND_INSET = 10;

/**
 * Where each legend entry goes, in rows from `left` that fit within `right`:
 * a sample line, then the name, whose width is guessed (no browser measures
 * it) at 0.6 em a character, generous for a sans-serif font.
 */
function legendLayout(names: readonly string[], left: number, right: number): { x: number; row: number }[] {
  let x = left;
  let row = 0;
  return names.map((name) => {
    const entry = SAMPLE + 5 + name.length * FONT_PX * 0.6 + 16;
    if (x > left && x + entry > right) [x, row] = [left, row + 1];
    const at = { x, row };
    x += entry;
    return at;
  });
}

/** About `count` round tick values covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (min === max) return [min];
  const rough = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

export function lineChart(options: ChartOptions): string {
  const { width = 480, height = 320, series } = options;
  const margin = { left: 64, right: 20, top: 40, bottom: 56 };
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) throw new Error(`lineChart "${options.title}": no points to draw`);
  const xs = all.map(([x]) => x);
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const [yMin, yMax] = options.yRange ?? [Math.min(...all.map(([, y]) => y)), Math.max(...all.map(([, y]) => y))];
  const span = (lo: number, hi: number) => (hi === lo ? 1 : hi - lo);
  const px = (x: number) => margin.left + ((x - xMin) / span(xMin, xMax)) * (width - margin.left - margin.right);
  const py = (y: number) => height - margin.bottom - ((y - yMin) / span(yMin, yMax)) * (height - margin.top - margin.bottom);
  // Under the chart, so that it never hides a curve.
  const legend = legendLayout(
    series.map((s) => s.name),
    LEGEND_INSET,
    width - LEGEND_INSET,
  );
  const total = height + LEGEND_ROW * (Math.max(...legend.map((at) => at.row)) + 1);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="sans-serif" font-size="${FONT_PX}">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="${TITLE_PX}">${escapeXml(options.title)}</text>`,
  ];
  for (const t of niceTicks(xMin, xMax)) {
    parts.push(`<line x1="${px(t)}" x2="${px(t)}" y1="${margin.top}" y2="${height - margin.bottom}" stroke="#eee"/>`);
    parts.push(`<text x="${px(t)}" y="${height - margin.bottom + 16}" text-anchor="middle">${t}</text>`);
  }
  for (const t of niceTicks(yMin, yMax)) {
    parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${py(t)}" y2="${py(t)}" stroke="#eee"/>`);
    parts.push(`<text x="${margin.left - 6}" y="${py(t) + 4}" text-anchor="end">${t}</text>`);
  }
  parts.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${width - margin.left - margin.right}" height="${height - margin.top - margin.bottom}" fill="none" stroke="#888"/>`,
    `<text x="${width / 2}" y="${height - 14}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
    `<text x="16" y="${height / 2}" text-anchor="middle" transform="rotate(-90 16 ${height / 2})">${escapeXml(options.yLabel)}</text>`,
  );
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const path = s.points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(" ");
    parts.push(`<polyline points="${path}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const [x, y] of s.points) parts.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="2.5" fill="${colour}"/>`);
    const { x, row } = legend[i];
    const ly = height + LEGEND_ROW * row + FONT_PX / 2;
    parts.push(
      `<line x1="${x}" x2="${x + SAMPLE}" y1="${ly - 4}" y2="${ly - 4}" stroke="${colour}" stroke-width="2"/>`,
      `<text x="${x + SAMPLE + 5}" y="${ly}">${escapeXml(s.name)}</text>`,
    );
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
