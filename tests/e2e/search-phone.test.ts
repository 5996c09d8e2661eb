import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, hasChromium, launchBrowser, newPage } from './browser';

// The search on a phone (390×844): the results come first, the filters wait behind "Filters (n)"
// (a <details> that works without JavaScript), each filter is a target of 24 px or more, and
// after a change the number of groups found shows where the person is.
const baseURL = inject('baseURL');
const browserMissing = !hasChromium() && process.env.CI !== 'true';
const PHONE = { width: 390, height: 844 };

const WORDS = {
  en: { path: '/en/groups', language: /english/i, filters: 'Filters', kind: /^Support group \(\d+\)$/, found: /groups? found/, see: 'See the results', keywords: 'Keywords' },
  fr: { path: '/fr/groupes', language: /français/i, filters: 'Filtres', kind: /^Groupe de soutien \(\d+\)$/, found: /groupes? trouvés?/, see: 'Voir les résultats', keywords: 'Mots-clés' },
} as const;

/** Where an element is, in page coordinates, and how big. */
const box = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, viewTop: r.top, viewBottom: r.bottom, width: r.width, height: r.height };
  });

describe.skipIf(browserMissing)('the search on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    const w = WORDS[locale];
    it(`shows results first and the filters behind "${w.filters}" (${locale})`, async () => {
      const { page, assertClean } = await newPage(browser, baseURL, { locale: locale === 'fr' ? 'fr-CA' : 'en-CA' });
      await page.setViewportSize(PHONE);
      await page.goto(w.path);
      const summary = page.locator('.more-filters > summary');
      expect((await summary.textContent())?.trim()).toBe(w.filters);
      // The first result starts on the first screen; the filters are closed.
      const first = await box(page, '.group-list > li');
      expect(first.top).toBeLessThan(PHONE.height);
      expect(await page.getByRole('checkbox', { name: w.kind }).isVisible()).toBe(false);
      // Nothing else deciding, the first group is offered in the page's language.
      expect(await page.locator('.group-list > li').first().locator('.facts > div').last().locator('dd').textContent()).toMatch(w.language);
      await expectAccessible(page);

      // Opened, the filters are targets of at least 24 px.
      await summary.click();
      const checkbox = page.getByRole('checkbox', { name: w.kind });
      await checkbox.waitFor();
      const sizes = await page.locator('.more-filters .facet-option').evaluateAll((options) =>
        options.map((o) => {
          const input = o.querySelector('input')!.getBoundingClientRect();
          const label = o.querySelector('label')!.getBoundingClientRect();
          return { input: [input.width, input.height], label: label.height };
        }),
      );
      expect(sizes.length).toBeGreaterThan(20);
      for (const s of sizes) {
        expect(s.input[0]).toBeGreaterThanOrEqual(24);
        expect(s.input[1]).toBeGreaterThanOrEqual(24);
        expect(s.label).toBeGreaterThanOrEqual(24);
      }
      await expectAccessible(page);

      // Ticked, the filter applies at once; the person stays in the list, which says how many
      // groups it now finds, and "Filters (1)".
      await checkbox.scrollIntoViewIfNeeded();
      const before = await page.evaluate(() => window.scrollY);
      expect(before).toBeGreaterThan(0);
      const dataRequests: string[] = [];
      page.on('request', (req) => {
        if (new URL(req.url()).pathname.endsWith('.data')) dataRequests.push(req.url());
      });
      await checkbox.check();
      await page.waitForURL(/kind=support_group/);
      await page.waitForFunction((text) => document.querySelector('.more-filters > summary')?.textContent?.trim() === text, `${w.filters} (1)`);
      // One request for the new results: the page's frame (who is signed in, the language) is not read again.
      expect(dataRequests).toHaveLength(1);
      expect(await page.evaluate(() => window.scrollY)).toBe(before);
      expect(await checkbox.isChecked()).toBe(true);
      const found = await box(page, '.filters-found');
      expect(found.viewTop).toBeGreaterThanOrEqual(0);
      expect(found.viewBottom).toBeLessThanOrEqual(PHONE.height + 1);
      const total = (await page.locator('.result-count').textContent())!;
      expect(total).toMatch(w.found);
      expect(await page.locator('.filters-found').textContent()).toContain(total);
      // Its link takes the person to the results.
      await page.getByRole('link', { name: w.see }).click();
      await page.waitForFunction(() => document.activeElement?.id === 'results-title');
      expect((await box(page, '#results-title')).viewTop).toBeLessThan(PHONE.height / 2);
      await assertClean();
    });
  }

  it('works without JavaScript: the disclosure opens, and the form applies its filters', async () => {
    const { page, assertClean } = await newPage(browser, baseURL, { javaScriptEnabled: false, locale: 'fr-CA' });
    await page.setViewportSize(PHONE);
    await page.goto('/fr/groupes');
    expect(await page.getByRole('checkbox', { name: WORDS.fr.kind }).isVisible()).toBe(false);
    await page.locator('.more-filters > summary').click();
    await page.getByRole('checkbox', { name: WORDS.fr.kind }).check();
    await page.getByRole('button', { name: 'Afficher les groupes' }).last().click();
    await page.waitForURL(/kind=support_group/);
    // The address is the search's own, without the form's bookkeeping or empty fields.
    const url = new URL(page.url());
    expect(url.searchParams.has('sorted_for')).toBe(false);
    expect(url.searchParams.has('near')).toBe(false);
    expect((await page.locator('.more-filters > summary').textContent())?.trim()).toBe('Filtres (1)');
    await assertClean();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`puts the best matches first when keywords are newly typed after "Soonest" (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
      const { page, assertClean } = await newPage(browser, baseURL, { javaScriptEnabled, locale: 'en-CA' });
      await page.goto('/en/groups?sort=soonest');
      expect(await page.getByLabel('Sort by').inputValue()).toBe('soonest');
      await page.getByLabel('Keywords').fill('grief');
      await page.getByLabel('Keywords').press('Enter');
      await page.waitForURL(/q=grief/);
      expect(new URL(page.url()).searchParams.get('sort')).toBeNull();
      await page.locator('.group-list').waitFor();
      await expect.poll(() => page.getByLabel('Sort by').inputValue()).toBe('relevance');
      // An order chosen with the words is kept.
      await page.getByLabel('Keywords').fill('grief support');
      await page.getByLabel('Sort by').selectOption('newest');
      if (!javaScriptEnabled) await page.getByRole('button', { name: 'Show groups' }).first().click();
      await page.waitForURL(/sort=newest/);
      await expect.poll(() => page.getByLabel('Sort by').inputValue()).toBe('newest');
      await assertClean();
    });
  }
});
