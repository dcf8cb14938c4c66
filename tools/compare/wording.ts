/** Comparative wording computed from numbers, so that the report's sentences always agree with its tables. */
import { ratio as times } from "../core/format.ts";

/**
 * How a quantity `a` compares with `b` when smaller is better (seconds,
 * lines): `compare(1, 5.3, ["faster than", "slower than"])` is
 * "5.3× faster than", `compare(2, 1, …)` is "2.0× slower than", and a ratio
 * that rounds to 1.0 gives `same`.
 */
export function compare(a: number, b: number, [better, worse]: readonly [string, string], same = "about as fast as"): string {
  const ratio = b / a;
  if (times(ratio) === "1.0" || times(1 / ratio) === "1.0") return same;
  return ratio > 1 ? `${times(ratio)}× ${better}` : `${times(1 / ratio)}× ${worse}`;
}

/** "a, b and c". */
export function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
