/**
 * `npm run test:browser`: open every page of the built site (`npm run docs`)
 * in headless Chromium, served from 127.0.0.1, on a 1280 px desktop in the
 * light theme and a 390 px phone in the dark one, and check what a reader
 * would see (`page-check.ts`): the right title and one heading, every
 * formula typeset, nothing wider than the screen, every image loaded and
 * described, code readable on its background, "Lesson N of 19" and working
 * previous/next links at the top and the foot of every lesson, each API
 * page's link to its lesson, no console error, no failed request and no
 * request that leaves the site; then what a reader does across the site
 * (`site-checks.ts`): the sidebar's lessons open, search over the lessons'
 * text. With `--screenshots`, saves a picture of each page at each width in
 * `docs/screenshots/` (`<page>-1280.png`, `<page>-390.png`, for a maintainer
 * to look at; the checks do not need them, and they take time).
 *
 * Uses Debian's Chromium (`apt-get install chromium`), never downloads a
 * browser. Without it the test is skipped, saying why, unless
 * REQUIRE_BROWSER_TEST=1 (as in CI), which makes a missing browser a failure.
 * The site is served by node:http on 127.0.0.1 and a free port, and Chromium
 * runs with a fresh profile that is deleted afterwards.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { runCommand } from "../core/cli.ts";
import { repoRoot } from "../core/paths.ts";
import { red, yellow } from "../core/style.ts";

/** Debian's Chromium; CHROMIUM_PATH names another build of it. */
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const REQUIRED = "REQUIRE_BROWSER_TEST";

const COMMAND = {
  name: "test:browser",
  usage: "npm run test:browser",
  summary:
    "Open every page of the built site (run `npm run docs` first) in headless Chromium at 1280 and 390 px and check titles, headings, math, width, images, code contrast, lesson links, search, console errors and requests.",
  flags: {
    screenshots: { type: "boolean", help: "also save a full-page screenshot of each page at each width in docs/screenshots/" },
  },
  notes: `Needs ${CHROMIUM} (apt-get install chromium, or CHROMIUM_PATH=another Chromium); skipped without it unless ${REQUIRED}=1.`,
} as const;

runCommand(COMMAND, async ({ values }) => {
  if (!existsSync(CHROMIUM)) {
    if (process.env[REQUIRED] === "1") {
      console.error(
        `${red("✖")} browser test: ${CHROMIUM} is missing and ${REQUIRED}=1 makes this test mandatory: apt-get install -y chromium`,
      );
      return 1;
    }
    console.log(
      `${yellow("SKIPPED")} browser test: Chromium is not installed at ${CHROMIUM}; install it (sudo apt-get install chromium) to run this test.`,
    );
    console.log("browser: 0 passed, 0 failed, 1 skipped");
    return 0;
  }
  if (!existsSync(join(repoRoot, "docs", "site", "index.html")))
    throw new Error("docs/site/index.html is missing: run `npm run docs` first");
  // Playwright and the site's page list load only when there is a browser to drive.
  const { checkSite } = await import("./browser-check.ts");
  return checkSite(CHROMIUM, values.screenshots);
});
