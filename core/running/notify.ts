import type { Context } from '../context';
import { enqueueEmail, type EmailPayload, type GroupEmailTemplate, type SessionCalendarUpdate } from '../email/enqueue';
import { replyAddressFor } from '../email/reply-to';
import { cohortForEmail } from '../applications/shared';
import { groupForEmail, sessionForEmail } from '../registrations/shared';
import type { Bilingual } from '../text';
import { isConfirmed, type CohortRow, type GroupRow, type RosterPerson, type SessionRow } from './shared';

/**
 * Writes one outbox email per person, each in the language they signed up in, on behalf of the
 * organization: replies go to its contact address (see replyAddressFor). `key` names the event
 * (one email per person per event, however often the action is retried); `onlineUrl` and the
 * updated calendar entry are given to people holding a place only (held places excepted), never to
 * people waiting.
 */
export async function notifyPeople(
  tx: Context,
  people: RosterPerson[],
  mail: {
    key: string;
    template: GroupEmailTemplate;
    organization: { id: string; name: Bilingual };
    group: GroupRow;
    session?: SessionRow | null;
    cohort?: CohortRow | null;
    message?: string;
    onlineUrl?: string | null;
    /** Override the group part (a session moved online has no place). */
    groupPart?: EmailPayload['group'];
    /** A postponed session's time before the change. */
    previous?: Pick<SessionRow, 'startsAt' | 'endsAt'>;
    /** The session's calendar entry after the change, for the people holding a place. */
    calendar?: Omit<SessionCalendarUpdate, 'organizer'>;
  },
): Promise<number> {
  if (people.length === 0) return 0;
  const replyTo = await replyAddressFor(tx, mail.organization.id);
  const calendar: SessionCalendarUpdate | undefined = mail.calendar && {
    ...mail.calendar,
    organizer: replyTo ? { name: mail.organization.name, email: replyTo } : null,
  };
  for (const person of people) {
    // A place still held for an unproven address gets no link (decision 0010).
    const confirmed = isConfirmed(person) && !person.held;
    await enqueueEmail(tx, {
      key: `${mail.key}:${person.participantId}`,
      to: person.email,
      locale: person.locale,
      template: mail.template,
      replyTo,
      payload: {
        participantId: person.participantId,
        name: person.name,
        group: mail.groupPart ?? groupForEmail(mail.group),
        ...(mail.session ? { session: sessionForEmail(mail.session) } : {}),
        ...(mail.previous ? { previousSession: { startsAt: mail.previous.startsAt.toISOString(), endsAt: mail.previous.endsAt.toISOString() } } : {}),
        ...(mail.cohort ? { cohort: cohortForEmail(mail.cohort) } : {}),
        ...(mail.message ? { message: mail.message } : {}),
        ...(replyTo ? { replyTo: { organization: mail.organization.name, email: replyTo } } : {}),
        ...(confirmed && mail.onlineUrl ? { onlineUrl: mail.onlineUrl } : {}),
        ...(confirmed && calendar && mail.session ? { calendar } : {}),
      },
    });
  }
  return people.length;
}
