import { and, eq, or } from 'drizzle-orm';
import { communityMembers, groups, organizationMembers, type MemberRole } from '../../db/schema';
import type { Context } from '../context';
import { Forbidden, NotFound } from '../errors';
import { grantOf, requireUserId, type CommunityStanding, type Permission } from '../policy/permissions';
import { isUuid } from '../text';

export type CommunityGroup = Pick<
  typeof groups.$inferSelect,
  'id' | 'organizationId' | 'slug' | 'slugFr' | 'titleEn' | 'titleFr' | 'summaryEn' | 'summaryFr' | 'autoApprove' | 'rulesEn' | 'rulesFr' | 'timeZone'
>;
export type Membership = typeof communityMembers.$inferSelect;

/** Who the acting person is to one community: their role in its organization and their membership. */
export interface CommunityAccess {
  group: CommunityGroup;
  userId: string | null;
  orgRole: MemberRole | null;
  membership: Membership | null;
  /** Their standing in the community: only an approved membership counts. */
  standing: CommunityStanding | null;
  /** Muted by a moderator until then (a time to come): they read but do not write. */
  mutedUntil: Date | null;
}

/**
 * A published online community by id or slug (either language), and who the acting person is to
 * it. Anything else — a draft, another kind of group, an unknown reference — is not found.
 */
export async function communityAccess(ctx: Context, ref: string): Promise<CommunityAccess> {
  const byRef = isUuid(ref) ? eq(groups.id, ref) : or(eq(groups.slug, ref), eq(groups.slugFr, ref));
  const userId = ctx.actor.type === 'user' ? ctx.actor.userId : null;
  // One statement: the community, and the person's organization role and membership in it.
  const [found] = await ctx.db
    .select({
      group: {
        id: groups.id,
        organizationId: groups.organizationId,
        slug: groups.slug,
        slugFr: groups.slugFr,
        titleEn: groups.titleEn,
        titleFr: groups.titleFr,
        summaryEn: groups.summaryEn,
        summaryFr: groups.summaryFr,
        autoApprove: groups.autoApprove,
        rulesEn: groups.rulesEn,
        rulesFr: groups.rulesFr,
        timeZone: groups.timeZone,
      },
      orgRole: organizationMembers.role,
      membership: communityMembers,
    })
    .from(groups)
    .leftJoin(organizationMembers, and(eq(organizationMembers.organizationId, groups.organizationId), eq(organizationMembers.userId, userId ?? '')))
    .leftJoin(communityMembers, and(eq(communityMembers.groupId, groups.id), eq(communityMembers.userId, userId ?? '')))
    .where(and(byRef, eq(groups.status, 'published'), eq(groups.kind, 'online_community')))
    .limit(1);
  if (!found) throw new NotFound('community');
  const { group } = found;
  if (!userId) return { group, userId, orgRole: null, membership: null, standing: null, mutedUntil: null };
  const membership = found.membership;
  const standing = membership?.status === 'member' ? membership.role : null;
  const mutedUntil = standing && membership?.mutedUntil && membership.mutedUntil > ctx.now ? membership.mutedUntil : null;
  return { group, userId, orgRole: found.orgRole ?? null, membership: membership ?? null, standing, mutedUntil };
}

/** Whether the access holds a permission of the table (core/policy/permissions.ts) for this community. */
export function allows(access: CommunityAccess, permission: Permission): boolean {
  // A muted member keeps reading (and a muted moderator moderating) but writes nothing.
  if (permission === 'community.post' && access.mutedUntil) return false;
  // An organization role reaches every community of the organization ('all'); a standing reaches
  // the community it was given in ('own'), which is this one.
  return grantOf(access.orgRole, permission) === 'all' || grantOf(access.standing, permission) !== null;
}

/**
 * The community and the acting person's access, when they hold `permission` in it. Anonymous
 * visitors are asked to sign in; others are told they are not members (the community itself is
 * public: its page says how to join).
 */
export async function requireCommunity(ctx: Context, ref: string, permission: Permission): Promise<CommunityAccess & { userId: string }> {
  const access = await communityAccess(ctx, ref);
  requireUserId(ctx);
  if (!allows(access, permission)) {
    throw new Forbidden(`${permission} is not allowed here`, refusal(access, permission));
  }
  return access as CommunityAccess & { userId: string };
}

/** Why a permission is refused, for the page to say it: waiting, muted, banned, or not one of them. */
function refusal(access: CommunityAccess, permission: Permission): string {
  const status = access.membership?.status;
  if (status === 'pending' || status === 'banned') return status;
  if (access.mutedUntil && permission === 'community.post') return 'muted';
  return permission === 'community.post' || permission === 'community.read' ? 'not_a_member' : 'not_a_moderator';
}

/** An access whose person is an approved member of the community. */
export type MemberAccess = CommunityAccess & { userId: string; membership: Membership };

/**
 * The acting person's access when they are a member of the community — as a member, not as one of
 * its organizers (a banned person and a non-member are refused, each with their reason).
 */
export async function requireMember(ctx: Context, ref: string): Promise<MemberAccess> {
  const userId = requireUserId(ctx);
  const access = await communityAccess(ctx, ref);
  if (access.membership?.status !== 'member') {
    throw new Forbidden('for the community’s members', access.membership?.status === 'banned' ? 'banned' : 'not_a_member');
  }
  return { ...access, userId, membership: access.membership };
}
