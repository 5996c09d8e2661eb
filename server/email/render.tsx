import { renderToStaticMarkup } from 'react-dom/server';
import { getT, type Locale } from '../../i18n';
import { pick } from '../../core/text';
import {
  NON_TRANSACTIONAL,
  isNoticeTemplate,
  type EmailPayload,
  type EmailTemplate,
  type GroupEmailTemplate,
  type NoticePayload,
  type NoticeTemplate,
} from '../../core/email/enqueue';
import { articleUnsubscribeUrl, communityUnsubscribeUrl, manageUrl, unsubscribeUrl } from '../../core/participants/manage-link';
import type { Settings } from '../../core/context';
import { formatDay, formatSessionTime, formatTime } from '../../app/lib/format';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/**
 * Renders an outbox message in the recipient's language, as plain text and HTML (React escapes
 * every value), with the manage link, and a one-click unsubscribe on non-transactional mail.
 */
export function renderEmail(
  template: EmailTemplate,
  payload: EmailPayload | NoticePayload,
  locale: Locale,
  settings: Settings,
  recipient: { discreet: boolean } = { discreet: false },
): RenderedEmail {
  return isNoticeTemplate(template)
    ? renderNotice(template, payload as NoticePayload, locale, settings)
    : renderGroupEmail(template, payload as EmailPayload, locale, settings, recipient.discreet);
}

/**
 * In discreet mode (issue 36), what a message about a place shows before it is opened (subject,
 * preview) is one of four neutral kinds, and the body opens with the kind's neutral line.
 */
const DISCREET_KIND: Record<GroupEmailTemplate, 'reservation' | 'reminder' | 'change' | 'message'> = {
  registration_confirmed: 'reservation',
  registration_waitlisted: 'reservation',
  registration_promoted: 'reservation',
  registration_cancelled: 'reservation',
  registration_already: 'reservation',
  application_already: 'reservation',
  application_received: 'reservation',
  application_accepted: 'reservation',
  application_waitlisted: 'reservation',
  application_declined: 'reservation',
  application_withdrawn: 'reservation',
  cohort_confirmed: 'change',
  cohort_postponed: 'change',
  session_reminder: 'reminder',
  organizer_message: 'message',
  session_cancelled: 'change',
  session_postponed: 'change',
  session_moved_online: 'change',
  session_make_up: 'change',
};

/**
 * The preview mail programs show beside the subject, hidden in the message itself, followed by
 * invisible filler so that no program reaches past it into the details.
 */
function Preheader({ text }: { text: string }) {
  return (
    <div style={{ display: 'none', maxHeight: 0, overflow: 'hidden', opacity: 0 }}>
      {text}
      {'\u00a0\u200c'.repeat(80)}
    </div>
  );
}

