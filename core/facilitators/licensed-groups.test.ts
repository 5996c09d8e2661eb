import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, emailOutbox, groups, groupSearch } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { addFacilitator, addMember, createFacilitator, createGroup, createOrganization, createUser } from '../../tests/support/factories';
import { createContext, type Context } from '../context';
import { reviewLicence } from '../admin';
import { renderEmail } from '../../server/email/render';
import { saveFacilitator, submitLicence } from './index';

// A group therapy is published only while a verified licensed facilitator leads it; these check
// that it goes back to draft, in the same transaction, when that stops being true.

const NOW = new Date('2026-11-27T15:00:00Z');
let t: TestDatabase;
let platformAdminId: string;
const as = (userId: string): Context => createContext(t.db, { now: NOW, actor: { type: 'user', userId } });
const licence = { licenceNumber: 'CRPO-0042', licenceBody: 'College of Registered Psychotherapists of Ontario', licenceJurisdiction: 'Ontario' };

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  platformAdminId = (await createUser(t, { isPlatformAdmin: true })).id;
});
afterAll(async () => {
  await t.close();
});

const groupRow = async (id: string) => (await t.db.select().from(groups).where(eq(groups.id, id)))[0]!;
const searchRow = async (id: string) => (await t.db.select().from(groupSearch).where(eq(groupSearch.groupId, id)))[0];
const unpublishedAudit = (groupId: string) =>
  t.db.select().from(auditLog).where(and(eq(auditLog.entityId, groupId), eq(auditLog.action, 'group.unpublished')));
const mailsAbout = (template: string, to: string) =>
  t.db.select().from(emailOutbox).where(and(eq(emailOutbox.template, template), eq(emailOutbox.toEmail, to)));

/** An organization with an owner, a French admin and a facilitator member, and a licensed profile. */
async function clinic(licenceStatus: 'pending' | 'verified') {
  const org = await createOrganization(t, { nameEn: 'Harbour Clinic', nameFr: 'Clinique du Havre' });
  const owner = await createUser(t, { name: 'Olive Owner' });
  const orgAdmin = await createUser(t, { locale: 'fr', name: 'Adèle Admin' });
  const member = await createUser(t);
  await addMember(t, org.id, owner.id, 'owner');
  await addMember(t, org.id, orgAdmin.id, 'admin');
  await addMember(t, org.id, member.id, 'facilitator');
  const therapist = await createFacilitator(t, {
    organizationId: org.id,
    leadership: 'licensed',
    displayName: 'Dana Therapist',
    userId: member.id,
    ...licence,
    licenceStatus,
  });
  const therapy = await createGroup(t, { organizationId: org.id, kind: 'group_therapy', titleEn: 'Anxiety therapy group', titleFr: 'Groupe de thérapie pour l’anxiété' });
  await addFacilitator(t, therapy.id, therapist.id);
  return { org, owner, orgAdmin, member, therapist, therapy };
}

