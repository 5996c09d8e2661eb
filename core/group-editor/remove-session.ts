import { and, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { attendance, registrations, schedules, sessions } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, NotFound } from '../errors';
import { audit, editableGroup, lockGroup, touchGroup } from './shared';

export const removeSessionInput = z.object({ groupId: z.uuid(), sessionId: z.uuid() });
export type RemoveSessionInput = z.input<typeof removeSessionInput>;

/**
 * Deletes a session nobody registered for (an occurrence of a schedule becomes one of its skipped
 * dates). A session with registrations is refused (Conflict):
 * it must be cancelled instead, which tells the people registered.
 */
export async function removeSession({ ctx, input }: { ctx: Context; input: RemoveSessionInput }): Promise<void> {
  const q = parseInput(removeSessionInput, input);
  const group = await editableGroup(ctx, q.groupId);
  await withTransaction(ctx, async (tx) => {
    await lockGroup(tx, q.groupId);
    const [session] = await tx.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.id, q.sessionId), eq(sessions.groupId, q.groupId)));
    if (!session) throw new NotFound('session');
    const [reg] = await tx.db.select({ id: registrations.id }).from(registrations).where(eq(registrations.sessionId, session.id)).limit(1);
    const [att] = await tx.db.select({ id: attendance.id }).from(attendance).where(eq(attendance.sessionId, session.id)).limit(1);
    if (reg || att) throw new Conflict('people are registered for this session: cancel it instead, so that they are told', 'has_registrations');
    if (session.scheduleId) {
      // An occurrence of a schedule: skip its date, or the next sync would bring it back.
      const local = DateTime.fromJSDate(session.originalStartsAt ?? session.startsAt, { zone: group.timeZone }).toFormat('yyyy-MM-dd HH:mm:00');
      await tx.db
        .update(schedules)
        .set({ exceptionsLocal: sql`array_append(${schedules.exceptionsLocal}, ${local}::timestamp)`, updatedAt: tx.now })
        .where(eq(schedules.id, session.scheduleId));
    }
    await tx.db.delete(sessions).where(eq(sessions.id, session.id));
    await audit(tx, {
      organizationId: group.organizationId,
      action: 'session.removed',
      entityType: 'session',
      entityId: session.id,
      data: { groupId: q.groupId, startsAt: session.startsAt.toISOString(), scheduleId: session.scheduleId },
    });
    await touchGroup(tx, q.groupId);
  });
}
