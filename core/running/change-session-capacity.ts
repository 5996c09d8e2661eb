import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { sessions } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, Invalid } from '../errors';
import { confirmedCount } from '../registrations/shared';
import { promoteWaitlist } from '../registrations/promote-waitlist';
import { refreshGroupSearch } from '../search/refresh-group-search';
import { audit, sessionForOrganizer } from './shared';

export const changeSessionCapacityInput = z.object({
  sessionId: z.uuid(),
  /** Seats of this one session; null = back to the group's default. */
  capacity: z.number({ error: 'invalid_capacity' }).int('invalid_capacity').min(1, 'invalid_capacity').max(10_000, 'invalid_capacity').nullable(),
});

/**
 * Changes the seats of one drop-in session. Permission: `sessions.run`, so the facilitator at
 * the door can open seats when a bigger room or a co-facilitator turns up; the group's default
 * capacity stays with `groups.edit` (the group editor). Raising the seats gives them at once to
 * the people waiting, in order, each told by email; lowering below the places already confirmed
 * is refused (nobody loses a confirmed place).
 */
export async function changeSessionCapacity({ ctx, input }: { ctx: Context; input: z.input<typeof changeSessionCapacityInput> }) {
  const q = parseInput(changeSessionCapacityInput, input);
  return withTransaction(ctx, async (tx) => {
    const { session, group, organization } = await sessionForOrganizer(tx, q.sessionId, 'sessions.run', true);
    if (session.cohortId) throw new Conflict('a cohort session takes its places from the cohort', 'cohort_capacity');
    if (session.status === 'cancelled') throw new Conflict('this session is cancelled', 'session_closed');
    if (session.endsAt <= tx.now) throw new Conflict('this session is over', 'session_closed');
    const seats = q.capacity ?? group.sessionCapacity;
    const taken = await confirmedCount(tx, session.id);
    if (seats != null && seats < taken) {
      throw new Invalid([{ path: 'capacity', message: `${taken} people already hold a place: the capacity cannot go below ${taken}`, code: 'capacity_below_taken', params: { count: taken } }]);
    }
    await tx.db.update(sessions).set({ capacity: q.capacity, updatedAt: tx.now }).where(eq(sessions.id, session.id));
    // Seats only reach the waitlist of a published group's session that has not started.
    const promoted = group.status === 'published' ? await promoteWaitlist(tx, session.id) : [];
    await audit(tx, {
      organizationId: organization.id,
      action: 'session.capacity_changed',
      entityType: 'session',
      entityId: session.id,
      data: { from: session.capacity, to: q.capacity, promoted: promoted.length },
    });
    await refreshGroupSearch(tx.db, [group.id], tx.now);
    return { capacity: seats, promoted };
  });
}
