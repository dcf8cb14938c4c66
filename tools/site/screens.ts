/**
 * The screens the browser test reads the site on: a desktop's 1280 px in the
 * light theme and a phone's 390 px in the dark one, so that each layout and
 * each colour scheme is seen.
 */
import type { BrowserContextOptions, Page } from "playwright-core";

export interface Screen {
  width: number;
  height: number;
  colorScheme: "light" | "dark";
  /** A phone: the page's viewport meta tag applies, and touch. */
  phone: boolean;
}

export const SCREENS: readonly Screen[] = [
  { width: 1280, height: 900, colorScheme: "light", phone: false },
  { width: 390, height: 844, colorScheme: "dark", phone: true },
];

/** A browser context on `screen`, a phone's included. */
export const contextOptions = ({ width, height, colorScheme, phone }: Screen): BrowserContextOptions => ({
  viewport: { width, height },
  colorScheme,
  isMobile: phone,
  hasTouch: phone,
});

/**
 * Show a page already open on `screen`: its size and colour scheme. The
 * layout is a phone's (the site's viewport tag asks for the device's width,
 * which is the window's here); touch needs a context of its own.
 */
export async function showOn(page: Page, { width, height, colorScheme }: Screen): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme });
}
