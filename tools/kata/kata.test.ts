import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { listKatas } from "../core/katas.ts";
import { scratchTree } from "../core/scratch-tree.ts";

const trees: string[] = [];
const [first, second] = listKatas();
after(() => trees.forEach((root) => rmSync(root, { recursive: true, force: true })));

/**
 * A scratch repository cut down to katas 01 and 02 (the runner treats two
 * katas as it treats fourteen, and the later ones take longer), with the
 * first `solved` of them solved.
 */
function smallTree(solved = 0): string {
  const root = scratchTree([first, second].slice(0, solved));
  trees.push(root);
  for (const kata of listKatas(root).slice(2)) rmSync(join(root, "katas", kata.id), { recursive: true });
  return root;
}

/** A small scratch repository whose kata 01 stub is replaced by `matrixSource` (and given a short timeout). */
function treeWithMatrix(matrixSource: string): string {
  const root = smallTree();
  writeFileSync(join(root, "src", "matrix.ts"), matrixSource);
  writeFileSync(join(root, "katas", "01-matrices", "kata.json"), JSON.stringify({ files: ["matrix.ts"], timeoutSeconds: 3 }));
  return root;
}

function run(root: string, script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", join("tools", script), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

const solvedMatrix = readFileSync(new URL("../../solutions/matrix.ts", import.meta.url), "utf8");

describe("npm run kata", () => {
  it("points a newcomer at kata 01's lesson and its first failing test", () => {
    const { status, output } = run(smallTree(), "kata/kata.ts");
    assert.equal(status, 1);
    assert.match(output, /Lesson: +katas\/01-matrices\/README\.md/);
    assert.match(output, /Failing: 01-matrices › building matrices › /);
    assert.match(output, /You have not written `matrix` yet/);
    assert.match(output, /npm run kata -- --hint/);
    assert.match(output, /0\/2 katas done/);
  });

  it("reports learner code that throws at import, without crashing", () => {
    const root = treeWithMatrix(`throw new Error("boom while loading");\n${solvedMatrix}`);
    const { status, output } = run(root, "kata/kata.ts", "01");
    assert.equal(status, 1);
    assert.match(output, /boom while loading/);
    assert.doesNotMatch(output, /^kata: /m, "the runner itself did not fail");
  });

  it("stops learner code that loops forever and says so", () => {
    const looping = solvedMatrix.replace("export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {", "$&\n  while (rows > 0) rows += 0;");
    const root = treeWithMatrix(looping);
    const started = Date.now();
    const { status, output } = run(root, "kata/kata.ts", "01");
    assert.equal(status, 1);
    assert.match(output, /ran longer than 3 s and was stopped/);
    assert.ok(Date.now() - started < 25_000, "the timeout ended the run");
  });

  it("explains a NaN", () => {
    const nan = solvedMatrix.replace("return map(a, (x) => c * x);", "return map(a, (x) => (c * x) / 0 - Infinity * 0);");
    const { status, output } = run(treeWithMatrix(nan), "kata/kata.ts", "01");
    assert.equal(status, 1);
    assert.match(output, /A value is NaN/);
  });

  it("lists every kata with its status", () => {
    const { status, output } = run(treeWithMatrix(solvedMatrix), "kata/kata.ts", "--list");
    assert.equal(status, 0);
    assert.match(output, /✔ done +01-matrices/);
    assert.match(output, /· to do +02-mnist/);
    assert.match(output, /1\/2 katas done/);
  });

  it("shows the current kata's hints", () => {
    const { output } = run(treeWithMatrix(solvedMatrix), "kata/kata.ts", "--hint");
    assert.match(output, /Hints for kata 02/);
    assert.match(output, /DataView/);
  });

  it("reports every kata done, and exits 0, once src/ holds the solutions", () => {
    const { status, output } = run(smallTree(2), "kata/kata.ts");
    assert.equal(status, 0, output);
    assert.match(output, /2\/2 katas done/);
    assert.match(output, /Every kata passes/);
  });
});

describe("npm run test:katas", () => {
  it("fails a run in which no test ran", () => {
    const root = smallTree();
    for (const kata of listKatas(root)) for (const file of kata.tests) writeFileSync(file, "export {};\n");
    const { status, output } = run(root, "dev/test-katas.ts");
    assert.equal(status, 1);
    assert.match(output, /No test ran: that is a failure, not a pass/);
  });
});
