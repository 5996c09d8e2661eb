import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { attendance, registrations } from '../../db/schema';
import { sessionCapacity } from '../registrations/shared';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, Invalid, NotFound } from '../errors';
import type { WalkInPolicy } from '../group-editor/group-input';
import { audit, isConfirmed, rosterOf, sessionForOrganizer, type GroupRow, type SessionRow } from './shared';

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;

/**
 * When check-in opens: at the start of the session's day in the group's time zone (midnight
 * there), not before. It stays open afterwards, so marks can be completed after the session.
 */
export function checkInOpensAt(session: Pick<SessionRow, 'startsAt'>, group: Pick<GroupRow, 'timeZone'>): Date {
  return DateTime.fromJSDate(session.startsAt, { zone: group.timeZone }).startOf('day').toJSDate();
}

/** Why check-in cannot be taken now, or null when it can. */
export function checkInClosed(ctx: Context, session: SessionRow, group: GroupRow): 'cancelled' | 'not_yet' | null {
  if (session.status === 'cancelled') return 'cancelled';
  if (ctx.now < checkInOpensAt(session, group)) return 'not_yet';
  return null;
}

function assertCheckInOpen(ctx: Context, session: SessionRow, group: GroupRow): void {
  const closed = checkInClosed(ctx, session, group);
  if (closed === 'cancelled') throw new Conflict('this session is cancelled', 'session_closed');
  if (closed === 'not_yet') throw new Conflict('check-in opens on the day of the session', 'check_in_not_open');
}

export const recordAttendanceInput = z.object({
  sessionId: z.uuid(),
  records: z
    .array(z.object({ participantId: z.uuid(), status: z.enum(ATTENDANCE_STATUSES) }))
    .min(1)
    .max(1000),
});

/**
 * Records who came to a session (check-in): present, absent or excused per person, from the day
 * of the session on. Recording again replaces the earlier mark (one row per session and person).
 * Only people holding a place at the session — confirmed sign-ups, or accepted members of its
 * cohort — can be marked; people who came without one are walk-ins (addWalkIn).
 */
