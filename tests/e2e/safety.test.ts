import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ParsedMail } from 'mailparser';
import { atWallClock, createGroup, createOrganization, createSession } from '../support/factories';
import { emailedLink, waitForMail } from '../support/smtp';
import { startStory, type Story } from '../support/story';
import { expectAccessible, hasChromium, newPage, overflow } from './browser';
import type { RunningServer } from './server-process';

// Safety for people in unsafe homes (issue 36). "Exit this page": the button and Shift pressed
// three times replace the page with the neutral page of EXIT_URL, here a page this test serves
// itself, which counts its visitors. Discreet mode: what a sign-up's emails and calendar entries
// show says nothing of the group, its topic or its organization.
const browserMissing = !hasChromium() && process.env.CI !== 'true';

describe.skipIf(browserMissing)('safety for people in unsafe homes', () => {
  let story: Story;
  let server: RunningServer;
  let browser: Browser;
  let neutral: Server;
  let neutralUrl = '';
  const visits: string[] = [];
  /** How long the neutral page takes to answer: long enough to see the old page blanked meanwhile. */
  let delayMs = 0;
  let sessionId = '';

  beforeAll(async () => {
    neutral = createServer((req, res) => {
      visits.push(req.url ?? '');
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><html lang="en"><title>Weather</title><h1>Today’s weather</h1></html>');
      }, delayMs);
    });
    await new Promise<void>((resolve) => neutral.listen(0, '127.0.0.1', resolve));
    neutralUrl = `http://127.0.0.1:${(neutral.address() as AddressInfo).port}/weather`;
    story = await startStory('safety', {
      env: { EXIT_URL: neutralUrl },
      prepare: async (handle) => {
        const f = atWallClock(handle.db);
        const org = await createOrganization(f, { nameEn: 'Northshore Hospice', nameFr: 'Hospice Rive-Nord' });
        const group = await createGroup(f, {
          organizationId: org.id,
          slug: 'pregnancy-loss-circle',
          slugFr: 'cercle-perte-de-grossesse',
          titleEn: 'Pregnancy loss circle',
          titleFr: 'Cercle après une perte de grossesse',
          signupCutoffMinutes: 0,
        });
        sessionId = (await createSession(f, { groupId: group.id, startsAt: new Date(Date.now() + 5 * 86_400_000) })).id;
      },
    });
    ({ server, browser } = story);
  }, 120_000);

  afterAll(async () => {
    await story?.stop();
    await new Promise((resolve) => neutral?.close(resolve));
  });

  /** A page of Cercle reached from another (two entries in the tab's history). */
  async function twoPagesIn(page: Page, first: string, linkName: string) {
    await page.goto(first);
    await page.getByRole('link', { name: linkName, exact: true }).first().click();
    await page.waitForURL((u) => u.pathname !== first);
    return new URL(page.url()).pathname;
  }

  it('Shift pressed three times blanks the page at once and replaces it: Back does not return to it', async () => {
    const { page } = await newPage(browser, server.url);
    await twoPagesIn(page, '/en', 'Kinds of groups');
    // Nothing was asked of the neutral site before the person used the exit.
    expect(visits).toEqual([]);
    // What the page looks like the moment the exit starts, reported from inside it.
    const seen: string[] = [];
    await page.exposeFunction('reportExit', (state: string) => seen.push(state));
    await page.evaluate(() =>
      new MutationObserver(() => {
        if (document.documentElement.classList.contains('exiting')) {
          (window as unknown as { reportExit(s: string): void }).reportExit(`${getComputedStyle(document.body).display}|${document.title}`);
        }
      }).observe(document.documentElement, { attributes: true, attributeFilter: ['class'] }),
    );
    delayMs = 1000;
    try {
      await page.keyboard.press('Shift');
      await page.keyboard.press('Shift');
      await page.keyboard.press('Shift');
      await page.waitForURL(neutralUrl);
    } finally {
      delayMs = 0;
    }
    // While the neutral page loaded, nothing of Cercle stayed on screen, nor in the tab's title.
    expect(seen[0]).toBe('none|');
    await page.getByRole('heading', { name: 'Today’s weather' }).waitFor();
    expect(visits.filter((v) => v !== '/favicon.ico')).toEqual(['/weather']);
    // The page left was replaced in the history: Back goes to the page before it.
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/en');
    await page.context().close();
  });

  it('two presses of Shift, or Shift between other keys, do nothing', async () => {
    const { page, assertClean } = await newPage(browser, server.url);
    await page.goto('/en/kinds-of-groups');
    const status = page.locator('#exit-this-page-status');
    await page.keyboard.press('Shift');
    // Screen readers hear how many presses remain.
    expect(await status.textContent()).toBe('Shift: press it 2 more times to exit this page.');
    await page.keyboard.press('Shift');
    expect(await status.textContent()).toBe('Shift: press it once more to exit this page.');
    await page.keyboard.press('a');
    expect(await status.textContent()).toBe('');
    await page.keyboard.press('Shift');
    await page.keyboard.type('Hello', { delay: 20 });
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe('/en/kinds-of-groups');
    await assertClean();
  });

  it('is early in the tab order, announced as an emergency exit, and works with the keyboard (French)', async () => {
    const { page } = await newPage(browser, server.url, { locale: 'fr-CA' });
    await page.goto('/fr');
    await page.goto('/fr/types-de-groupes');
    const exit = page.getByRole('link', { name: /^Quitter cette page : sortie d’urgence/ });
    expect(await exit.getAttribute('href')).toBe(neutralUrl);
    await page.getByRole('complementary', { name: 'Sortie d’urgence' }).waitFor();
    // The skip link first, then the way to browse safely, then the exit.
    const focused: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => document.activeElement?.textContent ?? ''));
    }
    expect(focused[0]).toBe('Aller au contenu principal');
    expect(focused.slice(1)).toContain('Quitter cette page : sortie d’urgence vers un site neutre. Appuyer trois fois sur la touche Maj fait de même.');
    while (!(await page.evaluate(() => document.activeElement?.id === 'exit-this-page'))) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(neutralUrl);
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/fr');
    await page.context().close();
  });

  it('stays in reach on a 390 px phone without covering the page, and a tap leaves', async () => {
    const { page } = await newPage(browser, server.url);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/en/browse-safely');
    expect(await overflow(page)).toEqual({ extra: 0, wide: [] });
    const exit = page.locator('#exit-this-page');
    // At the top, the exit has a row of its own: the page begins below it.
    const bar = (await page.locator('.exit-bar').boundingBox())!;
    const crisis = (await page.getByRole('complementary', { name: 'Crisis help' }).boundingBox())!;
    expect(crisis.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
    // Scrolled to the end, it is still on screen.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction(() => window.scrollY > 0);
    const box = (await exit.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    expect(box.height).toBeGreaterThanOrEqual(24);
    await exit.tap().catch(() => exit.click());
    await page.waitForURL(neutralUrl);
    await page.context().close();
  });

  it('without JavaScript, is a plain link to the same neutral page', async () => {
    const { page } = await newPage(browser, server.url, { javaScriptEnabled: false });
    await page.goto('/en/groups');
    await page.getByRole('link', { name: /^Exit this page/ }).click();
    await page.waitForURL(neutralUrl);
    await page.context().close();
  });

  it.each([
    { from: '/en', link: 'Browse safely', heading: 'Browse safely', section: 'Use a private window' },
    { from: '/fr', link: 'Naviguer en sécurité', heading: 'Naviguer en sécurité', section: 'Utiliser une fenêtre privée' },
  ])('links to the page on browsing safely ($from)', async (lang) => {
    const { page, assertClean } = await newPage(browser, server.url);
    await page.goto(lang.from);
    await page.getByRole('complementary', { name: lang.from === '/en' ? 'Emergency exit' : 'Sortie d’urgence' }).getByRole('link', { name: lang.link }).click();
    await page.getByRole('heading', { level: 1, name: lang.heading }).waitFor();
    await page.getByRole('heading', { level: 2, name: lang.section }).waitFor();
    await expectAccessible(page);
    await assertClean();
  });

  /** What the person's emails and calendar must not show. */
  const SECRETS = ['Pregnancy loss circle', 'Cercle après une perte de grossesse', 'Northshore Hospice', 'Hospice Rive-Nord', 'perte-de-grossesse', 'pregnancy'];
  const expectNothingTold = (...texts: string[]) => {
    for (const text of texts) for (const secret of SECRETS) expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
  };
  /** The hidden preview line of the HTML part (what mail programs show beside the subject). */
  const preview = (m: ParsedMail) =>
    (/<div style="display:none[^"]*">([^<]*)<\/div>/.exec(String(m.html))?.[1] ?? '').replace(/[\u00a0\u200c]/g, '').trim();

  it('a sign-up on a phone asks for discreet emails; its email and calendar entry say nothing of the group; the manage page turns it off (French)', async () => {
    const { page, assertClean } = await newPage(browser, server.url, { locale: 'fr-CA' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/fr/groupes/cercle-perte-de-grossesse/rencontres/${sessionId}/inscription`);
    await page.getByLabel('Prénom ou pseudonyme', { exact: true }).fill('Maude');
    await page.getByLabel('Courriel', { exact: true }).fill('maude@example.org');
    await page.getByLabel(/J’accepte que les organisateurs/).check();
    // Off by default; checked with the keyboard.
    const discreet = page.getByLabel('Rendre mes courriels et mes entrées d’agenda discrets');
    expect(await discreet.isChecked()).toBe(false);
    await discreet.focus();
    await page.keyboard.press('Space');
    expect(await discreet.isChecked()).toBe(true);
    expect(await overflow(page)).toEqual({ extra: 0, wide: [] });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'M’inscrire' }).click();
    await page.getByRole('heading', { name: 'Consultez vos courriels' }).waitFor();

    // The email as an inbox shows it: subject, sender, preview; the body opens with a neutral line.
    const mail = await waitForMail(story.smtp, 'maude@example.org', '');
    expect(mail.subject).toBe('Votre réservation');
    expect(mail.from?.value.map((v) => v.name)).toEqual(['Cercle']);
    expect(preview(mail)).toBe('Il y a du nouveau pour votre réservation. Les détails suivent.');
    const opening = mail.text!.split('\n').filter(Boolean).slice(0, 2);
    expect(opening).toEqual(['Bonjour Maude,', 'Il y a du nouveau pour votre réservation. Les détails suivent.']);
    expectNothingTold(mail.subject!, mail.from!.text, preview(mail), opening.join(' '));

    // The person's page says discreet mode is on; the calendar entry it offers is an "appointment".
    await page.goto(emailedLink(mail, 'fr'));
    const section = page.getByRole('region', { name: 'Courriels et entrées d’agenda discrets' });
    await section.getByText(/^Activé :/).waitFor();
    const href = (await page.getByRole('link', { name: /^Ajouter à mon agenda/ }).getAttribute('href'))!;
    expect(href).toMatch(/\?discreet=1$/);
    const ics = await (await fetch(new URL(href, server.url))).text();
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('summary')).toBe('Rendez-vous');
    expect(vevent.getFirstPropertyValue('description') ?? '').toBe('');
    expectNothingTold(ics);
    await expectAccessible(page);

    // Turned off from the same page (keyboard): the next entries name the group again.
    await section.getByRole('button', { name: 'Arrêter le mode discret' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Le mode discret est désactivé').waitFor();
    await section.getByText(/^Désactivé :/).waitFor();
    expect(await page.getByRole('link', { name: /^Ajouter à mon agenda/ }).getAttribute('href')).not.toContain('discreet');
    await assertClean();
  });
});
