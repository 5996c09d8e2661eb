import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createCohort, createGroup, proveEmail, createSession } from '../../tests/support/factories';
import { applications, cohorts, emailOutbox, groups } from '../../db/schema';
import { createContext } from '../context';
import { manageToken } from '../participants/manage-link';
import { applyToCohort } from './apply-to-cohort';
import { withdrawApplication } from '../participants/withdraw-application';
import { decideCohorts } from '../worker/decide-cohorts';
import { getApplicationForm } from '../registrations/get-signup-form';
import { getMyRegistrations } from '../participants/get-my-registrations';

const NOW = new Date('2026-11-27T15:00:00Z');
let t: TestDatabase;
const ctx = (now = NOW) => createContext(t.db, { now });
const applicant = (n: string) => ({ name: `Applicant ${n}`, email: `applicant${n}@example.org`, consent: true as const, commitment: true as const });
const tokenOf = (r: { participantId: string }) => manageToken(ctx().settings, r.participantId);
/** A returning applicant whose address was proven before (decision 0010): nothing of theirs is held. */
const proven = async (n: string) => {
  await proveEmail(t, applicant(n).email);
  return applicant(n);
};

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

async function closedGroupWithCohort(opts: { autoAccept?: boolean; capacity?: number; minimum?: number; decisionAt?: Date; lateJoin?: number; promotion?: 'automatic' | 'manual' } = {}) {
  const group = await createGroup(t, {
    format: 'closed',
    dropInStyle: null,
    autoAccept: opts.autoAccept ?? true,
    waitlistPromotion: opts.promotion ?? 'automatic',
  });
  const cohort = await createCohort(t, {
    groupId: group.id,
    startsOn: '2026-12-08',
    endsOn: '2027-01-26',
    sessionCount: 3,
    capacity: opts.capacity ?? null,
    minimumParticipants: opts.minimum ?? null,
    decisionAt: opts.decisionAt ?? (opts.minimum ? new Date('2026-12-05T00:00:00Z') : null),
    lateJoinUntilSession: opts.lateJoin ?? 0,
  });
  const starts = ['2026-12-09T00:00:00Z', '2026-12-16T00:00:00Z', '2026-12-23T00:00:00Z'];
  for (const s of starts) await createSession(t, { groupId: group.id, cohortId: cohort.id, startsAt: new Date(s) });
  return { group, cohort };
}

