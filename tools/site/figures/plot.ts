/**
 * A plotting frame for the figures: a box mapping data coordinates to the
 * page, with round ticks (`niceTicks`, as the comparison's charts use) and
 * axis labels, and lines through data points. Unlike `lineChart`
 * (tools/core/svg-chart.ts), which marks every point of a learning curve,
 * this draws smooth functions and paths, and leaves the legend to the
 * figure.
 */
import { niceTicks } from "../../core/svg-chart.ts";
import { attributes, MUTED, num, type Run, text } from "./svg.ts";

export interface Frame {
  /** The box on the page: left, top, width, height. */
  left: number;
  top: number;
  width: number;
  height: number;
  x: readonly [number, number];
  y: readonly [number, number];
}

/** The page x of data x. */
export const px = (f: Frame, x: number) => f.left + ((x - f.x[0]) / (f.x[1] - f.x[0])) * f.width;
/** The page y of data y (up is up). */
export const py = (f: Frame, y: number) => f.top + f.height - ((y - f.y[0]) / (f.y[1] - f.y[0])) * f.height;

export interface AxisLabels {
  x: string | readonly Run[];
  y: string | readonly Run[];
  /** Tick values; by default about five round ones. */
  xTicks?: readonly number[];
  yTicks?: readonly number[];
}

/** A tick value as printed: with a true minus sign, −2 rather than -2. */
const tick = (t: number) => String(t).replace("-", "−");

/** The frame's grid, ticks, border and axis labels (x below, y rotated on the left). */
export function drawFrame(f: Frame, labels: AxisLabels): string[] {
  const bottom = f.top + f.height;
  const out: string[] = [];
  for (const t of labels.xTicks ?? niceTicks(f.x[0], f.x[1])) {
    out.push(`<line${attributes({ x1: px(f, t), x2: px(f, t), y1: f.top, y2: bottom })} stroke="#e4e4e4"/>`);
    out.push(text(px(f, t), bottom + 16, tick(t), { "text-anchor": "middle", fill: MUTED }));
  }
  for (const t of labels.yTicks ?? niceTicks(f.y[0], f.y[1])) {
    out.push(`<line${attributes({ x1: f.left, x2: f.left + f.width, y1: py(f, t), y2: py(f, t) })} stroke="#e4e4e4"/>`);
    out.push(text(f.left - 6, py(f, t) + 5, tick(t), { "text-anchor": "end", fill: MUTED }));
  }
  const middleY = f.top + f.height / 2;
  out.push(
    `<rect${attributes({ x: f.left, y: f.top, width: f.width, height: f.height })} fill="none" stroke="#999"/>`,
    text(f.left + f.width / 2, bottom + 36, labels.x, { "text-anchor": "middle" }),
    text(14, middleY, labels.y, { "text-anchor": "middle", transform: `rotate(-90 14 ${num(middleY)})` }),
  );
  return out;
}

/** A line through data points, in the frame. */
export function line(f: Frame, points: readonly (readonly [number, number])[], attrs: Readonly<Record<string, string | number>>): string {
  const d = points.map(([x, y]) => `${num(px(f, x))},${num(py(f, y))}`).join(" ");
  return `<polyline points="${d}" fill="none"${attributes(attrs)}/>`;
}

/**
 * A clip path of the frame's box, named `id`: a line drawn with
 * `"clip-path": "url(#id)"` stops at the box's edges, for a y range chosen
 * to show the interesting part of a curve that starts far below it.
 */
export function clipPath(f: Frame, id: string): string {
  return `<clipPath id="${id}"><rect${attributes({ x: f.left, y: f.top, width: f.width, height: f.height })}/></clipPath>`;
}
