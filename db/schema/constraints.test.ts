import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createGroup, createSession, createParticipant, createFacilitator } from '../../tests/support/factories';
import { registrations, facilitators } from './index';

// The database itself refuses records that break the rules of SPEC §1, whatever code writes them.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ now: new Date('2026-11-27T15:00:00Z') });
});
afterAll(async () => {
  await t.close();
});

async function rejects(promise: Promise<unknown>, constraint: string) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e as { cause?: { constraint?: string; message?: string }; message: string },
  );
  expect(err, `expected ${constraint} to reject the row`).not.toBeNull();
  const text = `${err?.message} ${err?.cause?.constraint ?? ''} ${err?.cause?.message ?? ''}`;
  expect(text).toContain(constraint);
}

describe('group rules enforced by the schema', () => {
  it('group therapy must be led by a licensed facilitator', async () => {
    await rejects(createGroup(t, { kind: 'group_therapy', leadership: 'peer', format: 'closed', dropInStyle: null }), 'groups_kind_leadership');
    await rejects(createGroup(t, { kind: 'support_group', leadership: 'licensed' }), 'groups_kind_leadership');
  });

  it('an online community is ongoing and online; nothing else is ongoing', async () => {
    await rejects(createGroup(t, { kind: 'online_community', format: 'drop_in' }), 'groups_community_shape');
    await rejects(createGroup(t, { kind: 'support_group', format: 'ongoing', dropInStyle: null }), 'groups_community_shape');
    const ok = await createGroup(t, {
      kind: 'online_community',
      format: 'ongoing',
      dropInStyle: null,
      delivery: 'online',
      street: null,
      city: null,
    });
    expect(ok.kind).toBe('online_community');
  });

  it('an online group has no street address', async () => {
    await rejects(createGroup(t, { delivery: 'online', street: '12 Main St' }), 'groups_online_no_address');
  });

  it('drop-in style goes with drop-ins, activity with workshops, an amount with a fee', async () => {
    await rejects(createGroup(t, { format: 'closed', dropInStyle: 'topic' }), 'groups_drop_in_style');
    await rejects(createGroup(t, { kind: 'workshop', workshopActivity: null }), 'groups_workshop_activity');
    await rejects(createGroup(t, { costType: 'fee' }), 'groups_fee');
    const paid = await createGroup(t, { costType: 'fee', feeCents: 2500, feeCurrency: 'CAD', feePer: 'session' });
    expect(paid.feeCents).toBe(2500);
  });

  it('a verified licence has a number, a regulatory body and a jurisdiction', async () => {
    await rejects(
      t.db.insert(facilitators).values({ displayName: 'X', leadership: 'licensed', licenceStatus: 'verified' }),
      'facilitators_verified_licence_complete',
    );
    const f = await createFacilitator(t, { leadership: 'licensed', licenceStatus: 'pending' });
    expect(f.licenceStatus).toBe('pending');
  });
});

describe('registration rules enforced by the schema', () => {
  it('one live place per person per session, and one person per waitlist position', async () => {
    const g = await createGroup(t);
    const s = await createSession(t, { groupId: g.id, startsAt: new Date('2030-01-01T18:00:00Z') });
    const p = await createParticipant(t);
    const base = { sessionId: s.id, participantId: p.id, displayName: 'Sam', consentAt: new Date() };
    await t.db.insert(registrations).values({ ...base, status: 'cancelled' });
    await t.db.insert(registrations).values({ ...base, status: 'confirmed' });
    await rejects(t.db.insert(registrations).values({ ...base, status: 'waitlisted', waitlistPosition: 1 }), 'registrations_one_per_person');

    const q = await createParticipant(t);
    const r = await createParticipant(t);
    await t.db.insert(registrations).values({ ...base, participantId: q.id, status: 'waitlisted', waitlistPosition: 1 });
    await rejects(
      t.db.insert(registrations).values({ ...base, participantId: r.id, status: 'waitlisted', waitlistPosition: 1 }),
      'registrations_waitlist_order',
    );
    await rejects(t.db.insert(registrations).values({ ...base, participantId: r.id, status: 'waitlisted' }), 'registrations_waitlist_position');
  });
});
