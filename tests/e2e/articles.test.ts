import { Readable } from 'node:stream';
import { parseSitemap } from 'sitemap';
import { parseAtomFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, hasChromium, launchBrowser, newPage, overflow } from './browser';

const baseURL = inject('baseURL');
const browserMissing = !hasChromium() && process.env.CI !== 'true';
const get = (path: string) => fetch(`${baseURL}${path}`, { redirect: 'manual' });

// The guides Cercle ships with are in every new database: the pages, feeds and sitemap show them.
describe('articles over HTTP', () => {
  it('serves an Atom feed per language and per topic, read by a feed parser', async () => {
    const res = await get('/en/articles/feed.atom');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const en = parseAtomFeed(await res.text());
    expect(en.title?.value).toBe('Articles and guides · Cercle');
    expect(en.entries?.length).toBeGreaterThanOrEqual(6);
    const therapy = en.entries!.find((e) => e.title?.value === 'When group therapy is the right step')!;
    expect(therapy.links?.[0]?.href).toBe(`${baseURL}/en/articles/when-group-therapy-is-the-right-step`);
    expect(therapy.content?.value).toContain('<h2>');
    expect(therapy.categories?.map((c) => c.term)).toEqual(['mental-health']);
    expect(therapy.published).toBeTruthy();

    const fr = parseAtomFeed(await (await get('/fr/articles/fil.atom')).text());
    expect(fr.entries?.map((e) => e.title?.value)).toContain('Groupe ouvert ou groupe fermé : lequel vous convient?');
    const topic = parseAtomFeed(await (await get('/fr/articles/fil.atom?topic=mental-health')).text());
    expect(topic.title?.value).toBe('Articles et guides · Santé mentale · Cercle');
    expect(topic.entries?.map((e) => e.title?.value)).toEqual(['Quand la thérapie de groupe est la bonne étape']);
    const bad = await get('/en/articles/feed.atom?topic=%25');
    expect(bad.status).toBe(400);
  });

  it('an article’s page: hreflang and the language switch go to its translation; JSON-LD; a 404 for an unknown one', async () => {
    const html = await (await get('/en/articles/online-or-in-person')).text();
    expect(html).toContain('<link rel="alternate" hrefLang="fr" href="/fr/articles/en-ligne-ou-en-personne"/>');
    expect(html).toMatch(/class="language-switch" href="\/fr\/articles\/en-ligne-ou-en-personne"/);
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="Articles as a feed (Atom)" href="/en/articles/feed.atom"/>');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as Record<string, unknown>;
    expect(ld).toMatchObject({ '@type': 'Article', headline: 'Online or in person: finding the setting that works for you', inLanguage: 'en-CA' });
    expect((await get('/en/articles/no-such-article')).status).toBe(404);
    expect((await get('/fr/articles/online-or-in-person')).status).toBe(404);
    expect((await get('/en/articles?page=zero')).status).toBe(400);
  });

  it('the kinds page, the guide’s results and group pages link to the articles about them', async () => {
    const links = (html: string) => {
      const section = /<section aria-labelledby="related-articles"[^>]*>(.*?)<\/section>/s.exec(html)?.[1] ?? '';
      return [...section.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    };
    expect(links(await (await get('/en/kinds-of-groups')).text())).toContain('/en/articles/kinds-of-groups-and-how-they-differ');
    // Someone who wants to talk to a therapist: group therapy first, and the article about it.
    const therapy = links(await (await get('/fr/guide/resultats?words=je%20voudrais%20parler%20%C3%A0%20un%20th%C3%A9rapeute')).text());
    expect(therapy[0]).toBe('/fr/articles/quand-la-therapie-de-groupe-est-la-bonne-etape');
    const found = (await (await get('/api/v1/groups?kind=support_group&per_page=1&facets=false')).json()) as { results: { slug: string }[] };
    const group = links(await (await get(`/en/groups/${found.results[0]!.slug}`)).text());
    expect(group.length).toBeGreaterThan(0);
    expect(group.every((href) => href.startsWith('/en/articles/'))).toBe(true);
  });

  it('the sitemap lists every published article in both languages, each naming its translation', async () => {
    const items = await parseSitemap(Readable.fromWeb((await get('/sitemaps/guides.xml')).body as never));
    const paths = items.map((i) => new URL(i.url).pathname);
    expect(paths).toContain('/en/articles/how-to-start-and-run-a-peer-group');
    expect(paths).toContain('/fr/articles/demarrer-et-animer-un-groupe-d-entraide');
    const fr = items.find((i) => new URL(i.url).pathname === '/fr/articles/demarrer-et-animer-un-groupe-d-entraide')!;
    expect(fr.links.map((l) => [l.lang, new URL(l.url).pathname])).toEqual([
      ['en', '/en/articles/how-to-start-and-run-a-peer-group'],
      ['fr', '/fr/articles/demarrer-et-animer-un-groupe-d-entraide'],
    ]);
  });
});

describe.skipIf(browserMissing)('the articles in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a reader finds a guide by topic and by their own words, reads it, switches language and goes on to the groups', async () => {
    const { page, assertClean } = await newPage(browser, baseURL);
    await page.goto('/en');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Articles' }).click();
    await page.getByRole('heading', { level: 1, name: 'Articles and guides' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: /^Mental health \(1\)$/ }).click();
    await page.getByRole('status').filter({ hasText: '1 article' }).waitFor();
    await page.getByRole('link', { name: 'All topics' }).click();
    await page.getByRole('searchbox', { name: 'Search the articles' }).fill('first meeting');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'What to expect at your first support group' }).click();
    await page.getByRole('heading', { level: 1, name: 'What to expect at your first support group' }).waitFor();
    await expectAccessible(page);
    expect(await page.getByRole('link', { name: 'See matching groups' }).getAttribute('href')).toBe('/en/groups?kind=support_group');
    await page.getByRole('link', { name: 'Lire cette page en français' }).click();
    await page.getByRole('heading', { level: 1, name: 'À quoi s’attendre à votre premier groupe de soutien' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Suivre le guide' }).click();
    await page.waitForURL((url) => url.pathname === '/fr/guide');
    await assertClean();
  });

  it('fits a phone in French', async () => {
    const { page, assertClean } = await newPage(browser, baseURL);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/fr/articles');
    expect(await overflow(page)).toEqual({ extra: 0, wide: [] });
    await expectAccessible(page);
    await page.goto('/fr/articles/quand-la-therapie-de-groupe-est-la-bonne-etape');
    expect(await overflow(page)).toEqual({ extra: 0, wide: [] });
    await assertClean();
  });
});
