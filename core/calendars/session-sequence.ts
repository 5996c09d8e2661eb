import { and, count, eq, inArray } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { Context } from '../context';

/**
 * The changes that make a new revision of a session's calendar entry: each is recorded once in
 * the audit log by its action (core/running), so their number is the entry's SEQUENCE (RFC 5545
 * §3.8.7.4): 0 as first planned, 1 after the first change, and so on. A calendar that already
 * holds the event (same UID) replaces it with a higher revision instead of adding a second one.
 */
export const SESSION_CHANGES = ['session.postponed', 'session.cancelled', 'session.moved_online'] as const;

/** The revision of each session's calendar entry (sessions never changed are left out: 0). */
export async function calendarSequences(ctx: Context, sessionIds: string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: auditLog.entityId, n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'session'), inArray(auditLog.entityId, sessionIds), inArray(auditLog.action, [...SESSION_CHANGES])))
    .groupBy(auditLog.entityId);
  return new Map(rows.map((r) => [r.id!, Number(r.n)]));
}

/**
 * The revision a change being made now gives the session's entry: one more than the changes
 * recorded so far (call it before the change's own audit row is written).
 */
export async function nextCalendarSequence(ctx: Context, sessionId: string): Promise<number> {
  return ((await calendarSequences(ctx, [sessionId])).get(sessionId) ?? 0) + 1;
}
