import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { runInNewContext } from "node:vm";
import { listKatas } from "../../core/katas.ts";
import { repoRoot } from "../../core/paths.ts";
import { tempDir } from "../../core/test-trees.ts";
import { coursePages } from "../theme.ts";
import { writeDrawingAssets } from "./install.ts";
import { SAMPLE_INDICES } from "./samples.ts";
import { DRAW_PAGE, ROOT_ID } from "./site-data.ts";

describe("the drawing page in the site", () => {
  it("is a course page, docs/draw.md, with the placeholder its script builds into", () => {
    const page = coursePages(repoRoot, listKatas()).find((candidate) => candidate.slug === DRAW_PAGE);
    assert.ok(page, `no course page at ${DRAW_PAGE}: register docs/draw.md in theme.ts`);
    assert.equal(relative(repoRoot, page.path), join("docs", "draw.md"));
    assert.match(readFileSync(page.path, "utf8"), new RegExp(`<div id="${ROOT_ID}"`));
  });

  it("gets its stylesheet and one script that holds its data, runs without a module loader, and asks for nothing", async () => {
    const folder = tempDir("draw-assets");
    await writeDrawingAssets(folder);
    assert.equal(readFileSync(join(folder, "draw.css"), "utf8"), readFileSync(join(repoRoot, "tools/site/draw/draw.css"), "utf8"));
    const script = readFileSync(join(folder, "draw.js"), "utf8");
    assert.ok(script.includes('"nn-from-scratch/model@1"'), "the reference model is written in");
    for (const index of SAMPLE_INDICES) assert.ok(script.includes(`index:${index},`), `test image ${index} is written in`);
    assert.doesNotMatch(script, /\bfetch\(|XMLHttpRequest|\bimport\(|^import /m);
    const asked: string[] = [];
    const getElementById = (id: string) => {
      asked.push(id);
      return null;
    };
    runInNewContext(script, { document: { getElementById } });
    assert.deepEqual(asked, [ROOT_ID], "it looks for its placeholder, and stops on a page without one");
  });
});
