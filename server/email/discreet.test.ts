import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createCohort, createMember, createOpenSession, createSession, createTopic, tagGroup } from '../../tests/support/factories';
import { startSmtpReceiver, type SmtpReceiver } from '../../tests/support/smtp';
import { applyProven, signUpProven } from '../../tests/support/people';
import { organizations, participants } from '../../db/schema';
import { createContext } from '../../core/context';
import { deliverOutbox } from '../../core/email/deliver-outbox';
import { queueReminders } from '../../core/worker/queue-reminders';
import { messageRegistrants } from '../../core/running/message-registrants';
import { manageToken } from '../../core/participants/manage-link';
import { setDiscreet } from '../../core/participants/set-discreet';
import { getMyRegistrations } from '../../core/participants/get-my-registrations';
import { exportMyData } from '../../core/participants/my-data';
import { getMyCalendar, setCalendarFeed } from '../../core/calendars/my-calendar';
import { getSessionCalendar } from '../../core/calendars';
import { createSender } from './transport';

// Discreet mode (issue 36): what shows of a message before it is opened (subject, sender, preview)
// and the calendar entries (summary, description) say nothing of the group, its topic or its
// organization. Emails are sent through a real SMTP server and read back; calendars are parsed.
const NOW = new Date('2026-11-27T15:00:00Z');
const FROM = 'Cercle <no-reply@cercle.test>';
let t: TestDatabase;
let smtp: SmtpReceiver;
const ctx = (now = NOW, locale: 'en' | 'fr' = 'en') => createContext(t.db, { now, locale });
const sender = () => createSender({ smtpUrl: smtp.url, mailDir: '', from: FROM, settings: ctx().settings });

/** The words that would give the person away, in both languages. */
const SECRETS = ['Pregnancy loss circle', 'Cercle après une perte de grossesse', 'Northshore Hospice', 'Hospice Rive-Nord', 'Pregnancy & infant loss', 'Deuil périnatal', 'pregnancy-loss'];
let groupId = '';
let sessionId = '';
let orgId = '';
let owner: Awaited<ReturnType<typeof createMember>>;

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  smtp = await startSmtpReceiver();
  owner = await createMember(t, 'owner');
  orgId = owner.organizationId;
  await t.db
    .update(organizations)
    .set({ nameEn: 'Northshore Hospice', nameFr: 'Hospice Rive-Nord', email: 'groups@northshore.example' })
    .where(eq(organizations.id, orgId));
  const { group, session } = await createOpenSession(
    t,
    {
      organizationId: orgId,
      slug: 'pregnancy-loss-circle',
      titleEn: 'Pregnancy loss circle',
      titleFr: 'Cercle après une perte de grossesse',
      delivery: 'online',
      street: null,
      onlineUrl: 'https://meet.example.org/room-7',
    },
    // Within 24 hours: the reminder is due at once.
    { startsAt: new Date(NOW.getTime() + 20 * 3_600_000), endsAt: new Date(NOW.getTime() + 21.5 * 3_600_000) },
  );
  groupId = group.id;
  sessionId = session.id;
  const topic = await createTopic(t, { slug: 'pregnancy-loss-test', labelEn: 'Pregnancy & infant loss', labelFr: 'Deuil périnatal' });
  await tagGroup(t, groupId, topic.id);
});
afterAll(async () => {
  await smtp.stop();
  await t.close();
});

const recipient = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text;
const template = (m: ParsedMail) => m.headers.get('x-cercle-template');

/** Sends what is due and returns the messages to `email`. */
async function deliverTo(email: string, now = NOW): Promise<ParsedMail[]> {
  const before = smtp.messages.length;
  const { sent } = await deliverOutbox(ctx(now), sender(), 100);
  return (await smtp.waitFor(before + sent)).slice(before).filter((m) => recipient(m) === email);
}

/** The hidden preview line of the HTML part (what mail programs show beside the subject). */
function preview(m: ParsedMail): string {
  const hidden = /<div style="display:none[^"]*">([^<]*)<\/div>/.exec(String(m.html))?.[1] ?? '';
  return hidden.replace(/[\u00a0\u200c]/g, '').trim();
}

/** The calendar attached to a message, parsed: its name and its events' summaries and descriptions. */
function calendarOf(m: ParsedMail) {
  const file = m.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  return file ? readCalendar(file.content.toString('utf8')) : null;
}

