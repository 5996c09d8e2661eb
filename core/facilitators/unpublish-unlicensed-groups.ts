import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { groupFacilitators, groups, organizationMembers, organizations, users } from '../../db/schema';
import { pathTo } from '../../app/lib/paths';
import type { Context } from '../context';
import { enqueueEmail } from '../email/enqueue';
import { refreshGroupSearch } from '../search/refresh-group-search';
import { audit, hasVerifiedLicensedFacilitator, type FacilitatorRow } from './shared';

/**
 * A group therapy (or any group with `licensed` leadership) stays published only while one of
 * its facilitators is licensed with a verified licence (SPEC §1). Call this in the transaction
 * that made `facilitator` stop counting (licence rejected, a verified licence edited back to
 * pending, leadership no longer licensed), after that write: every published group of the
 * facilitator that no longer has such a facilitator goes back to draft, with an audit row
 * ('group.unpublished', reason 'licence_not_verified') and a fresh search row, and the
 * organization's owners and admins are told by email. Returns the ids of the groups unpublished.
 */
export async function unpublishUnlicensedGroups(
  tx: Context,
  facilitator: FacilitatorRow,
  /** Why the licence stopped counting, when the email should say more than "no longer verified". */
  why: 'identity_changed' | null = null,
): Promise<string[]> {
  // Lock every group of the facilitator that needs a licence, whatever its status now, in one
  // order: a publication running at the same moment is waited for, then seen as published.
  const linked = await tx.db
    .select({ id: groups.id })
    .from(groupFacilitators)
    .innerJoin(groups, eq(groups.id, groupFacilitators.groupId))
    .where(and(eq(groupFacilitators.facilitatorId, facilitator.id), or(eq(groups.kind, 'group_therapy'), eq(groups.leadership, 'licensed'))));
  if (linked.length === 0) return [];
  const locked = await tx.db
    .select()
    .from(groups)
    .where(inArray(groups.id, linked.map((g) => g.id)))
    .orderBy(asc(groups.id))
    .for('update');

  const unpublished: (typeof groups.$inferSelect)[] = [];
  for (const group of locked) {
    if (group.status !== 'published') continue;
    if (group.kind !== 'group_therapy' && group.leadership !== 'licensed') continue;
    if (await hasVerifiedLicensedFacilitator(tx, group.id)) continue;
    await tx.db.update(groups).set({ status: 'draft', archivedAt: null, updatedAt: tx.now }).where(eq(groups.id, group.id));
    await audit(tx, {
      organizationId: group.organizationId,
      action: 'group.unpublished',
      entityType: 'group',
      entityId: group.id,
      data: { reason: 'licence_not_verified', from: 'published', facilitatorId: facilitator.id, ...(why ? { why } : {}) },
    });
    unpublished.push(group);
  }
  if (unpublished.length === 0) return [];
  await refreshGroupSearch(tx.db, unpublished.map((g) => g.id), tx.now);

  for (const group of unpublished) {
    const [org] = await tx.db.select().from(organizations).where(eq(organizations.id, group.organizationId));
    if (!org) continue;
    const managers = await tx.db
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(and(eq(organizationMembers.organizationId, org.id), inArray(organizationMembers.role, ['owner', 'admin'])))
      .orderBy(asc(users.id));
    for (const person of managers) {
      const fr = person.locale === 'fr';
      const title = (fr ? (group.titleFr ?? group.titleEn) : (group.titleEn ?? group.titleFr)) ?? '';
      const organizationName = fr ? (org.nameFr ?? org.nameEn) : org.nameEn;
      await enqueueEmail(tx, {
        key: `group-unpublished-licence:${group.id}:${tx.now.getTime()}:${person.id}`,
        to: person.email,
        locale: person.locale,
        template: why === 'identity_changed' ? 'group_unpublished_licence_identity' : 'group_unpublished_licence',
        payload: {
          name: person.name,
          vars: { group: title, organization: organizationName, facilitator: facilitator.displayName },
          url: new URL(pathTo(person.locale, 'orgGroupEdit', { org: org.slug, group: group.id }), tx.settings.publicUrl).toString(),
        },
      });
    }
  }
  return unpublished.map((g) => g.id);
}
