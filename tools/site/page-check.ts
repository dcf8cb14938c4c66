/**
 * The browser test's check of one page: what a reader sees, measured inside
 * Chromium. The right title and one `<h1>`; every formula typeset (no raw
 * `$…$`, no KaTeX error, KaTeX's stylesheet and fonts loaded); every image
 * loaded and described; a lesson's "Lesson N of 19" and previous/next links
 * at its top and its foot, an API page's link to its lesson; no console
 * error, no failed request and no request that leaves the site. Then, on
 * each screen in turn (the page loads once): nothing wider than the screen,
 * so the page never scrolls sideways (a wide table or formula scrolls in its
 * own box), and code readable on its background (WCAG AA contrast) in that
 * screen's colour scheme.
 */
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { type ExpectedPage, RAW_MATH } from "./expected-pages.ts";
import { type Screen, showOn } from "./screens.ts";

/** WCAG AA's least contrast for body text. */
const MIN_CONTRAST = 4.5;

/** Report on `problems` what goes wrong while `page` loads: console errors, script errors, failed or outside requests. */
export function watchPage(page: Page, base: string, problems: string[]): void {
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
}

/** Run `check` on a new page of `context`, watched as `watchPage` does, and close it; the problems found, a thrown error's first line among them. */
export async function onWatchedPage(
  context: BrowserContext,
  base: string,
  check: (page: Page, problems: string[]) => Promise<void>,
): Promise<string[]> {
  const problems: string[] = [];
  const page = await context.newPage();
  watchPage(page, base, problems);
  try {
    await check(page, problems);
  } catch (error) {
    problems.push((error as Error).message.split("\n")[0]);
  } finally {
    await page.close();
  }
  return problems;
}

/**
 * Open one page in `context`, check it on each of `screens`, and with
 * `screenshots` save its picture on each there (`<name>-<width>.png`); the
 * problems found, none when it passes.
 */
export async function checkPage(
  context: BrowserContext,
  base: string,
  expected: ExpectedPage,
  screens: readonly Screen[],
  screenshots: string | undefined,
): Promise<string[]> {
  const problems: string[] = [];
  const page = await context.newPage();
  watchPage(page, base, problems);
  try {
    await page.goto(base + expected.url, { waitUntil: "load" });
    const title = await page.title();
    if (!title.startsWith(expected.title)) problems.push(`title is "${title}", expected it to start with "${expected.title}"`);
    for (const [i, screen] of screens.entries()) {
      await showOn(page, screen);
      const probe = (await page.evaluate(`(${PROBE})(${screen.width}, ${MIN_CONTRAST})`)) as Probe;
      // What does not depend on the screen, once.
      if (i === 0)
        problems.push(
          ...headingProblems(expected, probe),
          ...mathProblems(expected, probe),
          ...imageProblems(probe),
          ...lessonProblems(base, expected, probe),
        );
      problems.push(...layoutProblems(screen.width, probe).map((problem) => `${screen.width} px: ${problem}`));
      if (screenshots) await page.screenshot({ path: join(screenshots, `${expected.screenshot}-${screen.width}.png`), fullPage: true });
    }
  } catch (error) {
    problems.push((error as Error).message.split("\n")[0]);
  } finally {
    await page.close();
  }
  // A broken image is asked for again at each screen: one report is enough.
  return [...new Set(problems)];
}

/**
 * What the page shows, measured inside the browser: plain JavaScript, since
 * it runs there, a function of the screen's width and the least contrast.
 */
const PROBE = `async (width, minContrast) => {
  await document.fonts.ready;
  for (const img of document.images) if (img.loading === "lazy") img.loading = "eager";
  await Promise.all([...document.images].map((img) => img.complete || new Promise((done) => { img.onload = img.onerror = done; })));
  const content = document.querySelector(".col-content");
  const prose = content.cloneNode(true);
  for (const node of prose.querySelectorAll("pre, code, .katex, .katex-display, .katex-error")) node.remove();
  const katex = content.querySelector(".katex");
  const h1 = document.querySelector("h1");
  const href = (nav, rel) => nav.querySelector("a[rel=" + rel + "]")?.getAttribute("href") ?? null;
  const name = (el) => el.tagName.toLowerCase() + [...el.classList].map((c) => "." + c).join("") +
    ' "' + el.textContent.trim().replace(/\\s+/g, " ").slice(0, 40) + '"';

  // Outside the screen and not inside a box that scrolls, clips or stays put: what makes the page scroll sideways.
  const widest = () => {
    let found = null;
    for (const el of document.body.querySelectorAll("*")) {
      const right = el.getBoundingClientRect().right;
      if (right <= width + 0.5 || (found && right <= found.right)) continue;
      let contained = false;
      for (let box = el; box && box !== document.body; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (style.position === "fixed" || (box !== el && style.overflowX !== "visible")) contained = true;
      }
      if (!contained) found = { el, right };
    }
    return found && name(found.el) + " reaches " + Math.round(found.right) + " px";
  };

  const rgb = (colour) => colour.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => {
    const linear = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const background = (el) => {
    for (let box = el; box; box = box.parentElement) {
      const colour = rgb(getComputedStyle(box).backgroundColor);
      if (colour.length < 4 || colour[3] > 0) return colour;
    }
    return [255, 255, 255];
  };
  const lowContrast = new Map();
  for (const el of content.querySelectorAll("pre, pre *, code")) {
    if (![...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim())) continue;
    const [fg, bg] = [getComputedStyle(el).color, background(el)];
    const [a, b] = [luminance(rgb(fg)), luminance(bg)];
    const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const pair = fg + " on rgb(" + bg.slice(0, 3).join(", ") + ")";
    if (contrast < minContrast && !lowContrast.has(pair)) lowContrast.set(pair, pair + ": " + contrast.toFixed(1) + ' ("' + el.textContent.trim().slice(0, 20) + '")');
  }

  const pageWidth = document.documentElement.scrollWidth;
  return {
    headings: [...document.querySelectorAll("h1")].map((node) => node.textContent.trim()),
    formulas: content.querySelectorAll(".katex").length,
    mathml: content.querySelectorAll(".katex math").length,
    errors: [...content.querySelectorAll(".katex-error")].map((node) => node.getAttribute("title") ?? node.textContent),
    prose: prose.textContent,
    katexFont: katex ? getComputedStyle(katex).fontFamily : null,
    fontsLoaded: katex ? document.fonts.check("16px KaTeX_Main") : null,
    pageWidth,
    widest: pageWidth > width ? widest() : null,
    images: [...document.images].map((img) => ({ src: img.getAttribute("src"), loaded: img.naturalWidth > 0, alt: img.getAttribute("alt")?.trim() ?? "" })),
    lowContrast: [...lowContrast.values()],
    navs: [...content.querySelectorAll(".lesson-nav")].map((nav) => ({
      count: nav.querySelector(".lesson-count")?.textContent ?? null,
      previous: href(nav, "prev"),
      next: href(nav, "next"),
      place: h1 && nav.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING ? "top" : content.lastElementChild === nav ? "foot" : "middle",
    })),
    writtenIn: content.querySelector(".lesson-source a")?.getAttribute("href") ?? null,
  };
}`;

