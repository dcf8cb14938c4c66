import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { findKata, type Kata, listKatas } from "../core/katas.ts";
import { runProgram } from "../core/processes.ts";
import { tempDir, tempTree } from "../core/test-trees.ts";
import { applyEdits, catalogueProblems, lessonMistakes, type Mistake, makeMistake, parseMistake } from "./catalogue.ts";

const kata: Kata = {
  id: "04-sigmoid",
  title: "Sigmoid neurons",
  lesson: "katas/04-sigmoid/README.md",
  files: ["sigmoid.ts"],
  tests: [],
  timeoutMs: 30_000,
  points: 10,
  libraries: [],
};

const LESSON = `# A lesson

## Mistakes these tests catch

| mistake | caught by |
|---|---|
| $\\sigma(z) = 1/(1 + e^{z})$ | the values by hand |
| \`a \\| b\` instead of \`a \\|\\| b\` | the truth table |

## Next

| not | this |
|---|---|
| x | y |
`;

const mistake = (text: string, edits: Mistake["edits"]): Mistake => ({ path: "katas/04-sigmoid/mistakes/m.json", mistake: text, edits });

describe("the catalogue of mistakes", () => {
  it("reads the first cell of each row of the lesson's table, and nothing after the section", () => {
    assert.deepEqual(lessonMistakes(LESSON), ["$\\sigma(z) = 1/(1 + e^{z})$", "`a \\| b` instead of `a \\|\\| b`"]);
    assert.deepEqual(lessonMistakes("# No table\n"), []);
  });

  it("says which row has no file, which file has no row, and when a lesson has no table", () => {
    const rows = lessonMistakes(LESSON);
    const files = [mistake(rows[0], [{ file: "sigmoid.ts", find: "a", replace: "b" }]), mistake("gone", [])];
    assert.deepEqual(catalogueProblems(kata, rows, files), [
      'katas/04-sigmoid/README.md: the row "`a \\| b` instead of `a \\|\\| b`" has no file in katas/04-sigmoid/mistakes/ that shows it',
      'katas/04-sigmoid/mistakes/m.json: its mistake "gone" is not a row of katas/04-sigmoid/README.md\'s table',
    ]);
    assert.match(catalogueProblems(kata, [], [])[0], /has no "Mistakes these tests catch" table/);
  });

  it("refuses a mistake file that is not { mistake, edits } on the kata's own files, naming the file", () => {
    const path = "katas/04-sigmoid/mistakes/bad.json";
    for (const [text, problem] of [
      ["{", /katas\/04-sigmoid\/mistakes\/bad\.json: is not JSON/],
      ["[]", /must hold an object \{ mistake, edits \}/],
      ['{"mistake":"m","edits":[],"why":1}', /has a field it should not: why/],
      ['{"mistake":"","edits":[{"file":"sigmoid.ts","find":"a","replace":"b"}]}', /"mistake" must be the first cell/],
      ['{"mistake":"m","edits":[]}', /"edits" must be a list of at least one/],
      [
        '{"mistake":"m","edits":[{"file":"matrix.ts","find":"a","replace":"b"}]}',
        /edit 1: "file" must be one of 04-sigmoid's files: sigmoid\.ts/,
      ],
      ['{"mistake":"m","edits":[{"file":"sigmoid.ts","find":"","replace":"b"}]}', /edit 1: "find" must be the exact text/],
      ['{"mistake":"m","edits":[{"file":"sigmoid.ts","find":"a","replace":"a"}]}', /edit 1: "replace" must be text that differs/],
    ] as const) {
      assert.throws(() => parseMistake(path, text, kata), problem, text);
    }
    const good = parseMistake(path, '{"mistake":"m","edits":[{"file":"sigmoid.ts","find":"a","replace":"b"}]}', kata);
    assert.deepEqual(good.edits, [{ file: "sigmoid.ts", find: "a", replace: "b" }]);
  });

  it("applies edits in order, each to text that occurs exactly once", () => {
    const source = "let x = 1;\nlet y = x + 1;\n";
    const texts = applyEdits(
      mistake("m", [
        { file: "f.ts", find: "x + 1", replace: "x - 1" },
        { file: "f.ts", find: "x - 1;", replace: "x - 2;" },
      ]),
      () => source,
    );
    assert.equal(texts.get("f.ts"), "let x = 1;\nlet y = x - 2;\n");
    assert.throws(
      () => applyEdits(mistake("m", [{ file: "f.ts", find: "let", replace: "const" }]), () => source),
      /occurs 2 times .* not once/,
    );
    assert.throws(
      () => applyEdits(mistake("m", [{ file: "f.ts", find: "z", replace: "w" }]), () => source),
      /occurs 0 times in solutions\/f\.ts/,
    );
  });

  it("makes a mistake in a tree's solutions/, and puts the file back", () => {
    const root = tempDir("catalogue");
    mkdirSync(join(root, "solutions"));
    const path = join(root, "solutions", "sigmoid.ts");
    writeFileSync(path, "return s * (1 - s);\n");
    const undo = makeMistake(root, mistake("m", [{ file: "sigmoid.ts", find: "(1 - s)", replace: "(1 + s)" }]));
    assert.equal(readFileSync(path, "utf8"), "return s * (1 + s);\n");
    undo();
    assert.equal(readFileSync(path, "utf8"), "return s * (1 - s);\n");
  });

  it("npm run test:mistakes fails on a mistake no test catches, and on a row with no file", async () => {
    const sigmoid = findKata(listKatas(), "04");
    assert.ok(sigmoid);
    const root = tempTree([], [sigmoid]);
    const folder = join(root, "katas", "04-sigmoid", "mistakes");
    mkdirSync(folder);
    const lessonPath = join(root, sigmoid.lesson);
    const lesson = readFileSync(lessonPath, "utf8").split("## Mistakes these tests catch")[0];
    const table = (...rows: string[]) =>
      `${lesson}## Mistakes these tests catch\n\n| mistake | caught by |\n|---|---|\n${rows.map((row) => `| ${row} | nothing |\n`).join("")}`;
    writeFileSync(lessonPath, table("a comment reworded", "a row with no file"));
    const harmless = {
      mistake: "a comment reworded",
      edits: [{ file: "sigmoid.ts", find: "Nielsen's formula exactly.", replace: "As Nielsen wrote it." }],
    };
    writeFileSync(join(folder, "comment.json"), JSON.stringify(harmless));

    const unbacked = await runProgram("dev/mistakes.ts", ["04"], { root });
    assert.equal(unbacked.status, 1, unbacked.output);
    assert.match(
      unbacked.stdout,
      /✖ katas\/04-sigmoid\/README\.md: the row "a row with no file" has no file in katas\/04-sigmoid\/mistakes\//,
    );

    writeFileSync(lessonPath, table("a comment reworded"));
    const survived = await runProgram("dev/mistakes.ts", ["04"], { root });
    assert.equal(survived.status, 1, survived.output);
    assert.match(survived.stdout, /✖ 04-sigmoid +0\/1 mistakes caught/);
    assert.match(
      survived.stdout,
      /✖ comment\.json \(a comment reworded\): every test of the kata still passes: no test catches this mistake/,
    );
  });
});
