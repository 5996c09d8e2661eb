import { and, count, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { groups, organizationInvitations, organizationMembers } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { requirePermission, requireUserId } from '../policy/permissions';
import { loadOrganization, uuidInput } from './shared';

export const getFirstStepsInput = z.object({ organizationId: uuidInput });

/** What a profile lacks before people can tell who runs the groups and how to reach them. */
export type ProfileGap = 'description' | 'contact';

export interface FirstSteps {
  /** A description (in either language) and a way to reach the organization (website, email or phone). */
  profile: { done: boolean; missing: ProfileGap[] };
  /** At least one group, whatever its status. */
  group: { done: boolean };
  /** Someone else is a member, or has an invitation waiting for an answer. */
  member: { done: boolean };
  /** Every step is done. */
  done: boolean;
}

/** The first steps of a new organization and which are done (any member may see them). */
export async function getFirstSteps({ ctx, input }: { ctx: Context; input: z.input<typeof getFirstStepsInput> }): Promise<FirstSteps> {
  requireUserId(ctx);
  const q = parseInput(getFirstStepsInput, input);
  await requirePermission(ctx, q.organizationId, 'organization.view');
  const org = await loadOrganization(ctx, q.organizationId);
  const [[groupCount], [memberCount], [waiting]] = await Promise.all([
    ctx.db.select({ n: count() }).from(groups).where(eq(groups.organizationId, q.organizationId)),
    ctx.db.select({ n: count() }).from(organizationMembers).where(eq(organizationMembers.organizationId, q.organizationId)),
    ctx.db
      .select({ n: count() })
      .from(organizationInvitations)
      .where(
        and(
          eq(organizationInvitations.organizationId, q.organizationId),
          isNull(organizationInvitations.acceptedAt),
          isNull(organizationInvitations.revokedAt),
          gt(organizationInvitations.expiresAt, ctx.now),
        ),
      ),
  ]);
  const missing: ProfileGap[] = [];
  if (!org.descriptionEn?.trim() && !org.descriptionFr?.trim()) missing.push('description');
  if (!org.website && !org.email && !org.phone) missing.push('contact');
  const steps = {
    profile: { done: missing.length === 0, missing },
    group: { done: (groupCount?.n ?? 0) > 0 },
    member: { done: (memberCount?.n ?? 0) > 1 || (waiting?.n ?? 0) > 0 },
  };
  return { ...steps, done: steps.profile.done && steps.group.done && steps.member.done };
}
