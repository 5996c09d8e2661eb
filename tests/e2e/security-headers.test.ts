import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PAGES, PRIVATE_FILES } from '../../app/lib/paths';
import { hasChromium, launchBrowser, newPage } from './browser';

// The headers of every page of the app, in both languages, as the built server sends them; and,
// in a real browser, that the policy is enforced: a script the page did not bring does not run.
const baseURL = inject('baseURL');
const browserMissing = !hasChromium() && process.env.CI !== 'true';

type Group = { id: string; slug: string; slugs?: { en: string; fr: string } };

/** A path of each page in each language, with a real group and session where it takes one. */
async function everyPath(): Promise<{ page: string; path: string; private: boolean }[]> {
  const found = (await (await fetch(`${baseURL}/api/v1/groups?per_page=1&facets=false`)).json()) as { results: Group[] };
  const group = found.results[0]!;
  const full = (await (await fetch(`${baseURL}/api/v1/groups/${group.id}`)).json()) as { slugs?: { en: string; fr: string }; sessions?: { id: string }[] };
  const sessionId = full.sessions?.[0]?.id ?? 'x';
  return Object.entries(PAGES).flatMap(([page, p]) =>
    (['en', 'fr'] as const).map((locale) => ({
      page: `${locale}:${page}`,
      path: p[locale]
        .replace(':slug', full.slugs?.[locale] ?? group.slug)
        .replace(':sessionId', sessionId)
        .replace(/:[a-zA-Z]+/g, 'x'),
      private: PRIVATE_FILES.some((f) => p.file.startsWith(f)),
    })),
  );
}

describe('security headers', () => {
  it('are on every page: a nonce policy for scripts, the style sheet by its hash, no framing, no sniffing; private pages not stored', async () => {
    const paths = await everyPath();
    expect(paths.length).toBeGreaterThan(60);
    let html = 0;
    for (const { page, path, private: isPrivate } of paths) {
      const res = await fetch(`${baseURL}${path}`, { redirect: 'manual' });
      const where = `${page} ${path} (${res.status})`;
      expect(res.status, where).toBeLessThan(500);
      const csp = res.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, where).toBeTruthy();
      expect(csp, where).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/);
      expect(csp, where).not.toContain('unsafe-inline');
      expect(csp, where).toContain("frame-ancestors 'none'");
      expect(csp, where).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options'), where).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), where).toBe('same-origin');
      expect(res.headers.get('permissions-policy'), where).toContain('camera=()');
      expect(res.headers.get('x-frame-options'), where).toBe('DENY');
      // Served over plain HTTP here: no HSTS (it would be ignored, and would break localhost).
      expect(res.headers.get('strict-transport-security'), where).toBeNull();
      if (isPrivate) expect(res.headers.get('cache-control'), where).toBe('no-store');
      else expect(res.headers.get('cache-control') ?? '', where).not.toContain('no-store');
      if (res.status !== 200 || !res.headers.get('content-type')?.startsWith('text/html')) continue;
      html++;
      const body = await res.text();
      // Every executable inline or module script carries this response's nonce; the one plain file
      // (the emergency exit's, which must run before the app's modules) is Cercle's own ('self').
      const scripts = [...body.matchAll(/<script(?![^>]*application\/ld\+json)([^>]*)>/g)].map((m) => m[1]!);
      expect(scripts.length, where).toBeGreaterThan(0);
      const files = scripts.filter((attrs) => !attrs.includes('nonce='));
      expect(files, where).toEqual([' src="/exit-this-page.js" defer=""']);
      for (const attrs of scripts.filter((a) => !files.includes(a))) expect(attrs, where).toContain(`nonce="${nonce}"`);
      // The one inline style sheet is the one the policy names by its hash.
      const styles = [...body.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
      expect(styles.length, where).toBe(1);
      expect(csp, where).toContain(`'sha256-${crypto.createHash('sha256').update(styles[0]!).digest('base64')}'`);
    }
    expect(html).toBeGreaterThan(20);
  });

  it('a new nonce for every answer', async () => {
    const nonces = await Promise.all([1, 2, 3].map(async () => /'nonce-([^']+)'/.exec((await fetch(`${baseURL}/en`)).headers.get('content-security-policy') ?? '')?.[1]));
    expect(new Set(nonces).size).toBe(3);
  });
});

describe.skipIf(browserMissing)('the policy in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs the page’s own scripts and refuses a script it did not bring, which the browser tests report', async () => {
    const { page, assertClean, problems } = await newPage(browser, baseURL);
    await page.goto('/en/groups');
    // The page's own inline scripts (with the nonce) and modules ran.
    await page.waitForFunction(() => '__reactRouterRouteModules' in window && '__reactRouterContext' in window);
    const injected = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      const refused = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }));
      document.body.append(script);
      return { directive: await refused, ran: (window as { __injected?: boolean }).__injected === true };
    });
    expect(injected).toEqual({ directive: 'script-src-elem', ran: false });
    // The browser tests' page records the violation as a problem, so any test meeting one fails.
    expect(problems.some((p) => p.includes('Content Security Policy'))).toBe(true);
    problems.length = 0;
    await assertClean();
  });
});