interface Probe {
  headings: string[];
  formulas: number;
  mathml: number;
  errors: string[];
  prose: string;
  katexFont: string | null;
  fontsLoaded: boolean | null;
  pageWidth: number;
  widest: string | null;
  images: { src: string; loaded: boolean; alt: string }[];
  lowContrast: string[];
  navs: { count: string | null; previous: string | null; next: string | null; place: "top" | "foot" | "middle" }[];
  writtenIn: string | null;
}

function headingProblems(expected: ExpectedPage, probe: Probe): string[] {
  const [only, ...more] = probe.headings;
  if (only === expected.heading && more.length === 0) return [];
  return [`expected one heading, "${expected.heading}", found ${probe.headings.map((h) => `"${h}"`).join(", ") || "none"}`];
}

function mathProblems(expected: ExpectedPage, probe: Probe): string[] {
  const problems = probe.errors.map((error) => `KaTeX error: ${error}`);
  if (expected.formulas !== undefined && probe.formulas !== expected.formulas)
    problems.push(`${probe.formulas} formulas typeset, but the page's markdown has ${expected.formulas}`);
  if (probe.mathml !== probe.formulas) problems.push(`${probe.formulas} formulas but ${probe.mathml} with MathML`);
  const raw = RAW_MATH.exec(probe.prose);
  if (raw) problems.push(`raw math left in the text: ${raw[0]}`);
  if (probe.formulas > 0 && !probe.katexFont?.includes("KaTeX_Main"))
    problems.push(`KaTeX's stylesheet is not applied (font ${probe.katexFont})`);
  if (probe.formulas > 0 && !probe.fontsLoaded) problems.push("KaTeX's fonts did not load");
  return problems;
}

function imageProblems(probe: Probe): string[] {
  return probe.images.flatMap((image) => [
    ...(image.loaded ? [] : [`image did not load: ${image.src}`]),
    ...(image.alt ? [] : [`image without alt text: ${image.src}`]),
  ]);
}

function layoutProblems(width: number, probe: Probe): string[] {
  const problems: string[] = [];
  if (probe.pageWidth > width)
    problems.push(
      `the page is ${probe.pageWidth} px wide on a ${width} px screen and scrolls sideways: ${probe.widest ?? "no single element to blame"}`,
    );
  for (const pair of probe.lowContrast) problems.push(`code hard to read, contrast below ${MIN_CONTRAST}: ${pair}`);
  return problems;
}

function lessonProblems(base: string, expected: ExpectedPage, probe: Probe): string[] {
  const problems: string[] = [];
  const pageUrl = new URL(expected.url, base);
  const sitePath = (href: string | null) => (href === null ? undefined : new URL(href, pageUrl).pathname.slice(1));
  const writtenIn = sitePath(probe.writtenIn);
  if (writtenIn !== expected.writtenIn)
    problems.push(`links its lesson ${writtenIn ?? "nowhere"}, expected ${expected.writtenIn ?? "no link"}`);
  const { lesson } = expected;
  const places = probe.navs.map((nav) => nav.place).join(", ");
  if (!lesson) {
    if (places) problems.push(`lesson navigation on a page that is not a lesson (${places})`);
    return problems;
  }
  if (places !== "top, foot") problems.push(`expected the lesson's navigation at its top and its foot, found ${places || "none"}`);
  for (const nav of probe.navs) {
    if (nav.count !== lesson.count) problems.push(`the ${nav.place} navigation says "${nav.count}", expected "${lesson.count}"`);
    for (const [rel, want, got] of [
      ["previous", lesson.previous, nav.previous],
      ["next", lesson.next, nav.next],
    ] as const) {
      const target = sitePath(got);
      if (target !== want)
        problems.push(`the ${rel} link at the ${nav.place} goes to ${target ?? "nowhere"}, expected ${want ?? "no link"}`);
    }
  }
  return problems;
}
