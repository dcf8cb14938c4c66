/**
 * What the course adds to TypeDoc's default theme: the pages (every kata's
 * lesson in course order, then the course-wide pages), each named by its
 * first `# heading`, grouped in the sidebar (the lessons' group open from the
 * first visit) and put at a readable URL (`lessons/01-matrices.html`);
 * "Lesson N of 19" with previous/next links at the top and the foot of each
 * lesson; on every API page, a link to the lesson that has the learner write
 * it; and KaTeX's stylesheet and fonts for the math.
 */
import { cpSync, existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import {
  type Application,
  Converter,
  type DefaultThemeRenderContext,
  type DocumentReflection,
  JSX,
  KindRouter,
  type Reflection,
  ReflectionKind,
  RendererEvent,
} from "typedoc";
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
  /** For a course page, what it holds, for the list on the landing page. */
  about?: string;
  /** For a lesson, the absolute paths of the `src/` files its kata has the learner write (`kata.json` `files`); none for a course page. */
  sources: readonly string[];
}

/** The landing page, the course map (TypeDoc's `readme`). */
export const LANDING_PAGE = "docs/index.md";

/** The course-wide pages after the lessons, in sidebar order; a missing optional page is left out. */
const COURSE_PAGES = [
  {
    file: "docs/learnings.md",
    slug: "course/learnings",
    optional: false,
    about: "the key ideas of the nineteen lessons, and the mistakes learners make on the way",
  },
  // Where your own network reads your handwriting (tools/site/draw/; its tests require the page).
  {
    file: "docs/draw.md",
    slug: "course/draw",
    optional: true,
    about: "draw a digit and watch the reference network, or your own, read it",
  },
  // Written by the comparison report's generator: shown once it exists.
  {
    file: "docs/comparison.md",
    slug: "course/comparison",
    optional: true,
    about: "accuracy, speed, memory and lines of code of your network beside TensorFlow.js and brain.js, measured on the same data",
  },
  // Written by `npm run seeds`: shown once it exists.
  {
    file: "docs/seeds.md",
    slug: "course/seeds",
    optional: true,
    about: "what the random starting weights decide: chapter 1's and chapter 3's recipes trained from eight seeds",
  },
  {
    file: "data/README.md",
    slug: "course/data",
    optional: false,
    about: "where MNIST comes from, and how the course checks that it is the real set",
  },
  // Left out of the learners' copy of the course (tools/grade/course-copy.ts), and so of their landing page.
  { file: "docs/instructors.md", slug: "course/instructors", optional: true, about: "handing out the katas, and grading them" },
];

/** The sidebar group of the lessons. */
const LESSONS: CoursePage["group"] = "Lessons";

