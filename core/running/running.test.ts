import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { addFacilitator, createCohort, createFacilitator, createGroup, createMember, createOpenSession, createSession } from '../../tests/support/factories';
import { applications, attendance, auditLog, emailOutbox, intakeQuestions, registrations, sessions } from '../../db/schema';
import type { Locale } from '../../db/schema';
import { createContext, type Context } from '../context';
import { applyProven, signUpProven } from '../../tests/support/people';
import { listSessionRegistrants } from './list-session-registrants';
import { listCohortApplications } from './list-cohort-applications';
import { decideApplication } from './decide-application';
import { recordAttendance } from './record-attendance';
import { messageRegistrants } from './message-registrants';
import { cancelSession } from './cancel-session';
import { postponeSession } from './postpone-session';
import { moveSessionOnline } from './move-session-online';
import { scheduleMakeUpSession } from './schedule-make-up-session';
import { changeSessionCapacity } from './change-session-capacity';
import { exportRegistrantsCsv } from './export-registrants-csv';
import { renderEmail } from '../../server/email/render';
import type { EmailPayload } from '../email/enqueue';

const NOW = new Date('2026-11-27T15:00:00Z');
const LINK = 'https://meet.example.org/secret-room';
let t: TestDatabase;

const anonymous = () => createContext(t.db, { now: NOW });
const as = (userId: string, locale: Locale = 'en'): Context => createContext(t.db, { now: NOW, locale, actor: { type: 'user', userId } });
/** An organizer at the start of a session: check-in opens on the session's day. */
const onTheDay = (userId: string, session: { startsAt: Date }): Context => createContext(t.db, { now: session.startsAt, actor: { type: 'user', userId } });
const person = (n: string) => ({ name: `Person ${n}`, email: `p-${n}@example.org`, consent: true as const });

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

/** The team facilitator's profile in each organization: every group made here is theirs to run. */
const profiles = new Map<string, string>();
async function facilitated<G extends { id: string; organizationId: string }>(group: G): Promise<G> {
  const profile = profiles.get(group.organizationId);
  if (profile) await addFacilitator(t, group.id, profile);
  return group;
}
const newGroup = async (...args: Parameters<typeof createGroup>) => facilitated(await createGroup(...args));
const openSession = async (...args: Parameters<typeof createOpenSession>) => {
  const made = await createOpenSession(...args);
  await facilitated(made.group);
  return made;
};

/** An organization with an owner, a facilitator (who facilitates its groups), and an outsider who owns another organization. */
async function team() {
  const owner = await createMember(t, 'owner');
  const facilitator = await createMember(t, 'facilitator', owner.organizationId);
  profiles.set(owner.organizationId, (await createFacilitator(t, { organizationId: owner.organizationId, userId: facilitator.user.id })).id);
  const outsider = await createMember(t, 'owner');
  return { organizationId: owner.organizationId, owner: owner.user.id, facilitator: facilitator.user.id, outsider: outsider.user.id };
}

/** A drop-in session with 2 places: `confirmed` people in (alternating en/fr), `waiting` on the waitlist. */
async function dropIn(organizationId: string, confirmed = 2, waiting = 1, group: Parameters<typeof createOpenSession>[1] = {}) {
  const { group: g, session } = await openSession(t, {
    organizationId,
    sessionCapacity: confirmed,
    delivery: 'hybrid',
    onlineUrl: LINK,
    ...group,
  });
  const tag = session.id.slice(0, 8);
  const people: { email: string; participantId: string; locale: Locale }[] = [];
  for (let i = 0; i < confirmed + waiting; i++) {
    const locale: Locale = i % 2 ? 'fr' : 'en';
    const r = await signUpProven(t, { ctx: createContext(t.db, { now: NOW, locale }), input: { sessionId: session.id, ...person(`${tag}-${i}`) } });
    people.push({ email: `p-${tag}-${i}@example.org`, participantId: r.participantId, locale });
  }
  return { group: g, session, people, confirmed: people.slice(0, confirmed), waiting: people.slice(confirmed) };
}

async function mailOf(template: string, emails: string[]) {
  if (emails.length === 0) return [];
  return t.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.template, template), inArray(emailOutbox.toEmail, emails)));
}

async function auditOf(entityId: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.entityId, entityId));
}