/** Paragraphs of text written by a person, kept as written (blank lines separate paragraphs). */
function paragraphs(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function page(locale: Locale, subject: string, body: React.ReactNode): string {
  return (
    '<!doctype html>' +
    renderToStaticMarkup(
      <html lang={locale === 'fr' ? 'fr-CA' : 'en-CA'}>
        <head>
          <meta charSet="utf-8" />
          <title>{subject}</title>
        </head>
        <body style={{ fontFamily: 'system-ui, sans-serif', color: '#1d2521', lineHeight: 1.5 }}>{body}</body>
      </html>,
    )
  );
}

/** An account or invitation message: greeting, body, the link it is about, signature. */
function renderNotice(template: NoticeTemplate, payload: NoticePayload, locale: Locale, settings: Settings): RenderedEmail {
  const t = getT(locale);
  const vars = payload.vars ?? {};
  // Each notice has its own variables; the catalog test checks every key exists in both languages.
  const text_ = t as unknown as (key: string, vars?: Record<string, string | number>) => string;
  const subject = text_(`email.${template}.subject`, vars);
  const body = text_(`email.${template}.body`, vars);
  const greeting = payload.name ? t('email.greeting', { name: payload.name }) : t('email.greetingNoName');
  const written = paragraphs(payload.message);
  const action = payload.url ? text_(`email.${template}.action`) : null;
  const stopping = NON_TRANSACTIONAL.has(template) ? payload.unsubscribe : undefined;
  const unsubscribe = !stopping
    ? null
    : 'subscriberId' in stopping
      ? articleUnsubscribeUrl(settings, stopping.subscriberId)
      : communityUnsubscribeUrl(settings, stopping.memberId, stopping.topic);
  const stop = unsubscribe ? text_(`email.${template}.unsubscribe`) : null;
  const text = [
    greeting,
    '',
    body,
    ...written.flatMap((p) => ['', p]),
    ...(payload.url ? ['', `${action}: ${payload.url}`] : []),
    ...(unsubscribe ? ['', `${stop}: ${unsubscribe}`] : []),
    '',
    t('email.signature'),
  ].join('\n');
  const html = page(
    locale,
    subject,
    <>
      <p>{greeting}</p>
      <p>{body}</p>
      {written.map((p, i) => (
        <p key={i} style={{ whiteSpace: 'pre-wrap' }}>
          {p}
        </p>
      ))}
      {payload.url && (
        <p>
          <a href={payload.url}>{action}</a>
        </p>
      )}
      {unsubscribe && (
        <p>
          <small>
            <a href={unsubscribe}>{stop}</a>
          </small>
        </p>
      )}
      <p>{t('email.signature')}</p>
    </>,
  );
  const headers: Record<string, string> = unsubscribe ? { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {};
  return { subject, text, html, headers };
}

const HOLD_TEMPLATES = ['registration_confirmed', 'registration_waitlisted', 'application_received', 'application_accepted', 'application_waitlisted'] as const;

function isHoldTemplate(template: GroupEmailTemplate): template is (typeof HOLD_TEMPLATES)[number] {
  return (HOLD_TEMPLATES as readonly string[]).includes(template);
}

function renderGroupEmail(template: GroupEmailTemplate, payload: EmailPayload, locale: Locale, settings: Settings, discreet: boolean): RenderedEmail {
  const t = getT(locale);
  const group = pick(payload.group.title, locale)?.text ?? '';
  const dates = payload.cohort
    ? t('group.cohortDates', { start: formatDay(payload.cohort.startsOn, locale), end: formatDay(payload.cohort.endsOn, locale) })
    : '';
  const vars = { group, dates, position: payload.position ?? '' };
  // A place held for an address not proven yet: the message asks the person to confirm it.
  const held = payload.holdExpiresAt && isHoldTemplate(template) ? template : null;
  const until = payload.holdExpiresAt ? formatTime(new Date(payload.holdExpiresAt), payload.group.timeZone, locale) : '';
  const kind = DISCREET_KIND[template];
  const subject = discreet ? t(`email.discreet.subject.${kind}`) : held ? t('email.hold.subject', vars) : t(`email.${template}.subject`, vars);
  const opening = discreet ? t(`email.discreet.opening.${kind}`) : null;
  const lines: string[] = [
    ...(opening ? [opening] : []),
    held ? t(`email.hold.${held}`, { ...vars, until }) : t(`email.${template}.body`, vars),
  ];
  if (payload.session) {
    const span = (s: { startsAt: string; endsAt: string }) =>
      `${formatSessionTime(new Date(s.startsAt), payload.group.timeZone, locale)} – ${formatTime(new Date(s.endsAt), payload.group.timeZone, locale)}`;
    // A postponed session: the time it had, then the new one.
    if (payload.previousSession) lines.push(t('email.previousWhen', { when: span(payload.previousSession) }));
    lines.push(t(payload.previousSession ? 'email.newWhen' : 'email.when', { when: span(payload.session) }));
  }
  const showPlace =
    template !== 'registration_cancelled' && template !== 'application_withdrawn' && template !== 'application_declined' && template !== 'session_cancelled';
  if (showPlace && (payload.session || payload.cohort)) {
    lines.push(t('email.where', { where: payload.group.place ?? t('email.online') }));
    if (payload.onlineUrl) lines.push(t('email.joinLink', { url: payload.onlineUrl }));
    else if (held && payload.group.delivery !== 'in_person') lines.push(t('email.hold.linkAfter'));
    else if (payload.group.delivery !== 'in_person' && (template === 'registration_confirmed' || template === 'registration_promoted')) {
      lines.push(t('email.linkLater'));
    }
  }
  lines.push(...paragraphs(payload.message));
  if (payload.replyTo) {
    lines.push(
      discreet
        ? t('email.discreet.replyHint')
        : t('email.replyHint', { organization: pick(payload.replyTo.organization, locale)?.text ?? '', email: payload.replyTo.email }),
    );
  }
  if (payload.calendar) lines.push(t(payload.calendar.method === 'cancel' ? 'email.icsCancelHint' : 'email.icsUpdateHint'));
  const manage = manageUrl(settings, locale, payload.participantId);
  const unsubscribe = NON_TRANSACTIONAL.has(template) ? unsubscribeUrl(settings, payload.participantId) : null;
  const greeting = t('email.greeting', { name: payload.name });
  const manageLabel = held ? t('email.hold.action') : t('email.manage');

  const text = [
    greeting,
    '',
    ...lines,
    '',
    `${manageLabel}: ${manage}`,
    t('email.manageHint'),
    ...(unsubscribe ? ['', `${t('email.unsubscribe')}: ${unsubscribe}`] : []),
    '',
    t('email.signature'),
    '',
    t('email.crisis'),
  ].join('\n');

  const html =
    '<!doctype html>' +
    renderToStaticMarkup(
      <html lang={locale === 'fr' ? 'fr-CA' : 'en-CA'}>
        <head>
          <meta charSet="utf-8" />
          <title>{subject}</title>
        </head>
        <body style={{ fontFamily: 'system-ui, sans-serif', color: '#1d2521', lineHeight: 1.5 }}>
          {opening && <Preheader text={opening} />}
          <p>{greeting}</p>
          {lines.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
          <p>
            <a href={manage}>{manageLabel}</a>
            <br />
            <small>{t('email.manageHint')}</small>
          </p>
          {unsubscribe && (
            <p>
              <a href={unsubscribe}>{t('email.unsubscribe')}</a>
            </p>
          )}
          <p>{t('email.signature')}</p>
          <p>
            <small>{t('email.crisis')}</small>
          </p>
        </body>
      </html>,
    );

  const headers: Record<string, string> = {};
  if (unsubscribe) {
    headers['List-Unsubscribe'] = `<${unsubscribe}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return { subject, text, html, headers };
}
