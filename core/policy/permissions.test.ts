import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { groupFacilitators, MEMBER_ROLES, organizationMembers } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { addFacilitator, createFacilitator, createGroup, createMember, createOrganization, createUser } from '../../tests/support/factories';
import { createContext, type Context } from '../context';
import {
  can,
  grantOf,
  PERMISSIONS,
  requireGroupPermission,
  requirePermission,
  requirePlatformAdmin,
  requireUserId,
  roleIn,
  type Holder,
  type Permission,
} from './permissions';

// The table as the product decided it (SPEC §3, docs/permissions.md), written out cell by cell so
// that a change to PERMISSIONS has to be made here too, on purpose.
// `own`: only for the groups the member facilitates (a facilitator), or the community the person
// belongs to (a moderator, a member).
const EXPECTED: Record<Permission, Record<Holder, 'all' | 'own' | null>> = {
  'organization.view': { owner: 'all', admin: 'all', facilitator: 'all', moderator: null, member: null },
  'organization.edit': { owner: 'all', admin: 'all', facilitator: null, moderator: null, member: null },
  'members.manage': { owner: 'all', admin: 'all', facilitator: null, moderator: null, member: null },
  'groups.edit': { owner: 'all', admin: 'all', facilitator: null, moderator: null, member: null },
  'registrants.view': { owner: 'all', admin: 'all', facilitator: 'own', moderator: null, member: null },
  'registrants.message': { owner: 'all', admin: 'all', facilitator: 'own', moderator: null, member: null },
  'sessions.run': { owner: 'all', admin: 'all', facilitator: 'own', moderator: null, member: null },
  'audit.view': { owner: 'all', admin: 'all', facilitator: null, moderator: null, member: null },
  'community.read': { owner: 'all', admin: 'all', facilitator: null, moderator: 'own', member: 'own' },
  'community.post': { owner: null, admin: null, facilitator: null, moderator: 'own', member: 'own' },
  'community.moderate': { owner: 'all', admin: 'all', facilitator: null, moderator: 'own', member: null },
  'community.manage': { owner: 'all', admin: 'all', facilitator: null, moderator: null, member: null },
};
const HOLDERS: Holder[] = [...MEMBER_ROLES, 'moderator', 'member'];
const ALL = Object.keys(EXPECTED) as Permission[];

let t: TestDatabase;
const as = (userId: string): Context => createContext(t.db, { now: t.now, actor: { type: 'user', userId } });
const anonymous = () => createContext(t.db, { now: t.now });
const system = () => createContext(t.db, { now: t.now, actor: { type: 'system' } });

beforeAll(async () => {
  t = await createTestDatabase({ now: new Date('2026-11-27T15:00:00Z') });
});
afterAll(async () => {
  await t.close();
});

describe('the permission table (can)', () => {
  it('names exactly the permissions the product defines', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ALL].sort());
  });

  for (const permission of ALL) {
    for (const role of HOLDERS) {
      const grant = EXPECTED[permission][role];
      it(`${role} ${grant ? `may (${grant === 'own' ? 'in their own groups or community' : 'everywhere'})` : 'may not'} ${permission}`, () => {
        expect(grantOf(role, permission)).toBe(grant);
        expect(can(role, permission)).toBe(grant !== null);
      });
    }
  }

  it('grants nothing without a role', () => {
    for (const permission of ALL) {
      expect(can(null, permission)).toBe(false);
      expect(can(undefined, permission)).toBe(false);
    }
  });
});

