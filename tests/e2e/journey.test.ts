import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, hasChromium, launchBrowser, newPage } from './browser';

const baseURL = inject('baseURL');

// On a developer machine without Debian's chromium the browser tests are skipped with a notice;
// in CI (CI=true) a missing browser is a failure.
const browserMissing = !hasChromium() && process.env.CI !== 'true';
if (browserMissing) console.warn('Skipping browser tests: /usr/bin/chromium is not installed (apt-get install -y chromium).');

describe.skipIf(browserMissing)('a visitor finds a group', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`goes home → French → a group page (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
      const { page, assertClean } = await newPage(browser, baseURL, { javaScriptEnabled, locale: 'en-CA' });
      await page.goto('/');
      expect(new URL(page.url()).pathname).toBe('/en');
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en-CA');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Find a group that fits you');
      // The crisis banner is on every page.
      expect(await page.getByRole('complementary', { name: 'Crisis help' }).textContent()).toContain('988');

      await page.getByRole('link', { name: 'Lire cette page en français' }).click();
      await page.getByRole('heading', { level: 1, name: 'Trouvez un groupe qui vous convient' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/fr');
      expect(await page.locator('html').getAttribute('lang')).toBe('fr-CA');
      expect(await page.getByRole('complementary', { name: 'Aide en situation de crise' }).textContent()).toContain('988');

      await page.getByRole('link', { name: 'Voir tous les groupes' }).click();
      await page.getByRole('heading', { level: 1, name: 'Trouver un groupe' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/fr/groupes');
      await page.getByRole('link', { name: 'Rencontre libre sur le deuil du mardi' }).click();
      await page.getByRole('heading', { level: 1, name: 'Rencontre libre sur le deuil du mardi' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/fr/groupes/e2e-grief-drop-in');
      const body = await page.locator('main').textContent();
      expect(body).toContain('Groupe de soutien');
      expect(body).toContain('Dana Peer');
      expect(body).toContain('12 places restantes');
      // The online link is for confirmed participants only.
      expect(await page.content()).not.toContain('e2e-private-room');

      // The language switch keeps the page.
      await page.getByRole('link', { name: 'Read this page in English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tuesday grief drop-in' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/en/groups/e2e-grief-drop-in');
      await assertClean();
    });
  }

  it('marks text shown in the other language and filters the list without JavaScript', async () => {
    const { page, assertClean } = await newPage(browser, baseURL, { javaScriptEnabled: false });
    await page.goto('/en/groups');
    const frenchOnly = page.getByRole('link', { name: 'Atelier d’écriture pour personnes endeuillées' });
    expect(await frenchOnly.locator('span').getAttribute('lang')).toBe('fr-CA');
    await page.getByRole('checkbox', { name: /^Online community \(\d+\)$/ }).check();
    await page.getByRole('button', { name: 'Show groups' }).first().click();
    await page.getByRole('link', { name: 'Caregivers online community' }).waitFor();
    expect(new URL(page.url()).searchParams.get('kind')).toBe('online_community');
    expect(await page.getByRole('link', { name: 'Tuesday grief drop-in' }).count()).toBe(0);
    await assertClean();
  });

  it('has no accessibility violations on any page, in either language', async () => {
    const { page, assertClean } = await newPage(browser, baseURL);
    for (const path of [
      '/en',
      '/fr',
      '/en/groups',
      '/fr/groupes?kind=workshop',
      '/en/groups/e2e-grief-drop-in',
      '/fr/groupes/e2e-grief-drop-in',
      '/en/kinds-of-groups',
      '/fr/types-de-groupes',
      '/fr/nowhere',
    ]) {
      await page.goto(path);
      await expectAccessible(page);
    }
    await assertClean();
  });
});
