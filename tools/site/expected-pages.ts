/**
 * What the browser test expects of each page of the built site: the landing
 * page, every lesson and every course page, with the title each must show,
 * how many formulas it must show typeset, and where its previous/next links go.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { countFormulas } from "./math.ts";
import { type CoursePage, firstHeading, LANDING_PAGE, neighbours } from "./theme.ts";

export interface ExpectedPage {
  /** The page's path in the site: `index.html`, `lessons/09-backprop.html`. */
  url: string;
  /** How the page's `<title>` starts. */
  title: string;
  /** The `# heading` the page shows. */
  heading: string;
  /** How many formulas the page's markdown holds: the page must show them all typeset. */
  formulas: number;
  /** The site paths of the lesson's previous and next links. */
  previous?: string;
  next?: string;
  /** The screenshot's file name. */
  screenshot: string;
}

export function expectedPages(root: string, pages: readonly CoursePage[]): ExpectedPage[] {
  const links = neighbours(pages);
  const site = JSON.parse(readFileSync(join(root, "typedoc.json"), "utf8")) as { name: string };
  const landingText = readFileSync(join(root, LANDING_PAGE), "utf8");
  const landing: ExpectedPage = {
    url: "index.html",
    title: site.name,
    heading: firstHeading(landingText, LANDING_PAGE),
    formulas: countFormulas(landingText),
    screenshot: "index.png",
  };
  return [
    landing,
    ...pages.map((page): ExpectedPage => {
      const around = links.get(page.slug);
      return {
        url: `${page.slug}.html`,
        title: page.title,
        heading: page.title,
        formulas: countFormulas(readFileSync(page.path, "utf8")),
        previous: around && (around.previous === "landing" ? landing.url : `${around.previous.slug}.html`),
        next: around?.next && `${around.next.slug}.html`,
        screenshot: `${page.slug.replace("/", "-")}.png`,
      };
    }),
  ];
}

/**
 * Text that looks like a formula left untypeset: `$` before a non-space,
 * then `$` after a non-space and not before a digit (the rule the math
 * plugin uses, so "costs $5 and $10" is prose, not a formula).
 */
export const RAW_MATH = /\$[^\s$](?:[^$]*[^\s$])?\$(?!\d)/;
