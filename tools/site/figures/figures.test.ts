import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, it } from "node:test";
import { listKatas } from "../../core/katas.ts";
import { repoRoot } from "../../core/paths.ts";
import { coursePages, LANDING_PAGE } from "../theme.ts";
import { FIGURES } from "./registry.ts";
import { FIGURES_DIR, renderFigures } from "./write.ts";

const figuresDir = join(repoRoot, FIGURES_DIR);
const drawn = renderFigures();

/** Every image of every page of the site: the page, the image's alt text and the repository path it points to. */
function pageImages(): { page: string; alt: string; target: string }[] {
  const pages = [join(repoRoot, LANDING_PAGE), ...coursePages(repoRoot, listKatas()).map((page) => page.path)];
  return pages.flatMap((page) =>
    [...readFileSync(page, "utf8").matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)].map(([, alt, href]) => ({
      page: relative(repoRoot, page),
      alt,
      target: relative(repoRoot, resolve(dirname(page), href)),
    })),
  );
}

describe("the lesson figures", () => {
  it("come out byte for byte the same from a second drawing", () => {
    const again = renderFigures();
    for (const { file } of FIGURES) assert.equal(again.get(file), drawn.get(file), `${file} differs between two drawings`);
  });

  it("are committed as drawn: docs/figures/ holds exactly the registered figures, each up to date", () => {
    const committed = readdirSync(figuresDir).filter((name) => name.endsWith(".svg"));
    assert.deepEqual(
      committed.sort(),
      FIGURES.map((figure) => figure.file).sort(),
      "an SVG in docs/figures/ that no figure draws, or a figure not committed",
    );
    for (const [file, svg] of drawn) {
      assert.ok(readFileSync(join(figuresDir, file), "utf8") === svg, `docs/figures/${file} is stale: run npm run docs and commit it`);
    }
  });

  it("are each shown on some page, with alt text, and every figure a page shows exists", () => {
    const images = pageImages().filter(({ target }) => target.startsWith(`${FIGURES_DIR}/`));
    for (const { file } of FIGURES) {
      assert.ok(
        images.some(({ target }) => target === `${FIGURES_DIR}/${file}`),
        `no page shows ${file}`,
      );
    }
    for (const { page, alt, target } of images) {
      assert.ok(drawn.has(target.slice(FIGURES_DIR.length + 1)), `${page} shows ${target}, which no figure draws`);
      assert.ok(
        alt.trim().split(/\s+/).length >= 8,
        `${page}: the alt text of ${target} should say what it shows, in a sentence: "${alt}"`,
      );
    }
  });

  it("scale to a phone: a viewBox 400 to 700 units wide, a white background, text of 11 px or more on a 390 px screen", () => {
    for (const [file, svg] of drawn) {
      const [, width, height] = /^<svg [^>]*viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg) ?? [];
      assert.ok(Number(width) >= 400 && Number(width) <= 700 && Number(height) > 0, `${file}: viewBox width ${width}`);
      assert.match(svg, /<rect width="[\d.]+" height="[\d.]+" fill="white"\/>/, `${file}: no white background`);
      const base = Number(/^<svg [^>]*font-size="([\d.]+)"/.exec(svg)?.[1]);
      // <text> elements only: sub- and superscripts (smaller <tspan>s) are allowed to be smaller, as in print.
      for (const [, attrs] of svg.matchAll(/<text([^>]*)>/g)) {
        const size = Number(/font-size="([\d.]+)"/.exec(attrs)?.[1] ?? base);
        assert.ok(
          (size * 390) / Number(width) >= 11,
          `${file}: text of ${size} units is ${((size * 390) / Number(width)).toFixed(1)} px at 390 px`,
        );
      }
    }
  });
});
