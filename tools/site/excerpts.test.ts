import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../katas/support/property.ts";
import { repoRoot } from "../core/paths.ts";
import { tempDir } from "../core/test-trees.ts";
import { excerptProblems, pagesWithExcerpts, refreshExcerpts, regionOf, siteExcerptProblems, withFreshExcerpts } from "./excerpts.ts";
import { RAW_MATH } from "./expected-pages.ts";

/** A scratch repository holding `files` (path → text); returns its root. */
function scratch(files: Record<string, string>): string {
  const root = tempDir("excerpts");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const STUB = [
  "/** Doc. */",
  "// #region twice",
  "export function twice(x: number): number {",
  "  return 2 * x;",
  "}",
  "// #endregion twice",
  "",
].join("\n");
const BLOCK = "```ts\nexport function twice(x: number): number {\n  return 2 * x;\n}\n```";
const LESSON = "katas/01-a/README.md";

describe("the site's code excerpts", () => {
  it("all match their sources, and no page is left with a {@includeCode} directive", () => {
    assert.deepEqual(siteExcerptProblems(repoRoot), []);
  });

  it("are not checked in a learner's repository (no solutions/), where src/ is the learner's own code", () => {
    assert.deepEqual(siteExcerptProblems(scratch({ [LESSON]: "<!-- code: ../../src/twice.ts#twice -->\n" })), []);
  });

  it("show no $…$ math, which a code block would show raw: a quoted region leaves such a doc comment out", () => {
    for (const page of pagesWithExcerpts(repoRoot)) {
      for (const [, target, code] of readFileSync(page, "utf8").matchAll(/^<!-- code: (\S+) -->\n(`{3,})\w*\n([\s\S]*?)\n\2$/gm)) {
        assert.doesNotMatch(code, RAW_MATH, `${page}: the excerpt of ${target}`);
      }
    }
  });
});

describe("regionOf", () => {
  it("is the lines between the markers, without them, with the indentation they share removed and the rest kept", () => {
    const line = fc.stringMatching(/^[a-z(){};=.](?:[a-z(){};=. ]{0,10}[a-z(){};=.])?$/);
    assertProperty(
      fc.property(fc.array(fc.tuple(fc.nat(4), line), { minLength: 1 }), fc.nat(6), (lines, shared) => {
        const least = Math.min(...lines.map(([indent]) => indent));
        const pad = " ".repeat(shared);
        const source = [
          `${pad}// #region r`,
          ...lines.map(([indent, text]) => pad + " ".repeat(indent) + text),
          `${pad}// #endregion r`,
        ].join("\n");
        const expected = lines.map(([indent, text]) => " ".repeat(indent - least) + text).join("\n");
        assert.equal(regionOf(`before\n${source}\nafter`, "r", "f.ts"), expected);
      }),
    );
  });

  it("drops blank lines at either end and empties whitespace-only lines", () => {
    assert.equal(regionOf("// #region r\n\n  a\n   \n    b\n  \n// #endregion r", "r", "f.ts"), "a\n\n  b");
  });

  it("takes the named region only, as TypeDoc does (`// #region name`, spaces allowed after //)", () => {
    const text = "//#region other\nx\n//#endregion other\n  //  #region r  \ny\n// #endregion r";
    assert.equal(regionOf(text, "r", "f.ts"), "y");
  });

  it("throws, naming the file and the region, when the region is missing, marked twice, unclosed, reversed or empty", () => {
    const cases = [
      "no markers",
      "// #region r\na\n// #endregion r\n// #region r\nb\n// #endregion r",
      "// #region r\na",
      "// #endregion r\na\n// #region r",
    ];
    for (const text of cases)
      assert.throws(() => regionOf(text, "r", "src/f.ts"), /^Error: src\/f\.ts must mark region "r" once, a "\/\/ #region r" line/);
    assert.throws(() => regionOf("// #region r\n \n// #endregion r", "r", "src/f.ts"), /^Error: src\/f\.ts: region "r" is empty$/);
  });
});

describe("withFreshExcerpts", () => {
  const root = scratch({ "src/twice.ts": STUB, "solutions/twice.ts": STUB, [LESSON]: "" });
  const file = join(root, LESSON);
  const marker = "<!-- code: ../../src/twice.ts#twice -->";

  it("writes the block under a marker that has none, and replaces one that is out of date, leaving the rest of the page as it is", () => {
    const fresh = `Intro:\n\n${marker}\n${BLOCK}\n\nAfter.\n`;
    assert.equal(withFreshExcerpts(root, file, `Intro:\n\n${marker}\n\nAfter.\n`), fresh);
    assert.equal(withFreshExcerpts(root, file, `Intro:\n\n${marker}\n\`\`\`ts\nold\ncode\n\`\`\`\n\nAfter.\n`), fresh);
    assert.equal(withFreshExcerpts(root, file, fresh), fresh, "a fresh page is left unchanged");
  });

  it("leaves a page without markers unchanged, whatever its text", () => {
    assertProperty(
      fc.property(fc.string(), (text) => {
        const page = text.replace(/<!--|```|~~~/g, "");
        assert.equal(withFreshExcerpts(root, file, page), page);
      }),
    );
  });

  it("ignores a marker shown inside another code block", () => {
    const page = `\`\`\`\`md\n${marker}\n\`\`\`\`\n`;
    assert.equal(withFreshExcerpts(root, file, page), page);
  });

  it("refuses, in one line naming the page and line, a block never closed, a missing file or region, and the solutions", () => {
    const problem = (page: string) => () => withFreshExcerpts(root, file, page);
    assert.throws(problem(`\n${marker}\n\`\`\`ts\nold\n`), /^Error: katas\/01-a\/README\.md:3: this code block is never closed$/);
    assert.throws(
      problem("<!-- code: ../../src/none.ts#twice -->\n"),
      /^Error: katas\/01-a\/README\.md:1: \.\.\/\.\.\/src\/none\.ts does not exist$/,
    );
    assert.throws(
      problem("<!-- code: ../../src/twice.ts#thrice -->\n"),
      /^Error: katas\/01-a\/README\.md:1: src\/twice\.ts must mark region "thrice" once/,
    );
    assert.throws(
      problem("<!-- code: ../../solutions/twice.ts#twice -->\n"),
      /katas\/01-a\/README\.md:1: .* is solutions\/twice\.ts: a lesson quotes only src\/ and katas\//,
    );
  });
});

describe("excerptProblems and refreshExcerpts", () => {
  it("name every stale excerpt and every {@includeCode} by page and line; refreshing mends the first and rewrites only the pages that change", () => {
    const stale = `# A\n\n<!-- code: ../../src/twice.ts#twice -->\n\`\`\`ts\nold\n\`\`\`\n\n{@includeCode ../../src/twice.ts#twice}\n`;
    const root = scratch({ "src/twice.ts": STUB, [LESSON]: stale, "katas/02-b/README.md": "# B\n" });
    const files = [join(root, LESSON), join(root, "katas/02-b/README.md")];
    assert.deepEqual(excerptProblems(root, files), [
      "katas/01-a/README.md:8: {@includeCode} shows as a raw directive outside the site: write <!-- code: path#region --> and run npm run excerpts",
      "katas/01-a/README.md:3: the excerpt of ../../src/twice.ts#twice is out of date: run npm run excerpts",
    ]);
    assert.deepEqual(refreshExcerpts(root, files), [files[0]]);
    assert.equal(readFileSync(files[0], "utf8"), stale.replace("```ts\nold\n```", BLOCK));
    assert.equal(excerptProblems(root, files).length, 1, "only the directive is left, for a person to convert");
    assert.deepEqual(refreshExcerpts(root, files), [], "nothing changes twice");
  });
});
