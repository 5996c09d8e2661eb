import '../../i18n/areas/organize';
import '../../i18n/areas/running';
import { data, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-dashboard';
import { framedMeta } from '../components/area-frame';
import { pick } from '../../core/text';
import { getT, type Locale } from '../../i18n';
import { formatDay, formatSessionTime } from '../lib/format';
import { localeOf, organizerPage } from '../lib/organize.server';
import { getDashboard, notFound, runningError } from '../lib/running.server';
import { pathTo } from '../lib/paths';
import { Trends } from '../components/dashboard-charts';

const percent = (rate: number | null, locale: Locale) =>
  rate == null ? null : new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { style: 'percent', maximumFractionDigits: 0 }).format(rate);

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, org } = await organizerPage({ request, context, params }, locale);
  const view = await getDashboard({ ctx, input: { organizationSlug: org.slug } }).catch((err: unknown) => {
    const e = runningError(err, t);
    if (e.status === 404) notFound(locale);
    throw data(e.message, { status: e.status });
  });
  const shortDay = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const week = (iso: string) => shortDay.format(new Date(`${iso}T00:00:00Z`));
  return {
    locale,
    slug: view.organization.slug,
    name: pick(view.organization.name, locale)?.text ?? '',
    canViewAudit: view.canViewAudit,
    upcoming: view.upcoming.map((u) => ({
      sessionId: u.sessionId,
      when: formatSessionTime(u.startsAt, u.group.timeZone, locale),
      group: pick(u.group.title, locale)?.text ?? '',
      status: u.status,
      fill:
        u.capacity == null
          ? t('running.dashboard.fillUnlimited', { taken: u.confirmed })
          : t('running.dashboard.fillOf', { taken: u.confirmed, capacity: u.capacity }),
      fillRatio: u.capacity == null ? null : Math.min(1, u.confirmed / u.capacity),
      waitlisted: u.waitlisted,
    })),
    cohorts: view.cohorts.map((c) => ({
      cohortId: c.cohortId,
      group: pick(c.group.title, locale)?.text ?? '',
      dates: t('group.cohortDates', { start: formatDay(c.startsOn, locale), end: formatDay(c.endsOn, locale) }),
      applied: c.applied,
      accepted: c.capacity == null ? t('running.dashboard.fillUnlimited', { taken: c.accepted }) : t('running.dashboard.fillOf', { taken: c.accepted, capacity: c.capacity }),
      waitlisted: c.waitlisted,
    })),
    applicationsWaiting: view.applicationsWaiting,
    axis: [0, 0.5, 1].map((r) => percent(r, locale)!),
    weeks: view.weeks.map((w) => ({
      label: week(w.week),
      recorded: w.recorded,
      present: w.present,
      absent: w.absent,
      attendanceRate: w.attendanceRate,
      noShowRate: w.noShowRate,
      attendanceText: percent(w.attendanceRate, locale),
      noShowText: percent(w.noShowRate, locale),
    })),
  };
}

export const meta: Route.MetaFunction = ({ data, matches }) => framedMeta({ matches }, data && getT(data.locale)('running.dashboard.title', { organization: data.name }));

export default function OrganizeDashboard({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  const hasData = d.weeks.some((w) => w.recorded > 0);
  return (
    <>
      <h1>{t('running.dashboard.title', { organization: d.name })}</h1>

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('running.dashboard.upcoming')}</h2>
        {d.upcoming.length === 0 ? (
          <p>{t('running.dashboard.noUpcoming')}</p>
        ) : (
          <div className="table-scroll" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t('running.dashboard.upcomingCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('running.dashboard.when')}</th>
                  <th scope="col">{t('running.dashboard.group')}</th>
                  <th scope="col">{t('running.dashboard.status')}</th>
                  <th scope="col">{t('running.dashboard.fill')}</th>
                  <th scope="col">{t('running.dashboard.waitlist')}</th>
                </tr>
              </thead>
              <tbody>
                {d.upcoming.map((u) => (
                  <tr key={u.sessionId}>
                    <th scope="row">
                      <Link to={pathTo(d.locale, 'orgSession', { org: d.slug, session: u.sessionId })}>{u.when}</Link>
                    </th>
                    <td>{u.group}</td>
                    <td>{t(`sessionStatus.${u.status}`)}</td>
                    <td>
                      {u.fill}
                      {u.fillRatio != null && (
                        <>
                          {' '}
                          <meter min={0} max={1} value={u.fillRatio} aria-hidden="true" />
                        </>
                      )}
                    </td>
                    <td>{u.waitlisted}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="cohorts-title">
        <h2 id="cohorts-title">{t('running.dashboard.cohorts')}</h2>
        {d.applicationsWaiting > 0 && <p className="notice">{t('running.dashboard.waitingTotal', { count: d.applicationsWaiting })}</p>}
        {d.cohorts.length === 0 ? (
          <p>{t('running.dashboard.noCohorts')}</p>
        ) : (
          <div className="table-scroll" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t('running.dashboard.cohortsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('running.dashboard.group')}</th>
                  <th scope="col">{t('running.dashboard.dates')}</th>
                  <th scope="col">{t('running.dashboard.waiting')}</th>
                  <th scope="col">{t('running.dashboard.accepted')}</th>
                  <th scope="col">{t('running.dashboard.waitlist')}</th>
                </tr>
              </thead>
              <tbody>
                {d.cohorts.map((c) => (
                  <tr key={c.cohortId}>
                    <th scope="row">
                      <Link to={pathTo(d.locale, 'orgCohort', { org: d.slug, cohort: c.cohortId })}>{c.group}</Link>
                    </th>
                    <td>{c.dates}</td>
                    <td>{c.applied}</td>
                    <td>{c.accepted}</td>
                    <td>{c.waitlisted}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="trends-title">
        <h2 id="trends-title">{t('running.dashboard.trends')}</h2>
        {/* Nothing recorded yet: a sentence rather than two empty charts of dashes. */}
        {hasData ? <Trends weeks={d.weeks} axis={d.axis} /> : <p>{t('organize.dashboard.nothingYet')}</p>}
      </section>

      {d.canViewAudit && (
        <p>
          <Link to={pathTo(d.locale, 'orgAudit', { org: d.slug })}>{t('running.dashboard.auditLink')}</Link>
        </p>
      )}
    </>
  );
}

