/**
 * What a wrong gradient-descent step says about the mistake behind it, for
 * kata 10's `updateMiniBatch` and kata 11's `updateMiniBatchMatrix`: when
 * the learner's step is a constant multiple of the expected one, the
 * failure names the factor, and the likely slip (a sum not divided by m, a
 * step uphill).
 */
import type { Network } from "#nn/network.ts";

/** Every bias and weight of a network, layer by layer, as one list. */
export const parametersOf = (net: Network): number[] => [...net.biases, ...net.weights].flatMap((p) => Array.from(p.data));

/** How far a step moved each parameter: `after − before`, entry by entry, in the order of {@link parametersOf}. */
export const stepOf = (before: Network, after: Network): number[] => {
  const [from, to] = [parametersOf(before), parametersOf(after)];
  return to.map((value, i) => value - from[i]);
};

/** A ratio for a message: two decimals, with a true minus sign. */
const times = (k: number) => `${k.toFixed(2).replace("-", "−")}×`;

/**
 * What a wrong step says about the mistake behind it. When the learner's
 * step `got` is a constant multiple k ≠ 1 of the expected step `want` (every
 * entry within a relative 1e-6, and k not 1.00 to two decimals), it names k
 * and, for k = m or k = −1, the likely slip; otherwise (not a multiple, or
 * the lengths differ) undefined.
 */
export function stepMultipleHint(got: readonly number[], want: readonly number[], m: number): string | undefined {
  if (got.length !== want.length || want.length === 0) return undefined;
  let [dot, norm] = [0, 0];
  for (let i = 0; i < want.length; i++) {
    dot += got[i] * want[i];
    norm += want[i] * want[i];
  }
  const k = dot / norm;
  // A k that shows as 1.00 explains nothing: the step has the right size, and is wrong in some other way.
  if (!(norm > 0) || !Number.isFinite(k) || times(k) === times(1)) return undefined;
  const largest = Math.max(...want.map((w) => Math.abs(k * w)));
  const multiple = got.every((g, i) => Math.abs(g - k * want[i]) <= 1e-6 * Math.max(Math.abs(g), Math.abs(k * want[i]), 1e-6 * largest));
  if (!multiple) return undefined;
  const ratio = `your step is ${times(k)} the expected one`;
  if (Math.abs(k - m) <= 1e-6 * m) return `${ratio}: did you divide the summed gradient by m, the mini-batch size (here m = ${m})?`;
  if (Math.abs(k + 1) <= 1e-6) return `${ratio}: did you add η∇C instead of subtracting it?`;
  return ratio;
}

/** {@link stepMultipleHint} for whole networks; undefined too when the networks cannot be read as numbers. */
export function networkStepHint(before: Network, after: Network, expected: Network, m: number): string | undefined {
  try {
    return stepMultipleHint(stepOf(before, after), stepOf(before, expected), m);
  } catch {
    return undefined;
  }
}
