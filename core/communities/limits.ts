import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Context } from '../context';
import { consume, LIMITS } from '../limits/rate-limit';
import type { CommunityAccess } from './access';

// How much one person may write, report and ask in communities (the counters are the shared
// request_limits table: they hold across app processes). New members get a smaller share.

const DAY = 24 * 60 * 60_000;
/** A member for less than this is "new". */
export const NEW_MEMBER_MS = 7 * DAY;

type Counted = 'post' | 'comment' | 'report' | 'message';

const SHARES = {
  post: [LIMITS.communityPost, LIMITS.communityPostNew],
  comment: [LIMITS.communityComment, LIMITS.communityCommentNew],
  report: [LIMITS.communityReport, LIMITS.communityReportNew],
  message: [LIMITS.communityMessage, LIMITS.communityMessageNew],
} as const;

/** Whether the person joined the community less than a week ago (organizers are never new). */
export function isNewMember(ctx: Context, access: CommunityAccess): boolean {
  if (access.orgRole) return false;
  const since = access.membership?.decidedAt;
  return since != null && ctx.now.getTime() - since.getTime() < NEW_MEMBER_MS;
}

/** Counts one post, comment or report of the acting person in the community; refuses when over. */
export async function countCommunityAction(ctx: Context, access: CommunityAccess & { userId: string }, action: Counted): Promise<void> {
  const [usual, fresh] = SHARES[action];
  const limit = isNewMember(ctx, access) ? fresh : usual;
  await consume(ctx, [{ key: `community:${action}:${access.group.id}:${access.userId}`, ...limit }]);
}

/** Counts one request to join, per account; an account of less than a day gets fewer. */
export async function countJoinRequest(ctx: Context, userId: string): Promise<void> {
  const [me] = await ctx.db.select({ createdAt: users.createdAt }).from(users).where(eq(users.id, userId));
  const fresh = me != null && ctx.now.getTime() - me.createdAt.getTime() < DAY;
  await consume(ctx, [{ key: `community:join:${userId}`, ...(fresh ? LIMITS.communityJoinNew : LIMITS.communityJoin) }]);
}
