import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../katas/support/property.ts";
import { lineChart, niceTicks } from "../lib/svg-chart.ts";

describe("SVG charts", () => {
  it("choose round ticks inside the range, evenly spaced", () => {
    assertProperty(
      // Chart ranges: normal numbers (subnormals like 5e-324 underflow when divided by a step).
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }).filter((x) => x === 0 || Math.abs(x) > 1e-300), fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (lo, width) => {
        const ticks = niceTicks(lo, lo + width);
        assert.ok(ticks.length >= 2 && ticks.length <= 11, `${ticks.length} ticks`);
        for (const t of ticks) assert.ok(t >= lo - 1e-9 * Math.abs(lo) && t <= lo + width + 1e-9 * Math.abs(lo + width));
        const step = ticks[1] - ticks[0];
        const mantissa = step / 10 ** Math.floor(Math.log10(step));
        assert.ok([1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-6), `step ${step} is not 1, 2 or 5 × 10^k`);
      }),
    );
  });

  it("draw one line and one legend entry per series", () => {
    const svg = lineChart({
      title: "a < b & c",
      xLabel: "epoch",
      yLabel: "accuracy",
      series: [
        { name: "scratch", points: [[0, 90], [1, 93]] },
        { name: "tfjs", points: [[0, 88], [1, 92]] },
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
