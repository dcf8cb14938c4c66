/**
 * The browser test's run (see `browser-test.ts`): every page of the built
 * site, served from 127.0.0.1, opened in one headless Chromium on two
 * screens, a desktop's 1280 px in the light theme and a phone's 390 px in
 * the dark one (`screens.ts`): each page loads once and is resized and
 * recoloured for each screen; then the site-wide checks (`site-checks.ts`),
 * each on both screens in a fresh context, a phone's with touch.
 */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { secondsFromMs } from "../core/format.ts";
import { listKatas } from "../core/katas.ts";
import { inParallel } from "../core/parallel.ts";
import { repoRoot } from "../core/paths.ts";
import { green, red } from "../core/style.ts";
import { expectedPages } from "./expected-pages.ts";
import { checkPage } from "./page-check.ts";
import { contextOptions, SCREENS, type Screen } from "./screens.ts";
import { SITE_CHECKS } from "./site-checks.ts";
import { serveStatic } from "./static-server.ts";
import { coursePages } from "./theme.ts";

/** Pages open at once. */
const TABS = 4;
const SITE = join(repoRoot, "docs", "site");
const SCREENSHOTS = join(repoRoot, "docs", "screenshots");
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

/** Check every page in the Chromium at `executablePath` on every screen, and with `screenshots` save a picture of each; the exit code. */
export async function checkSite(executablePath: string, screenshots: boolean): Promise<number> {
  const pages = expectedPages(repoRoot, coursePages(repoRoot, listKatas()));
  if (screenshots) {
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }
  const started = Date.now();
  const server = await serveStatic(SITE);
  const widths = SCREENS.map((screen) => `${screen.width} px`).join(" and ");
  console.log(`Checking ${pages.length} pages of docs/site/ at ${widths}, served at ${server.url}, in ${executablePath}`);
  let failed = 0;
  const report = (what: string, problems: readonly string[]) => {
    if (problems.length > 0) failed++;
    console.log(problems.length === 0 ? `${green("✔")} ${what}` : `${red("✖")} ${what}\n    ${problems.join("\n    ")}`);
  };
  // Playwright gives the browser a fresh profile in a temporary folder, and deletes it on close.
  const browser = await chromium.launch({ executablePath, headless: true, args: ARGS });
  try {
    // A desktop's context, whose pages are resized to each screen: being a phone is fixed for a whole context.
    const context = await browser.newContext(contextOptions({ ...SCREENS[0], phone: false }));
    const results = await inParallel(pages, TABS, (expected) =>
      checkPage(context, server.url, expected, SCREENS, screenshots ? SCREENSHOTS : undefined),
    );
    for (const [i, expected] of pages.entries())
      report(`${expected.url}${expected.formulas === undefined ? "" : ` (${expected.formulas} formulas)`}`, results[i]);
    const checked = await Promise.all(
      SITE_CHECKS.map((check) => Promise.all(SCREENS.map((screen) => siteCheck(browser, screen, server.url, check.run)))),
    );
    for (const [i, check] of SITE_CHECKS.entries())
      report(
        check.name,
        checked[i].flatMap((problems, s) => problems.map((problem) => `${SCREENS[s].width} px: ${problem}`)),
      );
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`${screenshots ? "Screenshots in docs/screenshots/; c" : "C"}hecked in ${secondsFromMs(Date.now() - started)}`);
  const total = pages.length + SITE_CHECKS.length;
  console.log(`browser: ${total - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

/** Run a site-wide check on `screen`, in a context of its own. */
async function siteCheck(browser: Browser, screen: Screen, siteUrl: string, run: (typeof SITE_CHECKS)[number]["run"]): Promise<string[]> {
  const context = await browser.newContext(contextOptions(screen));
  try {
    return await run(context, siteUrl, screen.width);
  } finally {
    await context.close();
  }
}
