import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, hasChromium, launchBrowser, newPage } from './browser';

const baseURL = inject('baseURL');
const browserMissing = !hasChromium() && process.env.CI !== 'true';

// The embeddable widget inside a page of another site (another origin, with a strict policy of
// its own), as an organization would paste it.
describe.skipIf(browserMissing)('the embeddable widget', () => {
  let browser: Browser;
  let site: http.Server;
  let siteUrl: string;
  let org: { slug: string; name: { en: string | null; fr: string | null } };

  beforeAll(async () => {
    browser = await launchBrowser();
    const found = (await (await fetch(`${baseURL}/api/v1/groups?per_page=1&facets=false`)).json()) as { results: { organization: typeof org }[] };
    org = found.results[0]!.organization;
    site = http.createServer((req, res) => {
      const lang = req.url?.startsWith('/fr') ? 'fr' : 'en';
      const src = `${baseURL}${lang === 'fr' ? '/fr/integration' : '/en/embed'}/${org.slug}`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': `default-src 'none'; frame-src ${new URL(baseURL).origin}` });
      res.end(`<!DOCTYPE html><html lang="${lang}"><head><title>Our site</title></head><body><h1>Our site</h1><iframe src="${src}" title="Our groups" width="100%" height="480"></iframe></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
  });

  it('shows the organization’s groups inside another site’s page, in its language, asking nothing of anyone else', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    const app = new URL(baseURL).origin;
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('request', (r) => ![app, siteUrl].some((o) => r.url().startsWith(o)) && problems.push(`request to ${r.url()}`));
    for (const lang of ['en', 'fr'] as const) {
      await page.goto(`${siteUrl}/${lang}`);
      const frame = page.frameLocator('iframe');
      const name = org.name[lang] ?? org.name.en!;
      await frame.getByRole('heading', { level: 1, name: lang === 'fr' ? `Groupes de ${name}` : `Groups of ${name}` }).waitFor();
      const first = frame.getByRole('listitem').first().getByRole('link');
      expect(await first.getAttribute('target')).toBe('_blank');
      expect(await first.getAttribute('href')).toMatch(new RegExp(`^${app}/${lang === 'fr' ? 'fr/groupes' : 'en/groups'}/`));
      expect(await frame.locator('script').count()).toBe(0);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets any site frame it (and no other page), refuses bad options, and passes axe', async () => {
    const res = await fetch(`${baseURL}/en/embed/${org.slug}?limit=2&accent=%23005a9c`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-frame-options')).toBeNull();
    const html = await res.text();
    expect(html.match(/<li>/g)?.length).toBeLessThanOrEqual(2);
    expect(html).toContain('color:#005a9c');
    expect((await fetch(`${baseURL}/en/groups`)).headers.get('x-frame-options')).toBe('DENY');
    expect((await fetch(`${baseURL}/en/embed/${org.slug}?accent=red;}body{display:none`)).status).toBe(400);
    expect((await fetch(`${baseURL}/fr/integration/personne`)).status).toBe(404);

    const { page, assertClean } = await newPage(browser, baseURL, { locale: 'fr-CA' });
    await page.goto(`/fr/integration/${org.slug}`);
    await expectAccessible(page);
    await assertClean();
  });
});
