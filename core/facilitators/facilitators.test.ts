import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, facilitators, groupFacilitators, groupSearch } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { addFacilitator, createFacilitator, createGroup, createMember, createOrganization, createUser } from '../../tests/support/factories';
import { createContext, type Context } from '../context';
import { CoreError } from '../errors';
import { linkFacilitatorToGroup, listFacilitators, saveFacilitator, submitLicence, unlinkFacilitatorFromGroup } from './index';

const NOW = new Date('2026-11-27T15:00:00Z');
let t: TestDatabase;
const as = (userId: string, now = NOW): Context => createContext(t.db, { now, actor: { type: 'user', userId } });
const anonymous = () => createContext(t.db, { now: NOW });
/** The error an action fails with (the test fails if it succeeds). */
const failure = (p: Promise<unknown>): Promise<CoreError> =>
  p.then(
    () => {
      throw new Error('expected the action to fail');
    },
    (err: unknown) => err as CoreError,
  );
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (err: unknown) => (err instanceof CoreError ? err.code : `unexpected: ${String(err)}`),
  );
const auditOf = (entityId: string) => t.db.select().from(auditLog).where(eq(auditLog.entityId, entityId));
const facilitatorRow = async (id: string) => (await t.db.select().from(facilitators).where(eq(facilitators.id, id)))[0]!;

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

describe('saveFacilitator', () => {
  it('creates a bilingual profile linked to a member, and audits it', async () => {
    const { user: admin, organizationId } = await createMember(t, 'admin');
    const { user: therapist } = await createMember(t, 'facilitator', organizationId);
    const { facilitator, created } = await saveFacilitator({
      ctx: as(admin.id),
      input: {
        organizationId,
        displayName: '  Dr. Anne Roy ',
        leadership: 'licensed',
        credentialsEn: 'Psychologist',
        credentialsFr: 'Psychologue',
        bioEn: '',
        bioFr: 'Vingt ans de pratique.',
        userId: therapist.id,
      },
    });
    expect(created).toBe(true);
    expect(facilitator).toMatchObject({
      organizationId,
      displayName: 'Dr. Anne Roy',
      leadership: 'licensed',
      credentialsEn: 'Psychologist',
      credentialsFr: 'Psychologue',
      bioEn: null,
      bioFr: 'Vingt ans de pratique.',
      userId: therapist.id,
      licenceStatus: 'unverified',
    });
    const audits = await auditOf(facilitator.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ organizationId, actorType: 'user', actorId: admin.id, action: 'facilitator.created', entityType: 'facilitator' });
  });

  it('edits a profile, records what changed and refreshes the search rows of its groups', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const group = await createGroup(t, { organizationId });
    const f = await createFacilitator(t, { organizationId, displayName: 'Old Name' });
    await addFacilitator(t, group.id, f.id);
    const { facilitator, created } = await saveFacilitator({
      ctx: as(owner.id),
      input: { organizationId, facilitatorId: f.id, displayName: 'Zéphirine Nouveau', leadership: 'peer', credentialsEn: 'Peer helper' },
    });
    expect(created).toBe(false);
    expect(facilitator).toMatchObject({ displayName: 'Zéphirine Nouveau', credentialsEn: 'Peer helper' });
    const [audit] = await auditOf(f.id);
    expect(audit).toMatchObject({ action: 'facilitator.updated', data: { changed: ['displayName', 'credentialsEn'] } });
    const [search] = await t.db.select({ doc: groupSearch.document }).from(groupSearch).where(eq(groupSearch.groupId, group.id));
    expect(String(search?.doc)).toContain('zephirin');
  });

  it('does not write an audit row when nothing changed', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const f = await createFacilitator(t, { organizationId, displayName: 'Same', leadership: 'peer' });
    await saveFacilitator({ ctx: as(owner.id), input: { organizationId, facilitatorId: f.id, displayName: 'Same', leadership: 'peer' } });
    expect(await auditOf(f.id)).toHaveLength(0);
  });

  it('refuses to link an account that is not a member, or a member who already has a profile', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const stranger = await createUser(t);
    const err = await failure(saveFacilitator({
      ctx: as(owner.id),
      input: { organizationId, displayName: 'X', leadership: 'peer', userId: stranger.id },
    }));
    expect(err).toMatchObject({ code: 'invalid', issues: [{ path: 'userId', message: 'not_member' }] });

    const { user: member } = await createMember(t, 'facilitator', organizationId);
    await createFacilitator(t, { organizationId, userId: member.id });
    expect(await code(saveFacilitator({ ctx: as(owner.id), input: { organizationId, displayName: 'Y', leadership: 'peer', userId: member.id } }))).toBe(
      'conflict',
    );
  });

  it('reports missing and too long fields with stable codes', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const err = await failure(saveFacilitator({
      ctx: as(owner.id),
      input: { organizationId, displayName: '  ', leadership: 'nope' as never, bioEn: 'x'.repeat(4001) },
    }));
    expect(err.code).toBe('invalid');
    expect(err.issues).toEqual(
      expect.arrayContaining([
        { path: 'displayName', message: 'required' },
        { path: 'leadership', message: 'required' },
        { path: 'bioEn', message: 'too_long' },
      ]),
    );
  });

  it('needs groups.edit: a facilitator is forbidden, a stranger and an anonymous visitor learn nothing', async () => {
    const { organizationId } = await createMember(t, 'owner');
    const { user: facilitatorMember } = await createMember(t, 'facilitator', organizationId);
    const { user: outsider } = await createMember(t, 'owner');
    const input = { organizationId, displayName: 'Nope', leadership: 'peer' as const };
    expect(await code(saveFacilitator({ ctx: as(facilitatorMember.id), input }))).toBe('forbidden');
    expect(await code(saveFacilitator({ ctx: as(outsider.id), input }))).toBe('not_found');
    expect(await code(saveFacilitator({ ctx: anonymous(), input }))).toBe('forbidden');
    const rows = await t.db.select().from(facilitators).where(eq(facilitators.organizationId, organizationId));
    expect(rows).toHaveLength(0);
  });

  it('cannot edit another organization’s profile through its own organization', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const other = await createFacilitator(t, { organizationId: (await createOrganization(t)).id, displayName: 'Theirs' });
    expect(
      await code(saveFacilitator({ ctx: as(owner.id), input: { organizationId, facilitatorId: other.id, displayName: 'Mine', leadership: 'peer' } })),
    ).toBe('not_found');
    expect((await facilitatorRow(other.id)).displayName).toBe('Theirs');
  });
});

