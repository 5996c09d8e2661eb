import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { NEW_GROUP_DEFAULTS } from '../../core/group-editor/group-input';
import { ONLINE_GROUPS } from '../../db/seed/demo/groups-online';
import { atWallClock, createGroup, createOrganization, createSession } from '../support/factories';
import { expectAccessible, hasChromium, newPage } from './browser';
import type { RunningServer } from './server-process';
import { startStory, type Story } from '../support/story';
import { emailedLink, waitForMail, type SmtpReceiver } from '../support/smtp';

// Joining as a person would, on a phone (390 × 844) and a desktop, in both languages: a drop-in
// tomorrow can be joined (with the cutoff a new drop-in gets), a session past its cutoff says why
// and what to do, a cancelled session offers no calendar entry, a postponed one can be joined,
// cancelling asks first and then offers other sessions, the sign-up is a button big enough to tap,
// and an online community's page leads to its space.
const browserMissing = !hasChromium() && process.env.CI !== 'true';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const HOUR = 3_600_000;
const CONTACT = 'hello@join-circle.example.org';

type Locale = 'en' | 'fr';
const RUNS: { name: string; size: typeof PHONE; locale: Locale }[] = [
  { name: 'phone, English', size: PHONE, locale: 'en' },
  { name: 'desktop, French', size: DESKTOP, locale: 'fr' },
  { name: 'phone, French', size: PHONE, locale: 'fr' },
  { name: 'desktop, English', size: DESKTOP, locale: 'en' },
];

const TEXT = {
  en: {
    signUp: /^Sign up\s*,/,
    calendar: /^Add to calendar/,
    closed: 'Online sign-up for this session closed',
    justCome: 'You can still just come',
    askContact: 'contact the organizers',
    otherSessions: 'See the other sessions',
    postponed: 'Postponed',
    name: 'Name or nickname',
    email: 'Email',
    consent: /I agree that the organizers/,
    submit: 'Sign up',
    checkEmail: 'Check your email',
    confirmSubject: 'Confirm your place',
    registered: 'Thank you: your email address is confirmed',
    cancel: /^Cancel my place/,
    confirmTitle: 'Cancel your place?',
    confirm: 'Yes, cancel my place',
    keep: 'No, keep my place',
    cancelled: 'Done: your registration is cancelled.',
    others: 'Other sessions of Riverside evening drop-in',
    confirmed: 'Place confirmed',
    howToJoin: 'How to join',
    openCommunity: 'Open the community',
    signInToJoin: 'Sign in',
  },
  fr: {
    signUp: /^M’inscrire\s*,/,
    calendar: /^Ajouter à mon agenda/,
    closed: 'L’inscription en ligne à cette rencontre a pris fin le',
    justCome: 'Vous pouvez tout de même venir',
    askContact: 'communiquez avec l’équipe organisatrice',
    otherSessions: 'Voir les autres rencontres',
    postponed: 'Reportée',
    name: 'Prénom ou pseudonyme',
    email: 'Courriel',
    consent: /J’accepte que les organisateurs/,
    submit: 'M’inscrire',
    checkEmail: 'Consultez vos courriels',
    confirmSubject: 'Confirmez votre place',
    registered: 'Merci : votre adresse courriel est confirmée',
    cancel: /^Annuler mon inscription/,
    confirmTitle: 'Annuler votre inscription?',
    confirm: 'Oui, annuler mon inscription',
    keep: 'Non, garder mon inscription',
    cancelled: 'C’est fait : votre inscription est annulée.',
    others: 'Autres rencontres de Rencontre libre du soir au bord de la rivière',
    confirmed: 'Place confirmée',
    howToJoin: 'Comment s’y joindre',
    openCommunity: 'Ouvrir la communauté',
    signInToJoin: 'Me connecter',
  },
} as const;

// Promises an online community's page must not make while communities are not built.

