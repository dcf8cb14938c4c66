import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { findKata, listKatas } from "../core/katas.ts";
import { runProgram } from "../core/processes.ts";
import { tempTree } from "../core/test-trees.ts";
import { summarize } from "../runner/kata-results.ts";
import { runTests } from "../runner/run-tests.ts";
import { apiDifferences } from "./api-parity.ts";
import { stubProblems } from "./stubs.ts";

describe("npm run new-kata", () => {
  it("scaffolds a kata that keeps the contract: it fails on its stub and passes on its reference", async () => {
    const [first] = listKatas();
    const root = tempTree([], [first]);
    const { status, output } = await runProgram("dev/new-kata.ts", ["15", "cross-entropy"], { root });
    assert.equal(status, 0, output);
    for (const path of [
      "katas/15-cross-entropy/README.md",
      "katas/15-cross-entropy/kata.json",
      "katas/15-cross-entropy/cross-entropy.test.ts",
      "src/cross-entropy.ts",
      "solutions/cross-entropy.ts",
    ]) {
      assert.ok(existsSync(join(root, path)), path);
    }
    const katas = listKatas(root);
    const kata = findKata(katas, "15");
    assert.ok(kata, "the kata list has it");
    assert.deepEqual(stubProblems(root, katas), [], "its stub throws the stub message");
    assert.deepEqual(apiDifferences(root), [], "its stub and its reference share one API");
    const files = kata.tests.map((path) => ({ path, timeoutMs: kata.timeoutMs }));
    const onStub = summarize(kata, await runTests({ files, impl: "src", cwd: root }), root);
    const onReference = summarize(kata, await runTests({ files, impl: "solutions", cwd: root }), root);
    assert.match(
      onStub.firstFailure?.message ?? "",
      /^Not implemented: crossEntropy \(kata 15-cross-entropy, lesson katas\/15-cross-entropy\/README\.md\)/,
    );
    assert.equal(onReference.passed, true, onReference.firstFailure?.message);
    const catalogue = await runProgram("dev/mistakes.ts", ["15", "--each"], { root });
    assert.equal(catalogue.status, 0, catalogue.output);
    assert.match(catalogue.stdout, /✔ off-by-one\.json: caught by 15-cross-entropy › crossEntropy\(\) returns 42/);

    const again = await runProgram("dev/new-kata.ts", ["15", "softmax"], { root });
    assert.equal(again.status, 2);
    assert.match(again.stderr, /^new-kata: kata 15 exists already: katas\/15-cross-entropy\n/);
  });

  for (const [args, message] of [
    [["5", "demo"], /the number must be two digits, such as 15, got "5"/],
    [["16", "Cross_Entropy"], /the slug must be lower-case words joined by dashes, such as cross-entropy, got "Cross_Entropy"/],
    [["16"], /give the kata's number and slug/],
    [["01", "again"], /kata 01 exists already: katas\/01-matrices/],
  ] as const) {
    it(`refuses ${args.join(" ")}`, async () => {
      const { status, stderr } = await runProgram("dev/new-kata.ts", [...args], { root: tempTree() });
      assert.equal(status, 2, stderr);
      assert.match(stderr, message);
    });
  }
});