describe('a licence that stops being verified', () => {
  it('on rejection, takes the published group therapy back to draft, audits it, leaves search and tells the owners and admins', async () => {
    const { owner, orgAdmin, member, therapist, therapy, org } = await clinic('pending');
    expect(await searchRow(therapy.id)).toBeDefined();

    await reviewLicence({ ctx: as(platformAdminId), input: { facilitatorId: therapist.id, decision: 'reject', note: 'Not in the register.' } });

    expect(await groupRow(therapy.id)).toMatchObject({ status: 'draft', archivedAt: null, updatedAt: NOW });
    expect(await searchRow(therapy.id)).toBeUndefined();
    const audits = await unpublishedAudit(therapy.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      organizationId: org.id,
      actorType: 'user',
      actorId: platformAdminId,
      entityType: 'group',
      data: { reason: 'licence_not_verified', facilitatorId: therapist.id },
    });

    const [toOwner] = await mailsAbout('group_unpublished_licence', owner.email);
    expect(toOwner).toMatchObject({ locale: 'en' });
    const en = renderEmail('group_unpublished_licence', toOwner!.payload, 'en', as(owner.id).settings);
    expect(en.subject).toBe('Group taken offline: Anxiety therapy group');
    expect(en.text).toContain('Hello Olive Owner,');
    expect(en.text).toContain('Dana Therapist');
    expect(en.text).toContain(`http://localhost:3000/en/organize/${org.slug}/groups/${therapy.id}`);

    const [toAdmin] = await mailsAbout('group_unpublished_licence', orgAdmin.email);
    expect(toAdmin).toMatchObject({ locale: 'fr' });
    const fr = renderEmail('group_unpublished_licence', toAdmin!.payload, 'fr', as(orgAdmin.id).settings);
    expect(fr.subject).toBe('Groupe retiré du site : Groupe de thérapie pour l’anxiété');
    expect(fr.text).toContain('Clinique du Havre');
    expect(fr.text).toContain(`/fr/organiser/${org.slug}/groupes/${therapy.id}`);

    // The facilitator member (not an owner or admin) is told about the licence, not the group.
    expect(await mailsAbout('group_unpublished_licence', member.email)).toHaveLength(0);
    expect(await mailsAbout('licence_rejected', member.email)).toHaveLength(1);
  });

  it('keeps a group published while another linked facilitator has a verified licence', async () => {
    const { org, owner, therapist, therapy } = await clinic('pending');
    const colleague = await createFacilitator(t, { organizationId: org.id, leadership: 'licensed', ...licence, licenceStatus: 'verified' });
    await addFacilitator(t, therapy.id, colleague.id, 1);

    await reviewLicence({ ctx: as(platformAdminId), input: { facilitatorId: therapist.id, decision: 'reject', note: 'Expired.' } });

    expect((await groupRow(therapy.id)).status).toBe('published');
    expect(await searchRow(therapy.id)).toBeDefined();
    expect(await unpublishedAudit(therapy.id)).toHaveLength(0);
    expect(await mailsAbout('group_unpublished_licence', owner.email)).toHaveLength(0);
  });

  it('touches only published groups that need a licence: a peer group and a draft stay as they are', async () => {
    const { org, owner, therapist, therapy } = await clinic('pending');
    const peer = await createGroup(t, { organizationId: org.id, kind: 'support_group', leadership: 'peer' });
    const licensedWorkshop = await createGroup(t, { organizationId: org.id, kind: 'workshop', leadership: 'licensed' });
    const draft = await createGroup(t, { organizationId: org.id, kind: 'group_therapy', status: 'draft', publishedAt: null });
    for (const g of [peer, licensedWorkshop, draft]) await addFacilitator(t, g.id, therapist.id);

    await reviewLicence({ ctx: as(platformAdminId), input: { facilitatorId: therapist.id, decision: 'reject', note: 'Unknown number.' } });

    expect((await groupRow(peer.id)).status).toBe('published');
    expect((await groupRow(licensedWorkshop.id)).status).toBe('draft');
    expect((await groupRow(therapy.id)).status).toBe('draft');
    expect((await groupRow(draft.id)).status).toBe('draft');
    expect(await unpublishedAudit(peer.id)).toHaveLength(0);
    expect(await unpublishedAudit(draft.id)).toHaveLength(0);
    // One message per group taken offline.
    expect(await mailsAbout('group_unpublished_licence', owner.email)).toHaveLength(2);
  });

  it('does nothing to the groups when a licence is verified', async () => {
    const { owner, therapist, therapy } = await clinic('pending');
    await reviewLicence({ ctx: as(platformAdminId), input: { facilitatorId: therapist.id, decision: 'verify' } });
    expect((await groupRow(therapy.id)).status).toBe('published');
    expect(await mailsAbout('group_unpublished_licence', owner.email)).toHaveLength(0);
  });

  it('on an edit that puts a verified licence back to pending, takes the group offline; the same details leave it published', async () => {
    const { owner, member, therapist, therapy } = await clinic('verified');
    const details = { facilitatorId: therapist.id, number: licence.licenceNumber, body: licence.licenceBody, jurisdiction: licence.licenceJurisdiction };

    await submitLicence({ ctx: as(member.id), input: details });
    expect((await groupRow(therapy.id)).status).toBe('published');

    await submitLicence({ ctx: as(member.id), input: { ...details, number: 'CRPO-0043' } });
    expect((await groupRow(therapy.id)).status).toBe('draft');
    expect(await searchRow(therapy.id)).toBeUndefined();
    const [entry] = await unpublishedAudit(therapy.id);
    expect(entry).toMatchObject({ actorId: member.id, data: { reason: 'licence_not_verified' } });
    expect(await mailsAbout('group_unpublished_licence', owner.email)).toHaveLength(1);
  });

  it('takes the group offline when its verified facilitator is no longer marked licensed', async () => {
    const { org, owner, therapist, therapy } = await clinic('verified');
    await saveFacilitator({
      ctx: as(owner.id),
      input: { organizationId: org.id, facilitatorId: therapist.id, displayName: therapist.displayName, leadership: 'peer', userId: therapist.userId },
    });
    expect((await groupRow(therapy.id)).status).toBe('draft');
    expect(await unpublishedAudit(therapy.id)).toHaveLength(1);
  });

  it('returns a verified licence to review when the profile gets another name or account, taking its groups offline and saying why', async () => {
    const { org, owner, orgAdmin, member, therapist, therapy } = await clinic('verified');
    const edit = (changes: Partial<{ displayName: string; userId: string | null; bioEn: string }>) =>
      saveFacilitator({
        ctx: as(owner.id),
        input: { organizationId: org.id, facilitatorId: therapist.id, displayName: therapist.displayName, leadership: 'licensed', userId: therapist.userId, ...changes },
      });
    // A new bio is not a new person: the licence stays verified.
    await edit({ bioEn: 'Fifteen years with anxious teenagers.' });
    expect((await edit({ bioEn: 'Fifteen years with anxious teenagers.' })).facilitator.licenceStatus).toBe('verified');
    expect((await groupRow(therapy.id)).status).toBe('published');

    const renamed = await edit({ displayName: 'Someone Else', bioEn: 'Fifteen years with anxious teenagers.' });
    expect(renamed.facilitator).toMatchObject({ licenceStatus: 'pending', licenceReviewedAt: null, licenceReviewedBy: null, ...licence });
    expect((await groupRow(therapy.id)).status).toBe('draft');
    expect(await searchRow(therapy.id)).toBeUndefined();
    const [returned] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, therapist.id), eq(auditLog.action, 'licence.returned_to_review')));
    expect(returned?.data).toEqual({ reason: 'identity_changed', changed: ['displayName'] });
    const [toOwner] = await mailsAbout('group_unpublished_licence_identity', owner.email);
    const en = renderEmail('group_unpublished_licence_identity', toOwner!.payload, 'en', as(owner.id).settings);
    expect(en.text).toContain('was changed after its licence was verified');
    expect(en.text).toContain('Someone Else');
    const [toAdmin] = await mailsAbout('group_unpublished_licence_identity', orgAdmin.email);
    expect(renderEmail('group_unpublished_licence_identity', toAdmin!.payload, 'fr', as(orgAdmin.id).settings).text).toContain('a été modifié après la vérification de son permis');

    // Verified again, then moved to another member's account: back to review again.
    await reviewLicence({ ctx: as(platformAdminId), input: { facilitatorId: therapist.id, decision: 'verify' } });
    const other = await createUser(t);
    await addMember(t, org.id, other.id, 'facilitator');
    const moved = await edit({ displayName: 'Someone Else', bioEn: 'Fifteen years with anxious teenagers.', userId: other.id });
    expect(moved.facilitator.licenceStatus).toBe('pending');
    expect(member.id).not.toBe(other.id);
  });
});
