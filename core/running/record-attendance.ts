import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { attendance } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, Invalid } from '../errors';
import { audit, isConfirmed, rosterOf, sessionForOrganizer } from './shared';

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;

export const recordAttendanceInput = z.object({
  sessionId: z.uuid(),
  records: z
    .array(z.object({ participantId: z.uuid(), status: z.enum(ATTENDANCE_STATUSES) }))
    .min(1)
    .max(1000),
});

/**
 * Records who came to a session (check-in): present, absent or excused per person. Recording
 * again replaces the earlier mark (one row per session and person). Only people holding a place
 * at the session — confirmed sign-ups, or accepted members of its cohort — can be marked.
 */
export async function recordAttendance({ ctx, input }: { ctx: Context; input: z.input<typeof recordAttendanceInput> }) {
  const q = parseInput(recordAttendanceInput, input);
  return withTransaction(ctx, async (tx) => {
    const { session, organization } = await sessionForOrganizer(tx, q.sessionId, 'sessions.run');
    if (session.status === 'cancelled') throw new Conflict('this session is cancelled');
    const holders = new Set((await rosterOf(tx, session, false)).filter(isConfirmed).map((p) => p.participantId));
    const issues = q.records
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => !holders.has(r.participantId))
      .map(({ i }) => ({ path: `records.${i}.participantId`, message: 'this person holds no place at this session' }));
    if (issues.length) throw new Invalid(issues);
    // The last mark given for a person wins when one request names them twice.
    const marks = new Map(q.records.map((r) => [r.participantId, r.status]));
    const userId = tx.actor.type === 'user' ? tx.actor.userId : null;
    await tx.db
      .insert(attendance)
      .values([...marks].map(([participantId, status]) => ({ sessionId: session.id, participantId, status, recordedAt: tx.now, recordedBy: userId })))
      .onConflictDoUpdate({
        target: [attendance.sessionId, attendance.participantId],
        set: { status: sql`excluded.status`, recordedAt: sql`excluded.recorded_at`, recordedBy: sql`excluded.recorded_by` },
      });
    await audit(tx, {
      organizationId: organization.id,
      action: 'attendance.recorded',
      entityType: 'session',
      entityId: session.id,
      data: { marks: Object.fromEntries(marks) },
    });
    return { recorded: marks.size };
  });
}
