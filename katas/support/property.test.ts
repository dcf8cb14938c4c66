import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty, assertPropertyAsync } from "./property.ts";

/** The message `f` throws. */
async function messageOf(f: () => unknown): Promise<string> {
  try {
    await f();
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail("the property should have failed");
}

/**
 * A property whose code under test changes its argument, then fails. (It
 * adds a field: changing a field that fast-check shrinks would send the
 * shrinking round in circles.)
 */
const mutating = (o: { n: number }) => {
  (o as { n: number; changed?: boolean }).changed = true;
  assert.fail("wrong");
};
const recordArb = fc.record({ n: fc.nat() });

describe("assertProperty's failure message", () => {
  it("shows the counterexample as the code was given it, and what the code changed it to", async () => {
    const message = await messageOf(() => assertProperty(fc.property(recordArb, mutating)));
    assert.match(message, /^wrong\n\nCounterexample, as your code was given it: \[\{"n":0\}\]\n/);
    assert.match(message, /\(your code changed its arguments: after the call they were \[\{"n":0,"changed":true\}\]\)/);
    assert.match(message, /Replay this failure with: FC_SEED=-?\d+ FC_PATH="[\d:]*" npm run test:tools/);
  });

  it("does the same for an async property", async () => {
    const message = await messageOf(() => assertPropertyAsync(fc.asyncProperty(recordArb, async (o) => mutating(o))));
    assert.match(
      message,
      /Counterexample, as your code was given it: \[\{"n":0\}\]\n\(your code changed its arguments: after the call they were \[\{"n":0,"changed":true\}\]\)/,
    );
  });

  it("shows one counterexample when the code changed nothing", async () => {
    const message = await messageOf(() =>
      assertProperty(
        fc.property(fc.integer({ min: 0, max: 1000 }), (n) => {
          assert.ok(n < 10, `${n} is too big`);
        }),
      ),
    );
    assert.match(message, /^10 is too big\n\nCounterexample: \[10\]\nProperty failed after \d+ run\(s\), shrunk \d+ time\(s\)\./);
    assert.doesNotMatch(message, /changed its arguments/);
  });

  for (const [kind, check] of [
    ["a property", (f: (xs: number[]) => void) => assertProperty(fc.property(fc.array(fc.nat(), { minLength: 1 }), f))],
    [
      "an async property",
      (f: (xs: number[]) => void) => assertPropertyAsync(fc.asyncProperty(fc.array(fc.nat(), { minLength: 1 }), async (xs) => f(xs))),
    ],
  ] as const) {
    it(`stops shrinking ${kind} that code keeps changing back into a failing one, and says so`, async () => {
      process.env.NN_SHRINK_LIMIT_MS = "300";
      try {
        const started = performance.now();
        // Each shrunk candidate is changed back into the failure: without the limit, fast-check would shrink for ever.
        const message = await messageOf(() =>
          check((xs) => {
            xs[0] = 99;
            assert.fail("wrong");
          }),
        );
        assert.ok(performance.now() - started < 5_000, "it ends soon after the limit");
        assert.match(
          message,
          /shrunk \d+ time\(s\) \(shrinking was stopped after 0\.3 s; code that changes its arguments can keep it from ever ending\)\./,
        );
        assert.match(message, /\nReplay this failure with: FC_SEED=-?\d+ (FC_PATH="[\d:]{0,200}" )?npm run test:tools$/);
      } finally {
        delete process.env.NN_SHRINK_LIMIT_MS;
      }
    });
  }

  it("passes fast-check's error on as its cause", async () => {
    try {
      assertProperty(fc.property(fc.nat(), () => assert.fail("the cause")));
      assert.fail("the property should have failed");
    } catch (error) {
      assert.equal(((error as Error).cause as Error).message, "the cause");
    }
  });
});
