import type { Context } from '../context';
import { enqueueEmail, type EmailPayload, type GroupEmailTemplate } from '../email/enqueue';
import { cohortForEmail } from '../applications/shared';
import { groupForEmail, sessionForEmail } from '../registrations/shared';
import type { CohortRow, GroupRow, RosterPerson, SessionRow } from './shared';

/**
 * Writes one outbox email per person, each in the language they signed up in. `key` names the
 * event (one email per person per event, however often the action is retried); `onlineUrl` is
 * given to people holding a place only, never to people waiting.
 */
export async function notifyPeople(
  tx: Context,
  people: RosterPerson[],
  mail: {
    key: string;
    template: GroupEmailTemplate;
    group: GroupRow;
    session?: SessionRow | null;
    cohort?: CohortRow | null;
    message?: string;
    onlineUrl?: string | null;
    /** Override the group part (a session moved online has no place). */
    groupPart?: EmailPayload['group'];
  },
): Promise<number> {
  for (const person of people) {
    const confirmed = person.status !== 'waitlisted';
    await enqueueEmail(tx, {
      key: `${mail.key}:${person.participantId}`,
      to: person.email,
      locale: person.locale,
      template: mail.template,
      payload: {
        participantId: person.participantId,
        name: person.name,
        group: mail.groupPart ?? groupForEmail(mail.group),
        ...(mail.session ? { session: sessionForEmail(mail.session) } : {}),
        ...(mail.cohort ? { cohort: cohortForEmail(mail.cohort) } : {}),
        ...(mail.message ? { message: mail.message } : {}),
        ...(confirmed && mail.onlineUrl ? { onlineUrl: mail.onlineUrl } : {}),
      },
    });
  }
  return people.length;
}
