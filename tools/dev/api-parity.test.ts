import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { listKatas } from "../core/katas.ts";
import { stubMessage } from "../core/stub-message.ts";
import { tempTree as scratchTree } from "../core/test-trees.ts";
import { apiDifferences } from "./api-parity.ts";
import { stubProblems } from "./stubs.ts";

describe("the integrity check's static part", () => {
  it("finds no difference between this repository's src/ and solutions/", () => {
    const root = scratchTree();
    assert.deepEqual(apiDifferences(root), []);
    assert.deepEqual(stubProblems(root, listKatas(root)), []);
  });

  it("reports a changed signature, a missing export and a missing file", () => {
    const root = scratchTree();
    writeFileSync(join(root, "src", "extra.ts"), "export const x = 1;\n");
    writeFileSync(
      join(root, "src", "matrix.ts"),
      [
        "export interface Matrix { readonly rows: number; readonly cols: number; readonly data: Float64Array }",
        "export function matmul(a: Matrix, b: Matrix, c: number): Matrix { throw new Error(String([a, b, c])); }",
      ].join("\n"),
    );
    const problems = apiDifferences(root).join("\n");
    assert.match(problems, /src\/extra\.ts has no solutions\/extra\.ts/);
    assert.match(problems, /matrix\.ts: matmul differs/);
    assert.match(problems, /src\/matrix\.ts does not export transpose/);
  });

  it("reports a stub that does not throw the error naming its kata", () => {
    const root = scratchTree();
    const katas = listKatas(root);
    const path = join(root, "src", "matrix.ts");
    const text = readFileSync(path, "utf8").replace(JSON.stringify(stubMessage("transpose", katas[0])), '"todo"');
    writeFileSync(path, text);
    assert.match(stubProblems(root, katas).join("\n"), /src\/matrix\.ts: transpose does not throw/);
  });
});
