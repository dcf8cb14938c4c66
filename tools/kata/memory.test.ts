import assert from "node:assert/strict";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { findKata, type Kata, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { tempTree } from "../core/test-trees.ts";
import { dependencies, kataKey, Memory } from "./memory.ts";

const all = listKatas();
const kata = (id: string, katas: readonly Kata[] = all) => findKata(katas, id) as Kata;
const PASSED = { passed: true, testsPassed: 3, testsTotal: 3 };

describe("what npm run kata remembers", () => {
  it("follows imports from a kata's tests, through the test support and through src/ files", () => {
    const files = dependencies(kata("05")).map((path) => relative(repoRoot, path));
    for (const file of [
      "katas/05-network/kata.json",
      "katas/05-network/1-random.test.ts",
      "katas/05-network/2-network.test.ts",
      "katas/support/property.ts",
      "katas/support/networks.ts",
      "src/network.ts",
      "src/random.ts",
      "src/matrix.ts", // imported by src/network.ts, not by the tests
    ]) {
      assert.ok(files.includes(file), `${file} is a dependency of kata 05: ${files.join(", ")}`);
    }
    assert.ok(!files.includes("src/mnist.ts"), "kata 05 does not use kata 02's file");
  });

  it("keys a kata on what it depends on: a change there changes the key, a change elsewhere does not", () => {
    const root = tempTree([], [kata("01"), kata("02")]);
    const katas = listKatas(root);
    const key = () => kataKey(kata("01", katas), root);
    const before = key();
    appendFileSync(join(root, "src", "mnist.ts"), "\n// kata 02's file\n");
    assert.equal(key(), before, "src/mnist.ts is not kata 01's");
    appendFileSync(join(root, "src", "matrix.ts"), "\n// saved\n");
    const afterSource = key();
    assert.notEqual(afterSource, before, "src/matrix.ts is kata 01's");
    appendFileSync(join(root, "katas", "01-matrices", "matrix.test.ts"), "\n// a new test\n");
    assert.notEqual(key(), afterSource, "so are its tests");
  });

  it("gives back a result only while its key holds, across runs", () => {
    const root = tempTree([], [kata("01")]);
    const matrices = kata("01", listKatas(root));
    const memory = Memory.load(root);
    assert.equal(memory.result(matrices), undefined, "nothing is remembered at first");
    memory.remember(matrices, PASSED);
    memory.save();
    assert.deepEqual(Memory.load(root).result(matrices), PASSED, "a new run remembers it");
    appendFileSync(join(root, "src", "matrix.ts"), "\n// saved\n");
    assert.equal(Memory.load(root).result(matrices), undefined, "forgotten once src/matrix.ts changed");
  });

  it("remembers the rules' verdict on a file under its content", () => {
    const root = tempTree([], [kata("01")]);
    const memory = Memory.load(root);
    memory.rememberRules("matrix.ts", ["line 1 uses process"]);
    assert.deepEqual(memory.rules("matrix.ts"), ["line 1 uses process"]);
    appendFileSync(join(root, "src", "matrix.ts"), "\n// saved\n");
    assert.equal(memory.rules("matrix.ts"), undefined);
  });

  it("reads a memory it cannot use as empty: unreadable, or of another version", () => {
    const root = tempTree([], [kata("01")]);
    const matrices = kata("01", listKatas(root));
    mkdirSync(join(root, ".cache"));
    for (const text of [
      "{ not json",
      JSON.stringify({ version: 0, katas: { "01-matrices": { key: kataKey(matrices, root), ...PASSED } } }),
    ]) {
      writeFileSync(join(root, ".cache", "kata.json"), text);
      assert.equal(Memory.load(root).result(matrices), undefined, text);
    }
  });
});
