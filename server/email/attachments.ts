import { buildCalendar, discreetEvent, type CalendarEvent } from '../../core/calendars/build-calendar';
import type { EmailPayload, EmailTemplate } from '../../core/email/enqueue';
import type { Settings } from '../../core/context';
import { pick } from '../../core/text';
import { pathTo } from '../../app/lib/paths';
import { getT, type Locale } from '../../i18n';

/** Messages that confirm a place get the sessions as a calendar file. */
const WITH_CALENDAR: ReadonlySet<EmailTemplate> = new Set(['registration_confirmed', 'registration_promoted', 'application_accepted']);

/**
 * The .ics attached to a confirmation: the session (or the cohort's sessions) in the group's zone.
 * Event ids match the group's public calendar, so importing both updates one entry. The person's
 * place is confirmed, so the meeting link, when there is one, is in the description. `stamp` is
 * when the message was written (the calendar's DTSTAMP).
 */
export function calendarAttachment(
  template: EmailTemplate,
  payload: EmailPayload,
  locale: Locale,
  settings: Settings,
  stamp: Date,
  discreet = false,
): { filename: string; content: string; contentType: string } | null {
  // After a change, the people holding a place get the entry again, revised (payload.calendar).
  const update = payload.calendar;
  if (!WITH_CALENDAR.has(template) && !update) return null;
  // A place held for an unproven address is not in anyone's calendar yet (decision 0010).
  if (payload.holdExpiresAt) return null;
  const sessions = payload.session ? [payload.session] : (payload.cohortSessions ?? []);
  if (sessions.length === 0) return null;
  const t = getT(locale);
  const title = pick(payload.group.title, locale)?.text ?? payload.group.slug;
  const host = new URL(settings.publicUrl).host;
  const slug = locale === 'fr' ? (payload.group.slugFr ?? payload.group.slug) : payload.group.slug;
  const url = new URL(pathTo(locale, 'group', { slug }), settings.publicUrl).toString();
  const entries: CalendarEvent[] = sessions.map((s) => ({
    uid: `session-${s.id}@${host}`,
    timeZone: payload.group.timeZone,
    start: new Date(s.startsAt),
    end: new Date(s.endsAt),
    summary: title,
    description: [payload.onlineUrl ? t('email.joinLink', { url: payload.onlineUrl }) : null, url].filter(Boolean).join('\n\n'),
    location: payload.group.place ?? t('email.online'),
    url,
    status: update?.method === 'cancel' ? 'cancelled' : 'confirmed',
    sequence: update?.sequence ?? 0,
    organizer: update?.organizer ? { name: pick(update.organizer.name, locale)?.text ?? title, email: update.organizer.email } : null,
  }));
  // Discreet mode: an "Appointment" at its time and place, with nothing of the group (only the
  // meeting link, for an online session).
  const events = discreet ? entries.map((e) => discreetEvent(e, locale, payload.onlineUrl ? t('email.joinLink', { url: payload.onlineUrl }) : '')) : entries;
  const method = update?.method ?? 'publish';
  return {
    filename: 'cercle.ics',
    content: buildCalendar({ name: discreet ? t('email.discreet.event') : title, events, now: stamp, method }),
    contentType: `text/calendar; charset=utf-8; method=${method.toUpperCase()}`,
  };
}