/** Every page, lessons first in kata order. A required page that is missing throws. */
export function coursePages(root: string, katas: readonly Kata[]): CoursePage[] {
  const page = (file: string, group: CoursePage["group"], slug: string, sources: readonly string[] = []): CoursePage => {
    const path = join(root, file);
    return { path, title: firstHeading(readFileSync(path, "utf8"), file), group, slug, sources };
  };
  const lessons = katas.map((kata) =>
    page(
      kata.lesson,
      LESSONS,
      `lessons/${kata.id}`,
      kata.files.map((file) => join(root, "src", file)),
    ),
  );
  const course = COURSE_PAGES.flatMap(({ file, slug, optional, about }) => {
    if (existsSync(join(root, file))) return [{ ...page(file, "Course", slug), about }];
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

/** Where a lesson stands in the course: "Lesson `number` of `count`", and where its previous and next links go. */
export interface LessonPlace {
  /** From 1, in course order. */
  number: number;
  /** How many lessons there are. */
  count: number;
  previous: CoursePage | "landing";
  next?: CoursePage;
}

/** Each lesson's place, by slug: the course map before the first lesson, the first course page after the last. */
export function lessonPlaces(pages: readonly CoursePage[]): Map<string, LessonPlace> {
  const lessons = pages.filter((page) => page.group === LESSONS);
  const after = pages.find((page) => page.group === "Course");
  return new Map(
    lessons.map((lesson, i) => [
      lesson.slug,
      { number: i + 1, count: lessons.length, previous: lessons[i - 1] ?? "landing", next: lessons[i + 1] ?? after },
    ]),
  );
}

/** The text that places a lesson in the course. */
export const lessonCount = (place: LessonPlace) => `Lesson ${place.number} of ${place.count}`;

/**
 * TypeDoc keeps each sidebar group's open or closed state in localStorage
 * under `tsd-accordion-<group>`, closed until the reader opens it. This opens
 * the lessons' group for a reader who has not chosen yet (on a lesson page
 * TypeDoc opens it anyway, to show the page); one who closes it keeps it closed.
 */
const OPEN_LESSONS_GROUP = `try{const k="tsd-accordion-${LESSONS}";if(localStorage.getItem(k)===null)localStorage.setItem(k,"true")}catch{}`;

/** The name of the site's router: TypeDoc's "kind" router, with the course pages at their slugs. */
export const ROUTER = "course";

/** Install the course's pages, names, groups, URLs, lesson navigation, links from the API to the lessons and math styles into a TypeDoc application. */
export function installCourseTheme(app: Application, pages: readonly CoursePage[]): void {
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const places = lessonPlaces(pages);
  const lessonOfSource = new Map(pages.flatMap((page) => page.sources.map((source) => [resolve(source), page] as const)));
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
    JSX.createElement(
      JSX.Fragment,
      null,
      JSX.createElement("link", { rel: "stylesheet", href: context.relativeURL("assets/katex/katex.min.css") }),
      JSX.createElement("script", null, JSX.createElement(JSX.Raw, { html: OPEN_LESSONS_GROUP })),
    ),
  );

  /** "Lesson N of 19" between the links to the previous and the next page, for the top or the foot of a lesson. */
  const lessonNav = (context: DefaultThemeRenderContext, where: "top" | "foot") => {
    const page = pageOf.get(context.page.model as Reflection);
    const place = page && places.get(page.slug);
    if (!place) return undefined;
    const link = (rel: string, target: CoursePage, text: string) => {
      const doc = docOf.get(target);
      return doc && JSX.createElement("a", { rel, href: context.urlTo(doc) }, text);
    };
    const { previous, next } = place;
    return JSX.createElement(
      "nav",
      { class: `lesson-nav lesson-nav-${where}`, "aria-label": "Previous and next lesson" },
      previous === "landing"
        ? JSX.createElement("a", { rel: "prev", href: context.relativeURL("index.html") }, "← Course map")
        : link("prev", previous, `← ${previous.title}`),
      JSX.createElement("span", { class: "lesson-count" }, lessonCount(place)),
      next && link("next", next, `${next.title} →`),
    );
  };

  /** On a page of the API, the lesson whose kata has the learner write its module. */
  const lessonSource = (context: DefaultThemeRenderContext) => {
    let module: Reflection | undefined = context.page.model as Reflection;
    while (module && !module.kindOf(ReflectionKind.Module)) module = module.parent;
    const file = module && context.page.project.getSymbolIdFromReflection(module)?.fileName;
    const lesson = file && lessonOfSource.get(resolve(file));
    const doc = lesson && docOf.get(lesson);
    if (!lesson || !doc) return undefined;
    return JSX.createElement(
      "p",
      { class: "lesson-source" },
      "Written in lesson ",
      JSX.createElement("a", { href: context.urlTo(doc) }, lesson.title),
    );
  };

  /** On the landing page, the course's other pages: generated, so a page left out of a copy of the course leaves no broken link. */
  const otherPages = (context: DefaultThemeRenderContext) => {
    if (context.page.url !== "index.html") return undefined;
    const items = pages.flatMap((page) => {
      const doc = docOf.get(page);
      if (page.group !== "Course" || !doc) return [];
      return [
        JSX.createElement("li", null, JSX.createElement("a", { href: context.urlTo(doc) }, page.title), page.about && `: ${page.about}.`),
      ];
    });
    return JSX.createElement(
      "section",
      { class: "tsd-typography other-pages" },
      JSX.createElement("h2", { id: "the-course-s-other-pages" }, "The course's other pages"),
      JSX.createElement("ul", null, ...items),
    );
  };

  const nothing = JSX.createElement(JSX.Fragment, null);
  app.renderer.hooks.on("content.begin", (context) => lessonNav(context, "top") ?? lessonSource(context) ?? nothing);
  app.renderer.hooks.on("content.end", (context) => lessonNav(context, "foot") ?? otherPages(context) ?? nothing);

  app.renderer.on(RendererEvent.END, (event) => copyKatexAssets(event.outputDirectory));
}

/** KaTeX's stylesheet and the fonts it names, into `assets/katex/` of the site. */
function copyKatexAssets(site: string): void {
  const dist = dirname(createRequire(import.meta.url).resolve("katex/dist/katex.min.css"));
  const target = join(site, "assets", "katex");
  cpSync(join(dist, "katex.min.css"), join(target, "katex.min.css"));
  cpSync(join(dist, "fonts"), join(target, "fonts"), { recursive: true });
}
