import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../katas/support/property.ts";
import { lineChart, niceTicks } from "./svg-chart.ts";

describe("SVG charts", () => {
  it("choose round ticks inside the range, evenly spaced", () => {
    assertProperty(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (lo, width) => {
        const ticks = niceTicks(lo, lo + width);
        assert.ok(ticks.length >= 2 && ticks.length <= 11, `${ticks.length} ticks`);
        const step = ticks[1] - ticks[0];
        // Inside the range and evenly spaced, up to rounding: a billionth of a step at the ends, and
        // the 12 significant digits niceTicks keeps so that labels read 0.3, not 0.30000000000000004.
        const slack = (t: number) => 1e-9 * step + 1e-11 * Math.abs(t);
        for (const t of ticks) assert.ok(t >= lo - slack(t) && t <= lo + width + slack(t), `tick ${t} outside [${lo}, ${lo + width}]`);
        for (const [i, t] of ticks.slice(1).entries()) assert.ok(Math.abs(t - ticks[i] - step) <= 2 * slack(t), "unevenly spaced");
        const mantissa = step / 10 ** Math.floor(Math.log10(step));
        assert.ok(
          [1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-6),
          `step ${step} is not 1, 2 or 5 × 10^k`,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("draw one line and one legend entry per series", () => {
    const svg = lineChart({
      title: "a < b & c",
      xLabel: "epoch",
      yLabel: "accuracy",
      series: [
        {
          name: "scratch",
          points: [
            [0, 90],
            [1, 93],
          ],
        },
        {
          name: "tfjs",
          points: [
            [0, 88],
            [1, 92],
          ],
        },
      ],
    });
    assert.equal(svg.match(/<polyline /g)?.length, 2);
    assert.match(svg, />scratch</);
    assert.match(svg, />tfjs</);
    assert.match(svg, /a &lt; b &amp; c/, "text is escaped");
  });

  it("refuse a chart with no points", () => {
    assert.throws(() => lineChart({ title: "t", xLabel: "x", yLabel: "y", series: [{ name: "s", points: [] }] }), /no points/);
  });
});
