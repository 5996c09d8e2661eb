import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { auditLog, emailOutbox, facilitators, listingReports, users } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { addMember, createFacilitator, createGroup, createMember, createOrganization, createSession, createTopic, createUser, tagGroup } from '../../tests/support/factories';
import { findGroups } from '../search';
import { attachSearchIndex, detachSearchIndex } from '../search/search-index';
import { createContext, type Context } from '../context';
import { CoreError } from '../errors';
import { submitLicence } from '../facilitators';
import { reportListing } from '../listings';
import { getAdminOverview, listLicenceReviews, listListingReports, makePlatformAdmin, resolveListingReport, reviewLicence, setOrganizationVerification } from './index';
import { renderEmail } from '../../server/email/render';

const NOW = new Date('2026-11-27T15:00:00Z');
const LATER = new Date('2026-11-28T10:00:00Z');
let t: TestDatabase;
let adminId: string;
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
const facilitatorRow = async (id: string) => (await t.db.select().from(facilitators).where(eq(facilitators.id, id)))[0]!;
const licence = { number: 'CRPO-0042', body: 'College of Registered Psychotherapists of Ontario', jurisdiction: 'Ontario' };

/** An organization with an owner, an admin (French), a facilitator member linked to a pending licence. */
async function pendingLicence(submittedAt = NOW) {
  const org = await createOrganization(t, { nameEn: 'Harbour Clinic', nameFr: 'Clinique du Havre' });
  const owner = await createUser(t);
  const orgAdmin = await createUser(t, { locale: 'fr' });
  const therapist = await createUser(t);
  const bystander = await createUser(t);
  await addMember(t, org.id, owner.id, 'owner');
  await addMember(t, org.id, orgAdmin.id, 'admin');
  await addMember(t, org.id, therapist.id, 'facilitator');
  await addMember(t, org.id, bystander.id, 'facilitator');
  const f = await createFacilitator(t, { organizationId: org.id, leadership: 'licensed', displayName: 'Dana Therapist', userId: therapist.id });
  await submitLicence({ ctx: as(therapist.id, submittedAt), input: { facilitatorId: f.id, ...licence } });
  return { org, owner, orgAdmin, therapist, bystander, facilitator: await facilitatorRow(f.id) };
}

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  adminId = (await createUser(t, { isPlatformAdmin: true, name: 'Pat Admin' })).id;
});
afterAll(async () => {
  await t.close();
});

