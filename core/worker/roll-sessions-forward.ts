import { and, asc, eq, exists, isNull } from 'drizzle-orm';
import { groups, schedules } from '../../db/schema';
import { withTransaction, type Context } from '../context';
import { syncSessions } from '../group-editor/materialize-sessions';
import { refreshGroupSearch } from '../search/refresh-group-search';

/** How often one process rolls the session window forward (sessions are made weeks ahead). */
export const ROLL_SESSIONS_EVERY_MS = 3_600_000;

export interface RollSessionsResult {
  /** Groups looked at (published, not archived, with a schedule). */
  checked: number;
  /** Groups that gained or lost sessions (their search rows were rebuilt). */
  changed: string[];
  created: number;
  removed: number;
  /** Groups skipped because another transaction (an editor, another worker) held them. */
  busy: number;
}

/**
 * Keeps "the next weeks" of sessions ahead of time: every published, non-archived group with a
 * schedule has its sessions made from its schedules again (syncSessions is idempotent), so that
 * as weeks pass the window moves on. Each group runs in its own transaction under its row lock,
 * taken with SKIP LOCKED: a group someone is editing, or that another worker process is handling
 * right now, is left for that transaction (which syncs it anyway) or for the next pass. The
 * editor's own writes take the same lock, so sessions are never made twice.
 *
 * A group whose schedule cannot be expanded does not stop the others; the failures are thrown
 * together at the end so the worker logs them.
 */
export async function rollSessionsForward(ctx: Context): Promise<RollSessionsResult> {
  const candidates = await ctx.db
    .select({ id: groups.id })
    .from(groups)
    .where(
      and(
        eq(groups.status, 'published'),
        isNull(groups.archivedAt),
        exists(ctx.db.select({ id: schedules.id }).from(schedules).where(eq(schedules.groupId, groups.id))),
      ),
    )
    .orderBy(asc(groups.id));

  const result: RollSessionsResult = { checked: 0, changed: [], created: 0, removed: 0, busy: 0 };
  const failures: { groupId: string; error: unknown }[] = [];
  for (const { id } of candidates) {
    try {
      await withTransaction(ctx, async (tx) => {
        const [locked] = await tx.db
          .select({ id: groups.id, status: groups.status, archivedAt: groups.archivedAt })
          .from(groups)
          .where(eq(groups.id, id))
          .for('update', { skipLocked: true });
        if (!locked) {
          result.busy++;
          return;
        }
        // Unpublished or archived since the list was read: nothing to keep going.
        if (locked.status !== 'published' || locked.archivedAt) return;
        result.checked++;
        const synced = await syncSessions(tx, id, { refreshSearch: false });
        if (synced.created || synced.removed) {
          await refreshGroupSearch(tx.db, [id], tx.now);
          result.changed.push(id);
          result.created += synced.created;
          result.removed += synced.removed;
        }
      });
    } catch (error) {
      failures.push({ groupId: id, error });
    }
  }
  if (failures.length) {
    throw new AggregateError(
      failures.map((f) => f.error),
      `rolling sessions forward failed for ${failures.length} group(s): ${failures.map((f) => f.groupId).join(', ')}`,
    );
  }
  return result;
}

/**
 * Whether a process that last rolled sessions forward at `last` (null: never) should do it again
 * at `now`: at most once every ROLL_SESSIONS_EVERY_MS.
 */
export function rollSessionsDue(last: Date | null, now: Date): boolean {
  return last === null || now.getTime() - last.getTime() >= ROLL_SESSIONS_EVERY_MS;
}
