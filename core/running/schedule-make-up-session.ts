import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { sessions } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, Invalid } from '../errors';
import { onlineLinkFor } from '../registrations/shared';
import { refreshGroupSearch } from '../search/refresh-group-search';
import { notifyPeople } from './notify';
import { audit, cohortMembers, sessionForOrganizer } from './shared';

export const scheduleMakeUpSessionInput = z
  .object({ sessionId: z.uuid(), startsAt: z.coerce.date(), endsAt: z.coerce.date() })
  .refine((v) => v.endsAt > v.startsAt, { path: ['endsAt'], message: 'the end must come after the start', params: { code: 'end_before_start' } });

/**
 * Replaces a cancelled session of a cohort with a make-up session (same cohort and module), and
 * tells every accepted member, with the new session for their calendar. One live make-up per
 * cancelled session.
 */
export async function scheduleMakeUpSession({ ctx, input }: { ctx: Context; input: z.input<typeof scheduleMakeUpSessionInput> }) {
  const q = parseInput(scheduleMakeUpSessionInput, input);
  return withTransaction(ctx, async (tx) => {
    const { session, group, cohort, organization } = await sessionForOrganizer(tx, q.sessionId, 'sessions.run', true);
    if (!cohort) throw new Conflict('only a session of a cohort gets a make-up session', 'make_up_cohort_only');
    if (session.status !== 'cancelled') throw new Conflict('only a cancelled session gets a make-up session', 'make_up_cancelled_only');
    if (q.startsAt <= tx.now) throw new Invalid([{ path: 'startsAt', message: 'the make-up session must be in the future', code: 'must_be_future' }]);
    const [existing] = await tx.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.makeUpForSessionId, session.id), ne(sessions.status, 'cancelled')));
    if (existing) throw new Conflict('this session already has a make-up session', 'make_up_exists');
    const [makeUp] = await tx.db
      .insert(sessions)
      .values({
        groupId: group.id,
        cohortId: cohort.id,
        moduleId: session.moduleId,
        startsAt: q.startsAt,
        endsAt: q.endsAt,
        topicEn: session.topicEn,
        topicFr: session.topicFr,
        languages: session.languages,
        makeUpForSessionId: session.id,
        isExtra: true,
        createdAt: tx.now,
        updatedAt: tx.now,
      })
      .returning();
    const members = await cohortMembers(tx, cohort.id, false);
    const notified = await notifyPeople(tx, members, {
      key: `session:${makeUp!.id}:make_up`,
      template: 'session_make_up',
      organization,
      group,
      session: makeUp!,
      cohort,
      onlineUrl: onlineLinkFor(group, makeUp!),
      // A new entry for the members' calendars, first revision.
      calendar: { method: 'publish', sequence: 0 },
    });
    await audit(tx, {
      organizationId: organization.id,
      action: 'session.make_up_scheduled',
      entityType: 'session',
      entityId: makeUp!.id,
      data: { makeUpFor: session.id, startsAt: q.startsAt.toISOString(), notified },
    });
    await refreshGroupSearch(tx.db, [group.id], tx.now);
    return { sessionId: makeUp!.id, notified };
  });
}
