import { renderToStaticMarkup } from 'react-dom/server';
import { getT, type Locale } from '../../i18n';
import { pick } from '../../core/text';
import { NON_TRANSACTIONAL, type EmailPayload, type EmailTemplate } from '../../core/email/enqueue';
import { manageUrl, unsubscribeUrl } from '../../core/participants/manage-link';
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
export function renderEmail(template: EmailTemplate, payload: EmailPayload, locale: Locale, settings: Settings): RenderedEmail {
  const t = getT(locale);
  const group = pick(payload.group.title, locale)?.text ?? '';
  const dates = payload.cohort
    ? t('group.cohortDates', { start: formatDay(payload.cohort.startsOn, locale), end: formatDay(payload.cohort.endsOn, locale) })
    : '';
  const vars = { group, dates, position: payload.position ?? '' };
  const subject = t(`email.${template}.subject`, vars);
  const lines: string[] = [t(`email.${template}.body`, vars)];
  if (payload.session) {
    const starts = new Date(payload.session.startsAt);
    const ends = new Date(payload.session.endsAt);
    lines.push(
      t('email.when', {
        when: `${formatSessionTime(starts, payload.group.timeZone, locale)} – ${formatTime(ends, payload.group.timeZone, locale)}`,
      }),
    );
  }
  const showPlace = template !== 'registration_cancelled' && template !== 'application_withdrawn' && template !== 'application_declined';
  if (showPlace && (payload.session || payload.cohort)) {
    lines.push(t('email.where', { where: payload.group.place ?? t('email.online') }));
    if (payload.onlineUrl) lines.push(t('email.joinLink', { url: payload.onlineUrl }));
    else if (payload.group.delivery !== 'in_person' && (template === 'registration_confirmed' || template === 'registration_promoted')) {
      lines.push(t('email.linkLater'));
    }
  }
  const manage = manageUrl(settings, locale, payload.participantId);
  const unsubscribe = NON_TRANSACTIONAL.has(template) ? unsubscribeUrl(settings, payload.participantId) : null;
  const greeting = t('email.greeting', { name: payload.name });

  const text = [
    greeting,
    '',
    ...lines,
    '',
    `${t('email.manage')}: ${manage}`,
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
          <p>{greeting}</p>
          {lines.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
          <p>
            <a href={manage}>{t('email.manage')}</a>
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