describe('listFacilitators', () => {
  it('lists the organization’s profiles with their account and groups; editors also get members and groups', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const { user: member } = await createMember(t, 'facilitator', organizationId);
    const group = await createGroup(t, { organizationId, titleEn: 'Grief circle' });
    const mine = await createFacilitator(t, { organizationId, displayName: 'A Member', userId: member.id });
    await createFacilitator(t, { organizationId, displayName: 'B Other' });
    await createFacilitator(t, { organizationId: (await createOrganization(t)).id, displayName: 'Elsewhere' });
    await addFacilitator(t, group.id, mine.id);

    const asOwner = await listFacilitators({ ctx: as(owner.id), input: { organizationId } });
    expect(asOwner.canEdit).toBe(true);
    expect(asOwner.facilitators.map((f) => f.displayName)).toEqual(['A Member', 'B Other']);
    expect(asOwner.facilitators[0]).toMatchObject({ user: { id: member.id, email: member.email }, canSubmitLicence: true });
    expect(asOwner.facilitators[0]!.groups.map((g) => g.title.en)).toEqual(['Grief circle']);
    expect(asOwner.members.map((m) => m.userId).sort()).toEqual([owner.id, member.id].sort());
    expect(asOwner.groups.map((g) => g.id)).toEqual([group.id]);

    const asMember = await listFacilitators({ ctx: as(member.id), input: { organizationId } });
    expect(asMember.canEdit).toBe(false);
    expect(asMember.members).toEqual([]);
    expect(asMember.groups).toEqual([]);
    expect(asMember.facilitators.map((f) => [f.displayName, f.canSubmitLicence])).toEqual([
      ['A Member', true],
      ['B Other', false],
    ]);
  });

  it('reveals nothing to a stranger or an anonymous visitor', async () => {
    const { organizationId } = await createMember(t, 'owner');
    const { user: outsider } = await createMember(t, 'admin');
    expect(await code(listFacilitators({ ctx: as(outsider.id), input: { organizationId } }))).toBe('not_found');
    expect(await code(listFacilitators({ ctx: anonymous(), input: { organizationId } }))).toBe('forbidden');
  });
});