function readCalendar(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const events = cal.getAllSubcomponents('vevent').map((v) => ({
    summary: String(v.getFirstPropertyValue('summary') ?? ''),
    description: String(v.getFirstPropertyValue('description') ?? ''),
    url: v.getFirstPropertyValue('url'),
    location: String(v.getFirstPropertyValue('location') ?? ''),
  }));
  return { name: String(cal.getFirstPropertyValue('x-wr-calname') ?? ''), events, text: ics };
}

function expectNothingTold(...texts: string[]) {
  for (const text of texts) for (const secret of SECRETS) expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
}

describe('discreet mode', () => {
  it('a sign-up that asks for it gets a confirmation and a calendar entry that say nothing of the group (English)', async () => {
    const r = await signUpProven(t, { ctx: ctx(), input: { sessionId, name: 'Ana', email: 'ana@example.org', consent: true, discreet: true } });
    const [person] = await t.db.select().from(participants).where(eq(participants.id, r.participantId));
    expect(person!.discreet).toBe(true);
    const [mail] = await deliverTo('ana@example.org');
    expect(template(mail!)).toBe('registration_confirmed');
    expect(mail!.subject).toBe('Your reservation');
    expect(mail!.from?.value).toEqual([{ name: 'Cercle', address: 'no-reply@cercle.test' }]);
    expect(preview(mail!)).toBe('There is news about your reservation. The details follow.');
    // The body opens with the neutral line; the details follow (the time, the link to join).
    const lines = mail!.text!.split('\n').filter(Boolean);
    expect(lines.slice(0, 2)).toEqual(['Hello Ana,', 'There is news about your reservation. The details follow.']);
    expect(mail!.text).toContain('https://meet.example.org/room-7');
    expectNothingTold(mail!.subject!, mail!.from!.text, preview(mail!), lines.slice(0, 2).join('\n'), String(mail!.html).match(/<title>[^<]*<\/title>/)![0]);
    const cal = calendarOf(mail!)!;
    expect(cal.name).toBe('Appointment');
    expect(cal.events).toHaveLength(1);
    expect(cal.events[0]).toMatchObject({ summary: 'Appointment', description: 'Link to join: https://meet.example.org/room-7', url: null });
    expectNothingTold(cal.text);
  });

  it('follows the setting at the moment each email is sent: a reminder queued before turning it on goes out discreet, in French', async () => {
    const r = await signUpProven(t, { ctx: ctx(NOW, 'fr'), input: { sessionId, name: 'Élise', email: 'elise@example.org', consent: true } });
    const [named] = await deliverTo('elise@example.org');
    // Not asked for: the confirmation names the group.
    expect(named!.subject).toBe('Votre inscription est confirmée : Cercle après une perte de grossesse');
    expect(calendarOf(named!)!.events[0]!.summary).toBe('Cercle après une perte de grossesse');
    await queueReminders(ctx());
    const token = manageToken(ctx().settings, r.participantId);
    expect(await setDiscreet({ ctx: ctx(), input: { token, on: true } })).toEqual({ discreet: true });
    expect((await getMyRegistrations({ ctx: ctx(), input: { token } })).discreet).toBe(true);
    const [reminder] = await deliverTo('elise@example.org');
    expect(template(reminder!)).toBe('session_reminder');
    expect(reminder!.subject).toBe('Un rappel');
    expect(preview(reminder!)).toBe('Voici un rappel de votre prochain rendez-vous. Les détails suivent.');
    expect(reminder!.text!.split('\n').filter(Boolean)[1]).toBe('Voici un rappel de votre prochain rendez-vous. Les détails suivent.');
    expectNothingTold(reminder!.subject!, reminder!.from!.text, preview(reminder!));
    // The export of the person's data says so.
    expect((await exportMyData({ ctx: ctx(), input: { token } })).person.discreet).toBe(true);
  });

  it('an organizer’s message in discreet mode neither names the organization in what shows nor in its reply hint', async () => {
    const organizer = createContext(t.db, { now: NOW, actor: { type: 'user', userId: owner.user.id } });
    await messageRegistrants({ ctx: organizer, input: { sessionId, message: 'Bring a photo if you wish.' } });
    const [mail] = await deliverTo('ana@example.org');
    expect(template(mail!)).toBe('organizer_message');
    expect(mail!.subject).toBe('A message about your appointment');
    expect(mail!.text).toContain('Bring a photo if you wish.');
    expect(mail!.text).toContain('To answer the organizers, reply to this email.');
    expectNothingTold(mail!.subject!, preview(mail!), mail!.text!.split('Bring a photo')[0]!.split('\n').slice(0, 3).join('\n'));
    expect(mail!.text).not.toContain('Northshore Hospice');
  });

  it('a later sign-up without the box keeps it on; turning it off on the manage page names the group again', async () => {
    const { session: other } = await createOpenSession(t, { organizationId: orgId, titleEn: 'Pregnancy loss circle', titleFr: 'Cercle après une perte de grossesse' });
    const r = await signUpProven(t, { ctx: ctx(), input: { sessionId: other.id, name: 'Ana', email: 'ana@example.org', consent: true } });
    const [person] = await t.db.select().from(participants).where(eq(participants.id, r.participantId));
    expect(person!.discreet).toBe(true);
    expect((await deliverTo('ana@example.org'))[0]!.subject).toBe('Your reservation');

    const token = manageToken(ctx().settings, r.participantId);
    await setDiscreet({ ctx: ctx(), input: { token, on: false } });
    const third = await createSession(t, { groupId, startsAt: new Date(NOW.getTime() + 9 * 86_400_000) });
    await signUpProven(t, { ctx: ctx(), input: { sessionId: third.id, name: 'Ana', email: 'ana@example.org', consent: true } });
    expect((await deliverTo('ana@example.org'))[0]!.subject).toBe('You are registered: Pregnancy loss circle');
  });

  it('names the private calendar feed’s entries and a session’s calendar file neutrally', async () => {
    const r = await signUpProven(t, { ctx: ctx(), input: { sessionId, name: 'Kim', email: 'kim@example.org', consent: true, discreet: true } });
    const token = manageToken(ctx().settings, r.participantId);
    const { feedToken } = await setCalendarFeed({ ctx: ctx(), input: { token, on: true } });
    const pageUrl = (slug: string) => `https://cercle.example/en/groups/${slug}`;
    const feed = readCalendar((await getMyCalendar({ ctx: ctx(), input: { feedToken: feedToken!, pageUrl } })).ics);
    expect(feed.name).toBe('Appointment');
    expect(feed.events.map((e) => e.summary)).toEqual(['Appointment']);
    expect(feed.events[0]!.description).toBe('');
    expectNothingTold(feed.text);
    // Turned off, the same feed names the group again.
    await setDiscreet({ ctx: ctx(), input: { token, on: false } });
    expect(readCalendar((await getMyCalendar({ ctx: ctx(), input: { feedToken: feedToken!, pageUrl } })).ics).events[0]!.summary).toBe('Pregnancy loss circle');

    const file = await getSessionCalendar({ ctx: ctx(NOW, 'fr'), input: { ref: 'pregnancy-loss-circle', sessionId, pageUrl: pageUrl('pregnancy-loss-circle'), discreet: true } });
    expect(file.filename).not.toContain('pregnancy');
    const cal = readCalendar(file.ics);
    expect(cal.events.map((e) => e.summary)).toEqual(['Rendez-vous']);
    expectNothingTold(cal.text);
  });

  it('an application that asks for it turns it on too, and its emails follow', async () => {
    const { group } = await createOpenSession(t, { organizationId: orgId, format: 'closed', dropInStyle: null, autoAccept: true, titleEn: 'Pregnancy loss circle' });
    const cohort = await createCohort(t, { groupId: group.id, startsOn: '2026-12-08', endsOn: '2027-01-26', sessionCount: 1 });
    await createSession(t, { groupId: group.id, cohortId: cohort.id, startsAt: new Date('2026-12-09T00:00:00Z') });
    const r = await applyProven(t, { ctx: ctx(), input: { cohortId: cohort.id, name: 'Lou', email: 'lou@example.org', consent: true, commitment: true, discreet: true } });
    const [person] = await t.db.select().from(participants).where(eq(participants.id, r.participantId));
    expect(person!.discreet).toBe(true);
    const [mail] = await deliverTo('lou@example.org');
    expect(template(mail!)).toBe('application_accepted');
    expect(mail!.subject).toBe('Your reservation');
    expectNothingTold(mail!.subject!, preview(mail!));
    const cal = calendarOf(mail!)!;
    expect(cal.events.map((e) => e.summary)).toEqual(['Appointment']);
    expectNothingTold(cal.text);
  });
});
