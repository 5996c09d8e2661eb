import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createMember, createOpenSession, createOrganization, createGroup, proveEmail, createSession } from '../../tests/support/factories';
import { emailOutbox, groups, intakeQuestions, participants, registrations, sessionWaitlists } from '../../db/schema';
import { createContext } from '../context';
import { registerForSession } from './register-for-session';
import { cancelRegistration } from '../participants/cancel-registration';
import { getMyRegistrations } from '../participants/get-my-registrations';
import { manageToken, scopedToken, verifyScopedToken } from '../participants/manage-link';
import { deleteMyData, exportMyData } from '../participants/my-data';
import { findOtherSessions } from '../participants/find-other-sessions';
import { getSignupForm } from './get-signup-form';
import { getGroup } from '../groups/get-group';
import { createGroup as createDraftGroup } from '../group-editor/create-group';
import { rows } from '../search/rows';
import { LIMITS } from '../limits/rate-limit';

const NOW = new Date('2026-11-27T15:00:00Z');
let t: TestDatabase;
const ctx = (over: Partial<Parameters<typeof createContext>[1]> = {}) => createContext(t.db, { now: NOW, ...over });
const person = (n: number | string) => ({ name: `Person ${n}`, email: `person${n}@example.org`, consent: true as const });
const tokenOf = (r: { participantId: string }) => manageToken(ctx().settings, r.participantId);
/** A returning person whose address was proven before (decision 0010): their sign-ups are not held. */
const proven = async (n: number | string) => {
  await proveEmail(t, person(n).email);
  return person(n);
};

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

async function outboxFor(email: string) {
  return t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, email));
}

