import { emailOutbox, type Locale } from '../../db/schema';
import type { Bilingual } from '../text';
import type { Context } from '../context';

// Emails are never sent from an action: the action writes a row here, in its own transaction,
// and the delivery worker sends it. The idempotency key makes a second write of the same
// message a no-op, so retries of an action or of the worker never send it twice.

export const EMAIL_TEMPLATES = [
  'registration_confirmed',
  'registration_waitlisted',
  'registration_promoted',
  'registration_cancelled',
  'application_received',
  'application_accepted',
  'application_waitlisted',
  'application_declined',
  'application_withdrawn',
  'cohort_confirmed',
  'cohort_postponed',
  'session_reminder',
] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

/** Mail a person may opt out of (with a one-click unsubscribe); everything else is transactional. */
export const NON_TRANSACTIONAL: ReadonlySet<EmailTemplate> = new Set(['session_reminder']);

export interface EmailPayload {
  participantId: string;
  name: string;
  group: { slug: string; title: Bilingual; timeZone: string; delivery: 'in_person' | 'online' | 'hybrid'; place: string | null };
  session?: { id: string; startsAt: string; endsAt: string };
  /** For an accepted application: the cohort's sessions, for the calendar file. */
  cohortSessions?: { id: string; startsAt: string; endsAt: string }[];
  cohort?: { id: string; startsOn: string; endsOn: string };
  position?: number;
  /** Only in messages to a person whose place is confirmed. */
  onlineUrl?: string | null;
  hoursBefore?: number;
  [key: string]: unknown;
}

export async function enqueueEmail(
  ctx: Context,
  message: { key: string; to: string; locale: Locale; template: EmailTemplate; payload: EmailPayload },
): Promise<void> {
  await ctx.db
    .insert(emailOutbox)
    .values({
      idempotencyKey: message.key,
      toEmail: message.to,
      locale: message.locale,
      template: message.template,
      payload: message.payload,
      transactional: !NON_TRANSACTIONAL.has(message.template),
      nextAttemptAt: ctx.now,
      createdAt: ctx.now,
    })
    .onConflictDoNothing({ target: emailOutbox.idempotencyKey });
}
