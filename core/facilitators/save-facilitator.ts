import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { facilitators, LEADERSHIPS, organizationMembers } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, Invalid, NotFound } from '../errors';
import { requirePermission } from '../policy/permissions';
import { refreshGroupSearch } from '../search/refresh-group-search';
import { BIO_MAX, CREDENTIALS_MAX, DISPLAY_NAME_MAX } from './constants';
import { audit, groupsOfFacilitator, loadFacilitator, optionalText, requiredText, type FacilitatorRow } from './shared';
import { unpublishUnlicensedGroups } from './unpublish-unlicensed-groups';


export const saveFacilitatorInput = z.object({
  organizationId: z.uuid(),
  /** Absent to create a profile; the profile's id to edit it. */
  facilitatorId: z.uuid().optional(),
  displayName: requiredText(DISPLAY_NAME_MAX),
  leadership: z.enum(LEADERSHIPS, { error: 'required' }),
  credentialsEn: optionalText(CREDENTIALS_MAX),
  credentialsFr: optionalText(CREDENTIALS_MAX),
  bioEn: optionalText(BIO_MAX),
  bioFr: optionalText(BIO_MAX),
  /** The account of a member of the organization this profile belongs to; null or blank for none. */
  userId: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((s) => s || null),
});
export type SaveFacilitatorInput = z.input<typeof saveFacilitatorInput>;

const EDITABLE = ['displayName', 'leadership', 'credentialsEn', 'credentialsFr', 'bioEn', 'bioFr', 'userId'] as const;

/**
 * Creates or edits a facilitator profile of an organization: name, leadership, credentials and
 * bio in both languages, and optionally the account of the member it describes (who may then
 * submit their own licence). Needs `groups.edit`. The licence is submitted separately
 * (submitLicence); an edit here leaves its review alone, except that a new name or account on a
 * profile whose licence is verified returns the licence to review (the licence must not move to
 * someone else's name), taking the groups that relied on it back to draft, owners and admins told why.
 */
export async function saveFacilitator({ ctx, input }: { ctx: Context; input: SaveFacilitatorInput }): Promise<{ facilitator: FacilitatorRow; created: boolean }> {
  const q = parseInput(saveFacilitatorInput, input);
  return withTransaction(ctx, async (tx) => {
    await requirePermission(tx, q.organizationId, 'groups.edit');

    let existing: FacilitatorRow | null = null;
    if (q.facilitatorId) {
      existing = await loadFacilitator(tx, q.facilitatorId, { lock: true });
      // Another organization's profile is not revealed.
      if (existing.organizationId !== q.organizationId) throw new NotFound('facilitator');
    }

    if (q.userId && q.userId !== existing?.userId) {
      const [member] = await tx.db
        .select({ userId: organizationMembers.userId })
        .from(organizationMembers)
        .where(and(eq(organizationMembers.organizationId, q.organizationId), eq(organizationMembers.userId, q.userId)));
      if (!member) throw new Invalid([{ path: 'userId', message: 'not_member' }]);
      const [taken] = await tx.db
        .select({ id: facilitators.id })
        .from(facilitators)
        .where(
          and(
            eq(facilitators.organizationId, q.organizationId),
            eq(facilitators.userId, q.userId),
            existing ? ne(facilitators.id, existing.id) : undefined,
          ),
        );
      if (taken) throw new Conflict('this member already has a facilitator profile in the organization', 'facilitator_taken');
    }

    const values = {
      displayName: q.displayName,
      leadership: q.leadership,
      credentialsEn: q.credentialsEn,
      credentialsFr: q.credentialsFr,
      bioEn: q.bioEn,
      bioFr: q.bioFr,
      userId: q.userId,
    };

    if (!existing) {
      const [row] = await tx.db
        .insert(facilitators)
        .values({ ...values, organizationId: q.organizationId, createdAt: tx.now, updatedAt: tx.now })
        .returning();
      await audit(tx, {
        organizationId: q.organizationId,
        action: 'facilitator.created',
        entityType: 'facilitator',
        entityId: row!.id,
        data: { displayName: row!.displayName, leadership: row!.leadership, userId: row!.userId },
      });
      return { facilitator: row!, created: true };
    }

    const before = existing;
    const changed = EDITABLE.filter((key) => before[key] !== values[key]);
    if (changed.length === 0) return { facilitator: existing, created: false };
    // A verified licence belongs to a named person: a new name or account on the profile could move
    // it to someone else, so it goes back to review (and the groups it held up go offline).
    const identityChanged = before.licenceStatus === 'verified' && (changed.includes('displayName') || changed.includes('userId'));
    const review = identityChanged
      ? { licenceStatus: 'pending' as const, licenceReviewedAt: null, licenceReviewedBy: null, licenceReviewNote: null }
      : {};
    const [row] = await tx.db
      .update(facilitators)
      .set({ ...values, ...review, updatedAt: tx.now })
      .where(eq(facilitators.id, existing.id))
      .returning();
    await audit(tx, {
      organizationId: q.organizationId,
      action: 'facilitator.updated',
      entityType: 'facilitator',
      entityId: existing.id,
      data: { changed },
    });
    if (identityChanged) {
      await audit(tx, {
        organizationId: q.organizationId,
        action: 'licence.returned_to_review',
        entityType: 'facilitator',
        entityId: existing.id,
        data: { reason: 'identity_changed', changed: changed.filter((key) => key === 'displayName' || key === 'userId') },
      });
    }
    // Search rows carry facilitators' names.
    if (changed.includes('displayName')) {
      await refreshGroupSearch(tx.db, await groupsOfFacilitator(tx, existing.id), tx.now);
    }
    // No longer a licensed professional, or the licence back to review: the group therapy they held up goes back to draft.
    if (identityChanged) await unpublishUnlicensedGroups(tx, row!, 'identity_changed');
    else if (before.leadership === 'licensed' && row!.leadership !== 'licensed') await unpublishUnlicensedGroups(tx, row!);
    return { facilitator: row!, created: false };
  });
}
