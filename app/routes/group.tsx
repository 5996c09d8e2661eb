import { data, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/group';
import { getGroup, type PublicCohort, type PublicSession } from '../../core/groups';
import { NotFound } from '../../core/errors';
import { pick } from '../../core/text';
import { getT, type Locale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { checkGroupAddress, groupLocaleParams } from '../lib/group-address.server';
import { localeOfPath, pathTo } from '../lib/paths';
import { describeCost } from '../lib/cost';
import { describePlace, describeLanguages } from '../lib/group-display.server';
import { formatDay, formatSessionTime, formatTime, zoneName } from '../lib/format';
import { Localized, Paragraphs } from '../components/localized';
import { ShareBox } from '../components/share-box';
import { SignupClosed } from '../components/signup-closed';
import { groupJsonLd, jsonLdScript } from '../lib/group-json-ld';
import { groupCalendarPath, sessionCalendarPath } from '../lib/listing-paths';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const locale = localeOfPath(new URL(request.url).pathname) as Locale;
  const t = getT(locale);
  let group;
  try {
    group = await getGroup({ ctx: coreContext(context, locale), input: { ref: params.slug } });
    checkGroupAddress(request, locale, params.slug, group.slugs, group.id);
  } catch (err) {
    if (err instanceof NotFound) throw data(t('errors.groupNotFound'), { status: 404 });
    throw err;
  }
  const tz = group.timeZone;
  const pageUrl = new URL(pathTo(locale, 'group', { slug: group.slug }), request.url).toString();
  return {
    locale,
    group,
    pageUrl,
    localeParams: groupLocaleParams(group.slugs),
    jsonLd: jsonLdScript(groupJsonLd(group, { pageUrl, locale })),
    display: {
      title: pick(group.title, locale)?.text ?? '',
      organization: pick(group.organization.name, locale)?.text ?? '',
      place: describePlace(group, t),
      cost: describeCost(group.cost, t, locale),
      languages: describeLanguages(group.languages, locale),
      zone: zoneName(tz, locale),
      sessions: group.sessions.map((s) => ({
        id: s.id,
        when: `${formatSessionTime(s.startsAt, tz, locale)} – ${formatTime(s.endsAt, tz, locale)}`,
        startsAt: s.startsAt.toISOString(),
        originally:
          s.status === 'postponed' && s.originalStartsAt ? formatSessionTime(s.originalStartsAt, tz, locale) : null,
        // A cancelled session is not put in anyone's calendar.
        calendarHref: s.status === 'cancelled' ? null : sessionCalendarPath(locale, group.slug, s.id),
        // Drop-in sessions still taking sign-ups link to their form; the others say why not.
        signupHref: s.signupOpen ? pathTo(locale, 'sessionSignup', { slug: group.slug, sessionId: s.id }) : null,
        closedReason: s.signupClosedReason === 'cutoff_passed' ? s.signupClosedReason : null,
        closedAt: s.signupClosesAt ? formatSessionTime(s.signupClosesAt, tz, locale) : '',
      })),
      cohorts: group.cohorts.map((c) => ({
        id: c.id,
        dates: t('group.cohortDates', { start: formatDay(c.startsOn, locale), end: formatDay(c.endsOn, locale) }),
        applyHref:
          c.status === 'open' || c.status === 'confirmed' || c.status === 'postponed'
            ? pathTo(locale, 'cohortApply', { slug: group.slug, cohortId: c.id })
            : null,
      })),
    },
  };
}

export const meta: Route.MetaFunction = ({ data }) =>
  data
    ? [
        { title: `${data.display.title} · Cercle` },
        { name: 'description', content: pick(data.group.summary, data.locale)?.text ?? '' },
      ]
    : [{ title: 'Cercle' }];

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

type SessionWhen = Map<
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
function SessionList({
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

export default function GroupPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, group: g, display } = loaderData;
  const kindsHref = pathTo(locale, 'kinds');
  const when = new Map(display.sessions.map((s) => [s.id, s]));
  const cohortDates = new Map(display.cohorts.map((c) => [c.id, c.dates]));
  const applyHref = new Map(display.cohorts.map((c) => [c.id, c.applyHref]));
  const ages =
    g.ageMin != null && g.ageMax != null
      ? t('group.ages', { min: g.ageMin, max: g.ageMax })
      : g.ageMin != null
        ? t('group.agesFrom', { min: g.ageMin })
        : g.ageMax != null
          ? t('group.agesUpTo', { max: g.ageMax })
          : null;
  return (
    <article className="page group-page" aria-labelledby="group-title">
      <p className="breadcrumb">
        <Link to={pathTo(locale, 'groups')}>{t('group.back')}</Link>
      </p>
      <Localized as="h1" id="group-title" text={g.title} locale={locale} className="group-title" />
      <p className="tags">
        <span className={`tag tag-${g.kind}`}>{t(`kind.${g.kind}`)}</span>
        <span className="tag">{t(`format.${g.format}`)}</span>
        <span className="tag">{t(`leadership.${g.leadership}`)}</span>
        <span className="tag">{t(`delivery.${g.delivery}`)}</span>
      </p>
      <Localized as="p" text={g.summary} locale={locale} className="lead" />

      <div className="group-layout">
        <div className="group-main">
          <Section id="about" title={t('group.about')}>
            <Paragraphs text={g.description} locale={locale} />
          </Section>

          <Section id="kind" title={t('group.kindFormat')}>
            <dl className="plain-words">
              <dt>{t(`kind.${g.kind}`)}</dt>
              <dd>
                {t(`kindPlain.${g.kind}`)} <a href={`${kindsHref}#kind-${g.kind}`}>{t('group.whatItMeans')}</a>
              </dd>
              <dt>{t(`format.${g.format}`)}</dt>
              <dd>
                {t(`formatPlain.${g.format}`)}
                {g.dropInStyle && <> {t(`dropInStyle.${g.dropInStyle}`)}.</>}{' '}
                <a href={`${kindsHref}#format-${g.format}`}>{t('group.whatItMeans')}</a>
              </dd>
              <dt>{t(`leadership.${g.leadership}`)}</dt>
              <dd>
                {t(`leadershipPlain.${g.leadership}`)}{' '}
                <a href={`${kindsHref}#leadership-${g.leadership}`}>{t('group.whatItMeans')}</a>
              </dd>
              {g.workshopActivity && (
                <>
                  <dt>{t(`activity.${g.workshopActivity}`)}</dt>
                  <dd>{g.noNeedToTalk ? t('group.noNeedToTalk') : null}</dd>
                </>
              )}
            </dl>
          </Section>

          {pick(g.whatToExpect, locale) && (
            <Section id="expect" title={t('group.whatToExpect')}>
              <Paragraphs text={g.whatToExpect} locale={locale} />
            </Section>
          )}
          {pick(g.treatmentFocus, locale) && (
            <Section id="focus" title={t('group.treatmentFocus')}>
              <Paragraphs text={g.treatmentFocus} locale={locale} />
              {g.intakeScreening && <p>{t('group.intakeScreening')}</p>}
            </Section>
          )}
          {pick(g.materials, locale) && (
            <Section id="materials" title={t('group.materials')}>
              <Paragraphs text={g.materials} locale={locale} />
            </Section>
          )}
          {pick(g.rules, locale) && (
            <Section id="rules" title={t('group.rules')}>
              <Paragraphs text={g.rules} locale={locale} />
            </Section>
          )}

          {g.format === 'ongoing' && (
            <Section id="join" title={t('group.joinCommunityTitle')}>
              <p>{t('group.joinCommunity')}</p>
              <p>
                <Link className="button signup-button" to={pathTo(locale, 'community', { slug: g.slug })}>
                  {t('group.openCommunity')}
                </Link>
              </p>
            </Section>
          )}

          {g.format !== 'ongoing' && g.format !== 'closed' && (
            <Section id="schedule" title={t('group.schedule')}>
              <p className="muted">{t('group.timesIn', { zone: display.zone })}</p>
              {g.sessions.length === 0 ? (
                <p>{t('group.noSessions')}</p>
              ) : (
                <SessionList sessions={g.sessions} when={when} locale={locale} group={g} />
              )}
            </Section>
          )}

          {g.format === 'closed' && (
            <Section id="cohorts" title={t('group.cohorts')}>
              <p className="muted">{t('group.timesIn', { zone: display.zone })}</p>
              {g.cohorts.length === 0 ? (
                <p>{t('group.noSessions')}</p>
              ) : (
                g.cohorts.map((c) => {
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
                })
              )}
            </Section>
          )}

          {g.sessions.length > 0 && (
            <Section id="calendar" title={t('listing.calendarTitle')}>
              <p>
                <a href={groupCalendarPath(locale, g.slug)} download>
                  {t('listing.addSchedule')}
                </a>
              </p>
              <p className="muted">{t('listing.calendarHint', { zone: display.zone })}</p>
            </Section>
          )}
        </div>

        <aside className="group-facts" aria-labelledby="facts-title">
          <h2 id="facts-title" className="visually-hidden">
            {t('group.about')}
          </h2>
          <dl className="facts">
            <div>
              <dt>{t('group.where')}</dt>
              <dd>
                {g.venue ? (
                  <address>
                    {g.venue.name && (
                      <>
                        {g.venue.name}
                        <br />
                      </>
                    )}
                    {g.venue.street && (
                      <>
                        {g.venue.street}
                        <br />
                      </>
                    )}
                    {[g.venue.city, g.venue.province, g.venue.postalCode].filter(Boolean).join(', ')}
                  </address>
                ) : (
                  display.place
                )}
                {g.delivery === 'online' && <p>{t('group.onlineNote')}</p>}
                {g.delivery === 'hybrid' && <p>{t('group.hybridNote')}</p>}
                {g.cameraOptional && <p>{t('group.cameraOptional')}</p>}
              </dd>
            </div>
            <div>
              <dt>{t('group.cost')}</dt>
              <dd>
                {display.cost}
                {g.cost.insuranceReceipts && <p>{t('group.insuranceReceipts')}</p>}
                <Localized as="p" text={g.cost.coveredBy} locale={locale} />
              </dd>
            </div>
            <div>
              <dt>{t('group.languages')}</dt>
              <dd>{display.languages}</dd>
            </div>
            <div>
              <dt>{t('group.eligibility')}</dt>
              <dd>
                <p>{g.reach === 'local' ? t('group.reachLocal', { regions: g.regions.join(', ') }) : t('group.reachAnywhere')}</p>
                {ages && <p>{ages}</p>}
                {g.gender !== 'any' && <p>{t(`gender.${g.gender as 'women'}`)}</p>}
                <Localized as="p" text={g.audience} locale={locale} />
                <Localized as="p" text={g.eligibility} locale={locale} />
              </dd>
            </div>
            {g.maxSize != null && (
              <div>
                <dt>{t('group.size')}</dt>
                <dd>{t('group.maxSize', { count: g.maxSize })}</dd>
              </div>
            )}
            {g.accessibility.length > 0 && (
              <div>
                <dt>{t('group.accessibility')}</dt>
                <dd>
                  <ul>
                    {g.accessibility.map((a) => (
                      <li key={a}>{t(`accessibility.${a as 'step_free'}`)}</li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
            <div>
              <dt>{t('group.faith')}</dt>
              <dd>{g.faith === 'non_denominational' ? t('faith.non_denominational') : g.faith}</dd>
            </div>
            {g.topics.length > 0 && (
              <div>
                <dt>{t('group.topics')}</dt>
                <dd>
                  <ul>
                    {g.topics.map((topic) => (
                      <li key={topic.slug}>
                        <Localized text={topic.label} locale={locale} />
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
          </dl>

          {g.facilitators.length > 0 && (
            <section aria-labelledby="facilitators-title">
              <h2 id="facilitators-title">{t('group.facilitators')}</h2>
              <ul className="facilitators">
                {g.facilitators.map((f) => (
                  <li key={f.id}>
                    <strong>{f.name}</strong>
                    {f.licence && (
                      <span className="badge verified">
                        {' '}
                        <span aria-hidden="true">✓</span> {t('group.verified')}
                      </span>
                    )}
                    <p className="muted">{t(`leadership.${f.leadership as 'peer'}`)}</p>
                    <Localized as="p" text={f.credentials} locale={locale} />
                    {f.licence ? (
                      <p className="muted">{t('listing.verifiedDetail', f.licence)}</p>
                    ) : (
                      f.leadership === 'licensed' && <p className="muted">{t('listing.notVerified')}</p>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="org-title">
            <h2 id="org-title">{t('group.organization')}</h2>
            <Localized as="p" text={g.organization.name} locale={locale} />
            <p className={g.organization.verified ? 'org-verified' : 'org-unverified'}>
              <strong>
                {g.organization.verified && <span aria-hidden="true">✓ </span>}
                {t(g.organization.verified ? 'group.orgVerified' : 'group.orgNotVerified')}
              </strong>
              {' — '}
              {t(g.organization.verified ? 'group.orgVerifiedDetail' : 'group.orgNotVerifiedDetail')}
            </p>
            {(g.contact.email || g.contact.phone) && (
              <p>
                {t('group.contact')}:{' '}
                {g.contact.email && <a href={`mailto:${g.contact.email}`}>{g.contact.email}</a>}
                {g.contact.email && g.contact.phone && ' · '}
                {g.contact.phone && <a href={`tel:${g.contact.phone.replace(/[^+\d]/g, '')}`}>{g.contact.phone}</a>}
              </p>
            )}
          </section>

          <ShareBox url={loaderData.pageUrl} title={display.title} />

          <p className="report-link">
            <Link to={pathTo(locale, 'groupReport', { slug: g.slug })}>{t('listing.report.link')}</Link>
          </p>
        </aside>
      </div>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: loaderData.jsonLd }} />
    </article>
  );
}
