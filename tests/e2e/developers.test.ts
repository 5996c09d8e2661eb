import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, hasChromium, launchBrowser, newPage, overflow } from './browser';

const baseURL = inject('baseURL');
const browserMissing = !hasChromium() && process.env.CI !== 'true';

// The developers' page draws the OpenAPI document the app serves, in the page's language.
describe.skipIf(browserMissing)('the developers’ page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const LANGUAGES = [
    { from: '/en', footer: 'Open data and API for developers', title: 'Cercle for developers', search: 'Search groups', kind: 'Kinds of group. One or more of: support_group', feed: 'Meeting Guide feed (JSON)', dataset: 'HSDS dataset (JSON, large)' },
    { from: '/fr', footer: 'Données ouvertes et API pour les développeurs', title: 'Cercle pour les développeurs', search: 'Chercher des groupes', kind: 'Types de groupes. Une ou plusieurs valeurs parmi : support_group', feed: 'Flux Meeting Guide (JSON)', dataset: 'Jeu de données HSDS (JSON, volumineux)' },
  ];

  it.each(LANGUAGES)('is reached from the footer and lists every operation of the document ($from)', async (lang) => {
    const { page, assertClean } = await newPage(browser, baseURL);
    await page.goto(lang.from);
    await page.getByRole('contentinfo').getByRole('link', { name: lang.footer }).click();
    await page.getByRole('heading', { level: 1, name: lang.title }).waitFor();
    const doc = (await (await fetch(`${baseURL}/api/v1/openapi.json`, { headers: { 'accept-language': lang.from.slice(1) } })).json()) as {
      paths: Record<string, Record<string, { summary: string }>>;
      components: { schemas: Record<string, unknown> };
    };
    const summaries = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.summary));
    expect(summaries).toContain(lang.search);
    for (const summary of summaries) await page.getByRole('heading', { level: 3, name: summary, exact: true }).waitFor();
    for (const name of Object.keys(doc.components.schemas)) await page.getByRole('heading', { level: 3, name, exact: true }).waitFor();
    // A parameter is described in the page's language; a type that names a schema links to it.
    await page.getByRole('cell', { name: lang.kind }).first().waitFor();
    await page.getByRole('link', { name: 'Group', exact: true }).first().click();
    expect(new URL(page.url()).hash).toBe('#schema-Group');
    expect(await page.getByRole('link', { name: '/api/v1/openapi.json' }).getAttribute('href')).toBe('/api/v1/openapi.json');
    // The feeds in other finders' formats, in the page's language.
    expect(await page.getByRole('link', { name: lang.feed }).getAttribute('href')).toBe(`/api/v1/meeting-guide.json?lang=${lang.from.slice(1)}`);
    expect(await page.getByRole('link', { name: lang.dataset }).getAttribute('href')).toBe(`/api/v1/hsds/dataset.json?lang=${lang.from.slice(1)}`);
    await expectAccessible(page);
    await assertClean();
  });

  it('fits a phone: the wide tables scroll inside themselves', async () => {
    const { page, assertClean } = await newPage(browser, baseURL);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/fr/developpeurs');
    expect(await overflow(page)).toEqual({ extra: 0, wide: [] });
    await assertClean();
  });
});
