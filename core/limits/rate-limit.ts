import { sign } from '../signing';
import { sql, type SQL } from 'drizzle-orm';
import type { Context } from '../context';
import { RateLimited } from '../errors';
import { rows } from '../search/rows';
import { pgArray } from '../search/search-sql';

// Limits on what anyone may ask of the public endpoints (sign-ups, applications, cancellations,
// listing reports): per client address, and per recipient email so that nobody can use Cercle to
// flood someone's inbox. Counters live in the database (`request_limits`), so they hold across app
// processes; each key counts in fixed windows. How they are sized: docs/security.md.

export interface Limit {
  /** What is counted, e.g. `signup:ip:203.0.113.7`; an email in it is hashed first (emailKey). */
  key: string;
  max: number;
  windowMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The limits of each public action. Per address, generous enough for a shared computer (a library,
 * a shelter) where several people sign up in the same hour; per recipient, tight: a person signs
 * up for a session once, and a loop of sign-ups and cancellations stops after a few emails.
 */
export const LIMITS = {
  /** Sign-ups and applications from one client address. */
  joinPerAddress: { max: 30, windowMs: 10 * MINUTE },
  /** Sign-ups (or applications) of one email address for one session (or cohort). */
  joinPerRecipientAndSession: { max: 3, windowMs: HOUR },
  /** Sign-ups and applications of one email address, whatever the group. */
  joinPerRecipient: { max: 10, windowMs: HOUR },
  /** Cancellations from one client address. */
  cancelPerAddress: { max: 30, windowMs: 10 * MINUTE },
  /** Reports of a listing from one client address. */
  reportPerAddress: { max: 10, windowMs: HOUR },
  /** Comments on articles from one client address. */
  commentPerAddress: { max: 5, windowMs: 10 * MINUTE },
  /** Subscriptions to new articles asked from one client address. */
  subscribePerAddress: { max: 10, windowMs: HOUR },
  /** Account emails (verification, password reset, magic link) to one address, whoever asks. */
  accountMailPerRecipient: { max: 5, windowMs: HOUR },
  /**
   * What one member writes in one community, and their reports; a member of less than a week
   * (`new`) gets a smaller share, which is what a spammer who was let in would use.
   */
  communityPost: { max: 20, windowMs: HOUR },
  communityPostNew: { max: 5, windowMs: HOUR },
  communityComment: { max: 60, windowMs: HOUR },
  communityCommentNew: { max: 15, windowMs: HOUR },
  communityReport: { max: 20, windowMs: HOUR },
  communityReportNew: { max: 5, windowMs: HOUR },
  communityMessage: { max: 30, windowMs: HOUR },
  communityMessageNew: { max: 10, windowMs: HOUR },
  /** Requests to join communities by one account, whatever the community; fewer for an account of less than a day. */
  communityJoin: { max: 10, windowMs: 24 * HOUR },
  communityJoinNew: { max: 3, windowMs: 24 * HOUR },
} as const;

/** A key part standing for an email address: keyed hash, so the table holds no address. */
export function emailKey(ctx: Context, email: string): string {
  return sign(ctx.settings.signingKey, `limit:${email.trim().toLowerCase()}`).slice(0, 22);
}

/** The client address of the request, when the edge gave one (system and test contexts have none). */
export const clientOf = (ctx: Context): string | null => ctx.client?.ip || null;

/**
 * Counts one request against each limit (one statement, `limits_wait`), then refuses with
 * RateLimited when any is over, saying when to try again (the longest wait of those over). A
 * refused request still counts: hammering does not shorten the wait.
 */
export async function consume(ctx: Context, limits: readonly Limit[]): Promise<void> {
  if (limits.length === 0) return;
  const { keys, windows, maxes } = limitArrays(limits);
  const [row] = await rows<{ wait: number | null }>(ctx.db, sql`select limits_wait(${keys}, ${windows}, ${maxes}, ${ctx.now.toISOString()}::timestamptz) as wait`);
  if (row?.wait != null) throw new RateLimited('too many requests', Number(row.wait), 'too_many_requests');
}

/**
 * The limits as the arrays the database functions take (limits_wait, and register_for_session,
 * which counts a sign-up in its own transaction): keys, windows (ms) and maximums.
 */
export function limitArrays(limits: readonly Limit[]): { keys: SQL; windows: SQL; maxes: SQL } {
  const ints = (values: number[]) => sql`${`{${values.join(',')}}`}::int[]`;
  return {
    keys: sql`${pgArray(limits.map((l) => l.key))}::text[]`,
    windows: ints(limits.map((l) => l.windowMs)),
    maxes: ints(limits.map((l) => l.max)),
  };
}

/** Forgets counters whose window ended (the worker calls it now and then). */
export async function purgeRequestLimits(ctx: Context): Promise<number> {
  const gone = await rows<{ key: string }>(
    ctx.db,
    sql`delete from request_limits where window_started_at + make_interval(secs => window_ms / 1000.0) <= ${ctx.now.toISOString()}::timestamptz returning key`,
  );
  return gone.length;
}

/** The limits of joining a session or cohort (`target`) with `email`, from the request's address. */
export function joinLimits(ctx: Context, email: string, target: string): Limit[] {
  const who = emailKey(ctx, email);
  const ip = clientOf(ctx);
  return [
    ...(ip ? [{ key: `join:ip:${ip}`, ...LIMITS.joinPerAddress }] : []),
    { key: `join:to:${who}:${target}`, ...LIMITS.joinPerRecipientAndSession },
    { key: `join:to:${who}`, ...LIMITS.joinPerRecipient },
  ];
}

/** A limit per client address only (nothing when the request has none). */
export function addressLimit(ctx: Context, action: 'cancel' | 'report' | 'comment' | 'subscribe'): Limit[] {
  const ip = clientOf(ctx);
  const limit = { cancel: LIMITS.cancelPerAddress, report: LIMITS.reportPerAddress, comment: LIMITS.commentPerAddress, subscribe: LIMITS.subscribePerAddress }[action];
  return ip ? [{ key: `${action}:ip:${ip}`, ...limit }] : [];
}
