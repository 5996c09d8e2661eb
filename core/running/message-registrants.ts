import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseInput, withTransaction, type Context } from '../context';
import { notifyPeople } from './notify';
import { audit, cohortForOrganizer, cohortMembers, rosterOf, sessionForOrganizer } from './shared';

export const messageRegistrantsInput = z
  .object({
    sessionId: z.uuid().optional(),
    cohortId: z.uuid().optional(),
    message: z.string().trim().min(1).max(5000),
    /** Also write to the people waiting for a place. */
    includeWaitlist: z.boolean().default(false),
  })
  .refine((v) => (v.sessionId ? 1 : 0) + (v.cohortId ? 1 : 0) === 1, { path: ['sessionId'], message: 'give a session or a cohort' });

/**
 * An organizer's own words to everyone holding a place at a session (or accepted in a cohort),
 * and to the waitlist when asked: one email per person, in their language, that they can answer
 * (Reply-To: the organization's contact address). Each message has an
 * id; the outbox key (message id + person) keeps a retried request from writing twice.
 */
export async function messageRegistrants({ ctx, input }: { ctx: Context; input: z.input<typeof messageRegistrantsInput> }) {
  const q = parseInput(messageRegistrantsInput, input);
  const messageId = randomUUID();
  return withTransaction(ctx, async (tx) => {
    const target = q.sessionId
      ? await sessionForOrganizer(tx, q.sessionId, 'registrants.message').then((s) => ({ ...s, entity: 'session' as const, id: s.session.id }))
      : await cohortForOrganizer(tx, q.cohortId!, 'registrants.message').then((c) => ({ ...c, session: null, entity: 'cohort' as const, id: c.cohort.id }));
    const people =
      target.entity === 'session' ? await rosterOf(tx, target.session!, q.includeWaitlist) : await cohortMembers(tx, target.id, q.includeWaitlist);
    const recipients = await notifyPeople(tx, people, {
      key: `message:${messageId}`,
      template: 'organizer_message',
      organization: target.organization,
      group: target.group,
      session: target.session,
      cohort: target.cohort,
      message: q.message,
    });
    await audit(tx, {
      organizationId: target.organization.id,
      action: 'registrants.messaged',
      entityType: target.entity,
      entityId: target.id,
      data: { messageId, recipients, includeWaitlist: q.includeWaitlist },
    });
    return { messageId, recipients };
  });
}
