import { and, eq, sql } from 'drizzle-orm';
import type { InferSelectModel } from 'drizzle-orm';
import { z } from 'zod';
import { facilitators, groupFacilitators } from '../../db/schema';
import type { Context } from '../context';
import { NotFound } from '../errors';

export type FacilitatorRow = InferSelectModel<typeof facilitators>;

/**
 * Optional free text from a form: trimmed, blank becomes null, too long is an issue with the
 * stable code `too_long` (pages turn codes into sentences).
 */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'too_long' })
    .nullish()
    .transform((s) => s || null);

/** Required free text from a form, with the stable codes `required` and `too_long`. */
export const requiredText = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'too_long' });

/** Loads a facilitator profile (locked for update when asked); NotFound when it does not exist. */
export async function loadFacilitator(ctx: Context, facilitatorId: string, options: { lock?: boolean } = {}): Promise<FacilitatorRow> {
  const query = ctx.db.select().from(facilitators).where(eq(facilitators.id, facilitatorId));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw new NotFound('facilitator');
  return row;
}

/** The ids of the groups a facilitator is linked to (their search rows show the facilitator). */
export async function groupsOfFacilitator(ctx: Context, facilitatorId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ groupId: groupFacilitators.groupId })
    .from(groupFacilitators)
    .where(eq(groupFacilitators.facilitatorId, facilitatorId));
  return rows.map((r) => r.groupId);
}

/**
 * Whether a group has at least one licensed facilitator whose licence an administrator verified
 * (what group therapy needs before it can be published; SPEC §1).
 */
export async function hasVerifiedLicensedFacilitator(ctx: Context, groupId: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(groupFacilitators)
    .innerJoin(facilitators, eq(facilitators.id, groupFacilitators.facilitatorId))
    .where(
      and(
        eq(groupFacilitators.groupId, groupId),
        eq(facilitators.leadership, 'licensed'),
        eq(facilitators.licenceStatus, 'verified'),
      ),
    );
  return (row?.n ?? 0) > 0;
}

export { audit } from '../audit/write-audit';
