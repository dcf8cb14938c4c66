import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertNamesShapes, assertThrowsNamingShapes, namesNumber, type Shape, timesNamed } from "./messages.ts";
import { assertProperty } from "./property.ts";

const sizeArb = fc.integer({ min: 1, max: 999 });
const shapeArb: fc.Arbitrary<Shape> = fc.tuple(sizeArb, sizeArb);
/** Every way the tests accept of writing rows by columns. */
const writtenArb = fc.constantFrom("×", "x", "X", "*", " × ", " x ", " by ");
const write = ([rows, cols]: Shape, sep: string) => `${rows}${sep}${cols}`;

describe("the kata tests' checks of error messages", () => {
  it("accept a shape written 2×3, 2x3, 2 X 3, 2*3 or 2 by 3, anywhere in the message", () => {
    assertProperty(
      fc.property(shapeArb, writtenArb, fc.string(), fc.string(), ([rows, cols], sep, before, after) => {
        const message = `${before.replace(/\d/g, "")} ${write([rows, cols], sep)}, ${after.replace(/\d/g, "")}`;
        assert.ok(timesNamed(message, [rows, cols]) >= 1, message);
        assertNamesShapes(message, [[rows, cols]]);
      }),
    );
  });

  it("accept the shapes in any order", () => {
    assertProperty(
      fc.property(shapeArb, shapeArb, writtenArb, writtenArb, (a, b, sepA, sepB) => {
        const message = `cannot multiply ${write(b, sepB)} by … ${write(a, sepA)}`;
        assertNamesShapes(message, [a, b]);
        assertNamesShapes(message, [b, a]);
      }),
    );
  });

  it("do not take 12×3 or 2×30 for 2×3", () => {
    assertProperty(
      fc.property(shapeArb, fc.integer({ min: 1, max: 9 }), writtenArb, ([rows, cols], digit, sep) => {
        assert.equal(timesNamed(`a ${digit}${write([rows, cols], sep)} matrix`, [rows, cols]), 0);
        assert.equal(timesNamed(`a ${write([rows, cols], sep)}${digit} matrix`, [rows, cols]), 0);
        assert.equal(timesNamed(`a ${rows}.5${sep}${cols} matrix`, [rows, cols]), 0);
      }),
    );
  });

  it("find a number standing on its own, even in 0x3, but not inside another number", () => {
    for (const message of ["rows must be positive, got 0", "bad shape 0x3", "no entry (0, 3)", "0 by 3"])
      assert.match(message, namesNumber(0));
    for (const message of ["got 10", "got 0.5", "got 2.0", "got 100"]) assert.doesNotMatch(message, namesNumber(0));
  });

  it("want a shape listed twice named twice", () => {
    assertNamesShapes("2x3 times 2×3: the inner sizes 3 and 2 differ", [
      [2, 3],
      [2, 3],
    ]);
    assert.throws(
      () =>
        assertNamesShapes("cannot multiply a 2x3 matrix by itself", [
          [2, 3],
          [2, 3],
        ]),
      /does not name 2×3 2 times/,
    );
  });

  it("say in plain words what they looked for, and what was missing", () => {
    assert.throws(
      () =>
        assertThrowsNamingShapes(() => {
          throw new RangeError("shapes differ: 2x3 vs 4x1");
        }, [
          [2, 3],
          [3, 2],
        ]),
      (error: Error) => {
        assert.equal(
          error.message,
          'the error message should name 2×3 and 3×2 (written 2×3, 2x3 or 2 by 3, in any order), but it does not name 3×2: "shapes differ: 2x3 vs 4x1"',
        );
        return true;
      },
    );
    assert.throws(() => assertThrowsNamingShapes(() => 42, [[1, 1]]), /Missing expected exception/);
  });
});
