/**
 * The browser test's checks (see `browser-test.ts`): every page of the
 * built site, served from 127.0.0.1, opened in headless Chromium with a fresh
 * profile that is deleted afterwards.
 */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { secondsFromMs } from "../core/format.ts";
import { listKatas } from "../core/katas.ts";
import { inParallel } from "../core/parallel.ts";
import { repoRoot, scratchDir } from "../core/paths.ts";
import { green, red } from "../core/style.ts";
import { type ExpectedPage, expectedPages, RAW_MATH } from "./expected-pages.ts";
import { serveStatic } from "./static-server.ts";
import { coursePages } from "./theme.ts";

/** Pages open at once. */
const TABS = 3;
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

/** Check every page in the Chromium at `executablePath`, and with `screenshots` save a picture of each; the exit code. */
export async function checkSite(executablePath: string, screenshots: boolean): Promise<number> {
  const pages = expectedPages(repoRoot, coursePages(repoRoot, listKatas()));
  if (screenshots) {
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }
  const started = Date.now();
  const server = await serveStatic(SITE);
  console.log(`Checking ${pages.length} pages of docs/site/, served at ${server.url}, in ${executablePath}`);
  const profile = scratchDir("chromium");
  let failed = 0;
  try {
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
    });
    try {
      const results = await inParallel(pages, TABS, (expected) => checkPage(browser, server.url, expected, screenshots));
      results.forEach((problems, i) => {
        const { url, formulas } = pages[i];
        if (problems.length > 0) failed++;
        console.log(
          problems.length === 0 ? `${green("✔")} ${url} (${formulas} formulas)` : `${red("✖")} ${url}\n    ${problems.join("\n    ")}`,
        );
      });
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(`${screenshots ? "Screenshots in docs/screenshots/; c" : "C"}hecked in ${secondsFromMs(Date.now() - started)}`);
  console.log(`browser: ${pages.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

/** What the page shows, measured inside the browser (plain JavaScript: it runs there, not here). */
const PROBE = `(async () => {
  await document.fonts.ready;
  const content = document.querySelector(".col-content");
  const prose = content.cloneNode(true);
  for (const node of prose.querySelectorAll("pre, code, .katex, .katex-display, .katex-error")) node.remove();
  const katex = content.querySelector(".katex");
  const href = (rel) => content.querySelector(".lesson-nav a[rel=" + rel + "]")?.getAttribute("href") ?? null;
  return {
    headings: [...content.querySelectorAll("h1")].map((h1) => h1.textContent.trim()),
    formulas: content.querySelectorAll(".katex").length,
    mathml: content.querySelectorAll(".katex math").length,
    errors: [...content.querySelectorAll(".katex-error")].map((node) => node.getAttribute("title") ?? node.textContent),
    prose: prose.textContent,
    katexFont: katex ? getComputedStyle(katex).fontFamily : null,
    fontsLoaded: katex ? document.fonts.check("16px KaTeX_Main") : null,
    previous: href("prev"),
    next: href("next"),
  };
})()`;

interface Probe {
  headings: string[];
  formulas: number;
  mathml: number;
  errors: string[];
  prose: string;
  katexFont: string | null;
  fontsLoaded: boolean | null;
  previous: string | null;
  next: string | null;
}

/** Open one page, check it, and save its screenshot if asked; the problems found, none when it passes. */
async function checkPage(browser: BrowserContext, base: string, expected: ExpectedPage, screenshot: boolean): Promise<string[]> {
  const problems: string[] = [];
  const page = await browser.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
  page.on("request", (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith("data:"))
      problems.push(`request leaves the site (no CDN allowed): ${request.url()}`);
  });
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  try {
    await page.goto(base + expected.url, { waitUntil: "load" });
    const title = await page.title();
    if (!title.startsWith(expected.title)) problems.push(`title is "${title}", expected it to start with "${expected.title}"`);
    const probe = (await page.evaluate(PROBE)) as Probe;
    problems.push(...mathProblems(expected, probe), ...linkProblems(base, expected, probe));
    if (!probe.headings.includes(expected.heading)) problems.push(`no heading "${expected.heading}" (found ${probe.headings.join(", ")})`);
    if (screenshot) await page.screenshot({ path: join(SCREENSHOTS, expected.screenshot), fullPage: true });
  } catch (error) {
    problems.push((error as Error).message.split("\n")[0]);
  } finally {
    await page.close();
  }
  return problems;
}

function mathProblems(expected: ExpectedPage, probe: Probe): string[] {
  const problems = probe.errors.map((error) => `KaTeX error: ${error}`);
  if (probe.formulas !== expected.formulas)
    problems.push(`${probe.formulas} formulas typeset, but the page's markdown has ${expected.formulas}`);
  if (probe.mathml !== probe.formulas) problems.push(`${probe.formulas} formulas but ${probe.mathml} with MathML`);
  const raw = RAW_MATH.exec(probe.prose);
  if (raw) problems.push(`raw math left in the text: ${raw[0]}`);
  if (probe.formulas > 0 && !probe.katexFont?.includes("KaTeX_Main"))
    problems.push(`KaTeX's stylesheet is not applied (font ${probe.katexFont})`);
  if (probe.formulas > 0 && !probe.fontsLoaded) problems.push("KaTeX's fonts did not load");
  return problems;
}

function linkProblems(base: string, expected: ExpectedPage, probe: Probe): string[] {
  const problems: string[] = [];
  const pageUrl = new URL(expected.url, base);
  for (const [rel, want, got] of [
    ["previous", expected.previous, probe.previous],
    ["next", expected.next, probe.next],
  ] as const) {
    const target = got === null ? undefined : new URL(got, pageUrl).pathname.slice(1);
    if (target !== want) problems.push(`the ${rel} link goes to ${target ?? "nowhere"}, expected ${want ?? "no link"}`);
  }
  return problems;
}
