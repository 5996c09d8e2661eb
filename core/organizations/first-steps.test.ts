import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { organizationInvitations, organizations } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createGroup, createMember, createOrganization } from '../../tests/support/factories';
import { createContext } from '../context';
import { CoreError } from '../errors';
import { getFirstSteps } from './first-steps';
import { inviteMember } from './index';

const NOW = new Date('2026-11-27T15:00:00Z');
let t: TestDatabase;
const as = (userId: string, now = NOW) => createContext(t.db, { now, actor: { type: 'user', userId } });

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

describe('the first steps of an organization', () => {
  it('starts with all three to do, and marks each done as the organization does it', async () => {
    const org = await createOrganization(t, { descriptionEn: null, descriptionFr: null, website: null, email: null, phone: null });
    const owner = (await createMember(t, 'owner', org.id)).user;
    const ctx = as(owner.id);
    expect(await getFirstSteps({ ctx, input: { organizationId: org.id } })).toEqual({
      profile: { done: false, missing: ['description', 'contact'] },
      group: { done: false },
      member: { done: false },
      done: false,
    });

    await t.db.update(organizations).set({ descriptionFr: 'Un cercle de pairs.' }).where(eq(organizations.id, org.id));
    expect((await getFirstSteps({ ctx, input: { organizationId: org.id } })).profile).toEqual({ done: false, missing: ['contact'] });
    await t.db.update(organizations).set({ phone: '613-555-0100' }).where(eq(organizations.id, org.id));
    expect((await getFirstSteps({ ctx, input: { organizationId: org.id } })).profile).toEqual({ done: true, missing: [] });

    // A draft counts: the step is to create the group.
    await createGroup(t, { organizationId: org.id, status: 'draft', publishedAt: null });
    expect((await getFirstSteps({ ctx, input: { organizationId: org.id } })).group.done).toBe(true);

    // An invitation waiting for an answer counts, until it expires.
    await inviteMember({ ctx, input: { organizationId: org.id, email: 'friend@example.org', role: 'facilitator', locale: 'fr' } });
    const steps = await getFirstSteps({ ctx, input: { organizationId: org.id } });
    expect(steps.member.done).toBe(true);
    expect(steps.done).toBe(true);
    const [invitation] = await t.db.select().from(organizationInvitations).where(eq(organizationInvitations.organizationId, org.id));
    const later = new Date(invitation!.expiresAt.getTime() + 1000);
    expect((await getFirstSteps({ ctx: as(owner.id, later), input: { organizationId: org.id } })).member.done).toBe(false);
  });

  it('counts a second member, and shows the steps to every member but nobody else', async () => {
    const org = await createOrganization(t);
    const owner = (await createMember(t, 'owner', org.id)).user;
    const facilitator = (await createMember(t, 'facilitator', org.id)).user;
    expect((await getFirstSteps({ ctx: as(facilitator.id), input: { organizationId: org.id } })).member.done).toBe(true);
    expect((await getFirstSteps({ ctx: as(owner.id), input: { organizationId: org.id } })).member.done).toBe(true);
    const stranger = (await createMember(t, 'owner')).user;
    for (const ctx of [as(stranger.id), createContext(t.db, { now: NOW })]) {
      const err = await getFirstSteps({ ctx, input: { organizationId: org.id } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CoreError);
    }
  });
});
