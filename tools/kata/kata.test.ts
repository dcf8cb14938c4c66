import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { findKata, type Kata, listKatas } from "../core/katas.ts";
import { processesMentioning, runProgram } from "../core/processes.ts";
import { tempTree } from "../core/test-trees.ts";

const [first, second] = listKatas();

/** A scratch repository cut down to katas 01 and 02 (the runner treats two katas as it treats fourteen), with the first `solved` solved. */
const smallTree = (solved = 0) => tempTree([first, second].slice(0, solved), [first, second]);

/** A small scratch repository whose kata 01 stub is replaced by `matrixSource`, with a 5 s timeout. */
function treeWithMatrix(matrixSource: string): string {
  const root = smallTree();
  writeFileSync(join(root, "src", "matrix.ts"), matrixSource);
  writeFileSync(join(root, "katas", "01-matrices", "kata.json"), JSON.stringify({ files: ["matrix.ts"], timeoutSeconds: 5 }));
  return root;
}

const kata = (root: string, ...args: string[]) => runProgram("kata/kata.ts", args, { root });

const solvedMatrix = readFileSync(new URL("../../solutions/matrix.ts", import.meta.url), "utf8");
const MATRIX_SIGNATURE = "export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {";

/** The solved matrix.ts with `code` run first thing in `matrix()`. */
function matrixThatRuns(code: string): string {
  assert.ok(solvedMatrix.includes(MATRIX_SIGNATURE), "the test's patch applies to solutions/matrix.ts");
  return solvedMatrix.replace(MATRIX_SIGNATURE, `${MATRIX_SIGNATURE}\n  ${code}`);
}