describe('submitLicence', () => {
  const licence = { number: 'PSY-12345', body: 'Ordre des psychologues du Québec', jurisdiction: 'Québec' };

  it('moves an unverified licence to pending, by the facilitator’s own account, with an audit row', async () => {
    const { user: member, organizationId } = await createMember(t, 'facilitator');
    const f = await createFacilitator(t, { organizationId, leadership: 'licensed', userId: member.id });
    const { facilitator, changed } = await submitLicence({ ctx: as(member.id), input: { facilitatorId: f.id, ...licence } });
    expect(changed).toBe(true);
    expect(facilitator).toMatchObject({
      licenceNumber: 'PSY-12345',
      licenceBody: 'Ordre des psychologues du Québec',
      licenceJurisdiction: 'Québec',
      licenceStatus: 'pending',
    });
    const [audit] = await auditOf(f.id);
    expect(audit).toMatchObject({
      organizationId,
      actorId: member.id,
      action: 'licence.submitted',
      data: { number: 'PSY-12345', previousStatus: 'unverified' },
    });
  });

  it('lets an owner or admin submit for any profile of the organization', async () => {
    const { user: admin, organizationId } = await createMember(t, 'admin');
    const f = await createFacilitator(t, { organizationId, leadership: 'licensed' });
    await submitLicence({ ctx: as(admin.id), input: { facilitatorId: f.id, ...licence } });
    expect((await facilitatorRow(f.id)).licenceStatus).toBe('pending');
  });

  it('puts a verified licence back to pending when its details change, and clears the old decision', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const reviewer = await createUser(t, { isPlatformAdmin: true });
    const f = await createFacilitator(t, {
      organizationId,
      leadership: 'licensed',
      ...{ licenceNumber: licence.number, licenceBody: licence.body, licenceJurisdiction: licence.jurisdiction },
      licenceStatus: 'verified',
      licenceReviewedAt: NOW,
      licenceReviewedBy: reviewer.id,
      licenceReviewNote: 'Checked the register',
    });
    // The same details again: still verified, nothing written.
    const same = await submitLicence({ ctx: as(owner.id), input: { facilitatorId: f.id, ...licence } });
    expect(same.changed).toBe(false);
    expect((await facilitatorRow(f.id)).licenceStatus).toBe('verified');
    expect(await auditOf(f.id)).toHaveLength(0);

    await submitLicence({ ctx: as(owner.id), input: { facilitatorId: f.id, ...licence, jurisdiction: 'Ontario' } });
    expect(await facilitatorRow(f.id)).toMatchObject({
      licenceJurisdiction: 'Ontario',
      licenceStatus: 'pending',
      licenceReviewedAt: null,
      licenceReviewedBy: null,
      licenceReviewNote: null,
    });
    const [audit] = await auditOf(f.id);
    expect(audit?.data).toMatchObject({ previousStatus: 'verified', jurisdiction: 'Ontario' });
  });

  it('lets a rejected licence be submitted again', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const f = await createFacilitator(t, {
      organizationId,
      leadership: 'licensed',
      licenceNumber: 'WRONG',
      licenceBody: licence.body,
      licenceJurisdiction: licence.jurisdiction,
      licenceStatus: 'rejected',
      licenceReviewNote: 'No such number in the register',
    });
    await submitLicence({ ctx: as(owner.id), input: { facilitatorId: f.id, ...licence } });
    expect(await facilitatorRow(f.id)).toMatchObject({ licenceNumber: 'PSY-12345', licenceStatus: 'pending', licenceReviewNote: null });
  });

  it('requires all three parts', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const f = await createFacilitator(t, { organizationId });
    const err = await failure(submitLicence({ ctx: as(owner.id), input: { facilitatorId: f.id, number: ' ', body: '', jurisdiction: 'x'.repeat(101) } }));
    expect(err.issues).toEqual([
      { path: 'number', message: 'required' },
      { path: 'body', message: 'required' },
      { path: 'jurisdiction', message: 'too_long' },
    ]);
    expect((await facilitatorRow(f.id)).licenceStatus).toBe('unverified');
  });

  it('refuses another member without groups.edit, a stranger, an anonymous visitor, and a linked user who left', async () => {
    const { organizationId } = await createMember(t, 'owner');
    const { user: colleague } = await createMember(t, 'facilitator', organizationId);
    const { user: outsider } = await createMember(t, 'owner');
    const formerMember = await createUser(t);
    const f = await createFacilitator(t, { organizationId, leadership: 'licensed', userId: formerMember.id });
    const input = { facilitatorId: f.id, ...licence };
    expect(await code(submitLicence({ ctx: as(colleague.id), input }))).toBe('forbidden');
    expect(await code(submitLicence({ ctx: as(outsider.id), input }))).toBe('not_found');
    expect(await code(submitLicence({ ctx: anonymous(), input }))).toBe('forbidden');
    expect(await code(submitLicence({ ctx: as(formerMember.id), input }))).toBe('not_found');
    expect((await facilitatorRow(f.id)).licenceStatus).toBe('unverified');
  });
});

