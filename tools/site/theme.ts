/**
 * What the course adds to TypeDoc's default theme: the pages (every kata's
 * lesson in course order, then the course-wide pages), each named by its
 * first `# heading`, grouped in the sidebar and put at a readable URL
 * (`lessons/01-matrices.html`), previous/next links between the lessons, and
 * KaTeX's stylesheet and fonts for the math.
 */
import { cpSync, existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type Application, Converter, type DocumentReflection, JSX, KindRouter, type Reflection, RendererEvent } from "typedoc";
import type { Kata } from "../core/katas.ts";

/** One page of the site besides the landing page and the API reference. */
export interface CoursePage {
  /** Absolute path of the markdown file. */
  path: string;
  /** The page's name: the file's first `# heading`. */
  title: string;
  group: "Lessons" | "Course";
  /** Where the page goes in the site, without `.html`: `lessons/01-matrices`, `course/learnings`. */
  slug: string;
}

/** The landing page, the course map (TypeDoc's `readme`). */
export const LANDING_PAGE = "docs/index.md";

/** The course-wide pages after the lessons, in sidebar order; a missing optional page is left out. */
const COURSE_PAGES = [
  { file: "docs/learnings.md", slug: "course/learnings", optional: false },
  // Written by the comparison report's generator: shown once it exists.
  { file: "docs/comparison.md", slug: "course/comparison", optional: true },
  { file: "data/README.md", slug: "course/data", optional: false },
  { file: "docs/instructors.md", slug: "course/instructors", optional: true },
];

/** Every page, lessons first in kata order. A required page that is missing throws. */
export function coursePages(root: string, katas: readonly Kata[]): CoursePage[] {
  const page = (file: string, group: CoursePage["group"], slug: string): CoursePage => {
    const path = join(root, file);
    return { path, title: firstHeading(readFileSync(path, "utf8"), file), group, slug };
  };
  const lessons = katas.map((kata) => page(kata.lesson, "Lessons", `lessons/${kata.id}`));
  const course = COURSE_PAGES.flatMap(({ file, slug, optional }) => {
    if (existsSync(join(root, file))) return [page(file, "Course", slug)];
    if (optional) return [];
    throw new Error(`${file} is missing: the site needs it`);
  });
  return [...lessons, ...course];
}

/** The text of the first `# heading` of a markdown file. */
export function firstHeading(markdown: string, file: string): string {
  const heading = /^# (.+)$/m.exec(markdown)?.[1]?.trim();
  if (!heading) throw new Error(`${file} has no "# Title" line to name its page`);
  return heading;
}

/** Where a lesson's previous and next links go. */
export interface Neighbours {
  previous: CoursePage | "landing";
  next?: CoursePage;
}

/** Each lesson's neighbours, by slug: the course map before the first lesson, the first course page after the last. */
export function neighbours(pages: readonly CoursePage[]): Map<string, Neighbours> {
  const lessons = pages.filter((page) => page.group === "Lessons");
  const after = pages.find((page) => page.group === "Course");
  return new Map(lessons.map((lesson, i) => [lesson.slug, { previous: lessons[i - 1] ?? "landing", next: lessons[i + 1] ?? after }]));
}

/** The name of the site's router: TypeDoc's "kind" router, with the course pages at their slugs. */
export const ROUTER = "course";

/** Install the course's pages, names, groups, URLs, lesson navigation and math styles into a TypeDoc application. */
export function installCourseTheme(app: Application, pages: readonly CoursePage[]): void {
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const links = neighbours(pages);
  const pageOf = new Map<Reflection, CoursePage>();
  const docOf = new Map<CoursePage, DocumentReflection>();

  app.renderer.defineRouter(
    ROUTER,
    class extends KindRouter {
      protected override getIdealBaseName(reflection: Reflection): string {
        return pageOf.get(reflection)?.slug ?? super.getIdealBaseName(reflection);
      }
    },
  );

  app.converter.on(Converter.EVENT_CREATE_DOCUMENT, (_context, doc) => {
    const path = app.files.getReflectionPath(doc);
    const page = path && byPath.get(path);
    if (!page) return;
    doc.name = page.title;
    doc.frontmatter.group = page.group;
    pageOf.set(doc, page);
    docOf.set(page, doc);
  });

  app.renderer.hooks.on("head.end", (context) =>
    JSX.createElement("link", { rel: "stylesheet", href: context.relativeURL("assets/katex/katex.min.css") }),
  );

  app.renderer.hooks.on("content.end", (context) => {
    const page = pageOf.get(context.page.model as Reflection);
    const around = page && links.get(page.slug);
    if (!around) return JSX.createElement(JSX.Fragment, null);
    const { previous, next } = around;
    const link = (rel: string, target: CoursePage, text: string) => {
      const doc = docOf.get(target);
      return doc && JSX.createElement("a", { rel, href: context.urlTo(doc) }, text);
    };
    return JSX.createElement(
      "nav",
      { class: "lesson-nav", "aria-label": "Previous and next lesson" },
      previous === "landing"
        ? JSX.createElement("a", { rel: "prev", href: context.relativeURL("index.html") }, "← Course map")
        : link("prev", previous, `← ${previous.title}`),
      next && link("next", next, `${next.title} →`),
    );
  });

  app.renderer.on(RendererEvent.END, (event) => copyKatexAssets(event.outputDirectory));
}

/** KaTeX's stylesheet and the fonts it names, into `assets/katex/` of the site. */
function copyKatexAssets(site: string): void {
  const dist = dirname(createRequire(import.meta.url).resolve("katex/dist/katex.min.css"));
  const target = join(site, "assets", "katex");
  cpSync(join(dist, "katex.min.css"), join(target, "katex.min.css"));
  cpSync(join(dist, "fonts"), join(target, "fonts"), { recursive: true });
}
