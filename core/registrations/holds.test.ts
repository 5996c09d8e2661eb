import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createCohort, createGroup, createOpenSession, createSession, proveEmail } from '../../tests/support/factories';
import { applications, auditLog, emailOutbox, registrations } from '../../db/schema';
import { createContext } from '../context';
import { registerForSession } from './register-for-session';
import { releaseExpiredHolds } from './holds';
import { applyToCohort } from '../applications/apply-to-cohort';
import { getMyRegistrations } from '../participants/get-my-registrations';
import { manageToken } from '../participants/manage-link';
import { queueReminders } from '../worker/queue-reminders';

// Decision 0010: a place and its meeting link need proof that the person controls the address.
const NOW = new Date('2026-12-06T12:00:00Z');
const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000);
let t: TestDatabase;
const ctx = (now = NOW) => createContext(t.db, { now });
const person = (n: string) => ({ name: `Person ${n}`, email: `hold-${n}@example.org`, consent: true as const });
const mailTo = (email: string) => t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, email));
const ONLINE = { delivery: 'online' as const, street: null, onlineUrl: 'https://meet.example.org/held-room' };

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

describe('a sign-up from an address not yet proven', () => {
  it('holds the place for 30 minutes with no meeting link anywhere, until the emailed link is opened', async () => {
    const { session } = await createOpenSession(t, { sessionCapacity: 2, ...ONLINE });
    const r = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('a') } });
    expect(r.answer).toEqual({ status: 'check_email', expiresIn: 1800 });
    expect([r.status, r.holdExpiresAt]).toEqual(['confirmed', minutes(30)]);
    // The email asks to confirm; it carries the person link (rendered from participantId), not the meeting link.
    const [mail] = await mailTo('hold-a@example.org');
    expect(mail?.payload).toMatchObject({ holdExpiresAt: minutes(30).toISOString() });
    expect(JSON.stringify(mail)).not.toContain('held-room');

    // Opening the page from the email proves the address: the place is theirs, and the link shows.
    const page = await getMyRegistrations({ ctx: ctx(minutes(5)), input: { token: manageToken(ctx().settings, r.participantId) } });
    expect(page.justConfirmed).toBe(true);
    expect(page.registrations.map((x) => [x.status, x.onlineUrl])).toEqual([['confirmed', 'https://meet.example.org/held-room']]);
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, r.registrationId));
    expect(row?.holdExpiresAt).toBeNull();
    // Opening it again says nothing new.
    expect((await getMyRegistrations({ ctx: ctx(minutes(6)), input: { token: manageToken(ctx().settings, r.participantId) } })).justConfirmed).toBe(false);
    // Nothing to release later.
    await releaseExpiredHolds(ctx(minutes(31)));
    expect((await t.db.select().from(registrations).where(eq(registrations.id, r.registrationId)))[0]?.status).toBe('confirmed');
  });

  it('holds no longer than until the session starts', async () => {
    const { session } = await createOpenSession(t, {}, { startsAt: minutes(12) });
    const r = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('soon') } });
    expect(r.answer).toEqual({ status: 'check_email', expiresIn: 720 });
    expect(r.holdExpiresAt).toEqual(minutes(12));
  });

  it('gives a proven address its place at once, with the meeting link in the email', async () => {
    const { session } = await createOpenSession(t, ONLINE);
    await proveEmail(t, person('back').email);
    const r = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('back') } });
    expect(r.answer).toEqual({ status: 'check_email', expiresIn: 1800 });
    expect(r.holdExpiresAt).toBeNull();
    const [mail] = await mailTo('hold-back@example.org');
    expect(mail?.payload).toMatchObject({ onlineUrl: 'https://meet.example.org/held-room' });
    expect(mail?.payload).not.toHaveProperty('holdExpiresAt');
  });

  it('is released when the hold ends: the seat goes to the first proven person waiting, unproven ones are skipped', async () => {
    const { session } = await createOpenSession(t, { sessionCapacity: 1 });
    const squatter = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('squat') } });
    const unproven = await registerForSession({ ctx: ctx(minutes(10)), input: { sessionId: session.id, ...person('quiet') } });
    await proveEmail(t, person('real').email);
    const real = await registerForSession({ ctx: ctx(minutes(20)), input: { sessionId: session.id, ...person('real') } });
    expect([squatter.status, unproven.status, real.status]).toEqual(['confirmed', 'waitlisted', 'waitlisted']);

    const status = async (id: string) => (await t.db.select().from(registrations).where(eq(registrations.id, id)))[0]!.status;
    // Nothing moves before the hold ends.
    await releaseExpiredHolds(ctx(minutes(29)));
    expect(await status(squatter.registrationId)).toBe('confirmed');
    expect(await releaseExpiredHolds(ctx(minutes(30)))).toBeGreaterThanOrEqual(1);
    expect([await status(squatter.registrationId), await status(unproven.registrationId), await status(real.registrationId)]).toEqual([
      'cancelled',
      'waitlisted',
      'confirmed',
    ]);
    expect((await mailTo('hold-real@example.org')).map((m) => m.template).sort()).toEqual(['registration_promoted', 'registration_waitlisted']);
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, squatter.registrationId), eq(auditLog.action, 'registration.hold_released')));
    expect(entry?.actorType).toBe('system');

    // The squatter's page, opened too late, says why the place went.
    const late = await getMyRegistrations({ ctx: ctx(minutes(35)), input: { token: manageToken(ctx().settings, squatter.participantId) } });
    expect(late.registrations.map((x) => [x.status, x.released])).toEqual([['cancelled', true]]);
    // The unproven person waiting is released in turn when their own hold ends.
    await releaseExpiredHolds(ctx(minutes(40)));
    expect(await status(unproven.registrationId)).toBe('cancelled');
  });

  it('moves the waitlist when a person skipped for being unproven proves their address', async () => {
    const { session } = await createOpenSession(t, { sessionCapacity: 1 });
    const a = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('x1') } });
    const b = await registerForSession({ ctx: ctx(minutes(15)), input: { sessionId: session.id, ...person('x2') } });
    expect([a.status, b.status]).toEqual(['confirmed', 'waitlisted']);
    // a never confirms: the seat is free at minute 30, but b is not proven yet, so it waits.
    await releaseExpiredHolds(ctx(minutes(30)));
    const row = async () => (await t.db.select().from(registrations).where(eq(registrations.id, b.registrationId)))[0]!;
    expect((await row()).status).toBe('waitlisted');
    // b opens the emailed link: the free seat is theirs at once.
    await getMyRegistrations({ ctx: ctx(minutes(32)), input: { token: manageToken(ctx().settings, b.participantId) } });
    expect([(await row()).status, (await row()).holdExpiresAt]).toEqual(['confirmed', null]);
    expect((await mailTo('hold-x2@example.org')).map((m) => m.template).sort()).toEqual(['registration_promoted', 'registration_waitlisted']);
  });

  it('gets no reminder while held', async () => {
    const { session } = await createOpenSession(t, { reminderHours: [1] }, { startsAt: minutes(50) });
    const held = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('remind-held') } });
    await proveEmail(t, person('remind-ok').email);
    await registerForSession({ ctx: ctx(), input: { sessionId: session.id, ...person('remind-ok') } });
    await queueReminders(ctx(minutes(15)));
    expect((await mailTo('hold-remind-ok@example.org')).map((m) => m.template)).toContain('session_reminder');
    expect((await mailTo('hold-remind-held@example.org')).map((m) => m.template)).not.toContain('session_reminder');
    expect(held.holdExpiresAt).toEqual(minutes(30));
  });
});

