/**
 * Bundled after every graded test file (see `sandbox.ts`): tests that must
 * fail. If one of them passes, something in the process has changed how
 * assertions or the test runner work, and the file's results cannot be
 * trusted.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CANARY_SUITE } from "./canary-name.ts";

describe(CANARY_SUITE, () => {
  it("assert.equal", () => assert.equal(1, 2));
  it("assert.notEqual", () => assert.notEqual(1, 1));
  it("assert.deepEqual", () => assert.deepEqual([1, 2], [1, 3]));
  it("assert.ok", () => assert.ok(false));
  it("assert.match", () => assert.match("abc", /xyz/));
  it("assert.throws", () => assert.throws(() => {}));
  it("assert.rejects", () => assert.rejects(Promise.resolve()));
  it("a thrown error", () => {
    throw new Error("canary");
  });
});
