import { sql } from 'drizzle-orm';
import type { Context } from '../context';
import { refreshGroupSearch } from '../search/refresh-group-search';
import { rows } from '../search/rows';

/** At most this many rows are rebuilt per pass; the rest wait for the next one. */
const BATCH = 500;

/**
 * Rebuilds the search rows that time has overtaken since their refresh: a start has passed or the
 * last sign-up deadline has. Searches are right without it (they read starts and deadlines with
 * their own clock), but the weekdays and times of the coming weeks, and the later starts a row
 * keeps, are as of the refresh; this keeps them current. A rebuilt row moves its next start and
 * deadline past `ctx.now`, so each row is picked up once per start.
 */
export async function refreshPassedSearch(ctx: Context): Promise<string[]> {
  const now = sql`${ctx.now.toISOString()}::timestamptz`;
  const due = await rows<{ id: string }>(
    ctx.db,
    sql`select group_id as id from group_search
        where next_start < ${now} or seats_until <= ${now}
        order by least(next_start, seats_until) limit ${BATCH}`,
  );
  const ids = due.map((r) => r.id);
  await refreshGroupSearch(ctx.db, ids, ctx.now);
  return ids;
}
