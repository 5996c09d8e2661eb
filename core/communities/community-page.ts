import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { communityMembers, communityReports, users } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { bilingual, type Bilingual } from '../text';
import { questionsOf, type FormQuestion } from '../registrations/get-signup-form';
import { groupSlugs, type GroupSlugs } from '../groups/slugs';
import { allows, communityAccess } from './access';

export const getCommunityInput = z.object({ community: z.string().min(1).max(200) });

export interface CommunityPage {
  group: { id: string; slugs: GroupSlugs; title: Bilingual; summary: Bilingual; rules: Bilingual; autoApprove: boolean; timeZone: string };
  /** What joining asks. */
  questions: FormQuestion[];
  viewer: {
    signedIn: boolean;
    /** The nickname on their account, to fill the join form with. */
    nickname: string | null;
    status: 'none' | 'pending' | 'member' | 'declined' | 'left' | 'banned';
    declineReason: string | null;
    /** Muted by a moderator until then: they read but do not write. */
    mutedUntil: Date | null;
    /** The moderator's reason, for a muted or banned person. */
    sanctionReason: string | null;
    /** For a member: the emails they chose from this community. */
    emails: { replies: boolean; digest: boolean } | null;
    moderator: boolean;
    canRead: boolean;
    canPost: boolean;
    canModerate: boolean;
    /** Chooses the moderators (the organization's owners and admins). */
    canManage: boolean;
    /** For those who moderate: requests waiting for a decision. */
    pendingRequests: number | null;
    /** For those who moderate: things reported and not decided yet. */
    openReports: number | null;
  };
}

/**
 * What a community's page shows anyone: its description, rules and how to join — and who the
 * viewer is to it. Its posts come from listFeed, for those who may read them; nothing here counts
 * or names members for anyone else.
 */
export async function getCommunity({ ctx, input }: { ctx: Context; input: z.input<typeof getCommunityInput> }): Promise<CommunityPage> {
  const q = parseInput(getCommunityInput, input);
  const access = await communityAccess(ctx, q.community);
  const g = access.group;
  const canModerate = allows(access, 'community.moderate');
  const [[pending], [reports], [me]] = await Promise.all([
    canModerate
      ? ctx.db
          .select({ n: count() })
          .from(communityMembers)
          .where(and(eq(communityMembers.groupId, g.id), eq(communityMembers.status, 'pending')))
      : Promise.resolve([undefined]),
    canModerate
      ? ctx.db
          .select({ n: sql<number>`count(distinct coalesce(${communityReports.postId}, ${communityReports.commentId}, ${communityReports.memberId}))::int` })
          .from(communityReports)
          .where(and(eq(communityReports.groupId, g.id), isNull(communityReports.resolvedAt)))
      : Promise.resolve([undefined]),
    access.userId ? ctx.db.select({ nickname: users.nickname }).from(users).where(eq(users.id, access.userId)) : Promise.resolve([undefined]),
  ]);
  return {
    group: {
      id: g.id,
      slugs: groupSlugs(g),
      title: bilingual(g.titleEn, g.titleFr),
      summary: bilingual(g.summaryEn, g.summaryFr),
      rules: bilingual(g.rulesEn, g.rulesFr),
      autoApprove: g.autoApprove,
      timeZone: g.timeZone,
    },
    questions: await questionsOf(ctx, g.id),
    viewer: {
      signedIn: access.userId != null,
      nickname: me?.nickname ?? null,
      status: access.membership?.status ?? 'none',
      declineReason: access.membership?.status === 'declined' ? access.membership.declineReason : null,
      mutedUntil: access.mutedUntil,
      emails: access.membership?.status === 'member' ? { replies: access.membership.notifyReplies, digest: access.membership.digest } : null,
      sanctionReason: access.mutedUntil || access.membership?.status === 'banned' ? (access.membership?.sanctionReason ?? null) : null,
      moderator: access.standing === 'moderator',
      canRead: allows(access, 'community.read'),
      canPost: allows(access, 'community.post'),
      canModerate,
      canManage: allows(access, 'community.manage'),
      pendingRequests: canModerate ? (pending?.n ?? 0) : null,
      openReports: canModerate ? (reports?.n ?? 0) : null,
    },
  };
}