export async function recordAttendance({ ctx, input }: { ctx: Context; input: z.input<typeof recordAttendanceInput> }) {
  const q = parseInput(recordAttendanceInput, input);
  return withTransaction(ctx, async (tx) => {
    const { session, group, organization } = await sessionForOrganizer(tx, q.sessionId, 'sessions.run');
    assertCheckInOpen(tx, session, group);
    const holders = new Set((await rosterOf(tx, session, false)).filter(isConfirmed).map((p) => p.participantId));
    const issues = q.records
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => !holders.has(r.participantId))
      .map(({ i }) => ({ path: `records.${i}.participantId`, message: 'this person holds no place at this session', code: 'not_on_roster' }));
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

/** A walk-in's name or nickname: what they give at the door, as on a sign-up. */
const walkInName = z.string().trim().min(1).max(80);

export const addWalkInInput = z.object({ sessionId: z.uuid(), name: walkInName });

/**
 * Whether the session takes another walk-in under its group's rule (`groups.walk_ins`):
 * 'welcome' always; 'within_capacity' while the people holding a place and the walk-ins already
 * added leave room (a session without a seat limit always has room); 'none' never.
 */
async function walkInRoom(tx: Context, session: SessionRow, group: GroupRow): Promise<{ allowed: boolean; reason: 'walk_ins_off' | 'walk_ins_full' | null }> {
  if (group.walkIns === 'none') return { allowed: false, reason: 'walk_ins_off' };
  const capacity = sessionCapacity(session, group);
  if (group.walkIns === 'welcome' || capacity == null) return { allowed: true, reason: null };
  const [row] = await tx.db
    .select({
      taken: sql<number>`(select count(*)::int from ${registrations} r where r.session_id = ${session.id} and r.status = 'confirmed')
        + (select count(*)::int from ${attendance} a where a.session_id = ${session.id} and a.participant_id is null)`,
    })
    .from(sql`(select 1) as one`);
  const taken = Number(row?.taken ?? 0);
  return taken < capacity ? { allowed: true, reason: null } : { allowed: false, reason: 'walk_ins_full' };
}

/**
 * Adds someone who came to a drop-in session without signing up, by the name or nickname they
 * give (no email: they get no message). A walk-in counts as present; they take no seat, so the
 * places of the session and its waitlist stay as they were. The group's rule says whether
 * walk-ins are taken at all, or only while seats are left (Conflict `walk_ins_off`,
 * `walk_ins_full`). Cohort sessions have no walk-ins (members apply to the whole cohort). The name
 * is seen by the group's organizers only and is not written to the audit log.
 */
export async function addWalkIn({ ctx, input }: { ctx: Context; input: z.input<typeof addWalkInInput> }) {
  const q = parseInput(addWalkInInput, input);
  return withTransaction(ctx, async (tx) => {
    // The session row is locked, so that two people adding walk-ins at once count right.
    const { session, group, organization } = await sessionForOrganizer(tx, q.sessionId, 'sessions.run', true);
    if (session.cohortId) throw new Conflict('walk-ins are for drop-in sessions', 'walk_ins_drop_in_only');
    assertCheckInOpen(tx, session, group);
    const room = await walkInRoom(tx, session, group);
    if (!room.allowed) throw new Conflict(room.reason!, room.reason);
    const [row] = await tx.db
      .insert(attendance)
      .values({
        sessionId: session.id,
        participantId: null,
        walkInName: q.name,
        status: 'present',
        recordedAt: tx.now,
        recordedBy: tx.actor.type === 'user' ? tx.actor.userId : null,
      })
      .returning({ id: attendance.id });
    await audit(tx, { organizationId: organization.id, action: 'attendance.walk_in_added', entityType: 'session', entityId: session.id, data: { walkInId: row!.id } });
    return { walkInId: row!.id };
  });
}

export const removeWalkInInput = z.object({ sessionId: z.uuid(), walkInId: z.uuid() });

/** Takes back a walk-in added by mistake. */
export async function removeWalkIn({ ctx, input }: { ctx: Context; input: z.input<typeof removeWalkInInput> }) {
  const q = parseInput(removeWalkInInput, input);
  return withTransaction(ctx, async (tx) => {
    const { session, organization } = await sessionForOrganizer(tx, q.sessionId, 'sessions.run');
    const gone = await tx.db
      .delete(attendance)
      .where(and(eq(attendance.id, q.walkInId), eq(attendance.sessionId, session.id), isNull(attendance.participantId)))
      .returning({ id: attendance.id });
    if (gone.length === 0) throw new NotFound('walk-in', 'walk_in_gone');
    await audit(tx, { organizationId: organization.id, action: 'attendance.walk_in_removed', entityType: 'session', entityId: session.id, data: { walkInId: q.walkInId } });
    return { removed: 1 };
  });
}

export const checkInStateInput = z.object({ sessionId: z.uuid() });

/**
 * What the check-in page needs beyond the registrants: whether check-in is open (and from when),
 * and the walk-ins recorded so far, in the order they came. For the group's organizers only.
 */
export async function getCheckInState({ ctx, input }: { ctx: Context; input: z.input<typeof checkInStateInput> }) {
  const q = parseInput(checkInStateInput, input);
  const { session, group } = await sessionForOrganizer(ctx, q.sessionId, 'registrants.view');
  const walkIns = await ctx.db
    .select({ id: attendance.id, name: attendance.walkInName, recordedAt: attendance.recordedAt })
    .from(attendance)
    .where(and(eq(attendance.sessionId, session.id), isNull(attendance.participantId)))
    .orderBy(asc(attendance.recordedAt), asc(attendance.id));
  const room = session.cohortId ? { allowed: false, reason: null } : await walkInRoom(ctx, session, group);
  return {
    opensAt: checkInOpensAt(session, group),
    closed: checkInClosed(ctx, session, group),
    walkInsAllowed: !session.cohortId,
    /** The group's rule for walk-ins, and why no more can be added now (null: they can). */
    walkInPolicy: group.walkIns as WalkInPolicy,
    walkInsRefused: room.reason,
    walkIns: walkIns.map((w) => ({ id: w.id, name: w.name ?? '', recordedAt: w.recordedAt })),
  };
}
