import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, emailOutbox, organizationInvitations, organizationMembers, organizations } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { addMember, createMember, createOrganization, createUser } from '../../tests/support/factories';
import { createContext, type Context } from '../context';
import type { MemberRole } from '../../db/schema';
import { RateLimited } from '../errors';
import { INVITATIONS_PER_DAY } from './constants';
import {
  acceptInvitation,
  changeMemberRole,
  createOrganization as createOrg,
  findOrganizationBySlug,
  getInvitation,
  getOrganization,
  hashToken,
  inviteMember,
  listMembers,
  listMyOrganizations,
  removeMember,
  revokeInvitation,
  slugify,
  updateOrganization,
} from './index';

const NOW = new Date('2026-11-27T15:00:00Z');
let t: TestDatabase;
const as = (userId: string, overrides: Partial<Context> = {}) => createContext(t.db, { now: NOW, actor: { type: 'user', userId }, ...overrides });
const anonymous = () => createContext(t.db, { now: NOW });
const system = () => createContext(t.db, { now: NOW, actor: { type: 'system' } });

// Rows written at the same `now` have no order between them: tests pick the action they expect.
const auditOf = (organizationId: string, action?: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(action ? and(eq(auditLog.organizationId, organizationId), eq(auditLog.action, action)) : eq(auditLog.organizationId, organizationId))
    .orderBy(desc(auditLog.createdAt));
const roleOf = async (organizationId: string, userId: string) =>
  (
    await t.db
      .select({ role: organizationMembers.role })
      .from(organizationMembers)
      .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)))
  )[0]?.role ?? null;

/** An organization with one member of each role (a week old unless told otherwise). */
async function team(createdAt = new Date(NOW.getTime() - 7 * 86_400_000)) {
  const org = await createOrganization(t, { createdAt });
  const owner = (await createMember(t, 'owner', org.id)).user;
  const admin = (await createMember(t, 'admin', org.id)).user;
  const facilitator = (await createMember(t, 'facilitator', org.id)).user;
  return { org, owner, admin, facilitator };
}

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

describe('slugify', () => {
  it('folds accents and punctuation into a lowercase ASCII slug', () => {
    expect(slugify('Deuil & Espoir — Québec')).toBe('deuil-espoir-quebec');
    expect(slugify("L'Entraide d’Ottawa")).toBe('lentraide-dottawa');
    expect(slugify('   ')).toBe('organization');
    expect(slugify('x'.repeat(100))).toHaveLength(60);
  });
});

