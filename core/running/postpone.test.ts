import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createMember, createOpenSession } from '../../tests/support/factories';
import { emailOutbox, organizations } from '../../db/schema';
import type { Locale } from '../../db/schema';
import { createContext, TEST_SETTINGS, type Context } from '../context';
import { signUpProven } from '../../tests/support/people';
import { deliverOutbox, type OutboxRow } from '../email/deliver-outbox';
import type { EmailPayload, EmailTemplate } from '../email/enqueue';
import { queueReminders } from '../worker/queue-reminders';
import { renderEmail } from '../../server/email/render';
import { calendarAttachment } from '../../server/email/attachments';
import { cancelSession } from './cancel-session';
import { messageRegistrants } from './message-registrants';
import { postponeSession } from './postpone-session';

// What a postponement changes beyond the session row: the reminders already queued follow the new
// time, the email says the time it had and the new one (group's zone, reader's language) with the
// updated calendar entry, and mail written on the organizers' behalf can be answered.

const NOW = new Date('2026-11-27T15:00:00Z');
// Monday 30 November 2026 at 19:00 in Toronto (EST): already 1 December in UTC.
const STARTS = new Date('2026-12-01T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let t: TestDatabase;

const as = (userId: string, now = NOW): Context => createContext(t.db, { now, actor: { type: 'user', userId } });
const worker = (now: Date): Context => createContext(t.db, { now, actor: { type: 'system' } });

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

/** A Toronto drop-in with two places: an English and a French speaker hold them, a third person waits. */
async function setUp(orgEmail: string | null = 'hello@circle.example', startsAt = STARTS) {
  const owner = await createMember(t, 'owner');
  await t.db.update(organizations).set({ email: orgEmail }).where(eq(organizations.id, owner.organizationId));
  const { group, session } = await createOpenSession(
    t,
    { organizationId: owner.organizationId, timeZone: 'America/Toronto', sessionCapacity: 2 },
    { startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000) },
  );
  const tag = session.id.slice(0, 8);
  const people: { email: string; participantId: string; locale: Locale }[] = [];
  for (const [i, locale] of (['en', 'fr', 'en'] as const).entries()) {
    const email = `pp-${tag}-${i}@example.org`;
    const r = await signUpProven(t, { ctx: createContext(t.db, { now: NOW, locale }), input: { sessionId: session.id, name: `Person ${i}`, email, consent: true } });
    people.push({ email, participantId: r.participantId, locale });
  }
  // Two hold a place (en, fr), the third waits.
  return { owner: owner.user.id, group, session, holders: people.slice(0, 2), waiting: people[2]!, emails: people.map((p) => p.email) };
}

async function outbox(template: string, emails: string[]) {
  return t.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.template, template), inArray(emailOutbox.toEmail, emails)));
}

const remindersOf = (sessionId: string) =>
  t.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.template, 'session_reminder'), sql`${emailOutbox.payload} -> 'session' ->> 'id' = ${sessionId}`));

/** A transport that keeps what it was given (the SMTP exchange itself is tested in server/email). */
function keeper() {
  const sent: OutboxRow[] = [];
  return { sent, send: async (row: OutboxRow) => (sent.push(row), { messageId: `<${row.id}@test>` }) };
}

function parseIcs(content: string) {
  const cal = new ICAL.Component(ICAL.parse(content));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevent = cal.getFirstSubcomponent('vevent')!;
  return {
    method: cal.getFirstPropertyValue('method'),
    uid: vevent.getFirstPropertyValue('uid'),
    sequence: Number(vevent.getFirstPropertyValue('sequence') ?? 0),
    status: vevent.getFirstPropertyValue('status'),
    tzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid'),
    start: new ICAL.Event(vevent).startDate.toJSDate().toISOString(),
    organizer: vevent.getFirstPropertyValue('organizer'),
  };
}

const attach = (row: { template: string; payload: unknown; locale: Locale; createdAt: Date }) =>
  calendarAttachment(row.template as EmailTemplate, row.payload as EmailPayload, row.locale, TEST_SETTINGS, row.createdAt);

