import { DateTime } from 'luxon';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createContext } from '../../core/context';
import { signUpProven } from '../support/people';
import { addMember, atWallClock, createGroup, createOrganization, createSession } from '../support/factories';
import { waitForMail, type SmtpReceiver } from '../support/smtp';
import { expectAccessible, hasChromium, newPage } from './browser';
import type { RunningServer } from './server-process';
import { startStory, type Story, confirmedAccounts } from '../support/story';

// Running a session on the day, as the organizer lives it: moving tomorrow's session a week later
// (the people holding a place get both times, an updated calendar entry, and can answer the
// organization), check-in that waits for the session's own day, and on the day, on a phone, marking
// people and adding walk-ins at the door by name only, with the keyboard alone.
const browserMissing = !hasChromium() && process.env.CI !== 'true';
const SECRET_KEY = 'journeys-run-test-key-0123456789abcdef-xyz';
const PASSWORD = 'a quiet harbour at dusk';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const ORG = 'harbour-light';
const CONTACT = 'contact@harbour-light.example';
const ZONE = 'America/Toronto';
const TITLE_EN = 'Harbour evening circle';
const TITLE_FR = 'Cercle du soir du port';

describe.skipIf(browserMissing)('running a session: postponing, check-in on the day, walk-ins', () => {
  let smtp: SmtpReceiver;
  let server: RunningServer;
  let browser: Browser;
  let story: Story;
  let ownerCookies: Awaited<ReturnType<BrowserContext['cookies']>> = [];
  // Today's session (already begun or about to, on today's date in Toronto) and tomorrow's.
  let today = '';
  let tomorrow = '';
  let tomorrowStart: DateTime = DateTime.now();
  let groupId = '';

  beforeAll(async () => {
    story = await startStory('journeys-run', {
      env: { SECRET_KEY },
      prepare: async (handle) => {
        const f = atWallClock(handle.db);
        const org = await createOrganization(f, { slug: ORG, nameEn: 'Harbour Light', nameFr: 'Lueur du port', email: CONTACT });
        const owner = await confirmedAccounts(handle, SECRET_KEY, [['Hana Host', 'hana@example.org']], PASSWORD);
        await addMember(f, org.id, owner['hana@example.org']!, 'owner');
        const group = await createGroup(f, { organizationId: org.id, titleEn: TITLE_EN, titleFr: TITLE_FR, timeZone: ZONE, sessionCapacity: 10, signupCutoffMinutes: 0 });
        groupId = group.id;

        // Today's session starts half an hour ago, or just after midnight when the day is younger: it
        // is always on today's date in the group's zone.
        const now = DateTime.now().setZone(ZONE);
        const start = DateTime.max(now.minus({ minutes: 30 }), now.startOf('day').plus({ minutes: 5 }));
        const s1 = await createSession(f, { groupId: group.id, startsAt: start.toJSDate(), endsAt: start.plus({ hours: 2 }).toJSDate() });
        tomorrowStart = now.plus({ days: 1 }).set({ hour: 19, minute: 0, second: 0, millisecond: 0 });
        const s2 = await createSession(f, { groupId: group.id, startsAt: tomorrowStart.toJSDate(), endsAt: tomorrowStart.plus({ minutes: 90 }).toJSDate() });
        today = s1.id;
        tomorrow = s2.id;
        // Two people signed up for today (before it began), one French speaker for tomorrow; each had
        // confirmed their address.
        const before = createContext(handle.db, { now: start.minus({ hours: 3 }).toJSDate(), locale: 'en' });
        await signUpProven(atWallClock(handle.db), { ctx: before, input: { sessionId: s1.id, name: 'Ada Lovelace', email: 'ada@example.org', consent: true } });
        await signUpProven(atWallClock(handle.db), { ctx: before, input: { sessionId: s1.id, name: 'Bruno Tremblay', email: 'bruno@example.org', consent: true } });
        await signUpProven(atWallClock(handle.db), { ctx: createContext(handle.db, { now: new Date(), locale: 'fr' }), input: { sessionId: s2.id, name: 'Chloé', email: 'chloe@example.org', consent: true } });
      },
    });

    ({ smtp, server, browser } = story);
    const { page, assertClean } = await newPage(browser, server.url);
    await page.goto('/en/account/sign-in');
    await page.getByLabel('Email').first().fill('hana@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.includes('/account/sign-in'));
    ownerCookies = await page.context().cookies();
    await assertClean();
  });

  afterAll(() => story?.stop());

  async function ownerPage(size: { width: number; height: number }) {
    const opened = await newPage(browser, server.url);
    opened.page.setDefaultTimeout(15_000);
    await opened.page.setViewportSize(size);
    await opened.page.context().addCookies(ownerCookies);
    return opened;
  }

  const checkIn = (locale: 'en' | 'fr', session: string) =>
    locale === 'en' ? `/en/organize/${ORG}/sessions/${session}/check-in` : `/fr/organiser/${ORG}/rencontres/${session}/presences`;

  /** Nothing is wider than the screen. */
  async function fitsWidth(page: Page) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
  }

  /** Presses Tab until the element matching `selector` has the focus (fails if it never does). */
  async function tabTo(page: Page, selector: string) {
    for (let i = 0; i < 80; i++) {
      if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`${selector} cannot be reached with the Tab key`);
  }

  it('postpones tomorrow’s session a week: the email says both times, with the updated calendar entry and Reply-To the organization', async () => {
    const { page, assertClean } = await ownerPage(DESKTOP);
    await page.goto(`/en/organize/${ORG}/sessions/${tomorrow}`);
    const next = tomorrowStart.plus({ weeks: 1 }).set({ hour: 18, minute: 30 });
    await page.getByLabel('New date').fill(next.toISODate()!);
    await page.getByLabel('New start time').fill('18:30');
    await page.getByLabel('New end time').fill('20:00');
    await page.getByLabel('Reason for the change').fill('The hall is booked that night.');
    await page.getByRole('button', { name: 'Move the session' }).click();
    await page.getByRole('status').filter({ hasText: 'The session is moved and everyone was told.' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('First planned for');
    await expectAccessible(page);

    const mail = await waitForMail(smtp, 'chloe@example.org', 'Rencontre reportée');
    expect(mail.replyTo?.text).toBe(CONTACT);
    expect(mail.text).toContain(`répondez simplement à ce courriel : votre réponse va à Lueur du port (${CONTACT})`);
    const fr = (d: DateTime) => d.setLocale('fr-CA').toFormat('cccc d LLLL');
    expect(mail.text).toContain(`Date prévue auparavant : ${fr(tomorrowStart)}`);
    expect(mail.text).toContain(`Nouvelle date : ${fr(next)}`);
    expect(mail.text).toContain('The hall is booked that night.');
    const file = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(file).toBeTruthy();
    const cal = new ICAL.Component(ICAL.parse(file!.content.toString('utf8')));
    ICAL.TimezoneService.register(cal.getFirstSubcomponent('vtimezone')!);
    const vevent = cal.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('uid')).toBe(`session-${tomorrow}@${new URL(server.url).host}`);
    expect(vevent.getFirstPropertyValue('sequence')).toBe(1);
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(ZONE);
    expect(new ICAL.Event(vevent).startDate.toJSDate().toISOString()).toBe(next.toUTC().toISO());
    await assertClean();
  });

  it('keeps check-in closed before the session’s day, in both languages', async () => {
    const { page, assertClean } = await ownerPage(PHONE);
    await page.goto(checkIn('en', tomorrow));
    await page.getByText('Check-in opens on the day of the session').waitFor();
    expect(await page.getByRole('button', { name: /^Present/ }).count()).toBe(0);
    expect(await page.getByLabel('Name or nickname').count()).toBe(0);
    await page.goto(checkIn('fr', tomorrow));
    await page.getByText('La prise des présences ouvre le jour de la rencontre').waitFor();
    await fitsWidth(page);
    await expectAccessible(page);
    await assertClean();
  });

  it('on the day, on a phone, marks people and adds walk-ins with the keyboard alone', async () => {
    const { page, assertClean } = await ownerPage(PHONE);
    await page.goto(checkIn('en', today));
    await page.getByRole('heading', { level: 1, name: `Check-in: ${TITLE_EN}` }).waitFor();
    await expectAccessible(page);
    await fitsWidth(page);

    // Ada is marked present: the button is reached and pressed from the keyboard.
    const ada = page.getByRole('button', { name: 'Present: Ada Lovelace' });
    await tabTo(page, 'button[aria-label="Present: Ada Lovelace"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => ada.getAttribute('aria-pressed')).toBe('true');
    // Tap targets of at least 44 px (WCAG 2.5.8 asks 24).
    expect((await ada.boundingBox())!.height).toBeGreaterThanOrEqual(44);

    // A walk-in: name only, typed and sent with Enter.
    await tabTo(page, '#f-walkInName');
    await page.keyboard.type('Sam (neighbour)');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Sam (neighbour) is added as a walk-in, present.' }).waitFor();
    const walkIns = page.getByRole('region', { name: 'Walk-ins' });
    expect(await walkIns.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Sam (neighbour)')]);
    expect(await page.getByText('2 present, 0 absent, 1 not recorded').count()).toBe(1);
    await fitsWidth(page);
    await expectAccessible(page);

    // The field is emptied and keeps the focus, ready for the next person at the door.
    expect(await page.getByLabel('Name or nickname').inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-walkInName');

    // An empty name is refused next to the field, nothing added.
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel('Name or nickname').getAttribute('aria-invalid')).toBe('true');
    expect(await walkIns.getByRole('listitem').count()).toBe(1);

    // In French, a second walk-in, then taken back from the keyboard.
    await page.goto(checkIn('fr', today));
    await tabTo(page, '#f-walkInName');
    await page.keyboard.type('Jo');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Ajout de Jo (sans inscription)' }).waitFor();
    const frWalkIns = page.getByRole('region', { name: 'Personnes venues sans inscription' });
    expect(await frWalkIns.getByRole('listitem').count()).toBe(2);
    await tabTo(page, 'button[aria-label="Retirer Jo"]');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'La personne est retirée de la liste.' }).waitFor();
    expect(await frWalkIns.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Sam (neighbour)')]);
    await fitsWidth(page);
    await expectAccessible(page);

    // The session's page counts the walk-in.
    await page.goto(`/en/organize/${ORG}/sessions/${today}`);
    expect(await page.locator('main').textContent()).toContain('Walk-ins (came without signing up, counted present): 1');

    // The organizers choose sign-up only: the door says so, and offers no form.
    await page.goto(`/en/organize/${ORG}/groups/${groupId}`);
    await page.getByLabel('People who come without signing up').selectOption({ label: 'Not taken: sign-up only' });
    // (The group has a French title: it is held in French too.)
    await page.getByRole('group', { name: 'Languages spoken' }).getByLabel('French', { exact: true }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    await page.goto(checkIn('en', today));
    expect(await page.getByRole('region', { name: 'Walk-ins' }).textContent()).toContain('This group does not take walk-ins');
    expect(await page.locator('#f-walkInName').count()).toBe(0);
    await expectAccessible(page);
    await assertClean();
  });
});