describe('licence review', () => {
  it('verifies a pending licence, emails the owners, admins and the facilitator once each, and audits it', async () => {
    const { org, owner, orgAdmin, therapist, bystander, facilitator } = await pendingLicence();
    const { facilitator: after } = await reviewLicence({
      ctx: as(adminId, LATER),
      input: { facilitatorId: facilitator.id, decision: 'verify', version: facilitator.updatedAt.toISOString() },
    });
    expect(after).toMatchObject({ licenceStatus: 'verified', licenceReviewedBy: adminId, licenceReviewNote: null });
    expect(after.licenceReviewedAt?.toISOString()).toBe(LATER.toISOString());

    const mail = await t.db
      .select()
      .from(emailOutbox)
      .where(inArray(emailOutbox.toEmail, [owner.email, orgAdmin.email, therapist.email, bystander.email]));
    expect(mail.map((m) => m.toEmail).sort()).toEqual([owner.email, orgAdmin.email, therapist.email].sort());
    expect(new Set(mail.map((m) => m.template))).toEqual(new Set(['licence_verified']));
    const french = mail.find((m) => m.toEmail === orgAdmin.email)!;
    expect(french.locale).toBe('fr');
    expect(french.payload).toMatchObject({
      vars: { facilitator: 'Dana Therapist', organization: 'Clinique du Havre' },
      url: `http://localhost:3000/fr/organiser/${org.slug}/animateurs`,
    });
    // The message renders in the recipient's language with the link.
    const rendered = renderEmail('licence_verified', french.payload, 'fr', as(adminId).settings);
    expect(rendered.subject).toBe('Permis vérifié : Dana Therapist');
    expect(rendered.text).toContain(`/fr/organiser/${org.slug}/animateurs`);

    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'licence.verified'));
    const mine = audits.filter((a) => a.entityId === facilitator.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ organizationId: org.id, actorType: 'user', actorId: adminId, entityType: 'facilitator' });
  });

  it('rejects only with a note, which reaches the organization in the email', async () => {
    const { owner, facilitator } = await pendingLicence();
    const missing = await failure(reviewLicence({ ctx: as(adminId), input: { facilitatorId: facilitator.id, decision: 'reject', note: '  ' } }));
    expect(missing).toMatchObject({ code: 'invalid', issues: [{ path: 'note', message: 'required' }] });
    expect((await facilitatorRow(facilitator.id)).licenceStatus).toBe('pending');

    await reviewLicence({ ctx: as(adminId), input: { facilitatorId: facilitator.id, decision: 'reject', note: 'The number is not in the public register.' } });
    expect(await facilitatorRow(facilitator.id)).toMatchObject({ licenceStatus: 'rejected', licenceReviewNote: 'The number is not in the public register.' });
    const [mail] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, owner.email));
    expect(mail).toMatchObject({ template: 'licence_rejected', payload: { message: 'The number is not in the public register.' } });
    const rendered = renderEmail('licence_rejected', mail!.payload, 'en', as(adminId).settings);
    expect(rendered.text).toContain('The number is not in the public register.');
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'licence.rejected'), eq(auditLog.entityId, facilitator.id)));
    expect(audit?.data).toMatchObject({ note: 'The number is not in the public register.', number: licence.number });
  });

  it('goes round the whole flow: rejected, submitted again, verified', async () => {
    const { therapist, facilitator } = await pendingLicence();
    await reviewLicence({ ctx: as(adminId), input: { facilitatorId: facilitator.id, decision: 'reject', note: 'Wrong body' } });
    // Deciding twice is refused: it is no longer pending.
    expect(await code(reviewLicence({ ctx: as(adminId), input: { facilitatorId: facilitator.id, decision: 'verify' } }))).toBe('conflict');
    await submitLicence({ ctx: as(therapist.id, LATER), input: { facilitatorId: facilitator.id, ...licence, body: 'CRPO' } });
    expect((await facilitatorRow(facilitator.id)).licenceStatus).toBe('pending');
    await reviewLicence({ ctx: as(adminId, LATER), input: { facilitatorId: facilitator.id, decision: 'verify' } });
    expect(await facilitatorRow(facilitator.id)).toMatchObject({ licenceStatus: 'verified', licenceBody: 'CRPO', licenceReviewNote: null });
  });

  it('refuses a decision on a licence changed since the reviewer saw it', async () => {
    const { therapist, facilitator } = await pendingLicence();
    const seen = facilitator.updatedAt.toISOString();
    await submitLicence({ ctx: as(therapist.id, LATER), input: { facilitatorId: facilitator.id, ...licence, number: 'CRPO-0043' } });
    expect(await code(reviewLicence({ ctx: as(adminId, LATER), input: { facilitatorId: facilitator.id, decision: 'verify', version: seen } }))).toBe(
      'conflict',
    );
    expect((await facilitatorRow(facilitator.id)).licenceStatus).toBe('pending');
  });

  it('is for platform administrators only: an organization owner cannot review their own licence', async () => {
    const { owner, orgAdmin, therapist, facilitator } = await pendingLicence();
    for (const who of [owner, orgAdmin, therapist]) {
      expect(await code(reviewLicence({ ctx: as(who.id), input: { facilitatorId: facilitator.id, decision: 'verify' } }))).toBe('forbidden');
      expect(await code(listLicenceReviews({ ctx: as(who.id) }))).toBe('forbidden');
    }
    expect(await code(reviewLicence({ ctx: anonymous(), input: { facilitatorId: facilitator.id, decision: 'verify' } }))).toBe('forbidden');
    expect(await code(listLicenceReviews({ ctx: anonymous() }))).toBe('forbidden');
    expect(await code(getAdminOverview({ ctx: as(owner.id) }))).toBe('forbidden');
    expect((await facilitatorRow(facilitator.id)).licenceStatus).toBe('pending');
    const mail = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, owner.email));
    expect(mail).toHaveLength(0);
  });

  it('lists pending requests first, oldest first, with organization and facilitator', async () => {
    // Submitted later than the first but created earlier: the queue follows the submission time.
    const second = await pendingLicence(new Date('2026-11-27T16:00:00Z'));
    const first = await pendingLicence(new Date('2026-11-27T14:00:00Z'));
    const decided = await pendingLicence();
    await reviewLicence({ ctx: as(adminId), input: { facilitatorId: decided.facilitator.id, decision: 'verify' } });
    const unverified = await createFacilitator(t, { organizationId: first.org.id, displayName: 'Never submitted' });

    const queue = await listLicenceReviews({ ctx: as(adminId) });
    const ids = queue.map((r) => r.facilitatorId);
    expect(ids).not.toContain(unverified.id);
    const pendingIds = queue.filter((r) => r.licenceStatus === 'pending').map((r) => r.facilitatorId);
    // Every pending request comes before every decided one.
    expect(ids.slice(0, pendingIds.length)).toEqual(pendingIds);
    expect(pendingIds.indexOf(first.facilitator.id)).toBeLessThan(pendingIds.indexOf(second.facilitator.id));
    const row = queue.find((r) => r.facilitatorId === first.facilitator.id)!;
    expect(row).toMatchObject({
      displayName: 'Dana Therapist',
      licenceNumber: licence.number,
      organization: { id: first.org.id, slug: first.org.slug, name: { en: 'Harbour Clinic', fr: 'Clinique du Havre' } },
      user: { id: first.therapist.id, email: first.therapist.email },
    });
    const decidedRow = queue.find((r) => r.facilitatorId === decided.facilitator.id)!;
    expect(decidedRow).toMatchObject({ licenceStatus: 'verified', reviewedBy: { id: adminId, name: 'Pat Admin' } });

    const onlyPending = await listLicenceReviews({ ctx: as(adminId), input: { show: 'pending' } });
    expect(onlyPending.every((r) => r.licenceStatus === 'pending')).toBe(true);
    expect(onlyPending.map((r) => r.facilitatorId)).not.toContain(decided.facilitator.id);
  });
});