describe('reminders of a postponed session', () => {
  it('withdraws the reminders queued for the old time and queues new ones for the new time, never at the old one', async () => {
    const startsAt = new Date(NOW.getTime() + 20 * HOUR);
    const { owner, session, holders } = await setUp('hello@circle.example', startsAt);
    expect(await queueReminders(worker(NOW))).toBeGreaterThanOrEqual(2);
    const queued = await remindersOf(session.id);
    expect(queued.map((r) => [r.toEmail, r.status, (r.payload.session as { startsAt: string }).startsAt]).sort()).toEqual(
      holders.map((p) => [p.email, 'pending', startsAt.toISOString()]).sort(),
    );

    // A week later, same hour.
    const later = new Date(startsAt.getTime() + 7 * DAY);
    await postponeSession({ ctx: as(owner), input: { sessionId: session.id, startsAt: later, endsAt: new Date(later.getTime() + 90 * 60_000), reason: 'Hall flooded' } });
    expect(await remindersOf(session.id)).toEqual([]);

    // Nothing is queued or sent around the old time.
    for (const now of [new Date(NOW.getTime() + 60_000), new Date(startsAt.getTime() - HOUR / 2)]) {
      await queueReminders(worker(now));
      const { sent, send } = keeper();
      await deliverOutbox(worker(now), send, 500);
      expect(sent.filter((r) => r.template === 'session_reminder' && (r.payload.session as { id: string }).id === session.id)).toEqual([]);
    }
    expect(await remindersOf(session.id)).toEqual([]);

    // The day before the new time, reminders are queued with the new time, and say it.
    const dayBefore = new Date(later.getTime() - 23 * HOUR);
    await queueReminders(worker(dayBefore));
    const fresh = await remindersOf(session.id);
    expect(fresh.map((r) => [r.toEmail, (r.payload.session as { startsAt: string }).startsAt]).sort()).toEqual(
      holders.map((p) => [p.email, later.toISOString()]).sort(),
    );
    const fr = fresh.find((r) => r.locale === 'fr')!;
    expect(renderEmail('session_reminder', fr.payload as EmailPayload, 'fr', TEST_SETTINGS).text).toContain('samedi 5 décembre');
    // Reminders are the platform's, not the organizers' words: no Reply-To.
    expect(fresh.every((r) => r.replyTo === null)).toBe(true);
  });

  it('sends no reminder for a cancelled session: those queued are withdrawn and none is queued again', async () => {
    const startsAt = new Date(NOW.getTime() + 20 * HOUR);
    const { owner, session } = await setUp('hello@circle.example', startsAt);
    await queueReminders(worker(NOW));
    expect((await remindersOf(session.id)).length).toBe(2);
    await cancelSession({ ctx: as(owner), input: { sessionId: session.id, reason: 'Hall flooded' } });
    expect(await remindersOf(session.id)).toEqual([]);
    for (const now of [new Date(NOW.getTime() + 60_000), new Date(startsAt.getTime() - HOUR)]) {
      await queueReminders(worker(now));
      const { sent, send } = keeper();
      await deliverOutbox(worker(now), send, 500);
      expect(sent.filter((r) => r.template === 'session_reminder' && (r.payload.session as { id: string }).id === session.id)).toEqual([]);
    }
    expect(await remindersOf(session.id)).toEqual([]);
  });

  it('keeps a reminder already sent on record and reminds again for the new time', async () => {
    const startsAt = new Date(NOW.getTime() + 10 * HOUR);
    const { owner, session, holders } = await setUp('hello@circle.example', startsAt);
    await queueReminders(worker(NOW));
    const { send } = keeper();
    await deliverOutbox(worker(NOW), send, 500);
    const sent = await remindersOf(session.id);
    expect(sent.map((r) => r.status)).toEqual(['sent', 'sent']);

    // Moved three hours later, the same evening: the new reminder is due at once, with the new time.
    const later = new Date(startsAt.getTime() + 3 * HOUR);
    const at = new Date(NOW.getTime() + HOUR);
    await postponeSession({ ctx: as(owner, at), input: { sessionId: session.id, startsAt: later, endsAt: new Date(later.getTime() + HOUR), reason: 'Late room' } });
    await queueReminders(worker(at));
    const all = await remindersOf(session.id);
    expect(all.filter((r) => r.status === 'sent')).toHaveLength(2);
    const pending = all.filter((r) => r.status === 'pending');
    expect(pending.map((r) => r.toEmail).sort()).toEqual(holders.map((p) => p.email).sort());
    expect(pending.every((r) => (r.payload.session as { startsAt: string }).startsAt === later.toISOString())).toBe(true);
    // Queued once however often the worker runs.
    await queueReminders(worker(new Date(at.getTime() + 60_000)));
    expect((await remindersOf(session.id)).filter((r) => r.status === 'pending')).toHaveLength(2);
  });
});

