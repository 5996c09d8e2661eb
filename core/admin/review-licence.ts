import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { facilitators, organizationMembers, organizations, users, type Locale } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, Invalid, NotFound } from '../errors';
import { enqueueEmail } from '../email/enqueue';
import { requirePlatformAdmin } from '../policy/permissions';
import { REVIEW_NOTE_MAX } from './constants';
import { audit, loadFacilitator, type FacilitatorRow } from '../facilitators/shared';
import { unpublishUnlicensedGroups } from '../facilitators/unpublish-unlicensed-groups';
import { pathTo } from '../../app/lib/paths';


export const reviewLicenceInput = z
  .object({
    facilitatorId: z.uuid(),
    decision: z.enum(['verify', 'reject'], { error: 'required' }),
    /** Why a licence is rejected (required then), or a remark on a verification. Sent to the organization. */
    note: z
      .string()
      .trim()
      .max(REVIEW_NOTE_MAX, { error: 'too_long' })
      .nullish()
      .transform((s) => s || null),
    /** The `version` the reviewer saw in the queue; a licence changed since then is not decided. */
    version: z.string().max(40).optional(),
  })
  .superRefine((v, issue) => {
    if (v.decision === 'reject' && !v.note) issue.addIssue({ code: 'custom', path: ['note'], message: 'required' });
  });
export type ReviewLicenceInput = z.input<typeof reviewLicenceInput>;

/** Where the organization's facilitator profiles are managed. */
export function facilitatorsPath(locale: Locale, organizationSlug: string): string {
  return pathTo(locale, 'orgFacilitators', { org: organizationSlug });
}

/**
 * A platform administrator verifies or rejects a pending licence (a rejection says why). The
 * organization's owners and admins and the facilitator's own account are told by email, with the
 * administrator's note.
 */
export async function reviewLicence({ ctx, input }: { ctx: Context; input: ReviewLicenceInput }): Promise<{ facilitator: FacilitatorRow }> {
  const q = parseInput(reviewLicenceInput, input);
  return withTransaction(ctx, async (tx) => {
    const adminId = await requirePlatformAdmin(tx);
    const before = await loadFacilitator(tx, q.facilitatorId, { lock: true });
    if (before.licenceStatus !== 'pending') throw new Conflict(`the licence is ${before.licenceStatus}, not waiting for review`, 'licence_not_pending');
    if (q.version && q.version !== before.updatedAt.toISOString()) {
      throw new Conflict('the licence was changed since it was shown; review it again', 'licence_not_pending');
    }
    if (!before.licenceNumber || !before.licenceBody || !before.licenceJurisdiction) {
      throw new Invalid([{ path: 'facilitatorId', message: 'incomplete_licence' }]);
    }
    const status = q.decision === 'verify' ? 'verified' : 'rejected';
    const [row] = await tx.db
      .update(facilitators)
      .set({ licenceStatus: status, licenceReviewedAt: tx.now, licenceReviewedBy: adminId, licenceReviewNote: q.note, updatedAt: tx.now })
      .where(eq(facilitators.id, before.id))
      .returning();

    await audit(tx, {
      organizationId: before.organizationId,
      action: `licence.${status}`,
      entityType: 'facilitator',
      entityId: before.id,
      data: { number: before.licenceNumber, body: before.licenceBody, jurisdiction: before.licenceJurisdiction, note: q.note },
    });
    // A rejected licence no longer carries the group therapy it was holding up.
    if (status === 'rejected' && row) await unpublishUnlicensedGroups(tx, row);

    // Who is told: the organization's owners and admins, and the facilitator's own account.
    const [org] = before.organizationId
      ? await tx.db.select().from(organizations).where(eq(organizations.id, before.organizationId))
      : [];
    const managers = org
      ? await tx.db
          .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
          .from(organizationMembers)
          .innerJoin(users, eq(users.id, organizationMembers.userId))
          .where(and(eq(organizationMembers.organizationId, org.id), inArray(organizationMembers.role, ['owner', 'admin'])))
      : [];
    const linked = before.userId
      ? await tx.db.select({ id: users.id, email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, before.userId))
      : [];
    const seen = new Set<string>();
    const template = status === 'verified' ? 'licence_verified' : 'licence_rejected';
    for (const person of [...linked, ...managers]) {
      const address = person.email.toLowerCase();
      if (seen.has(address)) continue;
      seen.add(address);
      const organizationName = org ? ((person.locale === 'fr' ? org.nameFr : org.nameEn) ?? org.nameEn ?? org.nameFr ?? '') : '';
      await enqueueEmail(tx, {
        key: `licence:${before.id}:${status}:${tx.now.getTime()}:${person.id}`,
        to: person.email,
        locale: person.locale,
        template,
        payload: {
          name: person.name,
          vars: { facilitator: before.displayName, organization: organizationName },
          ...(org ? { url: new URL(facilitatorsPath(person.locale, org.slug), tx.settings.publicUrl).toString() } : {}),
          ...(q.note ? { message: q.note } : {}),
        },
      });
    }
    if (!row) throw new NotFound('facilitator');
    return { facilitator: row };
  });
}
