import '../../i18n/areas/listing';
import '../../i18n/areas/signup';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublicCohort, PublicGroup, PublicSession } from '../../core/groups';
import { pick } from '../../core/text';
import type { Locale } from '../../i18n';
import { Localized } from './localized';
import { SignupClosed } from './signup-closed';

// A group page's schedule: its sections, its upcoming sessions and its cohorts.

/** A section of the group page, titled for screen readers' section list. */
export function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export type SessionWhen = Map<
  string,
  {
    when: string;
    startsAt: string;
    originally: string | null;
    calendarHref: string | null;
    signupHref: string | null;
    closedReason: 'cutoff_passed' | null;
    closedAt: string;
  }
>;

/** Upcoming sessions: time, status with its reason, topic or module, seats left and a calendar file. */
export function SessionList({
  sessions,
  when,
  locale,
  modules = [],
  group,
}: {
  sessions: PublicSession[];
  when: SessionWhen;
  locale: Locale;
  modules?: PublicCohort['modules'];
  group: { delivery: string; contact: { email: string | null; phone: string | null } };
}) {
  const { t } = useTranslation();
  return (
    <ul className="sessions">
      {sessions.map((s) => {
        const w = when.get(s.id);
        const module = s.moduleId ? modules.find((m) => m.id === s.moduleId) : undefined;
        const topic = pick(s.topic, locale)?.text;
        return (
          <li key={s.id} className={`session status-${s.status}`}>
            <time dateTime={w?.startsAt}>{w?.when}</time>
            {s.status !== 'scheduled' && (
              <strong className="status">
                {' '}
                {t(`sessionStatus.${s.status}`)}
                {w?.originally && <> ({t('listing.originally', { date: w.originally })})</>}
              </strong>
            )}
            {s.statusReason && s.status !== 'scheduled' && <span className="status-reason"> — {s.statusReason}</span>}
            {module && (
              <span className="session-topic">
                {' '}
                {t('listing.moduleSession', { position: module.position, title: pick(module.title, locale)?.text ?? '' })}
              </span>
            )}
            {topic && <span className="session-topic"> {t('group.topicOfSession', { topic })}</span>}
            {s.speaker && <span className="session-speaker"> {t('group.speaker', { name: s.speaker.name })}</span>}
            {s.status !== 'cancelled' && !s.cohortId && (
              <span className="seats">
                {s.seatsLeft == null
                  ? t('group.unlimited')
                  : s.seatsLeft > 0
                    ? t('group.seatsLeft', { count: s.seatsLeft })
                    : `${t('group.full')} · ${t('listing.waitlist', { count: s.waitlistLength })}`}
              </span>
            )}
            {w?.closedReason && (
              <SignupClosed
                reason={w.closedReason}
                closedAt={w.closedAt}
                delivery={s.status === 'moved_online' ? 'online' : group.delivery}
                seatsLeft={s.seatsLeft}
                contact={group.contact}
              />
            )}
            {(w?.signupHref || w?.calendarHref) && (
              <p className="session-actions">
                {w.signupHref && (
                  <Link className="signup-button" to={w.signupHref}>
                    {s.seatsLeft === 0 ? t('signup.joinWaitlistLink') : t('signup.signUpLink')}
                    <span className="visually-hidden">, {w.when}</span>
                  </Link>
                )}
                {w.calendarHref && (
                  <a className="calendar-link" href={w.calendarHref} download>
                    {t('listing.addToCalendar')}
                    <span className="visually-hidden">, {w.when}</span>
                  </a>
                )}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** A closed group's cohorts: dates, places, how to apply, modules and sessions. */
export function CohortList({
  group: g,
  cohorts,
  when,
  locale,
}: {
  group: PublicGroup;
  cohorts: { id: string; dates: string; applyHref: string | null }[];
  when: SessionWhen;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const cohortDates = new Map(cohorts.map((c) => [c.id, c.dates]));
  const applyHref = new Map(cohorts.map((c) => [c.id, c.applyHref]));
  return (
    <>
      {g.cohorts.map((c) => {
                        const cohortSessions = g.sessions.filter((s) => s.cohortId === c.id);
                        return (
                          <div key={c.id} className="cohort">
                            <h3>
                              {cohortDates.get(c.id)} · {t('group.sessionsCount', { count: c.sessionCount })}
                            </h3>
                            <p>
                              {t(`cohortStatus.${c.status}`)}
                              {c.capacity != null && (
                                <>
                                  {' · '}
                                  {c.capacity - c.accepted > 0
                                    ? t('group.seatsLeft', { count: c.capacity - c.accepted })
                                    : t('group.full')}
                                </>
                              )}
                            </p>
                            {applyHref.get(c.id) && (
                              <p>
                                <Link className="signup-button" to={applyHref.get(c.id)!}>
                                  {t('signup.applyLink')}
                                  <span className="visually-hidden">, {cohortDates.get(c.id)}</span>
                                </Link>
                              </p>
                            )}
                            {c.modules.length > 0 && (
                              <>
                                <h4>{t('group.modules')}</h4>
                                <ol className="modules">
                                  {c.modules.map((m) => (
                                    <li key={m.id}>
                                      <Localized as="span" text={m.title} locale={locale} className="module-title" />
                                      <Localized as="p" text={m.summary} locale={locale} />
                                    </li>
                                  ))}
                                </ol>
                              </>
                            )}
                            {cohortSessions.length > 0 && (
                              <>
                                <h4>{t('listing.cohortSessions')}</h4>
                                <SessionList sessions={cohortSessions} when={when} locale={locale} modules={c.modules} group={g} />
                              </>
                            )}
                          </div>
                        );
                      })}
    </>
  );
}