describe('listing reports', () => {
  it('lists open reports with their group, resolves or dismisses once, and audits it', async () => {
    const org = await createOrganization(t);
    const group = await createGroup(t, { organizationId: org.id, titleEn: 'Walking group' });
    const a = await reportListing({ ctx: anonymous(), input: { group: group.slug, reason: 'not_running', details: 'Closed since June', email: 'me@example.org' } });
    const b = await reportListing({ ctx: anonymous(), input: { group: group.slug, reason: 'wrong_information' } });

    const open = await listListingReports({ ctx: as(adminId) });
    const mine = open.filter((r) => r.group.id === group.id);
    expect(mine.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect(mine.find((r) => r.id === a.id)).toMatchObject({
      reason: 'not_running',
      details: 'Closed since June',
      reporterEmail: 'me@example.org',
      status: 'open',
      group: { slug: group.slug, title: { en: 'Walking group' } },
      organization: { id: org.id },
    });

    expect(await resolveListingReport({ ctx: as(adminId, LATER), input: { reportId: a.id, outcome: 'resolved' } })).toEqual({ id: a.id, status: 'resolved' });
    await resolveListingReport({ ctx: as(adminId), input: { reportId: b.id, outcome: 'dismissed' } });
    expect(await code(resolveListingReport({ ctx: as(adminId), input: { reportId: a.id, outcome: 'dismissed' } }))).toBe('conflict');

    const [row] = await t.db.select().from(listingReports).where(eq(listingReports.id, a.id));
    expect(row).toMatchObject({ status: 'resolved', resolvedBy: adminId });
    expect(row?.resolvedAt?.toISOString()).toBe(LATER.toISOString());
    expect((await listListingReports({ ctx: as(adminId) })).map((r) => r.id)).not.toContain(a.id);
    expect((await listListingReports({ ctx: as(adminId), input: { show: 'dismissed' } })).map((r) => r.id)).toContain(b.id);

    const audits = await t.db.select().from(auditLog).where(inArray(auditLog.entityId, [a.id, b.id]));
    expect(audits.map((x) => [x.action, x.organizationId, x.actorId]).sort()).toEqual(
      [
        ['listing_report.dismissed', org.id, adminId],
        ['listing_report.resolved', org.id, adminId],
      ].sort(),
    );
  });

  it('is for platform administrators only', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const group = await createGroup(t, { organizationId });
    const r = await reportListing({ ctx: anonymous(), input: { group: group.slug, reason: 'safety', details: 'x' } });
    expect(await code(listListingReports({ ctx: as(owner.id) }))).toBe('forbidden');
    expect(await code(listListingReports({ ctx: anonymous() }))).toBe('forbidden');
    expect(await code(resolveListingReport({ ctx: as(owner.id), input: { reportId: r.id, outcome: 'dismissed' } }))).toBe('forbidden');
    const [row] = await t.db.select().from(listingReports).where(eq(listingReports.id, r.id));
    expect(row?.status).toBe('open');
  });

  it('counts what waits on the admin home', async () => {
    const before = await getAdminOverview({ ctx: as(adminId) });
    await pendingLicence();
    const group = await createGroup(t);
    await reportListing({ ctx: anonymous(), input: { group: group.slug, reason: 'other', details: 'Odd' } });
    const after = await getAdminOverview({ ctx: as(adminId) });
    expect(after.pendingLicences).toBe(before.pendingLicences + 1);
    expect(after.openReports).toBe(before.openReports + 1);
    expect(after.platformAdmins).toBeGreaterThanOrEqual(1);
  });
});

