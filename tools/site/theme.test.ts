import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../katas/support/property.ts";
import { DEFAULT_POINTS, type Kata, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { tempDir } from "../core/test-trees.ts";
import { expectedPages, RAW_MATH } from "./expected-pages.ts";
import { type CoursePage, coursePages, firstHeading, LANDING_PAGE, neighbours } from "./theme.ts";

const katas = listKatas();

/** A scratch repository with two lessons and the given files (path → text). */
function scratchRepo(files: Record<string, string>): { root: string; katas: Kata[] } {
  const root = tempDir("docs");
  const all = { "katas/01-a/README.md": "# 01 · A\n", "katas/02-b/README.md": "intro\n\n# 02 · B\n", ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const kata = (id: string): Kata => ({
    id,
    title: id,
    lesson: `katas/${id}/README.md`,
    files: [],
    tests: [],
    timeoutMs: 1,
    points: DEFAULT_POINTS,
    libraries: [],
  });
  return { root, katas: [kata("01-a"), kata("02-b")] };
}

const coursePage = (slug: string, group: CoursePage["group"]): CoursePage => ({ path: `/${slug}.md`, title: slug, group, slug });

describe("the documentation site's pages", () => {
  it("are every kata's lesson in kata order, then the course pages, each at its slug and named by its heading", () => {
    const pages = coursePages(repoRoot, katas);
    const lessons = pages.filter((page) => page.group === "Lessons");
    assert.deepEqual(
      lessons.map((page) => [page.slug, page.title, relative(repoRoot, page.path)]),
      katas.map((kata) => [`lessons/${kata.id}`, kata.title, kata.lesson]),
    );
    assert.deepEqual(pages.slice(0, lessons.length), lessons, "the lessons come first");
    const course = pages.slice(lessons.length).map((page) => page.slug);
    const optional = ["course/comparison", "course/instructors"];
    assert.deepEqual(
      course.filter((slug) => !optional.includes(slug)),
      ["course/learnings", "course/data"],
    );
  });

  it("show the comparison report only once it exists, and need the learnings page", () => {
    const base = { "docs/learnings.md": "# What you learned\n", "data/README.md": "# Data\n" };
    const without = scratchRepo(base);
    assert.deepEqual(
      coursePages(without.root, without.katas).map((page) => [page.slug, page.title]),
      [
        ["lessons/01-a", "01 · A"],
        ["lessons/02-b", "02 · B"],
        ["course/learnings", "What you learned"],
        ["course/data", "Data"],
      ],
    );
    const withReport = scratchRepo({ ...base, "docs/comparison.md": "# Comparison\n" });
    assert.deepEqual(
      coursePages(withReport.root, withReport.katas).map((page) => page.slug),
      ["lessons/01-a", "lessons/02-b", "course/learnings", "course/comparison", "course/data"],
    );
    const missing = scratchRepo({ "data/README.md": "# Data\n" });
    assert.throws(() => coursePages(missing.root, missing.katas), /docs\/learnings\.md is missing/);
  });

  it("need a # heading to name each page", () => {
    assert.equal(firstHeading("intro\n# 09 · Backpropagation \n## The idea\n", "x.md"), "09 · Backpropagation");
    assert.throws(
      () => firstHeading("## Only a subheading\n#Not a heading\n", "katas/99-x/README.md"),
      /katas\/99-x\/README\.md has no "# Title" line/,
    );
  });

  it("link each lesson to the one before (the course map before the first) and the one after (the first course page after the last)", () => {
    assertProperty(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 0, max: 3 }), (lessonCount, courseCount) => {
        const lessons = Array.from({ length: lessonCount }, (_, i) => coursePage(`lessons/${i}`, "Lessons"));
        const course = Array.from({ length: courseCount }, (_, i) => coursePage(`course/${i}`, "Course"));
        const links = neighbours([...lessons, ...course]);
        assert.equal(links.size, lessonCount, "only lessons have previous/next links");
        lessons.forEach((lesson, i) => {
          const around = links.get(lesson.slug);
          assert.equal(around?.previous, i === 0 ? "landing" : lessons[i - 1]);
          assert.equal(around?.next, i === lessonCount - 1 ? course[0] : lessons[i + 1]);
        });
      }),
    );
  });
});

describe("the course map", () => {
  it("links every kata's lesson once, in the order to take them", () => {
    const map = readFileSync(join(repoRoot, LANDING_PAGE), "utf8");
    const linked = [...map.matchAll(/\]\(\.\.\/katas\/([^/)]+)\/README\.md\)/g)].map((match) => match[1]);
    assert.deepEqual(
      linked,
      katas.map((kata) => kata.id),
    );
  });
});

describe("code in the lessons", () => {
  it("is included from the stubs and the tests, never from the solutions", () => {
    const pages = [join(repoRoot, LANDING_PAGE), ...coursePages(repoRoot, katas).map((page) => page.path)];
    for (const page of pages) {
      for (const [, target] of readFileSync(page, "utf8").matchAll(/\{@include(?:Code)?\s+([^}#\s]+)/g)) {
        const file = relative(repoRoot, resolve(dirname(page), target));
        assert.match(file, /^(src|katas)\//, `${relative(repoRoot, page)} includes ${file}: lessons show the stubs and tests only`);
      }
    }
  });
});

describe("what the browser test expects", () => {
  it("opens the course map first, then every page at its slug, with each lesson's links and formula count", () => {
    const pages = coursePages(repoRoot, katas);
    const expected = expectedPages(repoRoot, pages);
    assert.deepEqual(
      expected.map((page) => page.url),
      ["index.html", ...pages.map((page) => `${page.slug}.html`)],
    );
    const [landing, first] = expected;
    assert.ok(landing.formulas > 0, "the course map shows math");
    assert.equal(first.previous, "index.html");
    assert.equal(first.next, `lessons/${katas[1].id}.html`);
    assert.equal(expected[katas.length].next, "course/learnings.html", "after the last lesson, what you learned");
    const backprop = expected.find((page) => page.url === "lessons/09-backprop.html");
    assert.equal(backprop?.heading, "09 · Backpropagation");
    assert.equal(backprop?.screenshot, "lessons-09-backprop.png");
    assert.ok((backprop?.formulas ?? 0) > 20, "the backprop lesson is full of math");
  });

  it("calls $…$ left in a page's text raw math, and dollar amounts prose", () => {
    for (const raw of ["$x$", "see $\\sigma(z)$ here", "$a' = \\sigma(wa + b)$.", "($\\eta$)"]) assert.match(raw, RAW_MATH, raw);
    for (const prose of ["costs $5 and $10", "$ npm run kata", "US$5, or $ 7$", "a $10 bill and a $20 bill", "$5$10"]) {
      assert.doesNotMatch(prose, RAW_MATH, prose);
    }
  });
});
