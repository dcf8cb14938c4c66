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

  it("stay readable on a phone: shrunk to the 358 px text column of a 390 px screen, no text is under 10 px", () => {
    const svg = lineChart({ title: "t", xLabel: "x", yLabel: "y", series: [{ name: "s", points: [[0, 1]] }] });
    const width = Number(/<svg [^>]*width="(\d+)"/.exec(svg)?.[1]);
    const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((match) => Number(match[1]));
    assert.ok(sizes.length >= 2, "the chart sets its font sizes");
    const smallest = (Math.min(...sizes) * Math.min(1, 358 / width)).toFixed(1);
    assert.ok(Number(smallest) >= 10, `the smallest text is ${smallest} px on a phone`);
  });

  it("put the legend under the plot, in rows within the width, one entry per series", () => {
    const nameArb = fc.string({ minLength: 1, maxLength: 24 }).filter((name) => !/[<>&"]/.test(name));
    assertProperty(
      fc.property(fc.array(nameArb, { minLength: 1, maxLength: 8 }), (names) => {
        const svg = lineChart({
          title: "t",
          xLabel: "x",
          yLabel: "y",
          series: names.map((name, i) => ({ name, points: [[i, i]] })),
          width: 480,
          height: 320,
        });
        const total = Number(/<svg [^>]*height="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);
        const plot = /<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)" fill="none"/.exec(svg);
        const plotBottom = Number(plot?.[1]) + Number(plot?.[2]);
        const samples = [...svg.matchAll(/<line x1="([\d.]+)" x2="([\d.]+)" y1="([\d.]+)" y2="[\d.]+" stroke="#(?!eee)/g)];
        assert.equal(samples.length, names.length, "one sample line per series");
        for (const [, x1, x2, y] of samples) {
          assert.ok(Number(y) > plotBottom + 20, `legend at y ${y}, inside the plot or its axis (bottom ${plotBottom})`);
          assert.ok(Number(y) < total, `legend at y ${y}, below the image (${total})`);
          assert.ok(Number(x1) >= 0 && Number(x2) <= 480, `legend from x ${x1} to ${x2}, outside the image`);
        }
      }),
    );
  });

  it("refuse a chart with no points", () => {
    assert.throws(() => lineChart({ title: "t", xLabel: "x", yLabel: "y", series: [{ name: "s", points: [] }] }), /no points/);
  });
});
