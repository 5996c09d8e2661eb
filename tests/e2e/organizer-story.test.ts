import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { emailedLink, waitForMail as mailTo, type SmtpReceiver } from '../support/smtp';
import { expectAccessible, hasChromium, newPage } from './browser';
import type { RunningServer } from './server-process';
import { startStory, type Story } from '../support/story';

// The organizer's whole story, as one person then a visitor live it: an account, an organization,
// a bilingual weekly drop-in with its schedule, publication, search in both languages, a visitor's
// sign-up in French, then check-in on a phone. One server of its own, with an SMTP receiver.
const browserMissing = !hasChromium() && process.env.CI !== 'true';

const ORGANIZER = 'maya.organizer@example.org';
const VISITOR = 'lea.visiteuse@example.org';
const TITLE_EN = 'Evening lantern circle for grief';
const TITLE_FR = 'Cercle des lanternes du soir pour le deuil';

describe.skipIf(browserMissing)('an organizer’s story, from sign-up to check-in', () => {
  let smtp: SmtpReceiver;
  let server: RunningServer;
  let browser: Browser;
  let story: Story;

  beforeAll(async () => {
    story = await startStory('story');
    ({ smtp, server, browser } = story);
  });

  afterAll(() => story?.stop());

  const pathname = (page: Page) => new URL(page.url()).pathname;
  const orgNav = (page: Page) => page.getByRole('navigation', { name: 'Organization' });

  // Shared between the steps (they run in order, each one a chapter of the story).
  let orgHome = '';
  let groupSlug = '';
  let sessionId = '';
  // The first session: two days from now, on that weekday, in the group's zone.
  const first = DateTime.now().setZone('America/Toronto').plus({ days: 2 }).startOf('day');
  const weekday = first.setLocale('en').toFormat('cccc');

  it('signs up, confirms the address, creates an organization and a bilingual weekly drop-in, and publishes it', async () => {
    const { page, assertClean } = await newPage(browser, server.url);
    await page.goto('/en/account/sign-up');
    await page.getByLabel('Your name').fill('Maya Organizer');
    await page.getByLabel('Email').fill(ORGANIZER);
    await page.getByLabel('Password').fill('seven slow lanterns');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    const confirm = await mailTo(smtp, ORGANIZER, 'Confirm your email address');
    const link = /https?:\/\/\S+/.exec(confirm.text ?? '')?.[0];
    expect(link).toBeTruthy();
    await page.goto(link!);
    expect(pathname(page)).toBe('/en/organize');
    await page.getByRole('heading', { level: 1, name: 'Organize' }).waitFor();
    // The header's link is the current page here, and only here.
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organize' }).getAttribute('aria-current')).toBe('page');
    await expectAccessible(page);

    // An organization, named in both languages.
    await page.getByLabel('Name in English').fill('Lantern Peer Support');
    await page.getByLabel('Name in French').fill('Soutien entre pairs Lanterne');
    await page.getByRole('button', { name: 'Create the organization' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/profile'));
    expect(await page.getByRole('status').textContent()).toContain('Your organization is created');
    await expectAccessible(page);
    // Inside the area, only the organization's navigation marks the current page.
    expect(await page.locator('[aria-current="page"]').count()).toBe(1);
    expect(await orgNav(page).getByRole('link', { name: 'Profile' }).getAttribute('aria-current')).toBe('page');
    await orgNav(page).getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lantern Peer Support', exact: true }).waitFor();
    orgHome = pathname(page);
    await expectAccessible(page);

    // A new group: the essentials first.
    await orgNav(page).getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('heading', { level: 1, name: 'Groups of Lantern Peer Support' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'New group' }).click();
    await page.getByRole('heading', { level: 1, name: 'New group' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Title (English)').fill(TITLE_EN);
    await page.getByLabel('Title (French)').fill(TITLE_FR);
    await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Support group' });
    await page.getByLabel('Format', { exact: true }).selectOption({ label: 'Drop-in' });
    await page.getByLabel('In person or online').selectOption({ label: 'In person' });
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await page.getByRole('heading', { level: 1, name: `Edit ${TITLE_EN}` }).waitFor();
    await expectAccessible(page);

    // The texts in both languages, the place, free, eight seats.
    await page.getByLabel('Short summary (English)').fill('A quiet evening circle for people living with a loss.');
    await page.getByLabel('Short summary (French)').fill('Un cercle du soir, calme, pour les personnes qui vivent un deuil.');
    await page.getByLabel('Description (English)').fill('We sit together, light a lantern and share if we wish. Nobody has to speak.');
    await page.getByLabel('Description (French)').fill('Nous nous assoyons ensemble, allumons une lanterne et parlons si nous le voulons. Personne n’est obligé de parler.');
    await page.getByLabel('Venue name').fill('Maison des lanternes');
    await page.getByLabel('Street address').fill('12 rue des Érables');
    await page.getByLabel('City', { exact: true }).fill('Gatineau');
    // Both titles are given, so both languages are already ticked.
    const languages = page.getByRole('group', { name: 'Languages spoken' });
    expect(await languages.getByLabel('English', { exact: true }).isChecked()).toBe(true);
    expect(await languages.getByLabel('French', { exact: true }).isChecked()).toBe(true);
    await page.getByLabel('Cost', { exact: true }).selectOption('free');
    await page.getByLabel('Seats per session').fill('8');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    expect(await page.getByLabel('Description (French)').inputValue()).toContain('Personne n’est obligé de parler.');
    expect(await page.getByLabel('Seats per session').inputValue()).toBe('8');

    // A first try at publishing says what is missing: the schedule, linked to where it is made.
    await page.getByRole('button', { name: 'Publish' }).click();
    const problems = page.getByRole('alert');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('Add a schedule or at least one upcoming session.');
    await expectAccessible(page);
    await problems.getByRole('link', { name: 'Add a schedule or at least one upcoming session.' }).click();
    await page.getByRole('heading', { level: 1, name: `Schedule of ${TITLE_EN}` }).waitFor();
    await expectAccessible(page);

    // Every week, on one day at 18:30 for 90 minutes; the preview lists the next dates as it is typed.
    const schedule = page.getByRole('form', { name: 'Add a recurring schedule' });
    await schedule.getByLabel('Repeats').selectOption({ label: 'Every week or every few weeks' });
    await schedule.getByLabel('Every how many weeks').fill('1');
    await schedule.getByRole('group', { name: 'On these days' }).getByLabel(weekday).check();
    await schedule.getByLabel('Start time').fill('18:30');
    await schedule.getByLabel('Length (minutes)').fill('90');
    await schedule.getByLabel('First date').fill(first.toISODate()!);
    const preview = schedule.getByRole('listitem');
    await schedule.getByRole('heading', { name: 'Next dates' }).waitFor();
    await expect.poll(() => preview.count()).toBeGreaterThan(2);
    const dates = await preview.allTextContents();
    expect(dates[0]).toContain(first.setLocale('en-CA').toFormat('MMMM d'));
    expect(dates[0]).toMatch(/6:30/);
    await expectAccessible(page);
    await schedule.getByRole('button', { name: 'Save the schedule' }).click();
    await page.getByRole('status').filter({ hasText: 'Schedule saved.' }).waitFor();
    expect(await page.locator('.session-list').first().textContent()).toContain(first.setLocale('en-CA').toFormat('MMMM d'));
    // Each upcoming session links to its own page (registrants, cancel, postpone).
    expect(await page.locator('.session-list').first().getByRole('link').first().getAttribute('href')).toMatch(/\/en\/organize\/[^/]+\/sessions\/[0-9a-f-]{36}$/);
    // The form to add a schedule is back to its defaults: not the values just saved.
    expect(await schedule.getByRole('group', { name: 'On these days' }).getByLabel(weekday).isChecked()).toBe(false);
    expect(await schedule.getByLabel('First date').inputValue()).not.toBe(first.toISODate());
    expect(await schedule.getByLabel('Start time').inputValue()).not.toBe('18:30');
    // The saved schedule and the empty "add" form are on one page: no id (label target) appears twice.
    const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(await page.getByRole('form', { name: 'Change this schedule' }).getByLabel('Repeats').inputValue()).toBe('weekly');
    await expectAccessible(page);

    // Back to the details: now it publishes.
    await page.getByRole('navigation', { name: 'Editor sections' }).getByRole('link', { name: 'Details' }).click();
    await page.getByRole('heading', { level: 1, name: `Edit ${TITLE_EN}` }).waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').filter({ hasText: 'The group is published' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'See the public page' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE_EN, exact: true }).waitFor();
    expect(pathname(page)).toMatch(/^\/en\/groups\/evening-lantern-circle-for-grief-/);
    groupSlug = pathname(page).split('/').pop()!;
    await assertClean();
  });

  it('is found in public search, in English and in French', async () => {
    const { page, assertClean } = await newPage(browser, server.url, { javaScriptEnabled: false });
    await page.goto('/en/groups?q=lantern');
    await page.getByRole('link', { name: TITLE_EN }).waitFor();
    await page.goto('/fr/groupes?q=lanternes');
    await page.getByRole('link', { name: TITLE_FR }).click();
    // The French page has an address of its own, made from the French title, with the same suffix.
    const frenchPath = pathname(page);
    expect(frenchPath).toBe(`/fr/groupes/cercle-des-lanternes-du-soir-pour-le-deuil-${groupSlug.slice(-6)}`);
    await page.getByRole('heading', { level: 1, name: TITLE_FR, exact: true }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Personne n’est obligé de parler.');
    // The English address in French leads there for good (301), and each page names the other.
    const old = await fetch(`${server.url}/fr/groupes/${groupSlug}`, { redirect: 'manual' });
    expect(old.status).toBe(301);
    expect(new URL(old.headers.get('location')!, server.url).pathname).toBe(frenchPath);
    expect(await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href')).toContain(`/en/groups/${groupSlug}`);
    await assertClean();
  });

  it('a visitor signs up in French for the first session, without an account', async () => {
    const { page, assertClean } = await newPage(browser, server.url, { locale: 'fr-CA' });
    await page.goto(`/fr/groupes/${groupSlug}`);
    await page.getByRole('link', { name: /^M’inscrire\s*,/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'S’inscrire à une rencontre' }).waitFor();
    sessionId = pathname(page).split('/').at(-2)!;
    expect(await page.getByRole('status').first().textContent()).toContain('8 places restantes');
    await page.getByLabel('Prénom ou pseudonyme', { exact: true }).fill('Léa');
    await page.getByLabel('Courriel', { exact: true }).fill(VISITOR);
    await page.getByLabel(/J’accepte que les organisateurs/).check();
    await page.getByRole('button', { name: 'M’inscrire', exact: true }).click();
    await page.getByRole('heading', { name: 'Consultez vos courriels' }).waitFor();
    const mail = await mailTo(smtp, VISITOR, 'Confirmez votre place');
    expect(mail.text).toContain(TITLE_FR);
    expect(mail.text).toContain('Maison des lanternes');
    // The emailed link makes the place hers.
    await page.goto(emailedLink(mail, 'fr'));
    await page.getByText('Merci : votre adresse courriel est confirmée').waitFor();
    expect(await page.locator('.manage-item').first().textContent()).toContain('Place confirmée');
    await assertClean();
  });

  it('the organizer sees the visitor on the session; on a phone, check-in waits for the session’s day', async () => {
    const { page, assertClean } = await newPage(browser, server.url);
    await page.goto(orgHome);
    // Still signed in? A new context is not: sign in as a person would.
    expect(pathname(page)).toBe('/en/account/sign-in');
    await page.getByLabel('Email').first().fill(ORGANIZER);
    await page.getByLabel('Password').fill('seven slow lanterns');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === orgHome);

    await orgNav(page).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Lantern Peer Support' }).waitFor();
    await expectAccessible(page);
    const upcoming = page.getByRole('table', { name: 'Sessions in the next 14 days, with places taken and waitlists' });
    await upcoming.getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname === `${orgHome}/sessions/${sessionId}`);
    const registered = page.getByRole('table', { name: 'People holding a place, with their answers and attendance' });
    await registered.getByRole('rowheader', { name: 'Léa' }).waitFor();
    expect(await registered.getByRole('rowheader').allTextContents()).toEqual(['Léa']);
    expect(await registered.textContent()).toContain('Not recorded');
    await expectAccessible(page);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Check in people (phone view)' }).click();
    await page.getByRole('heading', { level: 1, name: `Check-in: ${TITLE_EN}` }).waitFor();
    await expectAccessible(page);
    // The session is two days away: check-in opens on its day (marking on the day is the story of
    // journeys-run.test.ts), and the page says when.
    const notice = page.getByText('Check-in opens on the day of the session');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(first.setLocale('en').toFormat('LLLL d, yyyy'));
    expect(await page.getByRole('button', { name: 'Present: Léa' }).count()).toBe(0);
    // Nothing spills sideways at phone width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('link', { name: 'Back to the session' }).click();
    await registered.getByRole('rowheader', { name: 'Léa' }).waitFor();
    await expectAccessible(page);
    await assertClean();
  });
});