describe.skipIf(browserMissing)('journeys of a person joining a group', () => {
  let server: RunningServer;
  let smtp: SmtpReceiver;
  let browser: Browser;
  let story: Story;
  const at: Record<'tomorrow' | 'soon' | 'cancelled' | 'postponed' | 'later' | 'onlineSoon', { id: string; iso: string }> = {} as never;

  beforeAll(async () => {
    story = await startStory('journeys-join', {
      prepare: async (handle) => {
        const f = atWallClock(handle.db);
        const now = Date.now();
        const org = await createOrganization(f, { slug: 'join-circle', nameEn: 'Join Circle', nameFr: 'Cercle Joindre', email: CONTACT, phone: '613-555-0142' });
        // A drop-in with the cutoff a new drop-in gets in the editor.
        const dropIn = await createGroup(f, {
          organizationId: org.id,
          slug: 'join-drop-in',
          slugFr: 'rencontre-libre-joindre',
          titleEn: 'Riverside evening drop-in',
          titleFr: 'Rencontre libre du soir au bord de la rivière',
          signupCutoffMinutes: NEW_GROUP_DEFAULTS.signupCutoffMinutes,
          sessionCapacity: 12,
          contactEmail: null,
          contactPhone: null,
        });
        const add = async (key: keyof typeof at, groupId: string, startsAt: number, extra: Record<string, unknown> = {}) => {
          const s = await createSession(f, { groupId, startsAt: new Date(startsAt), ...extra });
          at[key] = { id: s.id, iso: s.startsAt.toISOString() };
        };
        await add('soon', dropIn.id, now + 0.5 * HOUR);
        await add('tomorrow', dropIn.id, now + 20 * HOUR);
        await add('cancelled', dropIn.id, now + 3 * 24 * HOUR, { status: 'cancelled', statusReason: 'The hall is closed for repairs' });
        await add('postponed', dropIn.id, now + 5 * 24 * HOUR, {
          status: 'postponed',
          statusReason: 'Our facilitator is away',
          originalStartsAt: new Date(now + 2 * 24 * HOUR),
        });
        await add('later', dropIn.id, now + 8 * 24 * HOUR);
        // An online drop-in past its cutoff: nobody can "just come" (the link goes to confirmed places).
        const online = await createGroup(f, {
          organizationId: org.id,
          slug: 'join-online-drop-in',
          titleEn: 'Lunchtime online drop-in',
          titleFr: 'Rencontre libre en ligne du midi',
          delivery: 'online',
          street: null,
          onlineUrl: 'https://meet.example.org/join-private',
          signupCutoffMinutes: 60,
        });
        await add('onlineSoon', online.id, now + 0.5 * HOUR);
        // An online community, with the demo's own words for one.
        const demo = ONLINE_GROUPS.find((g) => g.slug === 'community-bereaved-parents')!;
        await createGroup(f, {
          organizationId: org.id,
          slug: 'join-community',
          kind: 'online_community',
          format: 'ongoing',
          dropInStyle: null,
          delivery: 'online',
          street: null,
          titleEn: demo.title.en,
          titleFr: demo.title.fr,
          summaryEn: demo.summary.en,
          summaryFr: demo.summary.fr,
          descriptionEn: demo.description.en,
          descriptionFr: demo.description.fr,
          whatToExpectEn: demo.whatToExpect?.en ?? null,
          whatToExpectFr: demo.whatToExpect?.fr ?? null,
          rulesEn: demo.rules?.en ?? null,
          rulesFr: demo.rules?.fr ?? null,
          contactEmail: CONTACT,
        });
      },
    });
    // Mail goes to a real SMTP receiver: the place is the person's once they open the emailed link.
    ({ smtp, server, browser } = story);
  });

  afterAll(() => story?.stop());

  const groupPath = (locale: Locale, slug = 'join-drop-in') =>
    locale === 'fr' ? `/fr/groupes/${slug === 'join-drop-in' ? 'rencontre-libre-joindre' : slug}` : `/en/groups/${slug}`;
  const signupPath = (locale: Locale, slug: string, sessionId: string) =>
    locale === 'fr' ? `/fr/groupes/${slug}/rencontres/${sessionId}/inscription` : `/en/groups/${slug}/sessions/${sessionId}/sign-up`;

  /** After sending the form: the page says to check the email; its link confirms the place. */
  async function confirmFromEmail(page: Page, locale: Locale, email: string) {
    const x = TEXT[locale];
    await page.getByRole('heading', { name: x.checkEmail }).waitFor();
    const mail = await waitForMail(smtp, email, x.confirmSubject);
    await page.goto(emailedLink(mail, locale));
    await page.getByText(x.registered).waitFor();
  }

  async function open(size: typeof PHONE, locale: Locale, options: { javaScriptEnabled?: boolean } = {}) {
    const opened = await newPage(browser, server.url, { ...options, locale: locale === 'fr' ? 'fr-CA' : 'en-CA' });
    opened.page.setDefaultTimeout(15_000);
    await opened.page.setViewportSize(size);
    return opened;
  }
  const sessionItem = (page: Page, key: keyof typeof at) => page.locator('li.session', { has: page.locator(`time[datetime="${at[key].iso}"]`) });
  async function boxOf(locator: Locator) {
    const box = await locator.boundingBox();
    expect(box, 'the element is laid out').not.toBeNull();
    return box!;
  }
  async function noSidewaysScroll(page: Page) {
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    expect(scroll).toBeLessThanOrEqual(width);
  }

  for (const run of RUNS) {
    it(`group page (${run.name}): the sign-up is a big button; closed, cancelled and postponed sessions say what they are`, async () => {
      const x = TEXT[run.locale];
      const { page, assertClean } = await open(run.size, run.locale);
      await page.goto(groupPath(run.locale));
      await page.getByRole('heading', { level: 1 }).waitFor();

      // Tomorrow's session (an hour's cutoff) takes sign-ups, with a button easy to tap.
      const button = sessionItem(page, 'tomorrow').getByRole('link', { name: x.signUp });
      const box = await boxOf(button);
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(await button.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(
        await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
      );
      // The calendar link beside it is just as easy to tap, and not on top of it.
      const calendar = sessionItem(page, 'tomorrow').getByRole('link', { name: x.calendar });
      const calBox = await boxOf(calendar);
      expect(calBox.height).toBeGreaterThanOrEqual(44);
      const apart = calBox.x >= box.x + box.width || calBox.y >= box.y + box.height;
      expect(apart).toBe(true);

      // Past the cutoff: why, when, and what to do (an in-person session with room: just come).
      const soon = sessionItem(page, 'soon');
      expect(await soon.getByRole('link', { name: x.signUp }).count()).toBe(0);
      const soonText = (await soon.textContent()) ?? '';
      expect(soonText).toContain(x.closed);
      expect(soonText).toContain(x.justCome);
      expect(await soon.locator(`a[href="mailto:${CONTACT}"]`).count()).toBe(1);

      // A cancelled session: no sign-up and nothing to put in a calendar.
      const cancelled = sessionItem(page, 'cancelled');
      await cancelled.waitFor();
      expect(await cancelled.getByRole('link', { name: x.calendar }).count()).toBe(0);
      expect(await cancelled.getByRole('link', { name: x.signUp }).count()).toBe(0);
      expect(await cancelled.locator('a[href$=".ics"], a[download]').count()).toBe(0);

      // A postponed session still takes sign-ups at its new time.
      const postponed = sessionItem(page, 'postponed');
      expect(await postponed.textContent()).toContain(x.postponed);
      expect(await postponed.getByRole('link', { name: x.signUp }).count()).toBe(1);

      if (run.size === PHONE) await noSidewaysScroll(page);
      if (run.locale === 'fr' || run.size === PHONE) await expectAccessible(page);
      await assertClean();
    });
  }

  it('joins tomorrow’s drop-in from the group page on a phone, without JavaScript', async () => {
    const x = TEXT.en;
    const { page, assertClean } = await open(PHONE, 'en', { javaScriptEnabled: false });
    await page.goto(groupPath('en'));
    await sessionItem(page, 'tomorrow').getByRole('link', { name: x.signUp }).click();
    expect(new URL(page.url()).pathname).toBe(signupPath('en', 'join-drop-in', at.tomorrow.id));
    await page.getByLabel(x.name, { exact: true }).fill('Sam');
    await page.getByLabel(x.email, { exact: true }).fill('sam@example.org');
    await page.getByLabel(x.consent).check();
    await page.getByRole('button', { name: x.submit, exact: true }).click();
    await confirmFromEmail(page, 'en', 'sam@example.org');
    expect(await page.locator('.manage-item').first().textContent()).toContain(x.confirmed);
    await assertClean();
  });

  for (const run of [RUNS[1]!, RUNS[0]!]) {
    it(`joins a postponed session (${run.name}): the sign-up page agrees with the group page`, async () => {
      const x = TEXT[run.locale];
      const { page, assertClean } = await open(run.size, run.locale);
      await page.goto(groupPath(run.locale));
      await sessionItem(page, 'postponed').getByRole('link', { name: x.signUp }).click();
      await page.getByLabel(x.name, { exact: true }).waitFor();
      expect(await page.locator('.facts').textContent()).toContain(x.postponed);
      await page.getByLabel(x.name, { exact: true }).fill('Alex');
      await page.getByLabel(x.email, { exact: true }).fill(`alex-${run.locale}@example.org`);
      await page.getByLabel(x.consent).check();
      await page.getByRole('button', { name: x.submit, exact: true }).click();
      await confirmFromEmail(page, run.locale, `alex-${run.locale}@example.org`);
      expect(await page.locator('.manage-item').first().textContent()).toContain(x.confirmed);
      if (run.size === PHONE) await noSidewaysScroll(page);
      await assertClean();
    });
  }

  for (const run of [RUNS[0]!, RUNS[1]!]) {
    it(`a session past its cutoff explains why on its sign-up page (${run.name})`, async () => {
      const x = TEXT[run.locale];
      const { page, assertClean } = await open(run.size, run.locale);
      await page.goto(signupPath(run.locale, run.locale === 'fr' ? 'rencontre-libre-joindre' : 'join-drop-in', at.soon.id));
      const status = page.getByRole('status').first();
      const text = (await status.textContent()) ?? '';
      expect(text).toContain(x.closed);
      expect(text).toContain(x.justCome);
      expect(await page.getByRole('button', { name: x.submit, exact: true }).count()).toBe(0);
      expect(await status.getByRole('link', { name: x.otherSessions }).count()).toBe(1);

      // Online, nobody can just come: the organizers' contact is given instead.
      await page.goto(signupPath(run.locale, 'join-online-drop-in', at.onlineSoon.id));
      const online = (await page.getByRole('status').first().textContent()) ?? '';
      expect(online).toContain(x.closed);
      expect(online).not.toContain(x.justCome);
      expect(online).toContain(x.askContact);
      expect(await page.getByRole('status').first().locator(`a[href="mailto:${CONTACT}"]`).count()).toBe(1);
      await expectAccessible(page);
      await assertClean();
    });
  }

  for (const run of [
    { ...RUNS[0]!, javaScriptEnabled: false },
    { ...RUNS[1]!, javaScriptEnabled: true },
  ]) {
    it(`cancelling asks first, then offers the group’s other sessions (${run.name}, ${run.javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
      const x = TEXT[run.locale];
      const { page, assertClean } = await open(run.size, run.locale, { javaScriptEnabled: run.javaScriptEnabled });
      await page.goto(signupPath(run.locale, run.locale === 'fr' ? 'rencontre-libre-joindre' : 'join-drop-in', at.later.id));
      await page.getByLabel(x.name, { exact: true }).fill('Robin');
      await page.getByLabel(x.email, { exact: true }).fill(`robin-${run.locale}@example.org`);
      await page.getByLabel(x.consent).check();
      await page.getByRole('button', { name: x.submit, exact: true }).click();
      await confirmFromEmail(page, run.locale, `robin-${run.locale}@example.org`);
      const manage = page.url();

      // The first tap only asks; saying no keeps the place.
      await page.getByRole('button', { name: x.cancel }).click();
      await page.getByRole('heading', { name: x.confirmTitle }).waitFor();
      // axe runs in the page: only where the page runs scripts.
      if (run.javaScriptEnabled) await expectAccessible(page);
      await page.getByRole('link', { name: x.keep }).click();
      await page.locator('.manage-item').first().waitFor();
      expect(await page.locator('.manage-item').first().textContent()).toContain(x.confirmed);

      // Asked again, saying yes cancels; the group's other sessions are offered.
      await page.getByRole('button', { name: x.cancel }).click();
      const yes = page.getByRole('button', { name: x.confirm });
      expect((await boxOf(yes)).height).toBeGreaterThanOrEqual(44);
      await yes.click();
      await page.getByText(x.cancelled).waitFor();
      const others = page.getByRole('region', { name: x.others });
      await others.waitFor();
      // The postponed and the tomorrow sessions take sign-ups; the one past its cutoff, the
      // cancelled one and the one just given up are not offered.
      expect(await others.locator(`time[datetime="${at.postponed.iso}"]`).count()).toBe(1);
      expect(await others.locator(`time[datetime="${at.tomorrow.iso}"]`).count()).toBe(1);
      for (const key of ['soon', 'cancelled', 'later'] as const) expect(await others.locator(`time[datetime="${at[key].iso}"]`).count()).toBe(0);
      const again = others.getByRole('link', { name: x.signUp }).first();
      expect((await boxOf(again)).height).toBeGreaterThanOrEqual(44);
      expect(new URL(manage).pathname).toBe(new URL(page.url()).pathname);
      if (run.size === PHONE) await noSidewaysScroll(page);
      if (run.javaScriptEnabled) await expectAccessible(page);
      await assertClean();
    });
  }

  for (const run of RUNS) {
    it(`an online community's page says how to join and leads to its space (${run.name})`, async () => {
      const x = TEXT[run.locale];
      const { page, assertClean } = await open(run.size, run.locale);
      await page.goto(groupPath(run.locale, 'join-community'));
      await page.getByRole('heading', { level: 1 }).waitFor();
      const join = page.getByRole('region', { name: x.howToJoin });
      await join.getByRole('link', { name: x.openCommunity }).click();
      await page.waitForURL((url) => url.pathname === `${groupPath(run.locale, 'join-community')}/${run.locale === 'fr' ? 'communaute' : 'community'}`);
      // Outside, the space shows how to join, never what members write.
      await page.getByRole('link', { name: x.signInToJoin }).waitFor();
      expect(await page.getByRole('link', { name: x.signInToJoin }).count()).toBe(1);
      if (run.size === PHONE) await expectAccessible(page);
      await assertClean();
    });
  }
});