describe('makePlatformAdmin', () => {
  const system = () => createContext(t.db, { now: NOW, actor: { type: 'system' } });

  it('creates a verified account without a password when the email is new', async () => {
    const result = await makePlatformAdmin({ ctx: system(), input: { email: ' New.Admin@Example.org ', name: 'New Admin' } });
    expect(result.outcome).toBe('created');
    const [row] = await t.db.select().from(users).where(eq(users.id, result.userId));
    expect(row).toMatchObject({ email: 'new.admin@example.org', name: 'New Admin', emailVerified: true, isPlatformAdmin: true });
    expect(result.userId).toMatch(/^[0-9a-f-]{36}$/);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, result.userId));
    expect(audit).toMatchObject({ actorType: 'system', action: 'user.platform_admin_created', organizationId: null });
  });

  it('promotes an existing account (any letter case), then changes nothing the second time', async () => {
    const user = await createUser(t, { email: 'organizer@example.org', name: 'Kept Name' });
    const first = await makePlatformAdmin({ ctx: system(), input: { email: 'ORGANIZER@example.org', name: 'Other Name' } });
    expect(first).toEqual({ outcome: 'promoted', userId: user.id, email: 'organizer@example.org' });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ isPlatformAdmin: true, name: 'Kept Name' });
    expect((await makePlatformAdmin({ ctx: system(), input: { email: 'organizer@example.org', name: 'x' } })).outcome).toBe('unchanged');
  });

  it('refuses a bad email or an empty name', async () => {
    const err = await failure(makePlatformAdmin({ ctx: system(), input: { email: 'nope', name: ' ' } }));
    expect(err.issues).toEqual([
      { path: 'email', message: 'invalid_email' },
      { path: 'name', message: 'required' },
    ]);
  });
});

describe('organization verification', () => {
  it('is set by a platform administrator only, audited, and ranks the organization’s groups first among equals at once', async () => {
    const plain = await createOrganization(t);
    const trusted = await createOrganization(t);
    const topic = await createTopic(t, { slug: 'ov-topic' });
    const soon = await createGroup(t, { organizationId: plain.id, titleEn: 'Harbour circle' });
    const later = await createGroup(t, { organizationId: trusted.id, titleEn: 'Harbour circle too' });
    await createSession(t, { groupId: soon.id, startsAt: new Date(NOW.getTime() + 86_400_000) });
    await createSession(t, { groupId: later.id, startsAt: new Date(NOW.getTime() + 2 * 86_400_000) });
    for (const g of [soon, later]) await tagGroup(t, g.id, topic.id);
    const found = async () => (await findGroups({ ctx: anonymous(), input: { topic: ['ov-topic'] } })).results;
    // Equal but for time: the soonest first.
    expect((await found()).map((g) => [g.id, g.organization.verified])).toEqual([
      [soon.id, false],
      [later.id, false],
    ]);

    const owner = await createUser(t);
    await addMember(t, trusted.id, owner.id, 'owner');
    expect(await code(setOrganizationVerification({ ctx: as(owner.id), input: { organizationId: trusted.id, verification: 'verified' } }))).toBe('forbidden');
    expect(await setOrganizationVerification({ ctx: as(adminId), input: { organizationId: trusted.id, verification: 'verified' } })).toEqual({ changed: true });
    expect(await setOrganizationVerification({ ctx: as(adminId), input: { organizationId: trusted.id, verification: 'verified' } })).toEqual({ changed: false });

    // Verified first, through the database and through the in-memory copy of the search rows.
    expect((await found()).map((g) => [g.id, g.organization.verified])).toEqual([
      [later.id, true],
      [soon.id, false],
    ]);
    const index = await attachSearchIndex(t.db);
    try {
      const before = index.searches;
      expect((await found()).map((g) => g.id)).toEqual([later.id, soon.id]);
      expect(index.searches).toBe(before + 1);
    } finally {
      await detachSearchIndex(t.db);
    }
    const logged = await t.db.select().from(auditLog).where(and(eq(auditLog.organizationId, trusted.id), eq(auditLog.action, 'organization.verification_changed')));
    expect(logged.map((l) => [l.actorId, l.data])).toEqual([[adminId, { from: 'unverified', to: 'verified' }]]);
    expect(await code(setOrganizationVerification({ ctx: as(adminId), input: { organizationId: trusted.id, verification: 'trusted' as never } }))).toBe('invalid');
  });
});
