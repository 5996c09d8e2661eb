import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { groups, organizations } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { NotFound } from '../errors';
import { requirePermission } from '../policy/permissions';
import { DEFAULT_TIME_ZONE, zoneForRegion } from './choices';

export const defaultTimeZoneInput = z.object({ organizationId: z.uuid() });

/**
 * The time zone a new group of an organization starts with: that of its latest group, otherwise
 * the usual zone of the province in its profile, otherwise America/Toronto. Any member may ask.
 */
export async function defaultTimeZone({ ctx, input }: { ctx: Context; input: z.input<typeof defaultTimeZoneInput> }): Promise<string> {
  const q = parseInput(defaultTimeZoneInput, input);
  await requirePermission(ctx, q.organizationId, 'organization.view');
  const [latest] = await ctx.db
    .select({ timeZone: groups.timeZone })
    .from(groups)
    .where(eq(groups.organizationId, q.organizationId))
    .orderBy(desc(groups.createdAt), desc(groups.id))
    .limit(1);
  if (latest) return latest.timeZone;
  const [org] = await ctx.db.select({ region: organizations.region }).from(organizations).where(eq(organizations.id, q.organizationId));
  if (!org) throw new NotFound('organization');
  return zoneForRegion(org.region) ?? DEFAULT_TIME_ZONE;
}
