/**
 * What the kata tests ask of an error message: that it names the shapes
 * and the numbers that explain it, written as a person would write them. A shape may be
 * written 2×3, 2x3, 2 X 3, 2*3 or 2 by 3; the shapes may come in any order;
 * 12×3 or 2×30 is not 2×3. When a check fails, it says in plain words what
 * it looked for.
 */
import assert from "node:assert/strict";

/** A shape: rows, then columns. */
export type Shape = readonly [rows: number, cols: number];

const shapeText = ([rows, cols]: Shape) => `${rows}×${cols}`;

/** How many times `message` names the shape, written any of the accepted ways. */
export function timesNamed(message: string, [rows, cols]: Shape): number {
  return message.match(new RegExp(`(?<![\\d.])${rows}\\s*(?:×|x|X|\\*|by)\\s*${cols}(?![\\d.])`, "g"))?.length ?? 0;
}

/** Assert that `message` names each of `shapes` (a shape listed twice, twice), in any order. */
export function assertNamesShapes(message: string, shapes: readonly Shape[]): void {
  const wanted = new Map<string, { shape: Shape; count: number }>();
  for (const shape of shapes) {
    const entry = wanted.get(shapeText(shape)) ?? { shape, count: 0 };
    wanted.set(shapeText(shape), { shape, count: entry.count + 1 });
  }
  const missing = [...wanted.values()].filter(({ shape, count }) => timesNamed(message, shape) < count);
  assert.ok(
    missing.length === 0,
    `the error message should name ${shapes.map(shapeText).join(" and ")} (written 2×3, 2x3 or 2 by 3, in any order), ` +
      `but it does not name ${missing.map(({ shape, count }) => (count > 1 ? `${shapeText(shape)} ${count} times` : shapeText(shape))).join(" and ")}: "${message}"`,
  );
}

/** The number `n` standing on its own in a message: in "got 0", "0x3" or "(0, 3)", but not in 10 or 0.5. */
export const namesNumber = (n: number): RegExp => new RegExp(`(?<![\\d.])${n}(?![\\d.])`);

/** Assert that `f` throws an error whose message names each of `shapes`, in any order. */
export function assertThrowsNamingShapes(f: () => unknown, shapes: readonly Shape[]): void {
  assert.throws(f, (error: Error) => {
    assertNamesShapes(String(error?.message), shapes);
    return true;
  });
}
