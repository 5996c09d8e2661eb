import { and, asc, eq, gte, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { cohorts, groups, modules, registrations, attendance, schedules, sessions } from '../../db/schema';
import { withTransaction, type Context } from '../context';
import { NotFound } from '../errors';
import { expandSchedule, type Occurrence } from '../schedules/expand-schedule';
import { refreshGroupSearch } from '../search/refresh-group-search';
import { audit, editableGroup } from './shared';

/** Drop-in sessions exist as rows for this many days ahead; the rest are made as time goes by. */
export const MATERIALIZE_DAYS = 56;
const DAY_MS = 86_400_000;

interface Wanted {
  scheduleId: string;
  cohortId: string | null;
  moduleId: string | null;
  startsAt: Date;
  endsAt: Date;
}

export interface MaterializeResult {
  created: number;
  removed: number;
  /** Sessions that no longer match a schedule but keep registrations, so they stay. */
  kept: number;
}

const key = (scheduleId: string, cohortId: string | null, at: Date) => `${scheduleId}|${cohortId ?? ''}|${at.toISOString()}`;

function occurrences(s: typeof schedules.$inferSelect, zone: string, from: Date, to: Date): Occurrence[] {
  return expandSchedule(
    {
      rrule: s.rrule,
      startsLocal: s.startsLocal,
      durationMinutes: s.durationMinutes,
      timeZone: zone,
      untilLocal: s.untilLocal,
      exceptionsLocal: s.exceptionsLocal,
    },
    { from, to },
  );
}

/**
 * Makes the group's session rows agree with its schedules, without checking permissions (the
 * caller has). Drop-in: one session per occurrence in the next MATERIALIZE_DAYS days. Closed: each
 * open cohort gets the first `sessionCount` occurrences between its start and end dates of its
 * own schedules and of those that belong to no cohort, each carrying the module of its position. Idempotent. Only sessions still ahead are touched; one
 * that no longer matches is removed unless people registered for it or attended it (then it
 * stays, and the running-sessions screens can cancel it with a notice).
 */
export async function syncSessions(
  tx: Context,
  groupId: string,
  options: { without?: string[]; /** false: the caller refreshes the search row itself (if at all). */ refreshSearch?: boolean } = {},
): Promise<MaterializeResult> {
  const [group] = await tx.db.select().from(groups).where(eq(groups.id, groupId));
  if (!group) throw new NotFound('group');
  const zone = group.timeZone;
  const now = tx.now;
  const scheduleRows = (
    await tx.db.select().from(schedules).where(eq(schedules.groupId, groupId)).orderBy(asc(schedules.createdAt))
  ).filter((s) => !options.without?.includes(s.id));

  const existing = await tx.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.groupId, groupId), isNotNull(sessions.scheduleId), gte(sessions.startsAt, now)));

  const wanted: Wanted[] = [];
  if (group.format === 'closed') {
    const open = await tx.db
      .select()
      .from(cohorts)
      .where(and(eq(cohorts.groupId, groupId), notInArray(cohorts.status, ['cancelled', 'completed'])));
    for (const cohort of open) {
      const mods = await tx.db.select().from(modules).where(eq(modules.cohortId, cohort.id)).orderBy(asc(modules.position));
      const from = DateTime.fromISO(cohort.startsOn, { zone }).startOf('day').toJSDate();
      const to = DateTime.fromISO(cohort.endsOn, { zone }).plus({ days: 1 }).startOf('day').toJSDate();
      // Only the cohort's own schedules and those that serve every cohort: two cohorts on
      // different days never take each other's dates.
      const all = scheduleRows
        .filter((s) => s.cohortId == null || s.cohortId === cohort.id)
        .flatMap((s) => occurrences(s, zone, from, to).map((o) => ({ s, o })))
        .sort((a, b) => a.o.startsAt.getTime() - b.o.startsAt.getTime())
        .slice(0, cohort.sessionCount);
      all.forEach(({ s, o }, i) => {
        if (o.startsAt < now) return;
        wanted.push({
          scheduleId: s.id,
          cohortId: cohort.id,
          moduleId: mods.find((m) => m.position === i + 1)?.id ?? null,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
        });
      });
    }
  } else {
    // Look as far as the furthest session already made, so a changed schedule is checked there too.
    const furthest = existing.reduce((t, s) => Math.max(t, s.startsAt.getTime() + 1), now.getTime() + MATERIALIZE_DAYS * DAY_MS);
    for (const s of scheduleRows) {
      for (const o of occurrences(s, zone, now, new Date(furthest))) {
        wanted.push({ scheduleId: s.id, cohortId: null, moduleId: null, startsAt: o.startsAt, endsAt: o.endsAt });
      }
    }
  }

  const wantedByKey = new Map(wanted.map((w) => [key(w.scheduleId, w.cohortId, w.startsAt), w]));
  const matched = new Set<string>();
  const unmatched: (typeof sessions.$inferSelect)[] = [];
  for (const s of existing) {
    // A postponed session still stands for the occurrence it was first planned at.
    const k = key(s.scheduleId!, s.cohortId, s.originalStartsAt ?? s.startsAt);
    const w = wantedByKey.get(k);
    if (w && !matched.has(k)) {
      matched.add(k);
      const endsAt = s.originalStartsAt ? s.endsAt : w.endsAt;
      if (s.moduleId !== w.moduleId || s.endsAt.getTime() !== endsAt.getTime()) {
        await tx.db.update(sessions).set({ moduleId: w.moduleId, endsAt, updatedAt: now }).where(eq(sessions.id, s.id));
      }
    } else {
      unmatched.push(s);
    }
  }

  let removed = 0;
  let kept = 0;
  if (unmatched.length) {
    const ids = unmatched.map((s) => s.id);
    const busy = new Set(
      [
        ...(await tx.db.selectDistinct({ id: registrations.sessionId }).from(registrations).where(inArray(registrations.sessionId, ids))),
        ...(await tx.db.selectDistinct({ id: attendance.sessionId }).from(attendance).where(inArray(attendance.sessionId, ids))),
      ].map((r) => r.id),
    );
    const free = ids.filter((id) => !busy.has(id));
    kept = ids.length - free.length;
    if (free.length) {
      await tx.db.delete(sessions).where(inArray(sessions.id, free));
      removed = free.length;
    }
  }

  const toCreate = wanted.filter((w) => !matched.has(key(w.scheduleId, w.cohortId, w.startsAt)));
  if (toCreate.length) {
    await tx.db.insert(sessions).values(
      toCreate.map((w) => ({
        groupId,
        scheduleId: w.scheduleId,
        cohortId: w.cohortId,
        moduleId: w.moduleId,
        startsAt: w.startsAt,
        endsAt: w.endsAt,
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
  if (options.refreshSearch !== false) await refreshGroupSearch(tx.db, [groupId], now);
  return { created: toCreate.length, removed, kept };
}

/**
 * Creates the group's sessions of the coming weeks from its schedules (and its cohorts' sessions),
 * removes those that no longer match and have nobody registered. Safe to run any number of times.
 */
export async function materializeSessions(ctx: Context, groupId: string): Promise<MaterializeResult> {
  const group = await editableGroup(ctx, groupId);
  return withTransaction(ctx, async (tx) => {
    await tx.db.execute(sql`select id from groups where id = ${groupId} for update`);
    const result = await syncSessions(tx, groupId);
    if (result.created || result.removed) {
      await audit(tx, {
        organizationId: group.organizationId,
        action: 'group.sessions_materialized',
        entityType: 'group',
        entityId: groupId,
        data: { ...result },
      });
    }
    return result;
  });
}