describe('applyToCohort', () => {
  it('asks for a phone number when the facilitator calls applicants, and tells what happens next, by when', async () => {
    const { group, cohort } = await closedGroupWithCohort({ autoAccept: false, minimum: 3, decisionAt: new Date('2026-12-05T00:00:00Z') });
    await t.db.update(groups).set({ callsApplicants: true, eligibilityEn: 'Adults only.' }).where(eq(groups.id, group.id));
    // The form says when the cohort meets (every Tuesday evening in Toronto) and who it is for.
    const form = await getApplicationForm({ ctx: ctx(), input: { cohortId: cohort.id } });
    expect(form.callsApplicants).toBe(true);
    expect(form.eligibility.en).toBe('Adults only.');
    expect(form.cohort.rhythm).toMatchObject({ weekday: 2, cadence: 'weekly' });
    expect(form.cohort.sessions).toHaveLength(3);

    await expect(applyToCohort({ ctx: ctx(), input: { cohortId: cohort.id, ...(await proven('p1')) } })).rejects.toMatchObject({
      code: 'invalid',
      issues: [expect.objectContaining({ path: 'phone' })],
    });
    await expect(applyToCohort({ ctx: ctx(), input: { cohortId: cohort.id, ...applicant('p1'), phone: '555-01' } })).rejects.toMatchObject({
      code: 'invalid',
      issues: [expect.objectContaining({ path: 'phone' })],
    });
    expect(await t.db.select().from(applications).where(eq(applications.cohortId, cohort.id))).toHaveLength(0);
    const r = await applyToCohort({ ctx: ctx(), input: { cohortId: cohort.id, ...applicant('p1'), phone: ' 613 555-0123 ' } });
    const [row] = await t.db.select().from(applications).where(eq(applications.cohortId, cohort.id));
    expect(row?.phone).toBe('613 555-0123');

    const me = await getMyRegistrations({ ctx: ctx(), input: { token: tokenOf(r) } });
    const decision = new Date('2026-12-05T00:00:00Z');
    expect(me.applications[0]?.nextSteps).toEqual([
      { kind: 'call', phone: '613 555-0123', by: decision },
      { kind: 'review', by: decision },
      { kind: 'email', about: 'received' },
      { kind: 'minimum', minimum: 3, at: decision },
    ]);
  });

  it('does not ask for a phone number when the group does not call', async () => {
    const { cohort } = await closedGroupWithCohort();
    await applyToCohort({ ctx: ctx(), input: { cohortId: cohort.id, ...applicant('np'), phone: 'whatever' } });
    const [row] = await t.db.select().from(applications).where(eq(applications.cohortId, cohort.id));
    expect(row?.phone).toBeNull();
  });

  it('accepts automatically up to capacity, then waitlists in order', async () => {
    const { cohort } = await closedGroupWithCohort({ capacity: 2 });
    const out = [];
    for (const n of ['1', '2', '3', '4']) out.push(await applyToCohort({ ctx: ctx(), input: { cohortId: cohort.id, ...applicant(`a${n}`) } }));
    expect(out.map((r) => [r.status, r.position])).toEqual([
      ['accepted', null],
      ['accepted', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    const mail = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'applicanta3@example.org'));
    expect(mail.map((m) => m.template)).toEqual(['application_waitlisted']);
  });

  it('leaves the decision to the organizer when the group does not accept automatically', async () => {
    const { cohort } = await closedGroupWithCohort({ autoAccept: false, capacity: 2 });
    const r = await applyToCohort({ ctx: ctx(), input: { cohortId: cohort.id, ...applicant('m1') } });
    expect(r.status).toBe('applied');
    const mail = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'applicantm1@example.org'));
    expect(mail.map((m) => m.template)).toEqual(['application_received']);
  });

  it('requires the commitment to the whole sequence, and takes no second application (same answer, told by email)', async () => {
    const { cohort } = await closedGroupWithCohort();
    await expect(
      applyToCohort({ ctx: ctx(), input: { cohortId: cohort.id, ...applicant('c1'), commitment: false as never } }),
    ).rejects.toMatchObject({ code: 'invalid', issues: [expect.objectContaining({ path: 'commitment' })] });
    const first = await applyToCohort({ ctx: ctx(), input: { cohortId: cohort.id, ...applicant('c1') } });
    const again = await applyToCohort({ ctx: ctx(), input: { cohortId: cohort.id, ...applicant('c1') } });
    expect(again.answer).toEqual(first.answer);
    expect([again.status, again.applicationId]).toEqual(['already_applied', first.applicationId]);
    expect(await t.db.select().from(applications).where(eq(applications.cohortId, cohort.id))).toHaveLength(1);
    const mail = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'applicantc1@example.org'));
    expect(mail.map((m) => m.template).sort()).toEqual(['application_accepted', 'application_already']);
  });

  it('closes enrollment at the first session, or after session K when late joining is allowed', async () => {
    const { cohort } = await closedGroupWithCohort();
    const afterFirst = new Date('2026-12-10T00:00:00Z');
    await expect(applyToCohort({ ctx: ctx(afterFirst), input: { cohortId: cohort.id, ...applicant('l1') } })).rejects.toMatchObject({
      code: 'closed',
    });
    const { cohort: late } = await closedGroupWithCohort({ lateJoin: 1 });
    expect((await applyToCohort({ ctx: ctx(afterFirst), input: { cohortId: late.id, ...applicant('l2') } })).status).toBe('accepted');
    const afterSecond = new Date('2026-12-17T00:00:00Z');
    await expect(applyToCohort({ ctx: ctx(afterSecond), input: { cohortId: late.id, ...applicant('l3') } })).rejects.toMatchObject({
      code: 'closed',
    });
  });

  it('withdrawing an accepted place promotes the first on the waitlist (automatic promotion only)', async () => {
    const { cohort } = await closedGroupWithCohort({ capacity: 1 });
    const a = await applyToCohort({ ctx: ctx(), input: { cohortId: cohort.id, ...(await proven('p1')) } });
    const b = await applyToCohort({ ctx: ctx(), input: { cohortId: cohort.id, ...(await proven('p2')) } });
    const out = await withdrawApplication({ ctx: ctx(), input: { token: tokenOf(a), applicationId: a.applicationId } });
    expect(out.promoted).toEqual([b.applicationId]);

    const { cohort: manual } = await closedGroupWithCohort({ capacity: 1, promotion: 'manual' });
    const c = await applyToCohort({ ctx: ctx(), input: { cohortId: manual.id, ...(await proven('p3')) } });
    await applyToCohort({ ctx: ctx(), input: { cohortId: manual.id, ...(await proven('p4')) } });
    const manualOut = await withdrawApplication({ ctx: ctx(), input: { token: tokenOf(c), applicationId: c.applicationId } });
    expect(manualOut).toEqual({ withdrawn: true, promoted: [] });
  });
});

