import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/** Debian's Chromium, headless, with its network chatter turned off (this machine has no internet). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A page that records console errors, uncaught exceptions, Content-Security-Policy violations and
 * any request that leaves the app's own origin (pages must make no third-party requests). Call
 * `assertClean()` at the end.
 */
export async function newPage(browser: Browser, baseURL: string, options: { javaScriptEnabled?: boolean; locale?: string } = {}) {
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? 'en-CA',
  });
  // Every violation of the page's Content-Security-Policy is reported as an error.
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} refused ${e.blockedURI || 'inline code'} at ${e.sourceFile}:${e.lineNumber}`),
    ),
  );
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(baseURL).origin;
  page.on('console', (msg) => {
    // Failed loads are judged by the response listener below (a 404 page is a valid answer).
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      problems.push(`console.error: ${msg.text()}`);
    }
  });
  page.on('response', (res) => {
    // A form's data request may answer 4xx with its validation messages; a 5xx never is right,
    // and no asset (script, style, image) may be missing.
    const dataRequest = new URL(res.url()).pathname.endsWith('.data');
    if (res.status() >= 500 || (res.status() >= 400 && !dataRequest && !res.request().isNavigationRequest())) {
      problems.push(`${res.status()} for ${res.url()}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) problems.push(`third-party request: ${url}`);
  });
  return {
    page,
    problems,
    async assertClean() {
      expect(problems).toEqual([]);
      await context.close();
    },
  };
}

/** No axe-core violations (WCAG 2.x A and AA rules) on the page as it is now. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** How much wider than the window the page is, with the widest elements that stick out. */
export async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    // Content inside a region that scrolls by itself (a wide table) does not widen the page.
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !clipped(el))
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { extra: document.documentElement.scrollWidth - width, wide };
  });
}