describe('listSessionRegistrants', () => {
  it('lists the people holding a place with labelled answers and attendance, then the waitlist by rank', async () => {
    const { organizationId, facilitator } = await team();
    const { group, session } = await openSession(t, { organizationId, sessionCapacity: 1 });
    const [q] = await t.db
      .insert(intakeQuestions)
      .values({ groupId: group.id, position: 1, type: 'choice', labelEn: 'How did you hear of us?', labelFr: 'Comment nous avez-vous connus?', options: [{ value: 'friend', labelEn: 'A friend', labelFr: 'Un ami' }] })
      .returning();
    const first = await signUpProven(t, { ctx: anonymous(), input: { sessionId: session.id, ...person('lr1'), answers: { [q!.id]: 'friend' } } });
    await signUpProven(t, { ctx: anonymous(), input: { sessionId: session.id, ...person('lr2'), answers: { [q!.id]: 'friend' } } });
    await signUpProven(t, { ctx: anonymous(), input: { sessionId: session.id, ...person('lr3') } });
    await recordAttendance({ ctx: onTheDay(facilitator, session), input: { sessionId: session.id, records: [{ participantId: first.participantId, status: 'present' }] } });

    const out = await listSessionRegistrants({ ctx: as(facilitator), input: { sessionId: session.id } });
    expect(out.confirmed).toHaveLength(1);
    expect(out.confirmed[0]).toMatchObject({ name: 'Person lr1', email: 'p-lr1@example.org', attendance: 'present' });
    expect(out.confirmed[0]!.answers).toEqual([
      { questionId: q!.id, label: { en: 'How did you hear of us?', fr: 'Comment nous avez-vous connus?' }, value: 'friend', choice: { en: 'A friend', fr: 'Un ami' } },
    ]);
    expect(out.waitlist.map((w) => [w.rank, w.email])).toEqual([
      [1, 'p-lr2@example.org'],
      [2, 'p-lr3@example.org'],
    ]);
    expect(out.session.capacity).toBe(1);
    expect(out.counts).toMatchObject({ confirmed: 1, waitlisted: 2, present: 1 });
  });

  it('hides everything from another organization’s member (NotFound) and from anonymous visitors (Forbidden)', async () => {
    const { organizationId, outsider } = await team();
    const { session } = await dropIn(organizationId);
    await expect(listSessionRegistrants({ ctx: as(outsider), input: { sessionId: session.id } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(listSessionRegistrants({ ctx: anonymous(), input: { sessionId: session.id } })).rejects.toMatchObject({ code: 'forbidden' });
    // The error says nothing of the people or the link.
    const err = await listSessionRegistrants({ ctx: as(outsider), input: { sessionId: session.id } }).catch((e: Error) => e);
    expect(JSON.stringify(err) + String(err)).not.toMatch(/example\.org|meet\.example/);
  });
});

describe('recordAttendance', () => {
  it('upserts one mark per person (the last one wins), for people holding a place only', async () => {
    const { organizationId, facilitator } = await team();
    const { session, confirmed, waiting } = await dropIn(organizationId, 2, 1);
    const run = (records: { participantId: string; status: 'present' | 'absent' | 'excused' }[]) =>
      recordAttendance({ ctx: onTheDay(facilitator, session), input: { sessionId: session.id, records } });
    await run([{ participantId: confirmed[0]!.participantId, status: 'present' }]);
    await run([
      { participantId: confirmed[0]!.participantId, status: 'absent' },
      { participantId: confirmed[1]!.participantId, status: 'excused' },
    ]);
    await run([{ participantId: confirmed[0]!.participantId, status: 'absent' }]);
    const marks = await t.db.select().from(attendance).where(eq(attendance.sessionId, session.id));
    expect(marks.map((m) => [m.participantId, m.status, m.recordedBy]).sort()).toEqual(
      [
        [confirmed[0]!.participantId, 'absent', facilitator],
        [confirmed[1]!.participantId, 'excused', facilitator],
      ].sort(),
    );
    await expect(run([{ participantId: waiting[0]!.participantId, status: 'present' }])).rejects.toMatchObject({ code: 'invalid' });
    expect((await auditOf(session.id)).filter((a) => a.action === 'attendance.recorded')).toHaveLength(3);
  });

  it('refuses strangers to the organization and anonymous visitors, and writes nothing', async () => {
    const { organizationId, outsider } = await team();
    const { session, confirmed } = await dropIn(organizationId, 1, 0);
    const input = { sessionId: session.id, records: [{ participantId: confirmed[0]!.participantId, status: 'present' as const }] };
    await expect(recordAttendance({ ctx: as(outsider), input })).rejects.toMatchObject({ code: 'not_found' });
    await expect(recordAttendance({ ctx: anonymous(), input })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await t.db.select().from(attendance).where(eq(attendance.sessionId, session.id))).toHaveLength(0);
  });
});

describe('messageRegistrants', () => {
  it('writes one email per confirmed person in their language, and to the waitlist only when asked', async () => {
    const { organizationId, facilitator } = await team();
    const { session, confirmed, waiting } = await dropIn(organizationId, 2, 1);
    const out = await messageRegistrants({ ctx: as(facilitator), input: { sessionId: session.id, message: '  Bring a mug: tea is on us.  ' } });
    expect(out.recipients).toBe(2);
    const mail = await mailOf('organizer_message', [...confirmed, ...waiting].map((p) => p.email));
    expect(mail.map((m) => [m.toEmail, m.locale]).sort()).toEqual(confirmed.map((p) => [p.email, p.locale]).sort());
    expect(mail.every((m) => m.payload.message === 'Bring a mug: tea is on us.' && m.idempotencyKey.startsWith(`message:${out.messageId}:`))).toBe(true);
    expect(JSON.stringify(mail)).not.toContain('secret-room');

    const again = await messageRegistrants({ ctx: as(facilitator), input: { sessionId: session.id, message: 'Second note', includeWaitlist: true } });
    expect(again.recipients).toBe(3);
    expect(await mailOf('organizer_message', waiting.map((p) => p.email))).toHaveLength(1);
    const [entry] = (await auditOf(session.id)).filter((a) => a.action === 'registrants.messaged' && a.data.messageId === again.messageId);
    expect(entry).toMatchObject({ actorType: 'user', actorId: facilitator, data: { recipients: 3, includeWaitlist: true } });
  });

  it('writes to the accepted members of a cohort', async () => {
    const { organizationId, owner } = await team();
    const { cohort, accepted } = await cohortWithMembers(organizationId, 2);
    const out = await messageRegistrants({ ctx: as(owner), input: { cohortId: cohort.id, message: 'Welcome!' } });
    expect(out.recipients).toBe(2);
    expect(await mailOf('organizer_message', accepted)).toHaveLength(2);
  });

  it('refuses an empty or too long message, strangers and anonymous visitors, writing no email', async () => {
    const { organizationId, owner, outsider } = await team();
    const { session, people } = await dropIn(organizationId, 1, 0);
    await expect(messageRegistrants({ ctx: as(owner), input: { sessionId: session.id, message: '   ' } })).rejects.toMatchObject({ code: 'invalid' });
    await expect(messageRegistrants({ ctx: as(owner), input: { sessionId: session.id, message: 'x'.repeat(5001) } })).rejects.toMatchObject({ code: 'invalid' });
    await expect(messageRegistrants({ ctx: as(outsider), input: { sessionId: session.id, message: 'hi' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(messageRegistrants({ ctx: anonymous(), input: { sessionId: session.id, message: 'hi' } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await mailOf('organizer_message', people.map((p) => p.email))).toHaveLength(0);
  });
});

describe('cancel, postpone, move online', () => {
  it('cancels with a reason and tells everyone holding a place or waiting, without the link', async () => {
    const { organizationId, facilitator, outsider } = await team();
    const { session, confirmed, waiting } = await dropIn(organizationId, 2, 1);
    await expect(cancelSession({ ctx: as(outsider), input: { sessionId: session.id, reason: 'x' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(cancelSession({ ctx: as(facilitator), input: { sessionId: session.id, reason: ' ' } })).rejects.toMatchObject({ code: 'invalid' });
    const out = await cancelSession({ ctx: as(facilitator), input: { sessionId: session.id, reason: 'The hall is flooded.' } });
    expect(out.notified).toBe(3);
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(row).toMatchObject({ status: 'cancelled', statusReason: 'The hall is flooded.' });
    const mail = await mailOf('session_cancelled', [...confirmed, ...waiting].map((p) => p.email));
    expect(mail.map((m) => m.locale).sort()).toEqual(['en', 'en', 'fr']);
    expect(mail.every((m) => m.payload.message === 'The hall is flooded.')).toBe(true);
    expect(JSON.stringify(mail)).not.toContain('secret-room');
    expect(await auditOf(session.id)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'session.cancelled', actorId: facilitator })]));
    await expect(cancelSession({ ctx: as(facilitator), input: { sessionId: session.id, reason: 'again' } })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('postpones: keeps registrations, remembers the first start, tells everyone the new time', async () => {
    const { organizationId, owner } = await team();
    const { session, confirmed, waiting } = await dropIn(organizationId, 1, 1);
    const startsAt = new Date(session.startsAt.getTime() + 7 * 86_400_000);
    const endsAt = new Date(startsAt.getTime() + 3_600_000);
    await expect(
      postponeSession({ ctx: as(owner), input: { sessionId: session.id, startsAt, endsAt: startsAt, reason: 'Snow storm' } }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      postponeSession({ ctx: as(owner), input: { sessionId: session.id, startsAt: new Date(NOW.getTime() - 1000), endsAt, reason: 'Snow' } }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await postponeSession({ ctx: as(owner), input: { sessionId: session.id, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), reason: 'Snow storm' } });
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(row).toMatchObject({ status: 'postponed', statusReason: 'Snow storm', startsAt, endsAt, originalStartsAt: session.startsAt });
    const regs = await t.db.select().from(registrations).where(eq(registrations.sessionId, session.id));
    expect(regs.map((r) => r.status).sort()).toEqual(['confirmed', 'waitlisted']);
    const mail = await mailOf('session_postponed', [...confirmed, ...waiting].map((p) => p.email));
    expect(mail).toHaveLength(2);
    expect(mail.every((m) => (m.payload.session as { startsAt: string }).startsAt === startsAt.toISOString())).toBe(true);
    // The link (hybrid group) reaches the confirmed person only.
    expect(mail.find((m) => m.toEmail === confirmed[0]!.email)!.payload.onlineUrl).toBe(LINK);
    expect(mail.find((m) => m.toEmail === waiting[0]!.email)!.payload.onlineUrl).toBeUndefined();
    // Postponed twice: the first planned start is kept.
    const later = new Date(startsAt.getTime() + 86_400_000);
    await postponeSession({ ctx: as(owner), input: { sessionId: session.id, startsAt: later, endsAt: new Date(later.getTime() + 3_600_000), reason: 'Again' } });
    const [twice] = await t.db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(twice!.originalStartsAt).toEqual(session.startsAt);
    expect(await mailOf('session_postponed', [confirmed[0]!.email])).toHaveLength(2);
  });

  it('moves online: the link goes to people holding a place only; needs the group’s link', async () => {
    const { organizationId, facilitator } = await team();
    const { session, group, confirmed, waiting } = await dropIn(organizationId, 1, 1, { delivery: 'in_person' });
    const out = await moveSessionOnline({ ctx: as(facilitator), input: { sessionId: session.id, reason: 'Heating is broken' } });
    expect(out.notified).toBe(2);
    const mail = await mailOf('session_moved_online', [...confirmed, ...waiting].map((p) => p.email));
    expect(mail.find((m) => m.toEmail === confirmed[0]!.email)!.payload).toMatchObject({ onlineUrl: LINK, group: { place: null, delivery: 'online' } });
    const waitMail = mail.find((m) => m.toEmail === waiting[0]!.email)!;
    expect(JSON.stringify(waitMail)).not.toContain('secret-room');
    expect((await t.db.select().from(sessions).where(eq(sessions.id, session.id)))[0]!.status).toBe('moved_online');
    expect(group.id).toBeTruthy();

    const { session: noLink } = await dropIn(organizationId, 1, 0, { delivery: 'in_person', onlineUrl: null });
    await expect(moveSessionOnline({ ctx: as(facilitator), input: { sessionId: noLink.id, reason: 'x' } })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses to change a session that is over', async () => {
    const { organizationId, owner } = await team();
    const g = await newGroup(t, { organizationId });
    const past = await createSession(t, { groupId: g.id, startsAt: new Date(NOW.getTime() - 3 * 3_600_000) });
    await expect(cancelSession({ ctx: as(owner), input: { sessionId: past.id, reason: 'late' } })).rejects.toMatchObject({ code: 'conflict' });
  });
});

/** A closed group (hybrid, with a link) and a cohort of 3 sessions; `accepted` people applied and were accepted. */
async function cohortWithMembers(organizationId: string, accepted: number, opts: { capacity?: number; autoAccept?: boolean } = {}) {
  const group = await newGroup(t, {
    organizationId,
    format: 'closed',
    dropInStyle: null,
    delivery: 'hybrid',
    onlineUrl: LINK,
    autoAccept: opts.autoAccept ?? true,
    waitlistPromotion: 'manual',
  });
  const cohort = await createCohort(t, { groupId: group.id, startsOn: '2026-12-08', endsOn: '2027-01-26', sessionCount: 3, capacity: opts.capacity ?? null });
  const list = [];
  for (const s of ['2026-12-09T00:00:00Z', '2026-12-16T00:00:00Z', '2026-12-23T00:00:00Z']) {
    list.push(await createSession(t, { groupId: group.id, cohortId: cohort.id, startsAt: new Date(s) }));
  }
  const emails: string[] = [];
  for (let i = 0; i < accepted; i++) {
    const p = person(`${cohort.id.slice(0, 8)}-m${i}`);
    await applyProven(t, { ctx: createContext(t.db, { now: NOW, locale: i % 2 ? 'fr' : 'en' }), input: { cohortId: cohort.id, ...p, commitment: true } });
    emails.push(p.email);
  }
  return { group, cohort, sessions: list, accepted: emails };
}

describe('scheduleMakeUpSession', () => {
  it('replaces a cancelled cohort session and tells every accepted member, once', async () => {
    const { organizationId, facilitator } = await team();
    const { cohort, sessions: list, accepted } = await cohortWithMembers(organizationId, 2);
    const cancelled = list[1]!;
    await expect(
      scheduleMakeUpSession({ ctx: as(facilitator), input: { sessionId: cancelled.id, startsAt: '2027-01-06T00:00:00Z', endsAt: '2027-01-06T01:30:00Z' } }),
    ).rejects.toMatchObject({ code: 'conflict' }); // not cancelled yet
    const out = await cancelSession({ ctx: as(facilitator), input: { sessionId: cancelled.id, reason: 'Facilitator is ill' } });
    expect(out.notified).toBe(2); // the cohort's accepted members
    const made = await scheduleMakeUpSession({
      ctx: as(facilitator),
      input: { sessionId: cancelled.id, startsAt: '2027-01-06T00:00:00Z', endsAt: '2027-01-06T01:30:00Z' },
    });
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, made.sessionId));
    expect(row).toMatchObject({ cohortId: cohort.id, makeUpForSessionId: cancelled.id, status: 'scheduled', startsAt: new Date('2027-01-06T00:00:00Z') });
    const mail = await mailOf('session_make_up', accepted);
    expect(mail.map((m) => m.locale).sort()).toEqual(['en', 'fr']);
    expect(mail.every((m) => m.payload.onlineUrl === LINK && (m.payload.session as { id: string }).id === made.sessionId)).toBe(true);
    await expect(
      scheduleMakeUpSession({ ctx: as(facilitator), input: { sessionId: cancelled.id, startsAt: '2027-01-07T00:00:00Z', endsAt: '2027-01-07T01:30:00Z' } }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('is only for cohort sessions', async () => {
    const { organizationId, owner } = await team();
    const { session } = await dropIn(organizationId, 1, 0);
    await cancelSession({ ctx: as(owner), input: { sessionId: session.id, reason: 'x' } });
    await expect(
      scheduleMakeUpSession({ ctx: as(owner), input: { sessionId: session.id, startsAt: '2027-01-06T00:00:00Z', endsAt: '2027-01-06T01:00:00Z' } }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('changeSessionCapacity', () => {
  it('raising it gives the new places to the waitlist in order, by email; lowering below the places taken is refused', async () => {
    const { organizationId, facilitator, outsider } = await team();
    const { session, confirmed, waiting } = await dropIn(organizationId, 2, 3);
    await expect(changeSessionCapacity({ ctx: as(outsider), input: { sessionId: session.id, capacity: 9 } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(changeSessionCapacity({ ctx: as(facilitator), input: { sessionId: session.id, capacity: 1 } })).rejects.toMatchObject({ code: 'invalid' });
    const out = await changeSessionCapacity({ ctx: as(facilitator), input: { sessionId: session.id, capacity: 4 } });
    expect(out.promoted).toHaveLength(2);
    const promoted = await mailOf('registration_promoted', waiting.map((p) => p.email));
    expect(promoted.map((m) => m.toEmail).sort()).toEqual([waiting[0]!.email, waiting[1]!.email].sort());
    expect(promoted.map((m) => m.locale).sort()).toEqual([waiting[0]!.locale, waiting[1]!.locale].sort());
    const list = await listSessionRegistrants({ ctx: as(facilitator), input: { sessionId: session.id } });
    expect(list.confirmed).toHaveLength(4);
    expect(list.waitlist.map((w) => [w.rank, w.email])).toEqual([[1, waiting[2]!.email]]);
    expect(list.session).toMatchObject({ capacity: 4, ownCapacity: 4 });
    expect(confirmed).toHaveLength(2);
    const [entry] = (await auditOf(session.id)).filter((a) => a.action === 'session.capacity_changed');
    expect(entry!.data).toMatchObject({ from: null, to: 4, promoted: 2 });
  });
});

describe('cohort applications', () => {
  it('lists applications with answers for the organizers only', async () => {
    const { organizationId, facilitator, outsider } = await team();
    const { cohort } = await cohortWithMembers(organizationId, 0, { autoAccept: false });
    await applyProven(t, { ctx: anonymous(), input: { cohortId: cohort.id, ...person('ca1'), commitment: true } });
    const out = await listCohortApplications({ ctx: as(facilitator), input: { cohortId: cohort.id } });
    expect(out.applied.map((a) => [a.email, a.status])).toEqual([['p-ca1@example.org', 'applied']]);
    expect(out.sessions).toHaveLength(3);
    await expect(listCohortApplications({ ctx: as(outsider), input: { cohortId: cohort.id } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(listCohortApplications({ ctx: anonymous(), input: { cohortId: cohort.id } })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('accepts within capacity, waitlists, declines with a message, each emailed in the applicant’s language', async () => {
    const { organizationId, facilitator, outsider } = await team();
    const { cohort } = await cohortWithMembers(organizationId, 0, { capacity: 1, autoAccept: false });
    const ids: string[] = [];
    for (const [n, locale] of [['d1', 'en'], ['d2', 'fr'], ['d3', 'en']] as const) {
      const r = await applyProven(t, { ctx: createContext(t.db, { now: NOW, locale }), input: { cohortId: cohort.id, ...person(n), commitment: true } });
      ids.push(r.applicationId);
    }
    await expect(decideApplication({ ctx: as(outsider), input: { applicationId: ids[0]!, decision: 'accept' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(decideApplication({ ctx: anonymous(), input: { applicationId: ids[0]!, decision: 'accept' } })).rejects.toMatchObject({ code: 'forbidden' });

    expect(await decideApplication({ ctx: as(facilitator), input: { applicationId: ids[0]!, decision: 'accept', message: 'See you on the 9th!' } })).toMatchObject({ status: 'accepted' });
    const [accepted] = await mailOf('application_accepted', ['p-d1@example.org']);
    expect(accepted!.payload).toMatchObject({ message: 'See you on the 9th!', onlineUrl: LINK });
    expect(accepted!.payload.cohortSessions).toHaveLength(3);

    // Full: accepting another is refused; nothing changes.
    await expect(decideApplication({ ctx: as(facilitator), input: { applicationId: ids[1]!, decision: 'accept' } })).rejects.toMatchObject({ code: 'full' });
    expect((await t.db.select().from(applications).where(eq(applications.id, ids[1]!)))[0]!.status).toBe('applied');

    expect(await decideApplication({ ctx: as(facilitator), input: { applicationId: ids[1]!, decision: 'waitlist' } })).toMatchObject({ status: 'waitlisted', position: 1 });
    const [waitMail] = await mailOf('application_waitlisted', ['p-d2@example.org']);
    expect(waitMail).toMatchObject({ locale: 'fr', payload: { position: 1 } });
    expect(JSON.stringify(waitMail)).not.toContain('secret-room');

    await decideApplication({ ctx: as(facilitator), input: { applicationId: ids[2]!, decision: 'decline', message: 'This group is for caregivers only.' } });
    const [declined] = await t.db.select().from(applications).where(eq(applications.id, ids[2]!));
    expect(declined).toMatchObject({ status: 'declined', decisionNote: 'This group is for caregivers only.', decidedBy: facilitator });
    expect((await mailOf('application_declined', ['p-d3@example.org']))[0]!.payload.message).toBe('This group is for caregivers only.');
    await expect(decideApplication({ ctx: as(facilitator), input: { applicationId: ids[2]!, decision: 'accept' } })).rejects.toMatchObject({ code: 'conflict' });

    const log = await t.db.select().from(auditLog).where(inArray(auditLog.entityId, ids));
    expect(log.filter((a) => a.actorType === 'user').map((a) => a.action).sort()).toEqual(['application.accepted', 'application.declined', 'application.waitlisted']);
  });
});

describe('exportRegistrantsCsv', () => {
  it('writes a UTF-8 CSV with a BOM, localized headers, answers, attendance, and formulas defused', async () => {
    const { organizationId, owner, outsider } = await team();
    const { group, session } = await openSession(t, { organizationId, sessionCapacity: 1 });
    const [q] = await t.db
      .insert(intakeQuestions)
      .values({ groupId: group.id, position: 1, type: 'yes_no', labelEn: 'First time?', labelFr: 'Première fois?' })
      .returning();
    const a = await signUpProven(t, { ctx: anonymous(), input: { sessionId: session.id, name: 'Hélène "Lena" Côté', email: 'helene@example.org', consent: true, answers: { [q!.id]: 'yes' } } });
    await signUpProven(t, { ctx: anonymous(), input: { sessionId: session.id, name: '=HYPERLINK("x")', email: 'formula@example.org', consent: true } });
    await recordAttendance({ ctx: onTheDay(owner, session), input: { sessionId: session.id, records: [{ participantId: a.participantId, status: 'present' }] } });

    const out = await exportRegistrantsCsv({ ctx: as(owner, 'fr'), input: { sessionId: session.id } });
    expect(out.csv.startsWith('\uFEFF')).toBe(true);
    const lines = out.csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Nom,Courriel,Statut,Position sur la liste d’attente,Première fois?,Présence');
    expect(lines[1]).toBe('"Hélène ""Lena"" Côté",helene@example.org,Confirmée,,Oui,Présent·e');
    expect(lines[2]).toBe(`"'=HYPERLINK(""x"")",formula@example.org,Sur la liste d’attente,1,,`);
    expect(out.filename).toMatch(new RegExp(`^${group.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect((await auditOf(session.id)).some((e) => e.action === 'registrants.exported' && e.actorId === owner)).toBe(true);
    await expect(exportRegistrantsCsv({ ctx: as(outsider), input: { sessionId: session.id } })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('emails of running sessions', () => {
  it('render in the recipient’s language with the organizer’s words, and the link only where given', async () => {
    const { organizationId, owner } = await team();
    const { session, confirmed, waiting } = await dropIn(organizationId, 2, 1, { delivery: 'in_person' });
    await moveSessionOnline({ ctx: as(owner), input: { sessionId: session.id, reason: 'Le chauffage est brisé.' } });
    const [fr] = await mailOf('session_moved_online', [confirmed[1]!.email]);
    const toFr = renderEmail('session_moved_online', fr!.payload as EmailPayload, 'fr', anonymous().settings);
    expect(toFr.subject).toMatch(/^Rencontre tenue en ligne : Groupe /);
    expect(toFr.text).toContain('Le chauffage est brisé.');
    expect(toFr.text).toContain(LINK);
    expect(toFr.text).toContain('Où : En ligne');
    const [wait] = await mailOf('session_moved_online', [waiting[0]!.email]);
    const toWaiting = renderEmail('session_moved_online', wait!.payload as EmailPayload, wait!.locale, anonymous().settings);
    expect(toWaiting.text).not.toContain(LINK);
    expect(toWaiting.html).toContain('Le chauffage est brisé.');

    await messageRegistrants({ ctx: as(owner), input: { sessionId: session.id, message: 'Line one.\n\n<b>Line two</b>' } });
    const [msg] = await mailOf('organizer_message', [confirmed[0]!.email]);
    const out = renderEmail('organizer_message', msg!.payload as EmailPayload, 'en', anonymous().settings);
    expect(out.subject).toMatch(/^A message from the organizers of Group /);
    expect(out.html).toContain('&lt;b&gt;Line two&lt;/b&gt;');
    expect(out.text).toContain('Line one.');
  });
});
