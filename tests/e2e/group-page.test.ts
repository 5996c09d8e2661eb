import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, hasChromium, launchBrowser, newPage } from './browser';

const baseURL = inject('baseURL');
const browserMissing = !hasChromium() && process.env.CI !== 'true';
const get = (path: string) => fetch(`${baseURL}${path}`, { redirect: 'manual' });

describe('group page over HTTP', () => {
  it('embeds schema.org Events with status and attendance mode, and never the online link', async () => {
    const res = await get('/en/groups/e2e-listing-drop-in');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('e2e-listing-secret');
    const match = html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s);
    expect(match).not.toBeNull();
    const doc = JSON.parse(match![1]!) as { '@graph': { eventStatus: string; eventAttendanceMode: string; location: unknown }[] };
    expect(doc['@graph'].map((e) => e.eventStatus.replace('https://schema.org/', ''))).toEqual([
      'EventScheduled',
      'EventCancelled',
      'EventRescheduled',
      'EventMovedOnline',
      'EventScheduled',
    ]);
    expect(doc['@graph'][3]?.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
    expect(doc['@graph'][0]?.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
  });

  it('serves calendar files for the whole schedule and for one session, without the online link', async () => {
    const page = await (await get('/fr/groupes/e2e-listing-drop-in')).text();
    const whole = await get('/fr/groupes/e2e-listing-drop-in/calendrier.ics');
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(whole.headers.get('content-disposition')).toBe('attachment; filename="e2e-listing-drop-in.ics"');
    const ics = await whole.text();
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('TZID:America/Toronto');
    expect(ics).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=\w\w/);
    expect(ics).toContain('Cercle de deuil du mercredi soir (tenue en ligne)');
    expect(ics).not.toContain('e2e-listing-secret');

    const href = page.match(/href="(\/fr\/groupes\/e2e-listing-drop-in\/rencontres\/[0-9a-f-]+\/calendrier\.ics)"/)?.[1];
    expect(href).toBeDefined();
    const one = await get(href!);
    expect(one.status).toBe(200);
    const single = await one.text();
    expect(single.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(single).toContain('DTSTART;TZID=America/Toronto:');

    expect((await get('/en/groups/e2e-listing-drop-in/sessions/not-a-session/calendar.ics')).status).toBe(404);
    expect((await get('/en/groups/nobody/calendar.ics')).status).toBe(404);
  });

  it('a report posted with bad input is a 400 with the reasons in the reader’s language; a good one redirects', async () => {
    const post = (path: string, body: Record<string, string>) =>
      fetch(`${baseURL}${path}`, { method: 'POST', body: new URLSearchParams(body), redirect: 'manual' });
    const bad = await post('/fr/groupes/e2e-listing-drop-in/signaler', { reason: 'other', email: 'pas-un-courriel' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Décrivez le problème en quelques mots.');
    expect(html).toContain('Entrez une adresse courriel comme nom@exemple.org');
    const good = await post('/en/groups/e2e-listing-drop-in/report', { reason: 'wrong_information', details: 'The room changed.' });
    expect(good.status).toBe(303);
    expect(good.headers.get('location')).toBe('/en/groups/e2e-listing-drop-in/report?sent=1');
    expect((await post('/en/groups/nobody/report', { reason: 'safety' })).status).toBe(404);
  });
});

describe.skipIf(browserMissing)('a visitor reads a group page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows sessions with seats, waitlist and status, facilitators, and what to expect', async () => {
    const { page, assertClean } = await newPage(browser, baseURL, { javaScriptEnabled: false });
    page.setDefaultTimeout(10_000);
    await page.goto('/en/groups/e2e-listing-drop-in');
    await page.getByRole('heading', { level: 1, name: 'Wednesday evening grief circle' }).waitFor();
    const sessions = page.locator('section[aria-labelledby="schedule"] li.session');
    const texts = await sessions.allTextContents();
    expect(texts).toHaveLength(5);
    expect(texts[0]).toContain('Topic: Getting through the holidays');
    expect(texts[0]).toContain('Full: waitlist open · 2 people on the waitlist');
    expect(texts[1]).toContain('Cancelled');
    expect(texts[1]).toContain('Library closed for repairs');
    expect(texts[1]).not.toContain('seats left');
    expect(texts[2]).toMatch(/Postponed \(first planned for .+\)/);
    expect(texts[3]).toContain('Moved online');
    expect(texts[3]).toContain('Freezing rain warning');
    expect(texts[4]).toContain('8 seats left');
    // Every session but the cancelled one can go in a calendar.
    expect(await page.getByRole('link', { name: /^Add to calendar/ }).count()).toBe(4);
    expect(await sessions.nth(1).getByRole('link', { name: /^Add to calendar/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Add the whole schedule to your calendar' }).getAttribute('href')).toBe(
      '/en/groups/e2e-listing-drop-in/calendar.ics',
    );
    const main = await page.locator('main').textContent();
    expect(main).toContain('Tea, a round of first names');
    expect(main).toContain('At least three months since the loss.');
    expect(main).toContain('Morgan Peer');
    expect(main).toContain('Step-free access');
    // Plain words with a link to what they mean.
    expect(await page.getByRole('link', { name: 'What this means' }).first().getAttribute('href')).toBe('/en/kinds-of-groups#kind-support_group');
    // Without JavaScript the address is there to copy, with no button.
    expect(await page.getByLabel('Address of this page').inputValue()).toBe(`${baseURL}/en/groups/e2e-listing-drop-in`);
    expect(await page.getByRole('button', { name: 'Copy the link' }).count()).toBe(0);
    expect(await page.content()).not.toContain('e2e-listing-secret');
    await assertClean();
  });

  it('shows the verified licence and the cohort’s sessions of a group therapy', async () => {
    const { page, assertClean } = await newPage(browser, baseURL, { locale: 'fr-CA' });
    page.setDefaultTimeout(10_000);
    await page.goto('/fr/groupes/e2e-listing-therapy');
    await page.getByRole('heading', { level: 1, name: 'Huit semaines pour traverser le deuil (thérapie de groupe)' }).waitFor();
    const facilitators = await page.locator('.facilitators').textContent();
    expect(facilitators).toContain('Dr. Alex Tremblay');
    expect(facilitators).toContain('Permis vérifié');
    expect(facilitators).toContain('College of Psychologists of Ontario, ON, no E2E-4521');
    expect(await page.getByRole('heading', { name: 'Dates des rencontres' }).count()).toBe(1);
    expect(await page.locator('section[aria-labelledby="cohorts"] li.session').count()).toBe(2);
    expect(await page.locator('main').textContent()).toContain('Des reçus pour les assurances');
    await expectAccessible(page);
    await assertClean();
  });

  it('with JavaScript, copies the link (no share sheet in this browser)', async () => {
    const { page, assertClean } = await newPage(browser, baseURL);
    page.setDefaultTimeout(10_000);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.goto('/en/groups/e2e-listing-drop-in');
    await page.getByRole('button', { name: 'Copy the link' }).click();
    await page.getByRole('status').filter({ hasText: 'Link copied.' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/en/groups/e2e-listing-drop-in`);
    await expectAccessible(page);
    await assertClean();
  });

  for (const javaScriptEnabled of [false, true]) {
    it(`reports a problem with the listing (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
      const { page, assertClean } = await newPage(browser, baseURL, { javaScriptEnabled, locale: 'fr-CA' });
    page.setDefaultTimeout(10_000);
      await page.goto('/fr/groupes/e2e-listing-drop-in');
      await page.getByRole('link', { name: 'Signaler un problème avec cette fiche' }).click();
      await page.getByRole('heading', { level: 1, name: 'Signaler un problème avec cette fiche' }).waitFor();
      if (javaScriptEnabled) await expectAccessible(page);
      // Nothing chosen: the errors are listed, in French, and the page stays usable.
      await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
      await page.getByRole('alert').filter({ hasText: 'Choisissez le type de problème.' }).waitFor();
      if (javaScriptEnabled) {
        await expectAccessible(page);
        // The summary takes the focus, so that screen readers start with what to fix.
        await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
      }
      await page.getByRole('radio', { name: 'Autre chose' }).check();
      await page.getByLabel('Détails').fill('Le local a changé : c’est maintenant à la salle 2.');
      await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
      await page.getByRole('heading', { level: 1, name: 'Merci' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/fr/groupes/e2e-listing-drop-in/signaler');
      expect(await page.getByRole('status').textContent()).toContain('transmis à l’équipe de modération');
      await page.getByRole('link', { name: 'Retour au groupe' }).click();
      await page.getByRole('heading', { level: 1, name: 'Cercle de deuil du mercredi soir' }).waitFor();
      await assertClean();
    });
  }

  it('has no accessibility violations on the group pages, in either language', async () => {
    const { page, assertClean } = await newPage(browser, baseURL);
    page.setDefaultTimeout(10_000);
    for (const path of ['/en/groups/e2e-listing-drop-in', '/fr/groupes/e2e-listing-drop-in', '/en/groups/e2e-listing-therapy', '/en/groups/e2e-listing-drop-in/report']) {
      await page.goto(path);
      await expectAccessible(page);
    }
    await assertClean();
  });
});
