/**
 * The browser test's checks of what a reader does across the site, rather
 * than of one page: each runs at every screen width, in a fresh browser
 * context of its own (nothing stored by another page), and returns the
 * problems it finds.
 */
import type { BrowserContext } from "playwright-core";
import { checkDrawingPage } from "./draw-check.ts";
import { onWatchedPage } from "./page-check.ts";

/** A check at one screen width, in a fresh context whose viewport is `width` wide, of the site served at `siteUrl`. */
export interface SiteCheck {
  /** What passes, said as a fact: "search finds the lessons' text". */
  name: string;
  run: (context: BrowserContext, siteUrl: string, width: number) => Promise<string[]>;
}

/** A word of a lesson's text (lesson 01's), in no page's title. */
const LESSON_WORD = "Hadamard";

/** How long the site's scripts may take to build the sidebar or the search index. */
const SCRIPT_MS = 5000;

export const SITE_CHECKS: SiteCheck[] = [
  { name: "the sidebar's lessons are open on a first visit to the course map", run: lessonsOpenOnLanding },
  { name: `search finds "${LESSON_WORD}" in a lesson's text`, run: searchFindsLessonText },
  {
    name: "the drawing page reads test digits drawn as strokes like the Node model, and rejects a model of the wrong shape",
    run: checkDrawingPage,
  },
];

function lessonsOpenOnLanding(context: BrowserContext, siteUrl: string): Promise<string[]> {
  return onWatchedPage(context, siteUrl, async (page, problems) => {
    await page.goto(`${siteUrl}index.html`, { waitUntil: "load" });
    const group = page.locator('#tsd-nav-container summary[data-key="Lessons"]');
    await group.waitFor({ state: "attached", timeout: SCRIPT_MS });
    if (!(await group.evaluate((summary) => (summary.parentElement as HTMLDetailsElement).open)))
      problems.push("the Lessons group is closed");
  });
}

function searchFindsLessonText(context: BrowserContext, siteUrl: string): Promise<string[]> {
  return onWatchedPage(context, siteUrl, async (page, problems) => {
    await page.goto(`${siteUrl}index.html`, { waitUntil: "load" });
    await page.click("#tsd-search-trigger");
    await page.fill("#tsd-search-input", LESSON_WORD);
    const results = page.locator("#tsd-search-results a");
    try {
      await page.locator('#tsd-search-results a[href*="lessons/"]').first().waitFor({ timeout: SCRIPT_MS });
    } catch {
      const found = await results.evaluateAll((links) => links.map((link) => link.getAttribute("href")));
      problems.push(`no lesson among the results: ${found.join(", ") || "none"}`);
    }
  });
}
