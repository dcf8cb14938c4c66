import assert from "node:assert/strict";
import { mkdirSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../katas/support/property.ts";
import { DEFAULT_POINTS, DEFAULT_TIMEOUT_SECONDS, type Kata } from "../core/katas.ts";
import { tempDir } from "../core/test-trees.ts";
import { buildManifest, checkManifest, gradedFiles, kataTestsSha256, MANIFEST, parseManifest, testsUnchanged } from "./manifest.ts";

/** A folder holding `files` (path → content). */
function folder(files: Record<string, string>): string {
  const root = tempDir("manifest");
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const kata = (id: string): Kata => ({
  id,
  title: id,
  lesson: "",
  files: [],
  tests: [],
  timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000,
  points: DEFAULT_POINTS,
  libraries: [],
});

/** The graded files of a small course, and some that are not graded. */
const COURSE = [
  "katas/01-a/kata.json",
  "katas/01-a/a.test.ts",
  "katas/02-b/kata.json",
  "katas/02-b/1-b.test.ts",
  "katas/02-b/2-b.test.ts",
  "katas/support/helpers.ts",
];
const UNGRADED = ["katas/01-a/README.md", "katas/02-b/notes.ts", "katas/support/data/big.json", "src/a.ts"];

describe("the tests manifest", () => {
  it("lists exactly the kata tests, each kata.json and katas/support/*.ts", () => {
    const root = folder(Object.fromEntries([...COURSE, ...UNGRADED].map((path) => [path, path])));
    assert.deepEqual(gradedFiles(root), [...COURSE].sort());
  });

  it("names exactly the files that were changed, added or removed since it was written", () => {
    assertProperty(
      fc.property(
        fc.array(fc.string({ minLength: 1 }), { minLength: COURSE.length, maxLength: COURSE.length }),
        fc.subarray(COURSE),
        fc.subarray(COURSE),
        fc.boolean(),
        (contents, changed, removed, addOne) => {
          const root = folder(Object.fromEntries(COURSE.map((path, i) => [path, contents[i]])));
          writeFileSync(join(root, MANIFEST), buildManifest(root));
          assert.ok(testsUnchanged(checkManifest(root)), "a fresh manifest matches");
          const edited = changed.filter((path) => !removed.includes(path));
          for (const path of edited) writeFileSync(join(root, path), `${contents[COURSE.indexOf(path)]}!`);
          for (const path of removed) unlinkSync(join(root, path));
          if (addOne) writeFileSync(join(root, "katas/01-a/new.test.ts"), "");
          const check = checkManifest(root);
          assert.deepEqual(check.changed, [...edited].sort());
          assert.deepEqual(check.missing, [...removed].sort());
          assert.deepEqual(check.added, addOne ? ["katas/01-a/new.test.ts"] : []);
          assert.equal(testsUnchanged(check), edited.length + removed.length === 0 && !addOne);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("is in sha256sum's format, and reads back", () => {
    const root = folder({ "katas/01-a/kata.json": "{}", "katas/01-a/a.test.ts": "x" });
    const text = buildManifest(root);
    assert.match(text, /^[0-9a-f]{64} {2}katas\/01-a\/a\.test\.ts\n[0-9a-f]{64} {2}katas\/01-a\/kata\.json\n$/);
    assert.deepEqual([...parseManifest(text).keys()], ["katas/01-a/a.test.ts", "katas/01-a/kata.json"]);
    assert.throws(() => parseManifest("not a hash  katas/x.test.ts\n"), /katas\/tests\.sha256 line 1 is not "<sha256> {2}<path>"/);
  });

  it("counts a missing manifest as unverified, not as unchanged", () => {
    const check = checkManifest(folder({ "katas/01-a/kata.json": "{}" }));
    assert.equal(check.sha256, null);
    assert.equal(testsUnchanged(check), false);
  });

  it("gives each kata a tests hash that changes with its own tests and the support files, not another kata's", () => {
    const root = folder(Object.fromEntries(COURSE.map((path) => [path, path])));
    const before = [kataTestsSha256(kata("01-a"), root), kataTestsSha256(kata("02-b"), root)];
    writeFileSync(join(root, "katas/02-b/2-b.test.ts"), "changed");
    assert.equal(kataTestsSha256(kata("01-a"), root), before[0]);
    assert.notEqual(kataTestsSha256(kata("02-b"), root), before[1]);
    writeFileSync(join(root, "katas/support/helpers.ts"), "changed");
    assert.notEqual(kataTestsSha256(kata("01-a"), root), before[0]);
  });
});
