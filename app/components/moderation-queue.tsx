import '../../i18n/areas/community';
import { Form, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '../lib/community.server';
import type { Locale } from '../../i18n';
import { CsrfField } from './csrf-field';
import { Localized } from './localized';
import { ModerateForm, ReasonField } from './community-post';
import { Choice } from './form-kit';

const MUTE_DAYS = [1, 3, 7, 30] as const;

/**
 * The moderators' queue: one card per thing reported (crisis first), what was written and by whom
 * (moderators know an anonymous author), the reports, and the acts — each a plain form, so that the
 * queue works without JavaScript. `withCommunity` names each item's community (the organization's queue).
 */
export function ModerationQueue({ items, csrf, locale, withCommunity = false }: { items: QueueEntry[]; csrf: string; locale: Locale; withCommunity?: boolean }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{t('community.moderation.none')}</p>;
  return (
    <ul className="queue">
      {items.map((i) => {
        const label = `${t(`community.moderation.kind.${i.kind}`)} · ${i.author.nickname ?? t('community.anonymousMember')}`;
        const target: Record<string, string> =
          i.kind === 'member' ? { memberId: i.id } : i.kind === 'message' ? { messageId: i.id } : i.kind === 'post' ? { postId: i.id } : { commentId: i.id };
        const hidden = (intent: string, extra: Record<string, string> = target) => (
          <>
            <CsrfField token={csrf} />
            <input type="hidden" name="intent" value={intent} />
            {Object.entries(extra).map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
          </>
        );
        const member = i.author.memberId ? { memberId: i.author.memberId } : null;
        const sanctioned = i.author.banned || i.author.mutedUntil != null;
        return (
          <li key={i.key}>
            <article className={`card queue-item${i.crisis ? ' crisis' : ''}`} aria-labelledby={`q-${i.key}`}>
              <h3 id={`q-${i.key}`}>
                {label}
                {withCommunity && (
                  <span className="muted">
                    {' · '}
                    <Link to={i.communityHref}>
                      <Localized text={i.community.title} locale={locale} />
                    </Link>
                  </span>
                )}
              </h3>
              <p className="muted">
                {t('community.moderation.reportCount', { count: i.reports.length })} · {t('community.moderation.reportedOn', { date: i.when })}
              </p>
              {i.crisis && <p className="flag">{t('community.moderation.crisisReport')}</p>}
              <p>
                {i.kind === 'member'
                  ? t('community.moderation.reportedMember', { nickname: i.author.nickname ?? '' })
                  : i.author.anonymous
                    ? t('community.moderation.authorAnonymous', { nickname: i.author.nickname ?? '' })
                    : t('community.moderation.author', { nickname: i.author.nickname ?? '' })}
                {i.author.mutedUntil && <> · {t('community.moderation.mutedUntil', { date: i.author.mutedUntil })}</>}
                {i.author.banned && <> · {t('community.moderation.banned')}</>}
              </p>
              {i.html && <blockquote className="post-body" dangerouslySetInnerHTML={{ __html: i.html }} />}
              {i.removed && <p className="notice">{t('community.moderation.removedNote', { reason: i.removed.reason ?? '' })}</p>}
              <ul className="reports">
                {i.reports.map((r, n) => (
                  <li key={n}>
                    <strong>{t(`community.report.reasons.${r.reason}`)}</strong>
                    {r.details && <> — {r.details}</>}
                  </li>
                ))}
              </ul>
              {i.postHref && (
                <p>
                  <Link to={i.postHref}>{t('community.moderation.openPost')}</Link>
                </p>
              )}
              <div className="moderation-acts">
                {(i.kind === 'post' || i.kind === 'comment') && (
                  <ModerateForm csrf={csrf} target={i.kind === 'post' ? { postId: i.id } : { commentId: i.id }} removed={i.removed != null} label={label} open />
                )}
                <Form method="post" className="inline-form">
                  {hidden('dismiss')}
                  <button type="submit" className="secondary">
                    {t('community.moderation.dismiss')}
                    <span className="visually-hidden"> · {label}</span>
                  </button>
                </Form>
                {member && !i.author.moderator && (
                  <details className="sanctions">
                    <summary>
                      {t('community.moderation.mute')} / {t('community.moderation.ban')}
                      <span className="visually-hidden"> · {i.author.nickname}</span>
                    </summary>
                    {sanctioned && (
                      <Form method="post">
                        {hidden('reinstate', member)}
                        <button type="submit" className="secondary">
                          {t('community.moderation.reinstate')}
                        </button>
                      </Form>
                    )}
                    {!i.author.banned && (
                      <>
                        <Form method="post">
                          {hidden('mute', member)}
                          <Choice
                            name="days"
                            prefix={`${i.key}-`}
                            label={t('community.moderation.days')}
                            value="3"
                            options={MUTE_DAYS.map((d) => [String(d), t('community.moderation.daysOption', { count: d })])}
                          />
                          <ReasonField id={`mute-${i.key}`} />
                          <button type="submit">{t('community.moderation.mute')}</button>
                        </Form>
                        <Form method="post">
                          {hidden('ban', member)}
                          <ReasonField id={`ban-${i.key}`} />
                          <button type="submit" className="danger">
                            {t('community.moderation.ban')}
                          </button>
                        </Form>
                      </>
                    )}
                  </details>
                )}
              </div>
            </article>
          </li>
        );
      })}
    </ul>
  );
}
