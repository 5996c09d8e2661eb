import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, hasChromium, launchBrowser, newPage, overflow } from './browser';

// No public page is wider than a phone (390 px): a page that scrolls sideways hides part of a form
// or of a sentence. Every public page, in both languages, with the fixtures' longest texts (the
// application questions have long options).
const baseURL = inject('baseURL');
const browserMissing = !hasChromium() && process.env.CI !== 'true';
const PHONE = { width: 390, height: 844 };

const PAGES = {
  en: [
    '/en',
    '/en/groups',
    '/en/groups?q=grief&near=Gatineau',
    '/en/groups/e2e-listing-drop-in',
    '/en/groups/e2e-listing-therapy',
    '/en/groups/e2e-guide-night-community',
    '/en/groups/e2e-listing-drop-in/report',
    '/en/kinds-of-groups',
    '/en/guide',
    '/en/guide?step=2',
    '/en/guide/results?topic=e2e-guide-loss-parent&language=fr&place=in_person&city=Gatineau&sameLoss=general',
    '/en/account/sign-in',
    '/en/account/sign-up',
    '/en/account/forgot-password',
    '/en/no-such-page',
  ],
  fr: [
    '/fr',
    '/fr/groupes',
    '/fr/groupes?q=deuil&near=Gatineau',
    '/fr/groupes/e2e-listing-drop-in',
    '/fr/groupes/e2e-listing-therapy',
    '/fr/groupes/e2e-guide-night-community',
    '/fr/groupes/e2e-listing-drop-in/signaler',
    '/fr/types-de-groupes',
    '/fr/guide',
    '/fr/guide?step=2',
    '/fr/guide/resultats?topic=e2e-guide-loss-parent&language=fr&place=in_person&city=Gatineau&sameLoss=general',
    '/fr/compte/connexion',
    '/fr/compte/creer',
    '/fr/compte/mot-de-passe-oublie',
    '/fr/page-inexistante',
  ],
} as const;

describe.skipIf(browserMissing)('public pages on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`fit a 390 px screen (${locale})`, async () => {
      const { page, assertClean } = await newPage(browser, baseURL, { locale: locale === 'fr' ? 'fr-CA' : 'en-CA' });
      await page.setViewportSize(PHONE);
      page.setDefaultTimeout(10_000);
      const tooWide: string[] = [];
      const check = async (label: string) => {
        await page.locator('h1').first().waitFor();
        const o = await overflow(page);
        if (o.extra > 0) tooWide.push(`${label}: ${o.extra}px too wide (${o.wide.join(', ')})`);
      };
      for (const path of PAGES[locale]) {
        await page.goto(path);
        await check(path);
      }
      // The sign-up and application forms, reached as a person reaches them.
      await page.goto(PAGES[locale][3]);
      await page.locator('a.signup-button').first().click();
      await page.locator('form').first().waitFor();
      await check(`sign-up ${new URL(page.url()).pathname}`);
      await page.goto(PAGES[locale][4]);
      await page.locator('a.signup-button').first().click();
      const question = page.locator('fieldset.question-choice').first();
      await question.waitFor();
      await check(`application ${new URL(page.url()).pathname}`);
      // Each option of a question is a line of its own, easy to tap.
      const options = question.locator('label.option');
      expect(await options.count()).toBe(3);
      for (const box of await Promise.all((await options.all()).map((o) => o.boundingBox()))) {
        expect(box!.height).toBeGreaterThanOrEqual(44);
        expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      }
      await expectAccessible(page);
      expect(tooWide).toEqual([]);
      await assertClean();
    });
  }

  it('lays out a question’s options one under the other on a desktop too', async () => {
    const { page, assertClean } = await newPage(browser, baseURL);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/en/groups/e2e-listing-therapy');
    await page.locator('a.signup-button').first().click();
    const options = page.locator('fieldset.question-choice').first().locator('label.option');
    await options.first().waitFor();
    const boxes = await Promise.all((await options.all()).map((o) => o.boundingBox()));
    // One column: each option starts where the first does, below the one before.
    for (let i = 1; i < boxes.length; i++) {
      expect(boxes[i]!.x).toBe(boxes[0]!.x);
      expect(boxes[i]!.y).toBeGreaterThan(boxes[i - 1]!.y);
    }
    await assertClean();
  });
});