describe('an application from an address not yet proven', () => {
  it('is held like a place: no link in its email, dropped when the hold ends, kept once the link is opened', async () => {
    const group = await createGroup(t, { format: 'closed', dropInStyle: null, autoAccept: true, ...ONLINE });
    const cohort = await createCohort(t, { groupId: group.id, startsOn: '2026-12-20', endsOn: '2027-01-31', capacity: 5 });
    await createSession(t, { groupId: group.id, cohortId: cohort.id, startsAt: new Date('2026-12-20T18:00:00Z') });
    const applicant = (n: string) => ({ ...person(n), commitment: true as const });
    const kept = await applyToCohort({ ctx: ctx(), input: { cohortId: cohort.id, ...applicant('app-kept') } });
    const dropped = await applyToCohort({ ctx: ctx(), input: { cohortId: cohort.id, ...applicant('app-dropped') } });
    expect([kept.status, kept.holdExpiresAt, kept.answer]).toEqual(['accepted', minutes(30), { status: 'check_email', expiresIn: 1800 }]);
    expect(JSON.stringify(await mailTo('hold-app-kept@example.org'))).not.toContain('held-room');

    const page = await getMyRegistrations({ ctx: ctx(minutes(10)), input: { token: manageToken(ctx().settings, kept.participantId) } });
    expect(page.applications.map((a) => [a.status, a.onlineUrl])).toEqual([['accepted', 'https://meet.example.org/held-room']]);
    await releaseExpiredHolds(ctx(minutes(30)));
    const status = async (id: string) => (await t.db.select().from(applications).where(eq(applications.id, id)))[0]!.status;
    expect([await status(kept.applicationId), await status(dropped.applicationId)]).toEqual(['accepted', 'withdrawn']);
  });
});