describe('registerForSession', () => {
  it('confirms until the session is full, then waitlists in order, each with one email', async () => {
    const { session } = await createOpenSession(t, { sessionCapacity: 2, delivery: 'hybrid', onlineUrl: 'https://meet.example.org/abc' });
    const results = [];
    for (let i = 1; i <= 5; i++) results.push(await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...(await proven(`a${i}`)) } }));
    expect(results.map((r) => [r.status, r.position])).toEqual([
      ['confirmed', null],
      ['confirmed', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
      ['waitlisted', 3],
    ]);
    const confirmedMail = await outboxFor('persona1@example.org');
    expect(confirmedMail.map((m) => m.template)).toEqual(['registration_confirmed']);
    expect(confirmedMail[0]?.payload).toMatchObject({ onlineUrl: 'https://meet.example.org/abc' });
    const waitMail = await outboxFor('persona4@example.org');
    expect(waitMail.map((m) => m.template)).toEqual(['registration_waitlisted']);
    // Someone waiting never receives the meeting link.
    expect(JSON.stringify(waitMail)).not.toContain('meet.example.org');
    // Whoever sent the form learns none of it: every answer is the same.
    expect(new Set(results.map((r) => JSON.stringify(r.answer)))).toEqual(new Set([JSON.stringify({ status: 'check_email', expiresIn: 1800 })]));
  });

  it('has no limit when no capacity is set', async () => {
    const { session } = await createOpenSession(t);
    for (let i = 0; i < 5; i++) {
      const r = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person(`u${i}`) } });
      expect(r.status).toBe('confirmed');
    }
  });

  it('gives no second place to the same email, whatever its case, answers as for a new one and tells the person by email', async () => {
    const { session } = await createOpenSession(t);
    const first = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('dup') } });
    const again = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('dup'), email: 'PERSONDUP@Example.org' } });
    expect(again.answer).toEqual(first.answer);
    expect([again.status, again.registrationId]).toEqual(['already_registered', first.registrationId]);
    const rows = await t.db.select().from(registrations).where(eq(registrations.sessionId, session.id));
    expect(rows).toHaveLength(1);
    expect((await outboxFor('persondup@example.org')).map((m) => m.template).sort()).toEqual(['registration_already', 'registration_confirmed']);
  });

  it('counts every try of one address for one session in the same call as the seat, and over the limit writes nothing but the count', async () => {
    const { session } = await createOpenSession(t);
    const max = LIMITS.joinPerRecipientAndSession.max;
    const tries: Awaited<ReturnType<typeof registerForSession>>[] = [];
    for (let i = 0; i < max; i++) tries.push(await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('loop') } }));
    expect(tries.map((r) => r.status)).toEqual(['confirmed', ...Array(max - 1).fill('already_registered')]);
    const before = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'personloop@example.org'));
    expect(before).toHaveLength(max);
    const audit = async () => Number((await rows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where entity_type = 'registration' and entity_id = ${tries[0]!.registrationId}`))[0]!.n);
    const audited = await audit();
    await expect(registerForSession({ ctx: ctx({ now: new Date(NOW.getTime() + 60_000) }), input: { sessionId: session.id, ...person('loop') } })).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: LIMITS.joinPerRecipientAndSession.windowMs / 1000 - 60,
    });
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'personloop@example.org'))).toHaveLength(max);
    expect(await t.db.select().from(registrations).where(eq(registrations.sessionId, session.id))).toHaveLength(1);
    expect(await audit()).toBe(audited);
    // Another address is not held back by this one.
    expect((await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('other-loop') } })).status).toBe('confirmed');
  });

  it('closes at the cutoff (24 h by default) and for cancelled or past sessions', async () => {
    const g = await createGroup(t); // default cutoff: 1440 minutes
    const soon = await createSession(t, { groupId: g.id, startsAt: new Date(NOW.getTime() + 23 * 3_600_000) });
    const later = await createSession(t, { groupId: g.id, startsAt: new Date(NOW.getTime() + 25 * 3_600_000) });
    await expect(registerForSession({ ctx: ctx(), input: { sessionId: soon.id, ...person('c1') } })).rejects.toMatchObject({
      code: 'cutoff_passed',
    });
    expect((await registerForSession({ ctx: ctx(), input: { sessionId: later.id, ...person('c1') } })).status).toBe('confirmed');
    const cancelled = await createSession(t, { groupId: g.id, startsAt: new Date(NOW.getTime() + 99 * 3_600_000), status: 'cancelled' });
    await expect(registerForSession({ ctx: ctx(), input: { sessionId: cancelled.id, ...person('c2') } })).rejects.toMatchObject({
      code: 'closed',
    });
    const { session: zeroCutoff } = await createOpenSession(t, {}, { startsAt: new Date(NOW.getTime() + 60_000) });
    expect((await registerForSession({ ctx: ctx(), input: { sessionId: zeroCutoff.id, ...person('c3') } })).status).toBe('confirmed');
    await expect(
      registerForSession({ ctx: ctx({ now: new Date(NOW.getTime() + 60_000) }), input: { sessionId: zeroCutoff.id, ...person('c4') } }),
    ).rejects.toMatchObject({ code: 'closed' });
  });

  it('applies the cutoff on real instants across the autumn DST change', async () => {
    // Sunday 1 November 2026, 19:00 in Toronto is 2026-11-02T00:00Z (EST, the day DST ended).
    const g = await createGroup(t, { timeZone: 'America/Toronto' });
    const s = await createSession(t, { groupId: g.id, startsAt: new Date('2026-11-02T00:00:00Z') });
    const justBefore = new Date('2026-10-31T23:59:00Z');
    expect((await registerForSession({ ctx: ctx({ now: justBefore }), input: { sessionId: s.id, ...person('dst1') } })).status).toBe(
      'confirmed',
    );
    await expect(
      registerForSession({ ctx: ctx({ now: new Date('2026-11-01T00:00:00Z') }), input: { sessionId: s.id, ...person('dst2') } }),
    ).rejects.toMatchObject({ code: 'cutoff_passed' });
  });

  it('checks eligibility: region for local groups, age range', async () => {
    const { session } = await createOpenSession(t, { reach: 'local', regions: ['CA-ON'] });
    await expect(registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('e1') } })).rejects.toMatchObject({
      code: 'ineligible',
    });
    await expect(
      registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('e1'), region: 'CA-QC' } }),
    ).rejects.toMatchObject({ code: 'ineligible' });
    expect((await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('e1'), region: 'ca-on' } })).status).toBe(
      'confirmed',
    );
    const { session: teens } = await createOpenSession(t, { ageMin: 13, ageMax: 17 });
    await expect(registerForSession({ ctx: ctx(), input: { sessionId: teens.id, ...person('e2') } })).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(registerForSession({ ctx: ctx(), input: { sessionId: teens.id, ...person('e2'), age: 30 } })).rejects.toMatchObject({
      code: 'ineligible',
    });
    expect((await registerForSession({ ctx: ctx(), input: { sessionId: teens.id, ...person('e2'), age: 15 } })).status).toBe('confirmed');
  });

  it('validates answers to the group’s questions and writes nothing on bad input', async () => {
    const { group, session } = await createOpenSession(t);
    const [q1, q2, q3] = await t.db
      .insert(intakeQuestions)
      .values([
        { groupId: group.id, position: 1, type: 'text', labelEn: 'Who did you lose?', required: true },
        { groupId: group.id, position: 2, type: 'choice', labelEn: 'How long ago?', options: [{ value: 'lt1', labelEn: '< 1 year', labelFr: null }] },
        { groupId: group.id, position: 3, type: 'yes_no', labelEn: 'First time?' },
      ])
      .returning();
    const base = { sessionId: session.id, ...person('q') };
    await expect(registerForSession({ ctx: ctx(), input: { ...base, answers: {} } })).rejects.toMatchObject({
      code: 'invalid',
      issues: [expect.objectContaining({ path: `answers.${q1!.id}` })],
    });
    await expect(
      registerForSession({ ctx: ctx(), input: { ...base, answers: { [q1!.id]: 'My father', [q2!.id]: 'forever' } } }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(registerForSession({ ctx: ctx(), input: { ...base, answers: { [q1!.id]: 'x', nope: 'y' } } })).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(registerForSession({ ctx: ctx(), input: { ...base, consent: false as never } })).rejects.toMatchObject({ code: 'invalid' });
    expect(await t.db.select().from(registrations).where(eq(registrations.sessionId, session.id))).toHaveLength(0);
    expect(await outboxFor('personq@example.org')).toHaveLength(0);

    await registerForSession({ ctx: ctx(), input: { ...base, answers: { [q1!.id]: ' My father ', [q2!.id]: 'lt1', [q3!.id]: 'yes' } } });
    const [row] = await t.db.select().from(registrations).where(eq(registrations.sessionId, session.id));
    expect(row?.answers).toEqual({ [q1!.id]: 'My father', [q2!.id]: 'lt1', [q3!.id]: true });
  });

  it('the seat decision re-checks the session under its lock and writes nothing when it refuses', async () => {
    // As if the session were cancelled after the action's first checks: call the function directly.
    const { session } = await createOpenSession(t, {}, { status: 'cancelled' });
    const call = t.db.execute(sql`select * from register_for_session(
      ${randomUUID()}::uuid, ${session.id}::uuid, 'late-check@example.org', 'fr'::locale, 'Late', '{}'::jsonb,
      ${NOW.toISOString()}::timestamptz, '{}'::jsonb, interval '30 minutes', '{}'::text[], '{}'::int[], '{}'::int[])`);
    await expect(call).rejects.toMatchObject({ cause: { code: 'CR001', hint: 'not_taking_signups' } });
    // The person it would have created is undone with the rest.
    expect(await t.db.select().from(participants).where(eq(participants.email, 'late-check@example.org'))).toEqual([]);
    expect(await outboxFor('late-check@example.org')).toEqual([]);
  });

  it('refuses sign-ups for closed groups, drafts and unknown sessions', async () => {
    const closed = await createGroup(t, { format: 'closed', dropInStyle: null });
    const s = await createSession(t, { groupId: closed.id, startsAt: new Date(NOW.getTime() + 9 * 86_400_000) });
    await expect(registerForSession({ ctx: ctx(), input: { sessionId: s.id, ...person('x') } })).rejects.toMatchObject({ code: 'closed' });
    const { session: draft } = await createOpenSession(t, { status: 'draft' });
    await expect(registerForSession({ ctx: ctx(), input: { sessionId: draft.id, ...person('x') } })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      registerForSession({ ctx: ctx(), input: { sessionId: '00000000-0000-4000-8000-000000000000', ...person('x') } }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('cancelling and the waitlist', () => {
  it('gives a freed seat to the first person waiting, and positions move up', async () => {
    const { session } = await createOpenSession(t, { sessionCapacity: 1 });
    const first = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...(await proven('w1')) } });
    const second = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...(await proven('w2')) } });
    const third = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...(await proven('w3')) } });
    expect([second.position, third.position]).toEqual([1, 2]);

    const out = await cancelRegistration({ ctx: ctx(), input: { token: tokenOf(first), registrationId: first.registrationId } });
    expect(out.promoted).toEqual([second.registrationId]);
    const promotedMail = (await outboxFor('personw2@example.org')).map((m) => m.template).sort();
    expect(promotedMail).toEqual(['registration_promoted', 'registration_waitlisted']);
    const overview = await getMyRegistrations({ ctx: ctx(), input: { token: tokenOf(third) } });
    expect(overview.registrations.map((r) => [r.status, r.position])).toEqual([['waitlisted', 1]]);

    // Leaving the waitlist frees no seat but moves nobody ahead of anyone.
    const again = await cancelRegistration({ ctx: ctx(), input: { token: tokenOf(third), registrationId: third.registrationId } });
    expect(again).toEqual({ cancelled: true, promoted: [] });
    // Cancelling twice is harmless.
    expect((await cancelRegistration({ ctx: ctx(), input: { token: tokenOf(third), registrationId: third.registrationId } })).cancelled).toBe(false);
    const live = await t.db.select().from(registrations).where(and(eq(registrations.sessionId, session.id), eq(registrations.status, 'confirmed')));
    expect(live.map((r) => r.id)).toEqual([second.registrationId]);
  });

  it('tells each new person their true place in line after promotions, cancellations and deletions', async () => {
    const { session } = await createOpenSession(t, { sessionCapacity: 1 });
    const signed = [];
    for (let i = 1; i <= 4; i++) signed.push(await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...(await proven(`len${i}`)) } }));
    expect(signed.map((r) => r.position)).toEqual([null, 1, 2, 3]);
    // The confirmed person leaves: the first waiting is promoted.
    await cancelRegistration({ ctx: ctx(), input: { token: tokenOf(signed[0]!), registrationId: signed[0]!.registrationId } });
    // Someone waiting deletes their data.
    await deleteMyData({ ctx: ctx(), input: { token: manageToken(ctx().settings, signed[3]!.participantId) } });
    // The next person is told their true place in line.
    const next = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...(await proven('len5')) } });
    expect([next.status, next.position]).toEqual(['waitlisted', 2]);
    // The waitlist's counter row (what a sign-up reads) agrees with the rows themselves, and its
    // last ticket was never handed out twice.
    const waiting = await t.db
      .select({ ticket: registrations.waitlistPosition })
      .from(registrations)
      .where(and(eq(registrations.sessionId, session.id), eq(registrations.status, 'waitlisted')));
    const [counter] = await t.db.select().from(sessionWaitlists).where(eq(sessionWaitlists.sessionId, session.id));
    expect(counter?.waiting).toBe(waiting.length);
    expect(counter?.lastTicket).toBe(4);
    expect(new Set(waiting.map((w) => w.ticket)).size).toBe(waiting.length);
  });

  it('a manage link only reaches its own registrations', async () => {
    const { session } = await createOpenSession(t);
    const mine = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('m1') } });
    const theirs = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('m2') } });
    await expect(
      cancelRegistration({ ctx: ctx(), input: { token: tokenOf(mine), registrationId: theirs.registrationId } }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const forged = `${mine.participantId}.${'A'.repeat(43)}`;
    await expect(getMyRegistrations({ ctx: ctx(), input: { token: forged } })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('shows the online link on the manage page only for a confirmed place', async () => {
    const { session } = await createOpenSession(t, { sessionCapacity: 1, delivery: 'online', street: null, onlineUrl: 'https://meet.example.org/room-9' });
    const a = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('o1') } });
    const b = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('o2') } });
    const mineA = await getMyRegistrations({ ctx: ctx(), input: { token: tokenOf(a) } });
    const mineB = await getMyRegistrations({ ctx: ctx(), input: { token: tokenOf(b) } });
    expect(mineA.registrations[0]?.onlineUrl).toBe('https://meet.example.org/room-9');
    expect(mineB.registrations[0]?.onlineUrl).toBeNull();
  });
});

describe('manage links', () => {
  it('the person link reaches all of a person’s sign-ups; links to one registration are no longer accepted', async () => {
    const { session: s1 } = await createOpenSession(t);
    const { session: s2 } = await createOpenSession(t);
    const one = await registerForSession({ ctx: ctx(), input: { sessionId: s1.id, ...person('scope') } });
    const two = await registerForSession({ ctx: ctx(), input: { sessionId: s2.id, ...person('scope') } });
    const full = await getMyRegistrations({ ctx: ctx(), input: { token: tokenOf(one) } });
    expect(full.registrations.map((r) => r.id).sort()).toEqual([one.registrationId, two.registrationId].sort());
    // The form of the links once shown after a sign-up, even correctly signed, opens nothing.
    const signed = scopedToken(ctx().settings, { kind: 'person', participantId: two.registrationId }).split('.');
    await expect(getMyRegistrations({ ctx: ctx(), input: { token: `r.${signed.join('.')}` } })).rejects.toMatchObject({ code: 'not_found' });
    expect(verifyScopedToken(ctx().settings, `r.${signed.join('.')}`, ctx().now)).toBeNull();
  });

  it('exports and deletes everything about a person; their seat goes to the next in line', async () => {
    const { session } = await createOpenSession(t, { sessionCapacity: 1 });
    const held = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...(await proven('gone')) } });
    const next = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...(await proven('next')) } });
    const token = manageToken(ctx().settings, held.participantId);
    const data = await exportMyData({ ctx: ctx(), input: { token } });
    expect(data.person.email).toBe('persongone@example.org');
    expect(data.registrations.map((r) => r.id)).toEqual([held.registrationId]);
    expect(data.emails.map((e) => e.template)).toEqual(['registration_confirmed']);

    await deleteMyData({ ctx: ctx(), input: { token } });
    expect(await t.db.select().from(participants).where(eq(participants.id, held.participantId))).toHaveLength(0);
    expect(await outboxFor('persongone@example.org')).toHaveLength(0);
    const [promoted] = await t.db.select().from(registrations).where(eq(registrations.id, next.registrationId));
    expect(promoted?.status).toBe('confirmed');
    await expect(getMyRegistrations({ ctx: ctx(), input: { token } })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('when sign-up is open (join)', () => {
  const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

  it('a postponed session keeps taking sign-ups: its page, its form, the sign-up and the seat function agree', async () => {
    const g = await createGroup(t, { signupCutoffMinutes: 60, sessionCapacity: 3 });
    const s = await createSession(t, {
      groupId: g.id,
      startsAt: hours(72),
      status: 'postponed',
      statusReason: 'The room is being repainted',
      originalStartsAt: hours(24),
    });
    const form = await getSignupForm({ ctx: ctx(), input: { sessionId: s.id } });
    expect([form.open, form.closedReason, form.seatsLeft]).toEqual([true, null, 3]);
    expect(form.session.originalStartsAt?.toISOString()).toBe(hours(24).toISOString());
    const page = await getGroup({ ctx: ctx(), input: { ref: g.id } });
    expect(page.sessions.map((x) => [x.id, x.status, x.signupOpen, x.signupClosedReason])).toEqual([[s.id, 'postponed', true, null]]);
    expect((await registerForSession({ ctx: ctx(), input: { sessionId: s.id, ...person('pp1') } })).status).toBe('confirmed');
    // The database function that decides seats agrees (called directly, as a second process would).
    const [row] = await rows<{ out_status: string }>(
      t.db,
      sql`select out_status from register_for_session(${randomUUID()}::uuid, ${s.id}::uuid, 'pp2@example.org', 'fr'::locale,
        'PP2', '{}'::jsonb, ${NOW.toISOString()}::timestamptz, '{}'::jsonb, interval '30 minutes', '{}'::text[], '{}'::int[], '{}'::int[])`,
    );
    expect(row?.out_status).toBe('confirmed');
    // Past the new time's cutoff, it closes like any other session.
    await expect(
      registerForSession({ ctx: ctx({ now: hours(71.5) }), input: { sessionId: s.id, ...person('pp3') } }),
    ).rejects.toMatchObject({ code: 'cutoff_passed' });
  });

  it('says why a session takes no sign-ups, when it closed, and whom to ask', async () => {
    const org = await createOrganization(t, { email: 'hello@org-join.example.org', phone: '613-555-0199' });
    const g = await createGroup(t, { organizationId: org.id, signupCutoffMinutes: 60, contactEmail: null, contactPhone: null });
    const soon = await createSession(t, { groupId: g.id, startsAt: hours(0.5) });
    const off = await createSession(t, { groupId: g.id, startsAt: hours(30), status: 'cancelled' });
    const tomorrow = await createSession(t, { groupId: g.id, startsAt: hours(20) });

    const form = await getSignupForm({ ctx: ctx(), input: { sessionId: soon.id } });
    expect([form.open, form.closedReason, form.cutoffPassed]).toEqual([false, 'cutoff_passed', true]);
    expect(form.cutoffAt.toISOString()).toBe(hours(-0.5).toISOString());
    // The group has no contact of its own: its organization's is given.
    expect(form.contact).toEqual({ email: 'hello@org-join.example.org', phone: '613-555-0199' });
    expect((await getSignupForm({ ctx: ctx(), input: { sessionId: off.id } })).closedReason).toBe('cancelled');
    expect((await getSignupForm({ ctx: ctx({ now: hours(0.6) }), input: { sessionId: soon.id } })).closedReason).toBe('started');

    const page = await getGroup({ ctx: ctx(), input: { ref: g.id } });
    expect(page.contact).toEqual({ email: 'hello@org-join.example.org', phone: '613-555-0199' });
    const byId = new Map(page.sessions.map((x) => [x.id, x]));
    expect(byId.get(soon.id)).toMatchObject({ signupOpen: false, signupClosedReason: 'cutoff_passed', signupClosesAt: hours(-0.5) });
    expect(byId.get(off.id)).toMatchObject({ signupOpen: false, signupClosedReason: 'cancelled' });
    // An hour's cutoff: a session tomorrow can be joined.
    expect(byId.get(tomorrow.id)).toMatchObject({ signupOpen: true, signupClosedReason: null });
    expect((await registerForSession({ ctx: ctx(), input: { sessionId: tomorrow.id, ...person('tm1') } })).status).toBe('confirmed');
    await expect(registerForSession({ ctx: ctx(), input: { sessionId: off.id, ...person('tm1') } })).rejects.toMatchObject({ code: 'closed' });
  });

  it('a drop-in created in the editor takes sign-ups until an hour before each session', async () => {
    const { user, organizationId } = await createMember(t, 'admin');
    const made = await createDraftGroup({
      ctx: createContext(t.db, { now: NOW, actor: { type: 'user', userId: user.id } }),
      input: { organizationId, titleEn: 'Tomorrow drop-in', kind: 'support_group', leadership: 'peer', format: 'drop_in', delivery: 'in_person' },
    });
    const [row] = await t.db.select({ cutoff: groups.signupCutoffMinutes }).from(groups).where(eq(groups.id, made.id));
    expect(row?.cutoff).toBeGreaterThan(0);
    expect(row?.cutoff).toBeLessThanOrEqual(60);
  });

  it('after cancelling, offers the same group’s other sessions that take sign-ups', async () => {
    const g = await createGroup(t, { signupCutoffMinutes: 60, sessionCapacity: 2 });
    const mine = await createSession(t, { groupId: g.id, startsAt: hours(48) });
    const held = await createSession(t, { groupId: g.id, startsAt: hours(72) });
    const moved = await createSession(t, { groupId: g.id, startsAt: hours(96), status: 'postponed', originalStartsAt: hours(90) });
    await createSession(t, { groupId: g.id, startsAt: hours(120), status: 'cancelled' });
    await createSession(t, { groupId: g.id, startsAt: hours(0.5) }); // past its cutoff
    const later = await createSession(t, { groupId: g.id, startsAt: hours(144) });
    const a = await registerForSession({ ctx: ctx(), input: { sessionId: mine.id, ...person('os1') } });
    await registerForSession({ ctx: ctx(), input: { sessionId: held.id, ...person('os1') } });
    await cancelRegistration({ ctx: ctx(), input: { token: tokenOf(a), registrationId: a.registrationId } });
    const others = await findOtherSessions({ ctx: ctx(), input: { token: manageToken(ctx().settings, a.participantId), registrationId: a.registrationId } });
    expect(others.sessions.map((s) => s.id)).toEqual([moved.id, later.id]);
    expect(others.sessions[0]).toMatchObject({ status: 'postponed', seatsLeft: 2 });
    // Someone else's registration is not reachable through this link.
    const b = await registerForSession({ ctx: ctx(), input: { sessionId: mine.id, ...person('os2') } });
    await expect(
      findOtherSessions({ ctx: ctx(), input: { token: tokenOf(a), registrationId: b.registrationId } }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