describe('requireUserId', () => {
  it('returns the signed-in user and refuses anonymous visitors and the system', () => {
    expect(requireUserId(as('user-1'))).toBe('user-1');
    expect(() => requireUserId(anonymous())).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => requireUserId(system())).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});

describe('requirePermission (against the database)', () => {
  for (const role of MEMBER_ROLES) {
    it(`checks every permission for a ${role}: the role when allowed, Forbidden otherwise`, async () => {
      const { user, organizationId } = await createMember(t, role);
      expect(await roleIn(as(user.id), organizationId)).toBe(role);
      for (const permission of ALL) {
        const check = requirePermission(as(user.id), organizationId, permission);
        if (EXPECTED[permission][role] !== null) await expect(check).resolves.toBe(role);
        else await expect(check).rejects.toMatchObject({ code: 'forbidden' });
      }
    });
  }

  it('gives a member of another organization NotFound for every permission, even an owner', async () => {
    const org = await createOrganization(t);
    const outsider = await createMember(t, 'owner');
    expect(await roleIn(as(outsider.user.id), org.id)).toBeNull();
    for (const permission of ALL) {
      await expect(requirePermission(as(outsider.user.id), org.id, permission)).rejects.toMatchObject({ code: 'not_found' });
    }
  });

  it('gives a signed-in person with no organization NotFound, and the same for an organization that does not exist', async () => {
    const user = await createUser(t);
    const org = await createOrganization(t);
    await expect(requirePermission(as(user.id), org.id, 'organization.view')).rejects.toMatchObject({ code: 'not_found' });
    const member = await createMember(t, 'owner');
    await expect(
      requirePermission(as(member.user.id), '00000000-0000-4000-8000-000000000000', 'organization.view'),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses anonymous visitors and the system actor before looking anything up', async () => {
    const { organizationId } = await createMember(t, 'owner');
    for (const permission of ALL) {
      await expect(requirePermission(anonymous(), organizationId, permission)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(requirePermission(system(), organizationId, permission)).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await roleIn(anonymous(), organizationId)).toBeNull();
  });

  it('sees a role change at once (no cached role)', async () => {
    const { user, organizationId } = await createMember(t, 'facilitator');
    await expect(requirePermission(as(user.id), organizationId, 'groups.edit')).rejects.toMatchObject({ code: 'forbidden' });
    await t.db.update(organizationMembers).set({ role: 'admin' }).where(eq(organizationMembers.userId, user.id));
    await expect(requirePermission(as(user.id), organizationId, 'groups.edit')).resolves.toBe('admin');
  });
});

describe('requireGroupPermission', () => {
  it('resolves the group’s organization and returns it with the role', async () => {
    const { user, organizationId } = await createMember(t, 'facilitator');
    const group = await createGroup(t, { organizationId });
    await addFacilitator(t, group.id, (await createFacilitator(t, { organizationId, userId: user.id })).id);
    await expect(requireGroupPermission(as(user.id), group.id, 'sessions.run')).resolves.toEqual({ organizationId, role: 'facilitator' });
    await expect(requireGroupPermission(as(user.id), group.id, 'groups.edit')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lets a facilitator see and act on the people of the groups they facilitate only; owners and admins on every group', async () => {
    const { user, organizationId } = await createMember(t, 'facilitator');
    const owner = (await createMember(t, 'owner', organizationId)).user;
    const admin = (await createMember(t, 'admin', organizationId)).user;
    const mine = await createGroup(t, { organizationId });
    const theirs = await createGroup(t, { organizationId });
    const profile = await createFacilitator(t, { organizationId, userId: user.id });
    await addFacilitator(t, mine.id, profile.id);
    // Someone else's profile on the other group.
    await addFacilitator(t, theirs.id, (await createFacilitator(t, { organizationId })).id);
    for (const permission of ['registrants.view', 'registrants.message', 'sessions.run'] as const) {
      await expect(requireGroupPermission(as(user.id), mine.id, permission)).resolves.toMatchObject({ role: 'facilitator' });
      await expect(requireGroupPermission(as(user.id), theirs.id, permission)).rejects.toMatchObject({ code: 'forbidden' });
      for (const boss of [owner, admin]) await expect(requireGroupPermission(as(boss.id), theirs.id, permission)).resolves.toBeTruthy();
    }
    // Seeing the organization's groups is not seeing their people.
    await expect(requireGroupPermission(as(user.id), theirs.id, 'organization.view')).resolves.toMatchObject({ role: 'facilitator' });
    // Taken off the group: at once, no more access.
    await t.db.delete(groupFacilitators).where(eq(groupFacilitators.groupId, mine.id));
    await expect(requireGroupPermission(as(user.id), mine.id, 'registrants.view')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('hides the group from another organization’s members: NotFound naming the group, not the organization', async () => {
    const group = await createGroup(t);
    const outsider = await createMember(t, 'owner');
    await expect(requireGroupPermission(as(outsider.user.id), group.id, 'registrants.view')).rejects.toMatchObject({
      code: 'not_found',
      message: 'group not found',
    });
  });

  it('gives NotFound for a group that does not exist and Forbidden to anonymous visitors and the system', async () => {
    const { user } = await createMember(t, 'owner');
    await expect(requireGroupPermission(as(user.id), '00000000-0000-4000-8000-000000000000', 'sessions.run')).rejects.toMatchObject({
      code: 'not_found',
    });
    const group = await createGroup(t);
    await expect(requireGroupPermission(anonymous(), group.id, 'sessions.run')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requireGroupPermission(system(), group.id, 'sessions.run')).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('requirePlatformAdmin', () => {
  it('lets platform administrators through and nobody else, whatever their organization role', async () => {
    const admin = await createUser(t, { isPlatformAdmin: true });
    await expect(requirePlatformAdmin(as(admin.id))).resolves.toBe(admin.id);
    const owner = await createMember(t, 'owner');
    await expect(requirePlatformAdmin(as(owner.user.id))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requirePlatformAdmin(as('no-such-user'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requirePlatformAdmin(anonymous())).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requirePlatformAdmin(system())).rejects.toMatchObject({ code: 'forbidden' });
  });
});