describe('linking facilitators to groups', () => {
  it('links in order, ignores a second link, unlinks, and audits both', async () => {
    const { user: admin, organizationId } = await createMember(t, 'admin');
    const group = await createGroup(t, { organizationId });
    const a = await createFacilitator(t, { organizationId, displayName: 'Alpha' });
    const b = await createFacilitator(t, { organizationId, displayName: 'Quillon' });
    expect(await linkFacilitatorToGroup({ ctx: as(admin.id), input: { groupId: group.id, facilitatorId: a.id } })).toEqual({ linked: true });
    expect(await linkFacilitatorToGroup({ ctx: as(admin.id), input: { groupId: group.id, facilitatorId: b.id } })).toEqual({ linked: true });
    expect(await linkFacilitatorToGroup({ ctx: as(admin.id), input: { groupId: group.id, facilitatorId: a.id } })).toEqual({ linked: false });
    const links = await t.db.select().from(groupFacilitators).where(eq(groupFacilitators.groupId, group.id));
    expect(links.map((l) => [l.facilitatorId, l.position]).sort((x, y) => Number(x[1]) - Number(y[1]))).toEqual([
      [a.id, 0],
      [b.id, 1],
    ]);
    const [search] = await t.db.select({ doc: groupSearch.document }).from(groupSearch).where(eq(groupSearch.groupId, group.id));
    expect(String(search?.doc)).toContain('quillon');

    expect(await unlinkFacilitatorFromGroup({ ctx: as(admin.id), input: { groupId: group.id, facilitatorId: a.id } })).toEqual({ unlinked: true });
    expect(await unlinkFacilitatorFromGroup({ ctx: as(admin.id), input: { groupId: group.id, facilitatorId: a.id } })).toEqual({ unlinked: false });
    const actions = (await auditOf(group.id)).map((r) => r.action).sort();
    expect(actions).toEqual(['group.facilitator_linked', 'group.facilitator_linked', 'group.facilitator_unlinked']);
  });

  it('refuses a profile of another organization', async () => {
    const { user: admin, organizationId } = await createMember(t, 'admin');
    const group = await createGroup(t, { organizationId });
    const foreign = await createFacilitator(t, { organizationId: (await createOrganization(t)).id });
    expect(await code(linkFacilitatorToGroup({ ctx: as(admin.id), input: { groupId: group.id, facilitatorId: foreign.id } }))).toBe('not_found');
    expect(await t.db.select().from(groupFacilitators).where(eq(groupFacilitators.groupId, group.id))).toHaveLength(0);
  });

  it('keeps the last verified licensed facilitator of a published group therapy', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const group = await createGroup(t, { organizationId, kind: 'group_therapy', format: 'closed' });
    const therapist = await createFacilitator(t, {
      organizationId,
      leadership: 'licensed',
      licenceNumber: '1',
      licenceBody: 'College',
      licenceJurisdiction: 'Ontario',
      licenceStatus: 'verified',
    });
    const helper = await createFacilitator(t, { organizationId, leadership: 'peer' });
    await addFacilitator(t, group.id, therapist.id, 0);
    await addFacilitator(t, group.id, helper.id, 1);
    expect(await unlinkFacilitatorFromGroup({ ctx: as(owner.id), input: { groupId: group.id, facilitatorId: helper.id } })).toEqual({ unlinked: true });
    expect(await code(unlinkFacilitatorFromGroup({ ctx: as(owner.id), input: { groupId: group.id, facilitatorId: therapist.id } }))).toBe('conflict');
    const [still] = await t.db
      .select()
      .from(groupFacilitators)
      .where(and(eq(groupFacilitators.groupId, group.id), eq(groupFacilitators.facilitatorId, therapist.id)));
    expect(still).toBeDefined();
  });

  it('needs groups.edit on the group', async () => {
    const { organizationId } = await createMember(t, 'owner');
    const { user: member } = await createMember(t, 'facilitator', organizationId);
    const { user: outsider } = await createMember(t, 'owner');
    const group = await createGroup(t, { organizationId });
    const f = await createFacilitator(t, { organizationId });
    const input = { groupId: group.id, facilitatorId: f.id };
    expect(await code(linkFacilitatorToGroup({ ctx: as(member.id), input }))).toBe('forbidden');
    expect(await code(linkFacilitatorToGroup({ ctx: as(outsider.id), input }))).toBe('not_found');
    expect(await code(linkFacilitatorToGroup({ ctx: anonymous(), input }))).toBe('forbidden');
    await addFacilitator(t, group.id, f.id);
    expect(await code(unlinkFacilitatorFromGroup({ ctx: as(member.id), input }))).toBe('forbidden');
    expect(await code(unlinkFacilitatorFromGroup({ ctx: as(outsider.id), input }))).toBe('not_found');
    expect(await t.db.select().from(groupFacilitators).where(eq(groupFacilitators.groupId, group.id))).toHaveLength(1);
  });
});
