import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../../katas/support/property.ts";
import { num, type Run, text } from "./svg.ts";

/** The sum of every dy in a piece of SVG: where the baseline ends up. */
const baselineShift = (svg: string) => [...svg.matchAll(/dy="(-?[\d.]+)"/g)].reduce((sum, [, dy]) => sum + Number(dy), 0);

const label = fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom("w", "b", "1", "2", "j", "k") });
const run: fc.Arbitrary<Run> = fc.oneof(
  fc.string({ minLength: 1, maxLength: 5 }),
  fc.record({ text: label, sub: fc.option(label, { nil: undefined }), sup: fc.option(label, { nil: undefined }) }),
);

describe("SVG figures' pieces", () => {
  it("write a number to within 0.005, short and always the same way", () => {
    assertProperty(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const written = num(x);
        assert.ok(Math.abs(Number(written) - x) <= 0.005 + 1e-9, `${x} → ${written}`);
        assert.match(written, /^-?\d+(\.\d{1,2})?$/, "plain decimal, at most two decimals");
        assert.doesNotMatch(written, /\.\d*0$|^-0$/, "no trailing zero, no −0");
      }),
    );
    assert.throws(() => num(Number.NaN), /^RangeError: figure: NaN is not a finite coordinate$/);
  });

  it("bring text after sub- and superscripts back to the baseline", () => {
    assertProperty(
      fc.property(fc.array(run, { maxLength: 5 }), fc.string({ minLength: 1, maxLength: 3 }), (runs, tail) => {
        assert.ok(Math.abs(baselineShift(text(0, 0, [...runs, tail]))) < 1e-9);
      }),
    );
  });

  it("draw w³₂₄ as Nielsen writes it: an italic w, 3 raised, 24 lowered", () => {
    const svg = text(10, 20, [{ text: "w", sup: "3", sub: "24" }]);
    assert.match(
      svg,
      /<tspan font-style="italic">w<\/tspan><tspan dy="-[\d.]+" [^>]*>3<\/tspan><tspan dx="-[\d.]+" dy="[\d.]+" [^>]*>24<\/tspan>/,
    );
  });

  it("escape text for XML", () => {
    assert.equal(text(0, 0, "a < b & c"), '<text x="0" y="0">a &lt; b &amp; c</text>');
  });
});
