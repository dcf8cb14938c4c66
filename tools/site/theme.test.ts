import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../katas/support/property.ts";
import { DEFAULT_POINTS, type Kata, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { tempDir } from "../core/test-trees.ts";
import { expectedPages, RAW_MATH } from "./expected-pages.ts";
import { type CoursePage, coursePages, firstHeading, LANDING_PAGE, lessonCount, lessonPlaces } from "./theme.ts";

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

const coursePage = (slug: string, group: CoursePage["group"]): CoursePage => ({
  path: `/${slug}.md`,
  title: slug,
  group,
  slug,
  sources: [],
});

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
    const optional = ["course/draw", "course/comparison", "course/seeds", "course/instructors"];
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
    const withSeeds = scratchRepo({ ...base, "docs/seeds.md": "# Seeds\n" });
    assert.deepEqual(
      coursePages(withSeeds.root, withSeeds.katas).map((page) => page.slug),
      ["lessons/01-a", "lessons/02-b", "course/learnings", "course/seeds", "course/data"],
      "the seed report is shown once npm run seeds has written it",
    );
    const missing = scratchRepo({ "data/README.md": "# Data\n" });
    assert.throws(() => coursePages(missing.root, missing.katas), /docs\/learnings\.md is missing/);
  });

  it("give each lesson the src/ files its kata writes, and every src/ file to exactly one lesson", () => {
    const pages = coursePages(repoRoot, katas);
    for (const [i, kata] of katas.entries()) {
      assert.deepEqual(
        pages[i].sources,
        kata.files.map((file) => join(repoRoot, "src", file)),
      );
    }
    const sources = pages.flatMap((page) => page.sources.map((source) => relative(join(repoRoot, "src"), source)));
    const stubs = readdirSync(join(repoRoot, "src")).filter((file) => file.endsWith(".ts"));
    assert.deepEqual([...sources].sort(), stubs.sort(), "every API page can link its lesson");
    assert.ok(
      pages.filter((page) => page.group === "Course").every((page) => page.sources.length === 0),
      "course pages write no code",
    );
  });

  it("need a # heading to name each page", () => {
    assert.equal(firstHeading("intro\n# 09 · Backpropagation \n## The idea\n", "x.md"), "09 · Backpropagation");
    assert.throws(
      () => firstHeading("## Only a subheading\n#Not a heading\n", "katas/99-x/README.md"),
      /katas\/99-x\/README\.md has no "# Title" line/,
    );
  });

  it("number each lesson among all of them, and link it to the one before (the course map before the first) and the one after (the first course page after the last)", () => {
    assertProperty(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 0, max: 3 }), (count, courseCount) => {
        const lessons = Array.from({ length: count }, (_, i) => coursePage(`lessons/${i}`, "Lessons"));
        const course = Array.from({ length: courseCount }, (_, i) => coursePage(`course/${i}`, "Course"));
        const places = lessonPlaces([...lessons, ...course]);
        assert.equal(places.size, count, "only lessons have a place and previous/next links");
        lessons.forEach((lesson, i) => {
          const place = places.get(lesson.slug);
          assert.equal(place && lessonCount(place), `Lesson ${i + 1} of ${count}`);
          assert.equal(place?.previous, i === 0 ? "landing" : lessons[i - 1]);
          assert.equal(place?.next, i === count - 1 ? course[0] : lessons[i + 1]);
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

describe("what the browser test expects", () => {
  it("opens the course map first, then every page at its slug, with each lesson's place, links and formula count", () => {
    const pages = coursePages(repoRoot, katas);
    const expected = expectedPages(repoRoot, pages);
    assert.deepEqual(
      expected.slice(0, pages.length + 1).map((page) => page.url),
      ["index.html", ...pages.map((page) => `${page.slug}.html`)],
    );
    const [landing, first] = expected;
    assert.equal(landing.heading, "The course map", "the course map's own title is its one heading");
    assert.ok((landing.formulas ?? 0) > 0, "the course map shows math");
    assert.deepEqual(first.lesson, { count: `Lesson 1 of ${katas.length}`, previous: "index.html", next: `lessons/${katas[1].id}.html` });
    const last = expected[katas.length].lesson;
    assert.equal(last?.count, `Lesson ${katas.length} of ${katas.length}`);
    assert.equal(last?.next, "course/learnings.html", "after the last lesson, what you learned");
    assert.ok(
      expected.slice(katas.length + 1).every((page) => page.lesson === undefined),
      "only lessons have a place in the course",
    );
    const backprop = expected.find((page) => page.url === "lessons/09-backprop.html");
    assert.equal(backprop?.heading, "09 · Backpropagation");
    assert.equal(backprop?.screenshot, "lessons-09-backprop");
    assert.ok((backprop?.formulas ?? 0) > 20, "the backprop lesson is full of math");
  });

  it("then the API page of every module a kata writes, each linking the kata's lesson", () => {
    const api = expectedPages(repoRoot, coursePages(repoRoot, katas)).filter((page) => page.url.startsWith("modules/"));
    assert.deepEqual(
      api.map((page) => [page.url, page.writtenIn]),
      katas.flatMap((kata) => kata.files.map((file) => [`modules/${file.replace(/\.ts$/, "")}.html`, `lessons/${kata.id}.html`])),
    );
    const matrix = api.find((page) => page.url === "modules/matrix.html");
    assert.equal(matrix?.heading, "Module matrix");
    assert.equal(matrix?.formulas, undefined, "an API page's formulas come from the doc comments: not counted");
  });

  it("calls $…$ left in a page's text raw math, and dollar amounts prose", () => {
    for (const raw of ["$x$", "see $\\sigma(z)$ here", "$a' = \\sigma(wa + b)$.", "($\\eta$)"]) assert.match(raw, RAW_MATH, raw);
    for (const prose of ["costs $5 and $10", "$ npm run kata", "US$5, or $ 7$", "a $10 bill and a $20 bill", "$5$10"]) {
      assert.doesNotMatch(prose, RAW_MATH, prose);
    }
  });
});
