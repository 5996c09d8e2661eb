import { DateTime } from 'luxon';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { intakeQuestions } from '../../db/schema';
import { atWallClock, createCohort, createGroup, createSession } from '../support/factories';
import { emailedLink, waitForMail as mailTo, type SmtpReceiver } from '../support/smtp';
import { expectAccessible, hasChromium, newPage } from './browser';
import type { RunningServer } from './server-process';
import { startStory, type Story } from '../support/story';

// Joining a group as a person would: a server of its own, with a real SMTP receiver for its mail.
const browserMissing = !hasChromium() && process.env.CI !== 'true';

describe.skipIf(browserMissing)('joining a group', () => {
  let smtp: SmtpReceiver;
  let server: RunningServer;
  let browser: Browser;
  let story: Story;
  const ids = { full: '', open: '', cohort: '' };
  let cohortWeekday = '';

  beforeAll(async () => {
    story = await startStory('signup', {
      prepare: async (handle) => {
        const now = Date.now();
        const dropIn = await createGroup(atWallClock(handle.db), {
          slug: 'signup-drop-in',
          titleEn: 'Thursday caregivers drop-in',
          titleFr: 'Rencontre libre des proches aidants du jeudi',
          delivery: 'hybrid',
          onlineUrl: 'https://meet.example.org/caregivers-private',
          signupCutoffMinutes: 60,
        });
        ids.full = (await createSession(atWallClock(handle.db), { groupId: dropIn.id, startsAt: new Date(now + 3 * 86_400_000), capacity: 1 })).id;
        ids.open = (await createSession(atWallClock(handle.db), { groupId: dropIn.id, startsAt: new Date(now + 10 * 86_400_000) })).id;
        const closed = await createGroup(atWallClock(handle.db), {
          slug: 'signup-cohort',
          kind: 'support_group',
          format: 'closed',
          dropInStyle: null,
          leadership: 'professional',
          autoAccept: true,
          callsApplicants: true,
          eligibilityEn: 'For adults who lost someone at least three months ago.',
          eligibilityFr: 'Pour les adultes ayant perdu une personne proche il y a au moins trois mois.',
          titleEn: 'Eight weeks after a loss',
          titleFr: 'Huit semaines après une perte',
        });
        const cohort = await createCohort(
          atWallClock(handle.db),
          { groupId: closed.id, startsOn: new Date(now + 14 * 86_400_000).toISOString().slice(0, 10), endsOn: new Date(now + 70 * 86_400_000).toISOString().slice(0, 10), capacity: 8 },
          ['Telling the story', 'Looking ahead'],
        );
        ids.cohort = cohort.id;
        // Two sessions a week apart, at the same local time.
        const firstLocal = DateTime.fromMillis(now + 14 * 86_400_000, { zone: 'America/Toronto' }).set({ hour: 18, minute: 30, second: 0, millisecond: 0 });
        for (const week of [0, 1]) {
          const start = firstLocal.plus({ weeks: week });
          await createSession(atWallClock(handle.db), { groupId: closed.id, cohortId: cohort.id, startsAt: start.toJSDate(), endsAt: start.plus({ hours: 2 }).toJSDate() });
        }
        cohortWeekday = firstLocal.setLocale('en').toFormat('cccc');
        await handle.db.insert(intakeQuestions).values([
          { groupId: closed.id, position: 1, type: 'yes_no', labelEn: 'Have you been in a group before?', labelFr: 'Avez-vous déjà fait partie d’un groupe?', required: true },
          {
            groupId: closed.id,
            position: 2,
            type: 'choice',
            labelEn: 'How long ago was the loss?',
            labelFr: 'Il y a combien de temps?',
            options: [
              { value: 'recent', labelEn: 'Less than a year', labelFr: 'Moins d’un an' },
              { value: 'older', labelEn: 'A year or more', labelFr: 'Un an ou plus' },
            ],
          },
        ]);
      },
    });
    ({ smtp, server, browser } = story);
  });

  afterAll(() => story?.stop());

  const signupPath = (locale: 'en' | 'fr', sessionId: string) =>
    locale === 'fr' ? `/fr/groupes/signup-drop-in/rencontres/${sessionId}/inscription` : `/en/groups/signup-drop-in/sessions/${sessionId}/sign-up`;

  it('signs up for a drop-in in French without JavaScript: the page says to check the email, whose link confirms the place and shows the online link', async () => {
    const { page, assertClean } = await newPage(browser, server.url, { javaScriptEnabled: false, locale: 'fr-CA' });
    // From the group page: each session still taking sign-ups has its link.
    await page.goto('/fr/groupes/signup-drop-in');
    await page.locator('a.signup-button', { hasText: /^M’inscrire,/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'S’inscrire à une rencontre' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(signupPath('fr', ids.full));
    expect(await page.getByRole('status').first().textContent()).toContain('1 place restante');
    await page.getByLabel('Prénom ou pseudonyme', { exact: true }).fill('Lou');
    await page.getByLabel('Courriel', { exact: true }).fill('lou@example.org');
    await page.getByLabel(/J’accepte que les organisateurs/).check();
    await page.getByRole('button', { name: 'M’inscrire' }).click();
    await page.getByRole('heading', { name: 'Consultez vos courriels' }).waitFor();
    // Nothing private on the page: no link to the person's place, no meeting link.
    const shown = (await page.locator('main').textContent()) ?? '';
    expect(shown).toContain('lou@example.org');
    expect(shown).toContain('30 minutes');
    expect(shown).not.toContain('meet.example.org');
    expect(await page.locator('a[href*="/gerer/"]').count()).toBe(0);

    // The email asks to confirm and carries no meeting link yet.
    const mail = await mailTo(smtp, 'lou@example.org', 'Confirmez votre place');
    expect(mail.text).not.toContain('meet.example.org');
    expect(mail.attachments).toEqual([]);
    await page.goto(emailedLink(mail, 'fr'));
    await page.getByText('Merci : votre adresse courriel est confirmée').waitFor();
    expect(await page.locator('.manage-item').first().textContent()).toContain('Place confirmée');
    expect(await page.getByRole('link', { name: 'Participer en ligne' }).getAttribute('href')).toBe('https://meet.example.org/caregivers-private');
    await assertClean();
  });

  it('with JavaScript, a full session offers the waitlist; the confirmed address sees its position, without the link', async () => {
    const { page, assertClean } = await newPage(browser, server.url, { locale: 'fr-CA' });
    await page.goto(signupPath('fr', ids.full));
    expect(await page.getByRole('status').first().textContent()).toContain('complète');
    await page.getByLabel('Prénom ou pseudonyme', { exact: true }).fill('Noa');
    await page.getByLabel('Courriel', { exact: true }).fill('noa@example.org');
    await page.getByLabel(/J’accepte que les organisateurs/).check();
    await page.getByRole('button', { name: 'M’inscrire sur la liste d’attente' }).click();
    // The heading takes the focus, so that a screen reader reads it out.
    const heading = page.getByRole('heading', { name: 'Consultez vos courriels' });
    await heading.waitFor();
    expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true);
    await expectAccessible(page);
    const mail = await mailTo(smtp, 'noa@example.org', 'Confirmez votre place');
    expect(mail.text).toContain('position 1');
    await page.goto(emailedLink(mail, 'fr'));
    await page.getByText('Sur la liste d’attente : position 1').waitFor();
    expect(await page.getByRole('link', { name: 'Participer en ligne' }).count()).toBe(0);
    await assertClean();
  });

  it('answers a second sign-up with the same address exactly as a first one; the person learns it by email', async () => {
    const { page, assertClean } = await newPage(browser, server.url);
    const signUp = async () => {
      await page.goto(signupPath('en', ids.open));
      await page.getByLabel('Name or nickname', { exact: true }).fill('Kim');
      await page.getByLabel('Email', { exact: true }).fill('kim@example.org');
      await page.getByLabel(/I agree that the organizers/).check();
      await page.getByRole('button', { name: 'Sign up', exact: true }).click();
      await page.getByRole('heading', { name: 'Check your email' }).waitFor();
      return page.locator('.check-email').textContent();
    };
    const first = await signUp();
    const second = await signUp();
    expect(second).toBe(first);
    await mailTo(smtp, 'kim@example.org', 'Confirm your place');
    const again = await mailTo(smtp, 'kim@example.org', 'You already have a place');
    expect(emailedLink(again, 'en')).toMatch(/\/en\/manage\//);
    await assertClean();
  });

  it('explains what to fix, in the page’s language, when the server refuses the form', async () => {
    const { page, assertClean } = await newPage(browser, server.url, { locale: 'fr-CA' });
    await page.goto(signupPath('fr', ids.open));
    // Skip the browser's own checks to see the server's answer.
    await page.locator('form.person-form').evaluate((form) => ((form as HTMLFormElement).noValidate = true));
    await page.getByLabel('Courriel', { exact: true }).fill('pas-un-courriel');
    await page.getByRole('button', { name: 'M’inscrire' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    const text = await summary.textContent();
    expect(text).toContain('Veuillez corriger ce qui suit');
    expect(text).toContain('Inscrivez une adresse courriel valide.');
    expect(text).toContain('Veuillez cocher la case');
    expect(await page.getByLabel('Courriel', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // The email typed is kept.
    expect(await page.getByLabel('Courriel', { exact: true }).inputValue()).toBe('pas-un-courriel');
    await expectAccessible(page);
    await assertClean();
  });

  it('applies to a closed group, answering its questions and committing to the whole sequence', async () => {
    const { page, assertClean } = await newPage(browser, server.url);
    await page.goto('/en/groups/signup-cohort');
    await page.locator('a.signup-button', { hasText: /^Apply to join,/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Apply to join the group' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/en/groups/signup-cohort/cohorts/${ids.cohort}/apply`);
    expect(await page.locator('.modules').textContent()).toContain('Telling the story');
    // Before committing: when it meets, and who it is for.
    const facts = await page.locator('dl.facts').textContent();
    expect(facts).toContain(`Every ${cohortWeekday}, 6:30 p.m. to 8:30 p.m.`);
    expect(await page.getByRole('region', { name: 'Who this group is for' }).textContent()).toContain('at least three months ago');
    await expectAccessible(page);
    await page.getByLabel('Name or nickname', { exact: true }).fill('Ari');
    // The facilitator calls applicants: a number that cannot be dialled is refused, saying why.
    await page.getByLabel('Phone number').fill('555');
    await page.getByLabel('Email', { exact: true }).fill('ari@example.org');
    await page.getByRole('group', { name: 'Have you been in a group before?' }).getByLabel('No').check();
    await page.getByRole('group', { name: /How long ago/ }).getByLabel('Less than a year').check();
    await page.getByLabel(/I commit to attending the whole sequence/).check();
    await page.getByLabel(/I agree that the organizers/).check();
    await page.getByRole('button', { name: 'Send my application' }).click();
    await page.getByText('Enter a phone number with its area code.').first().waitFor();
    await page.getByLabel('Phone number').fill('613 555-0123');
    await page.getByLabel(/I commit to attending the whole sequence/).check();
    await page.getByLabel(/I agree that the organizers/).check();
    await page.getByRole('button', { name: 'Send my application' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    const confirm = await mailTo(smtp, 'ari@example.org', 'Confirm your place: Eight weeks after a loss');
    expect(confirm.text).toContain('Hello Ari,');
    await page.goto(emailedLink(confirm, 'en'));
    await page.getByText('Thank you: your email address is confirmed').waitFor();
    expect(await page.locator('main').textContent()).toContain('Accepted');
    // Afterwards: what happens next, and by when.
    const next = await page.getByRole('list', { name: 'What happens next' }).textContent();
    expect(next).toContain('Your place is held.');
    expect(next).toMatch(new RegExp(`The facilitator will call you at 613 555-0123 before ${cohortWeekday}, .+ 6:30 p\\.m\\.`));
    await assertClean();
  });

  it('opens the manage link from the email, cancels, and the person waiting gets the place', async () => {
    const mail = await mailTo(smtp, 'lou@example.org', 'Confirmez votre place');
    const link = emailedLink(mail, 'fr');
    const { page, assertClean } = await newPage(browser, server.url, { locale: 'fr-CA' });
    await page.goto(link!);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Vos inscriptions');
    await expectAccessible(page);
    await page.getByRole('button', { name: /Annuler mon inscription/ }).click();
    // One more step: the page asks first.
    await page.getByRole('button', { name: 'Oui, annuler mon inscription' }).click();
    await page.getByText('C’est fait : votre inscription est annulée.').waitFor();
    expect(await page.locator('.manage-item').first().textContent()).toContain('Annulée');
    await assertClean();

    const cancelledMail = await mailTo(smtp, 'lou@example.org', 'Inscription annulée');
    expect(cancelledMail.text).not.toContain('meet.example.org');
    const promoted = await mailTo(smtp, 'noa@example.org', 'Une place s’est libérée');
    expect(promoted.text).toContain('https://meet.example.org/caregivers-private');
  });

  it('makes a private calendar address on the manage page, which a calendar app reads, then stops it', async () => {
    const promoted = await mailTo(smtp, 'noa@example.org', 'Une place s’est libérée');
    const { page, assertClean } = await newPage(browser, server.url, { locale: 'fr-CA' });
    await page.goto(emailedLink(promoted, 'fr'));
    await page.getByRole('button', { name: 'Créer l’adresse de mon agenda' }).click();
    await page.getByText('L’adresse de votre agenda est prête').waitFor();
    const address = await page.getByLabel('L’adresse privée de votre agenda').inputValue();
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/fr\/agenda\/k1\.[^/]+\/mes-rencontres\.ics$/);
    await expectAccessible(page);
    const feed = await fetch(address);
    expect([feed.status, feed.headers.get('cache-control')]).toEqual([200, 'private, max-age=900']);
    const ics = await feed.text();
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    expect(ics).not.toContain('meet.example.org');
    await page.getByRole('button', { name: 'Arrêter cette adresse' }).click();
    await page.getByText('Cette adresse d’agenda ne fonctionne plus.').waitFor();
    expect((await fetch(address)).status).toBe(404);
    await assertClean();
  });
});
