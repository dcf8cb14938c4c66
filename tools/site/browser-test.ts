/**
 * `npm run test:browser`: open every page of the built site (`npm run docs`)
 * in headless Chromium, served from 127.0.0.1, and check what a reader would
 * see: the right title, every formula typeset (no raw `$…$`, no KaTeX error,
 * KaTeX's stylesheet and fonts loaded), working previous/next links between
 * lessons, no console error, no failed request and no request that leaves
 * the site. With `--screenshots`, saves a picture of each page in
 * `docs/screenshots/` (for a maintainer to look at; the checks do not need
 * them, and they take a third of the test's time).
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
    "Open every page of the built site (run `npm run docs` first) in headless Chromium and check titles, math, lesson links, console errors and requests.",
  flags: {
    screenshots: { type: "boolean", help: "also save a full-page screenshot of each page in docs/screenshots/" },
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
