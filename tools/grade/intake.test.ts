import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { listKatas } from "../core/katas.ts";
import { tempDir } from "../core/test-trees.ts";
import { takeSubmission } from "./intake.ts";

describe("takeSubmission", () => {
  it("grades in a tree of the kata tests, the runner and the learner's files: no solutions, no other tools, no catalogue", () => {
    const submission = tempDir("submission");
    mkdirSync(join(submission, "src"));
    const sigmoid = "export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));\n";
    writeFileSync(join(submission, "src", "sigmoid.ts"), sigmoid);
    const { root, refusals } = takeSubmission(submission, listKatas());
    try {
      assert.equal(readFileSync(join(root, "src", "sigmoid.ts"), "utf8"), sigmoid, "the learner's file, as written");
      for (const kept of [
        "package.json",
        "katas/04-sigmoid/sigmoid.test.ts",
        "katas/support/property.ts",
        "tools/runner/sandbox-preload.mjs",
      ])
        assert.ok(existsSync(join(root, kept)), `${kept} is in the grading tree`);
      for (const left of ["solutions", "tools/grade", "tools/dev", "katas/04-sigmoid/mistakes"])
        assert.ok(!existsSync(join(root, left)), `${left} is not in the grading tree`);
      assert.ok(
        refusals.some((refusal) => refusal.file === "src/matrix.ts" && /missing from the submission/.test(refusal.message)),
        "a file the learner has not written counts as not written",
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
