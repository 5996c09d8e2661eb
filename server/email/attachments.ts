import type { EmailPayload, EmailTemplate } from '../../core/email/enqueue';

/**
 * The calendar file attached to confirmations (a place in a session, an accepted application).
 * Built by the shared calendar module once it is in place; until then no attachment.
 */
export function calendarAttachment(
  _template: EmailTemplate,
  _payload: EmailPayload,
): { filename: string; content: string; contentType: string } | null {
  return null;
}