describe('createOrganization', () => {
  it('creates the organization, makes the creator its owner and audits it', async () => {
    const user = await createUser(t);
    const { id, slug } = await createOrg({
      ctx: as(user.id),
      input: { nameEn: 'Grief Circle of Ottawa', nameFr: 'Cercle du deuil d’Ottawa', city: ' Ottawa ' },
    });
    expect(slug).toMatch(/^grief-circle-of-ottawa/);
    const [org] = await t.db.select().from(organizations).where(eq(organizations.id, id));
    expect(org).toMatchObject({ nameEn: 'Grief Circle of Ottawa', nameFr: 'Cercle du deuil d’Ottawa', city: 'Ottawa', descriptionEn: null });
    expect(await roleOf(id, user.id)).toBe('owner');
    const [entry] = await auditOf(id, 'organization.created');
    expect(entry).toMatchObject({ actorType: 'user', actorId: user.id, action: 'organization.created', entityType: 'organization', entityId: id });
  });

  it('adds a number to the slug when the name is taken', async () => {
    const user = await createUser(t);
    const a = await createOrg({ ctx: as(user.id), input: { nameEn: 'Same Name Society' } });
    const b = await createOrg({ ctx: as(user.id), input: { nameEn: 'Same  Name Society!' } });
    const c = await createOrg({ ctx: as(user.id), input: { nameFr: 'Same Name Société' } });
    expect(a.slug).toBe('same-name-society');
    expect(b.slug).toBe('same-name-society-2');
    expect(c.slug).toBe('same-name-societe');
    const d = await createOrg({ ctx: as(user.id), input: { nameEn: 'Same Name Society' } });
    expect(d.slug).toBe('same-name-society-3');
  });

  it('accepts a French-only organization, keeping its name as the fallback', async () => {
    const user = await createUser(t);
    const { id } = await createOrg({ ctx: as(user.id), input: { nameFr: 'Entraide Laval', descriptionFr: 'Groupes de soutien.' } });
    const view = await getOrganization({ ctx: as(user.id), input: { organizationId: id } });
    expect(view).toMatchObject({ nameEn: 'Entraide Laval', nameFr: 'Entraide Laval', myRole: 'owner' });
    expect(view.missingLanguages).toEqual(['en']);
  });

  it('refuses a missing name and bad contact details with one issue per field, writing nothing', async () => {
    const user = await createUser(t);
    await expect(
      createOrg({ ctx: as(user.id), input: { nameEn: '  ', website: 'javascript:alert(1)', email: 'nope', phone: 'call me' } }),
    ).rejects.toMatchObject({
      code: 'invalid',
      issues: expect.arrayContaining([
        { path: 'nameEn', message: 'required' },
        { path: 'website', message: 'invalid_url' },
        { path: 'email', message: 'invalid_email' },
        { path: 'phone', message: 'invalid_phone' },
      ]),
    });
    await expect(createOrg({ ctx: as(user.id), input: { nameEn: 'x'.repeat(201) } })).rejects.toMatchObject({
      issues: [{ path: 'nameEn', message: 'too_long' }],
    });
    expect(await listMyOrganizations({ ctx: as(user.id) })).toEqual([]);
  });

  it('is for signed-in people only', async () => {
    await expect(createOrg({ ctx: anonymous(), input: { nameEn: 'Anon' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createOrg({ ctx: system(), input: { nameEn: 'Robot' } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await t.db.select().from(organizations).where(eq(organizations.nameEn, 'Anon'))).toEqual([]);
  });
});

describe('updateOrganization', () => {
  const profile = {
    nameEn: 'Caregivers Together',
    nameFr: 'Proches aidants ensemble',
    descriptionEn: 'Support for caregivers.',
    descriptionFr: '',
    website: 'https://caregivers.example.org',
    email: 'hello@caregivers.example.org',
    phone: '+1 613-555-0100 ext. 12',
    city: 'Ottawa',
    region: 'ON',
  };

  it('saves the bilingual profile for owners and admins, flags the missing French and audits the changed fields', async () => {
    const { org, owner, admin } = await team();
    const { changed } = await updateOrganization({ ctx: as(admin.id), input: { organizationId: org.id, profile } });
    expect(changed).toEqual(expect.arrayContaining(['nameEn', 'nameFr', 'descriptionEn', 'website', 'email', 'phone', 'city', 'region']));
    expect(changed).not.toContain('descriptionFr');
    const view = await getOrganization({ ctx: as(owner.id), input: { organizationId: org.id } });
    expect(view).toMatchObject({ ...profile, descriptionFr: null, myRole: 'owner', slug: org.slug });
    expect(view.missingLanguages).toEqual(['fr']);
    const [entry] = await auditOf(org.id, 'organization.updated');
    expect(entry).toMatchObject({ action: 'organization.updated', actorId: admin.id, entityId: org.id });
    expect(entry!.data).toEqual({ changed });

    await updateOrganization({ ctx: as(owner.id), input: { organizationId: org.id, profile: { ...profile, descriptionFr: 'Du soutien.' } } });
    expect((await getOrganization({ ctx: as(owner.id), input: { organizationId: org.id } })).missingLanguages).toEqual([]);
  });

  it('writes nothing when nothing changed', async () => {
    const { org, owner } = await team();
    await updateOrganization({ ctx: as(owner.id), input: { organizationId: org.id, profile } });
    const before = (await auditOf(org.id)).length;
    expect((await updateOrganization({ ctx: as(owner.id), input: { organizationId: org.id, profile } })).changed).toEqual([]);
    expect(await auditOf(org.id)).toHaveLength(before);
  });

  it('refuses facilitators (Forbidden), other organizations and anonymous visitors', async () => {
    const { org, facilitator } = await team();
    const stranger = await createMember(t, 'owner');
    await expect(updateOrganization({ ctx: as(facilitator.id), input: { organizationId: org.id, profile } })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(updateOrganization({ ctx: as(stranger.user.id), input: { organizationId: org.id, profile } })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(updateOrganization({ ctx: anonymous(), input: { organizationId: org.id, profile } })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const [row] = await t.db.select().from(organizations).where(eq(organizations.id, org.id));
    expect(row!.nameEn).toBe(org.nameEn);
  });
});

describe('listMyOrganizations, getOrganization, findOrganizationBySlug', () => {
  it('lists every organization a person belongs to with their role there', async () => {
    const user = await createUser(t);
    const a = await createOrganization(t, { nameEn: 'Alpha Support' });
    const b = await createOrganization(t, { nameEn: 'Beta Support' });
    await createOrganization(t, { nameEn: 'Gamma (not mine)' });
    await addMember(t, b.id, user.id, 'facilitator');
    await addMember(t, a.id, user.id, 'admin');
    const mine = await listMyOrganizations({ ctx: as(user.id) });
    expect(mine.map((o) => [o.slug, o.role])).toEqual([
      [a.slug, 'admin'],
      [b.slug, 'facilitator'],
    ]);
    await expect(listMyOrganizations({ ctx: anonymous() })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('shows the profile with my role and permissions to a facilitator', async () => {
    const { org, facilitator } = await team();
    const view = await getOrganization({ ctx: as(facilitator.id), input: { organizationId: org.id } });
    expect(view.myRole).toBe('facilitator');
    expect(view.myPermissions).toContain('sessions.run');
    expect(view.myPermissions).not.toContain('members.manage');
  });

  it('finds an organization by slug for its members only', async () => {
    const { org, facilitator } = await team();
    const stranger = await createMember(t, 'owner');
    expect(await findOrganizationBySlug({ ctx: as(facilitator.id), input: { slug: org.slug } })).toMatchObject({
      id: org.id,
      role: 'facilitator',
    });
    await expect(findOrganizationBySlug({ ctx: as(stranger.user.id), input: { slug: org.slug } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(findOrganizationBySlug({ ctx: as(facilitator.id), input: { slug: 'no-such-org' } })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(findOrganizationBySlug({ ctx: anonymous(), input: { slug: org.slug } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getOrganization({ ctx: as(stranger.user.id), input: { organizationId: org.id } })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('inviteMember', () => {
  it('stores only the hash of a random token, expires in 7 days, queues the email and audits', async () => {
    const { org, owner } = await team();
    const res = await inviteMember({
      ctx: as(owner.id, { locale: 'fr' }),
      input: { organizationId: org.id, email: ' New.Person@Example.org ', role: 'facilitator', message: 'Bienvenue!' },
    });
    expect(res.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [inv] = await t.db.select().from(organizationInvitations).where(eq(organizationInvitations.id, res.invitationId));
    expect(inv).toMatchObject({ email: 'new.person@example.org', role: 'facilitator', invitedBy: owner.id, tokenHash: hashToken(res.token) });
    expect(inv!.tokenHash).not.toContain(res.token);
    expect(inv!.expiresAt.getTime() - NOW.getTime()).toBe(7 * 86_400_000);

    const [mail] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, `member_invite:${res.invitationId}`));
    expect(mail).toMatchObject({ toEmail: 'new.person@example.org', locale: 'fr', template: 'member_invite', transactional: true });
    expect(mail!.payload).toEqual({
      vars: { organization: org.nameFr, inviter: owner.name, role: 'animateur ou animatrice' },
      url: `http://localhost:3000/fr/invitations/${res.token}`,
      message: 'Bienvenue!',
    });
    const [entry] = await auditOf(org.id, 'member.invited');
    expect(entry).toMatchObject({ action: 'member.invited', entityType: 'invitation', entityId: res.invitationId, actorId: owner.id });
  });

  it('replaces the pending invitation to the same address', async () => {
    const { org, admin } = await team();
    const first = await inviteMember({ ctx: as(admin.id), input: { organizationId: org.id, email: 'twice@example.org', role: 'facilitator' } });
    const second = await inviteMember({ ctx: as(admin.id), input: { organizationId: org.id, email: 'TWICE@example.org', role: 'admin' } });
    const { invitations } = await listMembers({ ctx: as(admin.id), input: { organizationId: org.id } });
    expect(invitations!.map((i) => [i.id, i.role])).toEqual([[second.invitationId, 'admin']]);
    const invitee = await createUser(t, { email: 'twice@example.org' });
    await expect(acceptInvitation({ ctx: as(invitee.id), input: { token: first.token } })).rejects.toMatchObject({ code: 'conflict' });
    expect(await acceptInvitation({ ctx: as(invitee.id), input: { token: second.token } })).toMatchObject({ role: 'admin' });
  });

  it('refuses to invite someone who is already a member (Conflict)', async () => {
    const { org, owner, facilitator } = await team();
    await expect(
      inviteMember({ ctx: as(owner.id), input: { organizationId: org.id, email: facilitator.email.toUpperCase(), role: 'admin' } }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lets an owner invite an owner, not an admin', async () => {
    const { org, owner, admin } = await team();
    await expect(inviteMember({ ctx: as(admin.id), input: { organizationId: org.id, email: 'boss@example.org', role: 'owner' } })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(inviteMember({ ctx: as(owner.id), input: { organizationId: org.id, email: 'boss@example.org', role: 'owner' } })).resolves.toBeTruthy();
  });

  it('refuses facilitators, other organizations’ admins and anonymous visitors, writing nothing', async () => {
    const { org, facilitator } = await team();
    const otherAdmin = await createMember(t, 'admin');
    const input = { organizationId: org.id, email: 'sneaky@example.org', role: 'facilitator' as const };
    await expect(inviteMember({ ctx: as(facilitator.id), input })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(inviteMember({ ctx: as(otherAdmin.user.id), input })).rejects.toMatchObject({ code: 'not_found' });
    await expect(inviteMember({ ctx: anonymous(), input })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await t.db.select().from(organizationInvitations).where(eq(organizationInvitations.email, 'sneaky@example.org'))).toEqual([]);
  });

  it('lets a new organization invite, but without a personal message until it is a day old', async () => {
    const { org, owner } = await team(new Date(NOW.getTime() - 3_600_000));
    const input = { organizationId: org.id, email: 'early@example.org', role: 'facilitator' as const };
    await expect(inviteMember({ ctx: as(owner.id), input: { ...input, message: 'Click here, urgent!' } })).rejects.toMatchObject({
      code: 'invalid',
      issues: [{ path: 'message', message: 'message_too_soon' }],
    });
    expect(await t.db.select().from(organizationInvitations).where(eq(organizationInvitations.email, 'early@example.org'))).toEqual([]);
    await expect(inviteMember({ ctx: as(owner.id), input })).resolves.toBeTruthy();
    const aDayLater = new Date(NOW.getTime() + 23 * 3_600_000);
    await expect(inviteMember({ ctx: as(owner.id, { now: aDayLater }), input: { ...input, message: 'Welcome aboard.' } })).resolves.toBeTruthy();
  });

  it(`caps invitations at ${INVITATIONS_PER_DAY} in any 24 hours per organization, saying when more may be sent`, async () => {
    const { org, owner, admin } = await team();
    const invite = (i: number, now = NOW) =>
      inviteMember({ ctx: as(i % 2 ? owner.id : admin.id, { now }), input: { organizationId: org.id, email: `crowd${i}@example.org`, role: 'facilitator' } });
    // The first one an hour earlier: it leaves the window first.
    await invite(0, new Date(NOW.getTime() - 3_600_000));
    for (let i = 1; i < INVITATIONS_PER_DAY; i++) await invite(i);
    const refused = await invite(INVITATIONS_PER_DAY).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimited);
    expect(refused).toMatchObject({ code: 'rate_limited', reason: 'invitations_per_day', retryAfterSeconds: 23 * 3600 });
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, `crowd${INVITATIONS_PER_DAY}@example.org`))).toEqual([]);
    // Another organization is not held back; and once the first one is a day old, one more may go.
    const other = await team();
    await expect(inviteMember({ ctx: as(other.owner.id), input: { organizationId: other.org.id, email: 'elsewhere@example.org', role: 'admin' } })).resolves.toBeTruthy();
    await expect(invite(INVITATIONS_PER_DAY, new Date(NOW.getTime() + 23 * 3_600_000 + 1000))).resolves.toBeTruthy();
    await expect(invite(INVITATIONS_PER_DAY + 1, new Date(NOW.getTime() + 23 * 3_600_000 + 2000))).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('validates the email and role', async () => {
    const { org, owner } = await team();
    await expect(
      inviteMember({ ctx: as(owner.id), input: { organizationId: org.id, email: 'not an email', role: 'chief' as MemberRole } }),
    ).rejects.toMatchObject({
      code: 'invalid',
      issues: expect.arrayContaining([
        { path: 'email', message: 'invalid_email' },
        { path: 'role', message: 'required' },
      ]),
    });
  });
});

describe('acceptInvitation', () => {
  async function invited(role: MemberRole = 'facilitator') {
    const { org, owner } = await team();
    const email = `invitee-${Math.random().toString(36).slice(2)}@example.org`;
    const res = await inviteMember({ ctx: as(owner.id), input: { organizationId: org.id, email, role } });
    return { org, owner, email, ...res };
  }

  it('makes the invited person a member with the role, once, and audits it', async () => {
    const { org, email, token, invitationId } = await invited('admin');
    const invitee = await createUser(t, { email: email.toUpperCase() });
    const before = await getInvitation({ ctx: as(invitee.id), input: { token } });
    expect(before).toMatchObject({ state: 'pending', role: 'admin', organization: { id: org.id, slug: org.slug } });
    expect(before.sentTo).toMatch(/^i•••@example\.org$/);

    expect(await acceptInvitation({ ctx: as(invitee.id), input: { token } })).toEqual({ organizationId: org.id, slug: org.slug, role: 'admin' });
    expect(await roleOf(org.id, invitee.id)).toBe('admin');
    const [inv] = await t.db.select().from(organizationInvitations).where(eq(organizationInvitations.id, invitationId));
    expect(inv!.acceptedAt?.toISOString()).toBe(NOW.toISOString());
    const [entry] = await auditOf(org.id, 'member.joined');
    expect(entry).toMatchObject({ action: 'member.joined', actorId: invitee.id, entityId: invitee.id, data: { invitationId, role: 'admin' } });

    expect((await getInvitation({ ctx: as(invitee.id), input: { token } })).state).toBe('accepted');
    await expect(acceptInvitation({ ctx: as(invitee.id), input: { token } })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses someone signed in with another email address', async () => {
    const { org, token } = await invited();
    const other = await createUser(t);
    expect((await getInvitation({ ctx: as(other.id), input: { token } })).state).toBe('wrong_email');
    await expect(acceptInvitation({ ctx: as(other.id), input: { token } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await roleOf(org.id, other.id)).toBeNull();
  });

  it('refuses an account whose email address is not confirmed yet', async () => {
    const { org, email, token } = await invited();
    const invitee = await createUser(t, { email, emailVerified: false });
    expect((await getInvitation({ ctx: as(invitee.id), input: { token } })).state).toBe('unverified');
    await expect(acceptInvitation({ ctx: as(invitee.id), input: { token } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await roleOf(org.id, invitee.id)).toBeNull();
  });

  it('refuses an expired or withdrawn invitation, and an unknown token', async () => {
    const a = await invited();
    const invitee = await createUser(t, { email: a.email });
    const later = new Date(NOW.getTime() + 7 * 86_400_000 + 1000);
    expect((await getInvitation({ ctx: as(invitee.id, { now: later }), input: { token: a.token } })).state).toBe('expired');
    await expect(acceptInvitation({ ctx: as(invitee.id, { now: later }), input: { token: a.token } })).rejects.toMatchObject({ code: 'conflict' });

    await revokeInvitation({ ctx: as(a.owner.id), input: { organizationId: a.org.id, invitationId: a.invitationId } });
    expect((await getInvitation({ ctx: as(invitee.id), input: { token: a.token } })).state).toBe('revoked');
    await expect(acceptInvitation({ ctx: as(invitee.id), input: { token: a.token } })).rejects.toMatchObject({ code: 'conflict' });
    expect(await roleOf(a.org.id, invitee.id)).toBeNull();

    await expect(acceptInvitation({ ctx: as(invitee.id), input: { token: 'x'.repeat(43) } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getInvitation({ ctx: as(invitee.id), input: { token: 'short' } })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('needs a signed-in person', async () => {
    const { token } = await invited();
    await expect(getInvitation({ ctx: anonymous(), input: { token } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(acceptInvitation({ ctx: anonymous(), input: { token } })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('listMembers', () => {
  it('shows every member the members, and pending invitations only to those who manage members', async () => {
    const { org, owner, admin, facilitator } = await team();
    await inviteMember({ ctx: as(owner.id), input: { organizationId: org.id, email: 'pending@example.org', role: 'facilitator' } });
    const seenByFacilitator = await listMembers({ ctx: as(facilitator.id), input: { organizationId: org.id } });
    expect(seenByFacilitator.members.map((m) => [m.userId, m.role])).toEqual([
      [owner.id, 'owner'],
      [admin.id, 'admin'],
      [facilitator.id, 'facilitator'],
    ]);
    expect(seenByFacilitator.members.find((m) => m.isMe)?.userId).toBe(facilitator.id);
    expect(seenByFacilitator.invitations).toBeNull();
    const seenByAdmin = await listMembers({ ctx: as(admin.id), input: { organizationId: org.id } });
    expect(seenByAdmin.invitations!.map((i) => [i.email, i.invitedByName])).toEqual([['pending@example.org', owner.name]]);
  });

  it('reveals nothing to another organization’s admin or to anonymous visitors', async () => {
    const { org } = await team();
    const otherAdmin = await createMember(t, 'admin');
    await expect(listMembers({ ctx: as(otherAdmin.user.id), input: { organizationId: org.id } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(listMembers({ ctx: anonymous(), input: { organizationId: org.id } })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('revokeInvitation', () => {
  it('withdraws a pending invitation and audits it', async () => {
    const { org, admin } = await team();
    const { invitationId } = await inviteMember({ ctx: as(admin.id), input: { organizationId: org.id, email: 'gone@example.org', role: 'facilitator' } });
    await revokeInvitation({ ctx: as(admin.id), input: { organizationId: org.id, invitationId } });
    expect((await listMembers({ ctx: as(admin.id), input: { organizationId: org.id } })).invitations).toEqual([]);
    const [entry] = await auditOf(org.id, 'invitation.revoked');
    expect(entry).toMatchObject({ action: 'invitation.revoked', entityId: invitationId, actorId: admin.id });
    await expect(revokeInvitation({ ctx: as(admin.id), input: { organizationId: org.id, invitationId } })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps owner invitations to owners, and refuses facilitators and strangers', async () => {
    const { org, owner, admin, facilitator } = await team();
    const other = await team();
    const { invitationId } = await inviteMember({ ctx: as(owner.id), input: { organizationId: org.id, email: 'co-owner@example.org', role: 'owner' } });
    await expect(revokeInvitation({ ctx: as(admin.id), input: { organizationId: org.id, invitationId } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(revokeInvitation({ ctx: as(facilitator.id), input: { organizationId: org.id, invitationId } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(revokeInvitation({ ctx: as(other.admin.id), input: { organizationId: org.id, invitationId } })).rejects.toMatchObject({ code: 'not_found' });
    // An admin of another organization cannot reach this invitation through their own organization either.
    await expect(revokeInvitation({ ctx: as(other.owner.id), input: { organizationId: other.org.id, invitationId } })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(revokeInvitation({ ctx: anonymous(), input: { organizationId: org.id, invitationId } })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listMembers({ ctx: as(owner.id), input: { organizationId: org.id } })).invitations).toHaveLength(1);
  });
});

describe('changeMemberRole', () => {
  it('lets an admin change a facilitator’s role, and audits it', async () => {
    const { org, admin, facilitator } = await team();
    expect(await changeMemberRole({ ctx: as(admin.id), input: { organizationId: org.id, userId: facilitator.id, role: 'admin' } })).toEqual({
      from: 'facilitator',
      to: 'admin',
    });
    expect(await roleOf(org.id, facilitator.id)).toBe('admin');
    const [entry] = await auditOf(org.id, 'member.role_changed');
    expect(entry).toMatchObject({ action: 'member.role_changed', entityType: 'member', entityId: facilitator.id, data: { from: 'facilitator', to: 'admin' } });
  });

  it('only an owner makes someone owner or changes an owner', async () => {
    const { org, owner, admin, facilitator } = await team();
    await expect(changeMemberRole({ ctx: as(admin.id), input: { organizationId: org.id, userId: facilitator.id, role: 'owner' } })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(changeMemberRole({ ctx: as(admin.id), input: { organizationId: org.id, userId: owner.id, role: 'facilitator' } })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await roleOf(org.id, owner.id)).toBe('owner');
    await changeMemberRole({ ctx: as(owner.id), input: { organizationId: org.id, userId: admin.id, role: 'owner' } });
    expect(await roleOf(org.id, admin.id)).toBe('owner');
    // With two owners, one may step down.
    await changeMemberRole({ ctx: as(owner.id), input: { organizationId: org.id, userId: owner.id, role: 'admin' } });
    expect(await roleOf(org.id, owner.id)).toBe('admin');
  });

  it('never demotes the last owner', async () => {
    const { org, owner } = await team();
    await expect(changeMemberRole({ ctx: as(owner.id), input: { organizationId: org.id, userId: owner.id, role: 'admin' } })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/at least one owner/),
    });
    expect(await roleOf(org.id, owner.id)).toBe('owner');
  });

  it('refuses facilitators, other organizations’ owners and anonymous visitors', async () => {
    const { org, admin, facilitator } = await team();
    const other = await createMember(t, 'owner');
    const input = { organizationId: org.id, userId: admin.id, role: 'facilitator' as const };
    await expect(changeMemberRole({ ctx: as(facilitator.id), input })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(changeMemberRole({ ctx: as(other.user.id), input })).rejects.toMatchObject({ code: 'not_found' });
    await expect(changeMemberRole({ ctx: anonymous(), input })).rejects.toMatchObject({ code: 'forbidden' });
    // Someone who is not a member of this organization cannot be given a role in it.
    await expect(
      changeMemberRole({ ctx: as(admin.id), input: { organizationId: org.id, userId: other.user.id, role: 'admin' } }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await roleOf(org.id, admin.id)).toBe('admin');
    expect(await roleOf(org.id, other.user.id)).toBeNull();
  });
});

describe('removeMember', () => {
  it('lets an admin remove a facilitator, and audits it', async () => {
    const { org, admin, facilitator } = await team();
    await removeMember({ ctx: as(admin.id), input: { organizationId: org.id, userId: facilitator.id } });
    expect(await roleOf(org.id, facilitator.id)).toBeNull();
    const [entry] = await auditOf(org.id, 'member.removed');
    expect(entry).toMatchObject({ action: 'member.removed', entityId: facilitator.id, actorId: admin.id, data: { role: 'facilitator' } });
    // They no longer see the organization.
    await expect(findOrganizationBySlug({ ctx: as(facilitator.id), input: { slug: org.slug } })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lets any member leave, but not the last owner', async () => {
    const { org, owner, facilitator } = await team();
    await removeMember({ ctx: as(facilitator.id), input: { organizationId: org.id, userId: facilitator.id } });
    expect(await roleOf(org.id, facilitator.id)).toBeNull();
    expect((await auditOf(org.id, 'member.left'))[0]).toMatchObject({ action: 'member.left', actorId: facilitator.id });
    await expect(removeMember({ ctx: as(owner.id), input: { organizationId: org.id, userId: owner.id } })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await roleOf(org.id, owner.id)).toBe('owner');
  });

  it('only an owner removes an owner; a facilitator removes no one else', async () => {
    const { org, owner, admin, facilitator } = await team();
    const second = (await createMember(t, 'owner', org.id)).user;
    await expect(removeMember({ ctx: as(admin.id), input: { organizationId: org.id, userId: owner.id } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeMember({ ctx: as(facilitator.id), input: { organizationId: org.id, userId: admin.id } })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await removeMember({ ctx: as(second.id), input: { organizationId: org.id, userId: owner.id } });
    expect(await roleOf(org.id, owner.id)).toBeNull();
    expect(await roleOf(org.id, admin.id)).toBe('admin');
  });

  it('refuses other organizations’ admins and anonymous visitors', async () => {
    const { org, facilitator } = await team();
    const other = await createMember(t, 'admin');
    await expect(removeMember({ ctx: as(other.user.id), input: { organizationId: org.id, userId: facilitator.id } })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(removeMember({ ctx: anonymous(), input: { organizationId: org.id, userId: facilitator.id } })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await roleOf(org.id, facilitator.id)).toBe('facilitator');
  });

  it('two owners removing each other at once leave one owner', async () => {
    const { org, owner } = await team();
    const second = (await createMember(t, 'owner', org.id)).user;
    const results = await Promise.allSettled([
      removeMember({ ctx: as(owner.id), input: { organizationId: org.id, userId: second.id } }),
      removeMember({ ctx: as(second.id), input: { organizationId: org.id, userId: owner.id } }),
    ]);
    const owners = await t.db
      .select()
      .from(organizationMembers)
      .where(and(eq(organizationMembers.organizationId, org.id), eq(organizationMembers.role, 'owner')));
    expect(owners).toHaveLength(1);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});
