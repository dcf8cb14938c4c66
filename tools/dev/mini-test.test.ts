import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as mini from "./mini-test.mjs";

describe("mini-test, the stand-in for node:test in the catalogue's harness", () => {
  it("runs suites and tests in the order they were declared, and stops at the first failure", async () => {
    const ran: string[] = [];
    mini.reset();
    mini.describe("kata", () => {
      mini.it("first", () => {
        ran.push("first");
      });
      mini.describe("inner", () => {
        mini.it("second", async () => {
          ran.push("second");
          await new Promise((resolve) => setTimeout(resolve, 5));
          throw new Error("wrong");
        });
      });
      mini.it("third", () => {
        ran.push("third");
      });
    });
    assert.deepEqual(await mini.runUntilFailure(), { path: ["kata", "inner", "second"], error: "wrong" });
    assert.deepEqual(ran, ["first", "second"]);
  });

  it("answers undefined when every test passes, and forgets what was declared on reset", async () => {
    mini.reset();
    mini.describe("kata", () => mini.it("passes", () => {}));
    assert.equal(await mini.runUntilFailure(), undefined);
    mini.describe("kata", () => mini.it("fails", () => assert.fail("no")));
    assert.deepEqual((await mini.runUntilFailure())?.path, ["kata", "fails"]);
    mini.reset();
    assert.equal(await mini.runUntilFailure(), undefined);
  });
});