describe('the postponement email', () => {
  it('says the time it had and the new one in the group’s zone and the reader’s language, with the updated calendar entry', async () => {
    const { owner, session, holders, waiting, emails } = await setUp();
    const confirmation = (await outbox('registration_confirmed', [holders[1]!.email]))[0]!;
    const first = parseIcs(attach(confirmation)!.content);
    expect(first).toMatchObject({ sequence: 0, start: STARTS.toISOString() });

    // Monday 7 December, 20:00 in Toronto (8 December in UTC).
    const startsAt = new Date('2026-12-08T01:00:00Z');
    await postponeSession({ ctx: as(owner), input: { sessionId: session.id, startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000), reason: 'Salle inondée' } });
    const mail = await outbox('session_postponed', emails);
    expect(mail).toHaveLength(3);

    const fr = mail.find((m) => m.toEmail === holders[1]!.email)!;
    const text = renderEmail('session_postponed', fr.payload as EmailPayload, 'fr', TEST_SETTINGS).text;
    expect(text).toMatch(/Date prévue auparavant : lundi 30 novembre.* 19 h 00/);
    expect(text).toMatch(/Nouvelle date : lundi 7 décembre.* 20 h 00/);
    expect(text.indexOf('Date prévue auparavant')).toBeLessThan(text.indexOf('Nouvelle date'));
    expect(text).toContain('Salle inondée');
    expect(text).toContain('met cette rencontre à jour dans votre agenda');
    const en = mail.find((m) => m.toEmail === holders[0]!.email)!;
    const enText = renderEmail('session_postponed', en.payload as EmailPayload, 'en', TEST_SETTINGS).text;
    expect(enText).toMatch(/Was planned for: Monday, November 30.* 7:00/);
    expect(enText).toMatch(/New time: Monday, December 7.* 8:00/);

    // Same calendar entry (UID), one revision later, at the new time in the group's zone.
    const update = parseIcs(attach(fr)!.content);
    expect(update).toMatchObject({ method: 'PUBLISH', uid: first.uid, sequence: 1, status: 'CONFIRMED', tzid: 'America/Toronto', start: startsAt.toISOString() });
    expect(String(update.organizer)).toBe('mailto:hello@circle.example');
    expect(attach(fr)!.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    // The person waiting holds no place: told of the change, no calendar entry.
    const wait = mail.find((m) => m.toEmail === waiting.email)!;
    expect(wait.payload.calendar).toBeUndefined();
    expect(attach(wait)).toBeNull();

    // Postponed again, then cancelled: each change is a higher revision of the same entry.
    const again = new Date(startsAt.getTime() + DAY);
    await postponeSession({ ctx: as(owner), input: { sessionId: session.id, startsAt: again, endsAt: new Date(again.getTime() + HOUR), reason: 'Encore' } });
    const second = (await outbox('session_postponed', [holders[1]!.email])).find((m) => (m.payload.session as { startsAt: string }).startsAt === again.toISOString())!;
    expect(parseIcs(attach(second)!.content)).toMatchObject({ uid: first.uid, sequence: 2, start: again.toISOString() });
    expect((second.payload.previousSession as { startsAt: string }).startsAt).toBe(startsAt.toISOString());
    await cancelSession({ ctx: as(owner), input: { sessionId: session.id, reason: 'Fermé' } });
    const [cancelled] = await outbox('session_cancelled', [holders[1]!.email]);
    expect(parseIcs(attach(cancelled!)!.content)).toMatchObject({ method: 'CANCEL', uid: first.uid, sequence: 3, status: 'CANCELLED' });
  });
});

describe('Reply-To of mail written on the organizers’ behalf', () => {
  it('is the organization’s contact address, stored with each message', async () => {
    const { owner, session, emails } = await setUp('  contact@circle.example ');
    await messageRegistrants({ ctx: as(owner), input: { sessionId: session.id, message: 'See you Monday', includeWaitlist: true } });
    const later = new Date(STARTS.getTime() + 7 * DAY);
    await postponeSession({ ctx: as(owner), input: { sessionId: session.id, startsAt: later, endsAt: new Date(later.getTime() + HOUR), reason: 'Snow' } });
    const mail = [...(await outbox('organizer_message', emails)), ...(await outbox('session_postponed', emails))];
    expect(mail).toHaveLength(6);
    expect(mail.every((m) => m.replyTo === 'contact@circle.example')).toBe(true);
    // A confirmation written by the platform has none.
    expect((await outbox('registration_confirmed', emails)).every((m) => m.replyTo === null)).toBe(true);
  });

  it('is the writing organizer’s address when the organization has no usable contact address', async () => {
    for (const orgEmail of [null, 'not an address']) {
      const { owner, session, emails } = await setUp(orgEmail);
      await messageRegistrants({ ctx: as(owner), input: { sessionId: session.id, message: 'Hello' } });
      const mail = await outbox('organizer_message', emails);
      expect(mail).toHaveLength(2);
      expect(mail.every((m) => m.replyTo === `${owner}@example.org`)).toBe(true);
    }
  });
});