describe('decideCohorts', () => {
  it('postpones a cohort below its minimum at the decision date, confirms one that reached it, once', async () => {
    const decisionAt = new Date('2026-12-05T00:00:00Z');
    const { cohort: low } = await closedGroupWithCohort({ minimum: 3, capacity: 10, decisionAt });
    const { cohort: ok } = await closedGroupWithCohort({ minimum: 2, capacity: 10, decisionAt });
    await applyToCohort({ ctx: ctx(), input: { cohortId: low.id, ...applicant('d1') } });
    await applyToCohort({ ctx: ctx(), input: { cohortId: ok.id, ...applicant('d2') } });
    await applyToCohort({ ctx: ctx(), input: { cohortId: ok.id, ...applicant('d3') } });

    // Before the decision date nothing happens.
    expect(await decideCohorts(ctx(new Date(decisionAt.getTime() - 1000)))).toEqual({ confirmed: [], postponed: [] });
    const result = await decideCohorts(ctx(new Date(decisionAt.getTime() + 1000)));
    expect(result.postponed).toContain(low.id);
    expect(result.confirmed).toContain(ok.id);
    const [lowRow] = await t.db.select().from(cohorts).where(eq(cohorts.id, low.id));
    expect(lowRow).toMatchObject({ status: 'postponed', postponedFromStartsOn: '2026-12-08' });
    // Applications are kept for the new date.
    expect((await t.db.select().from(applications).where(eq(applications.cohortId, low.id))).map((a) => a.status)).toEqual(['accepted']);
    const mailLow = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'applicantd1@example.org'));
    expect(mailLow.map((m) => m.template).sort()).toEqual(['application_accepted', 'cohort_postponed']);
    const mailOk = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'applicantd3@example.org'));
    expect(mailOk.map((m) => m.template).sort()).toEqual(['application_accepted', 'cohort_confirmed']);

    const again = await decideCohorts(ctx(new Date(decisionAt.getTime() + 60_000)));
    expect(again.confirmed).not.toContain(ok.id);
    expect(again.postponed).not.toContain(low.id);
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'applicantd3@example.org'))).toHaveLength(2);
  });

  it('decides at the exact instant across a DST change', async () => {
    // Midnight in Toronto on 15 March 2027, the day after daylight time began (EDT, UTC−4).
    const decisionAt = new Date('2027-03-15T04:00:00Z'); // 00:00 EDT on 15 March 2027
    const { cohort } = await closedGroupWithCohort({ minimum: 1, capacity: 5, decisionAt });
    await t.db.update(cohorts).set({ startsOn: '2027-03-20', endsOn: '2027-05-01' }).where(eq(cohorts.id, cohort.id));
    const before = await decideCohorts(ctx(new Date('2027-03-15T03:59:59Z')));
    expect(before.postponed).not.toContain(cohort.id);
    const after = await decideCohorts(ctx(new Date('2027-03-15T04:00:00Z')));
    expect(after.postponed).toContain(cohort.id);
  });
});