describe("npm run kata", () => {
  it("points a newcomer at kata 01's lesson and its first failing test", async () => {
    const { status, output } = await kata(smallTree());
    assert.equal(status, 1);
    assert.match(output, /Lesson: +katas\/01-matrices\/README\.md/);
    assert.match(output, /Failing: 01-matrices › building matrices › /);
    assert.match(output, /You have not written `matrix` yet/);
    assert.match(output, /npm run kata -- --hint/);
    assert.match(output, /0\/2 katas done/);
    assert.match(output, /\n {2}(\d+) more failing test\(s\): npm run kata -- --all\n/);
  });

  it("shows every failing test of the kata with --all", async () => {
    const { status, output } = await kata(smallTree(), "--all");
    assert.equal(status, 1);
    const total = Number(/✖ 01-matrices +0\/(\d+) tests pass/.exec(output)?.[1]);
    assert.ok(total > 1, output);
    assert.equal(output.match(/^ {2}Failing: 01-matrices › /gm)?.length, total, "one Failing: line per failing test");
    assert.doesNotMatch(output, /more failing test/);
  });

  it("reports learner code that throws at import, without crashing", async () => {
    const { status, output } = await kata(treeWithMatrix(`throw new Error("boom while loading");\n${solvedMatrix}`), "01");
    assert.equal(status, 1);
    assert.match(output, /boom while loading/);
    assert.match(output, /before its tests could run/);
    assert.doesNotMatch(output, /^kata: /m, "the runner itself did not fail");
  });

  it("stops learner code that loops forever, names the test it was in, and leaves no process behind", async () => {
    const root = treeWithMatrix(matrixThatRuns("while (rows > 0) rows += 0;"));
    const started = Date.now();
    const { status, output } = await kata(root, "01");
    assert.equal(status, 1);
    assert.match(output, /Failing: 01-matrices › building matrices › /, "the test that was running is named");
    assert.match(output, /ran longer than 5 s and was stopped/);
    assert.match(output, /Look for a loop that never ends/);
    assert.ok(Date.now() - started < 30_000, "the timeout ended the run");
    assert.deepEqual(processesMentioning(root), [], "no process of the run outlives it");
  });

  it("passes learner code that leaves a timer running, and stops the process it started", async () => {
    const root = smallTree();
    // At import: a child process that would sleep for a minute, and a timer that would keep the test process alive for ever.
    const straggler = join(root, "straggler");
    writeFileSync(
      join(root, "src", "matrix.ts"),
      `import { spawn } from "node:child_process";\n` +
        `spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)", ${JSON.stringify(straggler)}], { stdio: "ignore" });\n` +
        `setInterval(() => {}, 1000);\n${solvedMatrix}`,
    );
    const { status, output } = await kata(root, "01");
    assert.equal(status, 0, output);
    assert.match(output, /✔ 01-matrices/);
    assert.deepEqual(processesMentioning(straggler), [], "the child that learner code started is gone");
    assert.match(
      output,
      /⚠ src\/matrix\.ts passes its tests here, but the grader will refuse it, and its kata will score 0: line 1 imports "node:child_process": a learner file may import only other files of src\/; line 2 uses process/,
      "the learner hears now what a grade would say",
    );
  });

  it("shows where in src/ an error was thrown", async () => {
    const source = matrixThatRuns("if (rows === 2) (undefined as unknown as { x: number }).x;");
    const line = source.split("\n").indexOf(`  if (rows === 2) (undefined as unknown as { x: number }).x;`) + 1;
    const { status, output } = await kata(treeWithMatrix(source), "01");
    assert.equal(status, 1);
    assert.match(output, /TypeError: Cannot read properties of undefined|Cannot read properties of undefined/);
    assert.match(output, new RegExp(`Thrown at src/matrix\\.ts:${line}: the first line of your code in the error's stack`));
  });

  it("explains a NaN", async () => {
    const nan = solvedMatrix.replace("return map(a, (x) => c * x);", "return map(a, (x) => (c * x) / 0 - Infinity * 0);");
    const { status, output } = await kata(treeWithMatrix(nan), "01");
    assert.equal(status, 1);
    assert.match(output, /A value is NaN/);
  });

  it("lists every kata with its status", async () => {
    const { status, output } = await kata(treeWithMatrix(solvedMatrix), "--list");
    assert.equal(status, 0);
    assert.match(output, /✔ done +01-matrices/);
    assert.match(output, /· to do +02-mnist/);
    assert.match(output, /1\/2 katas done/);
  });

  it("shows the current kata's hints", async () => {
    const { output } = await kata(treeWithMatrix(solvedMatrix), "--hint");
    assert.match(output, /Hints for kata 02/);
    assert.match(output, /DataView/);
  });

  it("reports every kata done, and exits 0, once src/ holds the solutions", async () => {
    const { status, output } = await kata(smallTree(2));
    assert.equal(status, 0, output);
    assert.match(output, /2\/2 katas done/);
    assert.match(output, /Every kata passes/);
    assert.doesNotMatch(output, /⚠/, "honest code draws no warning");
  });

  it("remembers the katas that passed, and runs one again only when a file it depends on changes", async () => {
    // Katas 01 and 03 (whose tests are quick), kata 01 solved.
    const root = tempTree([first], [first, findKata(listKatas(), "03") as Kata]);
    const unchanged = /✔ 01-matrices +done · unchanged since it passed/;
    const firstRun = await kata(root);
    assert.match(firstRun.output, /✔ 01-matrices +done · compare/, "the first run runs kata 01");
    const second = await kata(root);
    assert.match(second.output, unchanged, "the second run takes kata 01 from memory");
    assert.match(second.output, /✖ 03-perceptrons +0\/\d+ tests pass/, "the kata being worked on always runs");
    writeFileSync(join(root, "src", "perceptron.ts"), `${readFileSync(join(root, "src", "perceptron.ts"), "utf8")}\n// kata 03's file\n`);
    assert.match((await kata(root)).output, unchanged, "kata 01 does not depend on src/perceptron.ts");
    writeFileSync(join(root, "src", "matrix.ts"), solvedMatrix.replace("return map(a, (x) => c * x);", "return map(a, (x) => c + x);"));
    assert.match((await kata(root)).output, /✖ 01-matrices/, "a change to src/matrix.ts runs kata 01 again, and finds it broken");
  });

  it("says which statuses --list remembers and which it just checked, and survives a memory it cannot read", async () => {
    const root = tempTree([first], [first, findKata(listKatas(), "03") as Kata]);
    mkdirSync(join(root, ".cache"));
    writeFileSync(join(root, ".cache", "kata.json"), "{ not json");
    const fresh = await kata(root, "--list");
    assert.equal(fresh.status, 0, fresh.output);
    assert.match(fresh.output, /✔ done +01-matrices .*\(just checked\)\n· to do +03-perceptrons .*\(just checked\)/);
    const again = await kata(root, "--list");
    assert.match(again.output, /✔ done +01-matrices .*\(remembered\)\n· to do +03-perceptrons .*\(remembered\)/);
    rmSync(join(root, ".cache"), { recursive: true });
    assert.match((await kata(root, "--list")).output, /01-matrices .*\(just checked\)/, "deleting .cache/ only means checking again");
  });

  it("refuses a kata that does not exist, naming the katas there are", async () => {
    const { status, stderr } = await kata(smallTree(), "99");
    assert.equal(status, 2);
    assert.match(stderr, /^kata: no kata "99"; the katas are 01-matrices, 02-mnist\n/);
  });
});
