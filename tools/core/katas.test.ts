import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { UsageError } from "./cli.ts";
import { chooseKatas, DEFAULT_POINTS, DEFAULT_TIMEOUT_SECONDS, findKata, hintsOf, listKatas } from "./katas.ts";
import { tempDir } from "./test-trees.ts";

/** A small course: kata `01-a` with `kataJson` as its kata.json (and src/a.ts), kata `02-b` with a default one. */
function course(kataJson: string): string {
  const root = tempDir("katas");
  const files: Record<string, string> = {
    "katas/01-a/kata.json": kataJson,
    "katas/01-a/README.md": "# 01 · A\n\n## Hints\n\nTry harder.\n",
    "katas/01-a/a.test.ts": "",
    "katas/02-b/kata.json": '{ "files": ["b.ts"] }',
    "katas/02-b/README.md": "# 02 · B\n",
    "katas/02-b/b.test.ts": "",
    "katas/support/helper.ts": "",
    "src/a.ts": "",
    "src/b.ts": "",
    "package.json": '{ "dependencies": { "fast-check": "4.10.2" } }',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("the kata list", () => {
  it("reads each kata's folder: its title, lesson, files, tests, timeout and points, in course order", () => {
    const [a, b] = listKatas(course('{ "files": ["a.ts"], "timeoutSeconds": 5, "points": 25, "libraries": ["fast-check", "node:url"] }'));
    assert.deepEqual(
      { ...a, tests: a.tests.map((t) => t.split("/").pop()) },
      {
        id: "01-a",
        title: "01 · A",
        lesson: "katas/01-a/README.md",
        files: ["a.ts"],
        tests: ["a.test.ts"],
        timeoutMs: 5000,
        points: 25,
        libraries: ["fast-check", "node:url"],
      },
    );
    assert.deepEqual([b.timeoutMs, b.points, b.libraries], [DEFAULT_TIMEOUT_SECONDS * 1000, DEFAULT_POINTS, []], "the defaults");
    assert.equal(hintsOf(a, course('{ "files": ["a.ts"] }')), "Try harder.");
  });

  const bad: [string, RegExp][] = [
    ["{", /katas\/01-a\/kata\.json: not valid JSON/],
    ["[]", /katas\/01-a\/kata\.json: must be a JSON object/],
    [
      '{ "files": ["a.ts"], "timeout": 5 }',
      /katas\/01-a\/kata\.json: unknown field "timeout"; the fields are "files", "timeoutSeconds", "points" and "libraries"/,
    ],
    ["{}", /katas\/01-a\/kata\.json: "files" must be a non-empty list of src\/ file names such as "matrix\.ts", got undefined/],
    ['{ "files": [] }', /"files" must be a non-empty list/],
    ['{ "files": ["../a.ts"] }', /"files" must be a non-empty list .*got \["\.\.\/a\.ts"\]/],
    ['{ "files": ["c.ts"] }', /katas\/01-a\/kata\.json: "files" names src\/c\.ts, which does not exist/],
    ['{ "files": ["a.ts"], "timeoutSeconds": 0 }', /"timeoutSeconds" must be a whole number of seconds from 1 to 600, got 0/],
    ['{ "files": ["a.ts"], "timeoutSeconds": 601 }', /"timeoutSeconds" must be .* got 601/],
    ['{ "files": ["a.ts"], "timeoutSeconds": "30" }', /"timeoutSeconds" must be .* got "30"/],
    ['{ "files": ["a.ts"], "points": -1 }', /katas\/01-a\/kata\.json: "points" must be a whole number ≥ 0, got -1/],
    ['{ "files": ["a.ts"], "points": 2.5 }', /"points" must be a whole number ≥ 0, got 2\.5/],
    ['{ "files": ["a.ts"], "points": null }', /"points" must be a whole number ≥ 0, got null/],
    ['{ "files": ["a.ts"], "libraries": "fast-check" }', /"libraries" must be a list of package names, got "fast-check"/],
    [
      '{ "files": ["a.ts"], "libraries": ["left-pad"] }',
      /"libraries" names "left-pad", which is neither a dependency in package.json nor a node: module/,
    ],
    ['{ "files": ["a.ts"], "libraries": ["node:nope"] }', /"libraries" names "node:nope"/],
  ];
  for (const [json, message] of bad) {
    it(`refuses the kata.json ${json}, naming the file and what it expects`, () => {
      assert.throws(() => listKatas(course(json)), message);
    });
  }

  it("finds a kata by number or id, and refuses a name that fits none, listing the katas", () => {
    const katas = listKatas(course('{ "files": ["a.ts"] }'));
    for (const name of ["1", "01", "01-a"]) assert.equal(findKata(katas, name)?.id, "01-a", name);
    assert.equal(findKata(katas, "3"), undefined);
    assert.deepEqual(
      chooseKatas(katas, ["2", "1"]).map((k) => k.id),
      ["02-b", "01-a"],
    );
    assert.deepEqual(
      chooseKatas(katas, []).map((k) => k.id),
      ["01-a", "02-b"],
    );
    assert.throws(
      () => chooseKatas(katas, ["1", "7"]),
      (error: unknown) => error instanceof UsageError && /^no kata "7"; the katas are 01-a, 02-b$/.test(error.message),
    );
  });
});
