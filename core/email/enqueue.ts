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
  'registration_already',
  'application_already',
  'application_received',
  'application_accepted',
  'application_waitlisted',
  'application_declined',
  'application_withdrawn',
  'cohort_confirmed',
  'cohort_postponed',
  'session_reminder',
  'organizer_message',
  'session_cancelled',
  'session_postponed',
  'session_moved_online',
  'session_make_up',
] as const;
export type GroupEmailTemplate = (typeof EMAIL_TEMPLATES)[number];

/**
 * Messages that are not about a person's place in a group: accounts, invitations. Each has
 * `email.<template>.subject`, `.body` and, when it carries a link, `.action` in the catalogs.
 */
export const NOTICE_TEMPLATES = ['account_verify', 'password_reset', 'magic_link', 'member_invite', 'licence_verified', 'licence_rejected', 'group_unpublished_licence', 'group_unpublished_licence_identity', 'community_approved', 'community_declined', 'community_removed', 'community_muted', 'community_banned', 'community_reply', 'community_digest', 'community_message', 'article_confirm', 'article_already', 'article_new'] as const;
export type NoticeTemplate = (typeof NOTICE_TEMPLATES)[number];
export type EmailTemplate = GroupEmailTemplate | NoticeTemplate;

export function isNoticeTemplate(template: string): template is NoticeTemplate {
  return (NOTICE_TEMPLATES as readonly string[]).includes(template);
}

export interface NoticePayload {
  /** The greeting's name, when known. */
  name?: string;
  /** Variables of the subject and body strings. */
  vars?: Record<string, string | number>;
  /** The link the message is about (verify, reset, sign in, accept an invitation). */
  url?: string;
  /** Words written by a person (an organizer), shown as written. */
  message?: string;
  /** Mail a person chose: the one-click link stops this kind from this community, or the subscription to new articles. */
  unsubscribe?: { memberId: string; topic: 'replies' | 'digest' | 'messages' } | { subscriberId: string };
}

/** Mail a person may opt out of (with a one-click unsubscribe); everything else is transactional. */
export const NON_TRANSACTIONAL: ReadonlySet<EmailTemplate> = new Set<EmailTemplate>(['session_reminder', 'community_reply', 'community_digest', 'community_message', 'article_new']);

export interface EmailPayload {
  participantId: string;
  name: string;
  /** slugFr: the French address (absent from emails queued before groups had one). */
  group: { slug: string; slugFr?: string | null; title: Bilingual; timeZone: string; delivery: 'in_person' | 'online' | 'hybrid'; place: string | null };
  session?: { id: string; startsAt: string; endsAt: string };
  /** For an accepted application: the cohort's sessions, for the calendar file. */
  cohortSessions?: { id: string; startsAt: string; endsAt: string }[];
  cohort?: { id: string; startsOn: string; endsOn: string };
  position?: number;
  /** Only in messages to a person whose place is confirmed and whose address is proven. */
  onlineUrl?: string | null;
  /**
   * The place is held until then for an address not proven yet (decision 0010): the message asks the
   * person to open the link, and carries no meeting link or calendar file.
   */
  holdExpiresAt?: string;
  hoursBefore?: number;
  /** Words written by an organizer (a message to everyone registered, the reason of a change). */
  message?: string;
  /** Mail written on the organizers' behalf: replies go to this address (the email says so). */
  replyTo?: { organization: Bilingual; email: string };
  /** For a postponed session: its time before this change (the email says both). */
  previousSession?: { startsAt: string; endsAt: string };
  /**
   * For a person holding a place, when a session changes: the updated calendar entry to attach
   * (same UID as the confirmation's, `sequence` one higher per change; `cancel` removes it).
   */
  calendar?: SessionCalendarUpdate;
  [key: string]: unknown;
}

/** What an email's calendar file says of its session after a change. */
export interface SessionCalendarUpdate {
  method: 'publish' | 'cancel';
  /** The event's revision (SEQUENCE): 0 when first planned, one more per change. */
  sequence: number;
  /** The ORGANIZER of the event: the organization, at its reply address. */
  organizer?: { name: Bilingual; email: string } | null;
}

export async function enqueueEmail(
  ctx: Context,
  message:
    | { key: string; to: string; locale: Locale; template: GroupEmailTemplate; payload: EmailPayload; replyTo?: string | null }
    | { key: string; to: string; locale: Locale; template: NoticeTemplate; payload: NoticePayload; replyTo?: string | null },
): Promise<void> {
  await ctx.db
    .insert(emailOutbox)
    .values({
      idempotencyKey: message.key,
      toEmail: message.to,
      replyTo: message.replyTo ?? null,
      locale: message.locale,
      template: message.template,
      payload: message.payload as Record<string, unknown>,
      transactional: !NON_TRANSACTIONAL.has(message.template),
      nextAttemptAt: ctx.now,
      createdAt: ctx.now,
    })
    .onConflictDoNothing({ target: emailOutbox.idempotencyKey });
}
