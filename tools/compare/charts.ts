/** The report's two SVG charts: test accuracy against epoch, and against cumulative training time. */
import { lineChart } from "../core/svg-chart.ts";
import { SYSTEM_LABELS, type SystemResult } from "./systems.ts";

/** The chart files, written beside the report and embedded in it. */
export const CHART_FILES = { byEpoch: "comparison-accuracy-by-epoch.svg", byTime: "comparison-accuracy-by-time.svg" } as const;

/** The chapter-3 section's charts, beside the chapter-1 ones. */
export const CHAPTER_3_CHART_FILES = {
  byEpoch: "comparison-chapter3-accuracy-by-epoch.svg",
  byTime: "comparison-chapter3-accuracy-by-time.svg",
} as const;

/** The two charts: test accuracy against epoch, and against cumulative training time, for a network of `sizes`. */
export function charts(results: readonly SystemResult[], sizes: readonly number[] = [784, 30, 10]): { byEpoch: string; byTime: string } {
  const accuracy = (h: SystemResult["history"][number]) => (100 * h.correct) / h.total;
  // Up to 100%, from a multiple of 5 below the lowest point: room above the curves for the legend.
  const lowest = Math.min(...results.flatMap((r) => r.history.map(accuracy)));
  const yRange = [Math.floor(lowest / 5) * 5, 100] as const;
  const byEpoch = lineChart({
    title: `Test accuracy after each epoch (${sizes.join("-")})`,
    xLabel: "epoch",
    yLabel: "test accuracy (%)",
    yRange,
    series: results.map((r) => ({ name: SYSTEM_LABELS[r.system], points: r.history.map((h) => [h.epoch, accuracy(h)] as const) })),
  });
  const byTime = lineChart({
    title: "Test accuracy against training time",
    xLabel: "training time (s, cumulative)",
    yLabel: "test accuracy (%)",
    yRange,
    series: results.map((r) => {
      let elapsed = 0;
      const points = r.history.map((h) => {
        elapsed += h.trainSeconds;
        return [elapsed, accuracy(h)] as const;
      });
      return { name: SYSTEM_LABELS[r.system], points };
    }),
  });
  return { byEpoch, byTime };
}
