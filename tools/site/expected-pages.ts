/**
 * What the browser test expects of each page of the built site: the landing
 * page, every lesson, every course page and the API page of every module a
 * kata writes, with the title and heading each must show, how many formulas
 * it must show typeset, and the links that place it in the course (a
 * lesson's "Lesson N of 19" with previous/next, an API page's lesson).
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { countFormulas } from "./math.ts";
import { type CoursePage, firstHeading, LANDING_PAGE, lessonCount, lessonPlaces } from "./theme.ts";

export interface ExpectedPage {
  /** The page's path in the site: `index.html`, `lessons/09-backprop.html`. */
  url: string;
  /** How the page's `<title>` starts. */
  title: string;
  /** The page's one `<h1>`. */
  heading: string;
  /** How many formulas the page's markdown holds, all of which it must show typeset; not counted on an API page. */
  formulas?: number;
  /** For a lesson: its place ("Lesson 9 of 19") and the site paths of its previous and next links, at its top and its foot. */
  lesson?: { count: string; previous: string; next?: string };
  /** For an API page: the site path of the lesson that has the learner write its module. */
  writtenIn?: string;
  /** The screenshots' name, before `-<width>.png`. */
  screenshot: string;
}

export function expectedPages(root: string, pages: readonly CoursePage[]): ExpectedPage[] {
  const places = lessonPlaces(pages);
  const site = JSON.parse(readFileSync(join(root, "typedoc.json"), "utf8")) as { name: string };
  const landingText = readFileSync(join(root, LANDING_PAGE), "utf8");
  const landing: ExpectedPage = {
    url: "index.html",
    title: site.name,
    heading: firstHeading(landingText, LANDING_PAGE),
    formulas: countFormulas(landingText),
    screenshot: "index",
  };
  const course = pages.map((page): ExpectedPage => {
    const place = places.get(page.slug);
    return {
      url: `${page.slug}.html`,
      title: page.title,
      heading: page.title,
      formulas: countFormulas(readFileSync(page.path, "utf8")),
      lesson: place && {
        count: lessonCount(place),
        previous: place.previous === "landing" ? landing.url : `${place.previous.slug}.html`,
        next: place.next && `${place.next.slug}.html`,
      },
      screenshot: page.slug.replace("/", "-"),
    };
  });
  const api = pages.flatMap((page) =>
    page.sources.map((source): ExpectedPage => {
      const module = basename(source, ".ts");
      return {
        url: `modules/${module}.html`,
        title: module,
        heading: `Module ${module}`,
        writtenIn: `${page.slug}.html`,
        screenshot: `modules-${module}`,
      };
    }),
  );
  return [landing, ...course, ...api];
}

/**
 * Text that looks like a formula left untypeset: `$` before a non-space,
 * then `$` after a non-space and not before a digit (the rule the math
 * plugin uses, so "costs $5 and $10" is prose, not a formula).
 */
export const RAW_MATH = /\$[^\s$](?:[^$]*[^\s$])?\$(?!\d)/;
