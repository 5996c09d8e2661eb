import '../../i18n/areas/admin';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/admin-reports';
import { listListingReports, resolveListingReport } from '../../core/admin';
import { LISTING_REPORT_STATUSES } from '../../core/admin/constants';
import { pick } from '../../core/text';
import { getT } from '../../i18n';
import { requireOrganizerForm, requirePlatformAdminUser } from '../lib/auth.server';
import { localeOf } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { languageName } from '../lib/format';
import { CsrfField } from '../components/csrf-field';
import { formatWhen, adminMeta } from './admin-shared';
import { formProblem } from '../lib/problem.server';
import { ErrorSummary } from '../components/form-kit';
import { field } from '../lib/form-values';

const SHOWS = [...LISTING_REPORT_STATUSES, 'all'] as const;
type Show = (typeof SHOWS)[number];
const SHOW_LABEL = {
  open: 'admin.reports.showOpen',
  resolved: 'admin.reports.showResolved',
  dismissed: 'admin.reports.showDismissed',
  all: 'admin.reports.showAll',
} as const;

function showOf(value: unknown): Show {
  return (SHOWS as readonly unknown[]).includes(value) ? (value as Show) : 'open';
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, csrf } = await requirePlatformAdminUser({ request, context }, locale);
  const search = new URL(request.url).searchParams;
  const show = showOf(search.get('show'));
  const reports = await listListingReports({ ctx, input: { show } });
  const done = search.get('done');
  return {
    locale,
    csrf,
    show,
    done: done === 'resolved' || done === 'dismissed' ? done : null,
    reports: reports.map((r) => ({
      id: r.id,
      reason: r.reason,
      details: r.details,
      reporterEmail: r.reporterEmail,
      language: languageName(r.locale, locale),
      status: r.status,
      received: formatWhen(r.createdAt, locale),
      closed: formatWhen(r.resolvedAt, locale),
      groupTitle: pick(r.group.title, locale),
      groupPath: pathTo(locale, 'group', { slug: r.group.slug }),
      groupPublished: r.group.status === 'published',
      organizationName: r.organization ? (pick(r.organization.name, locale)?.text ?? r.organization.slug) : null,
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  await requirePlatformAdminUser({ request, context }, locale);
  const { ctx, form } = await requireOrganizerForm({ request, context }, locale);
  const reportId = field(form, 'reportId');
  const outcome = field(form, 'outcome');
  const show = showOf(field(form, 'show'));
  try {
    await resolveListingReport({ ctx, input: { reportId, outcome: outcome as 'resolved' | 'dismissed' } });
    const query = new URLSearchParams({ done: outcome, ...(show !== 'open' ? { show } : {}) });
    return redirect(`${pathTo(locale, 'adminReports')}?${query.toString()}`);
  } catch (err) {
    const e = formProblem(err, t, 'admin');
    return data({ ...e, reportId }, { status: e.status });
  }
}

export const meta: Route.MetaFunction = (args) => adminMeta(args, 'admin.reports.title');

export default function AdminReports({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, csrf, show, done, reports } = loaderData;
  const base = pathTo(locale, 'adminReports');
  return (
    <>
      <h1>{t('admin.reports.title')}</h1>
      <p className="muted">{t('admin.reports.lead')}</p>
      {done && (
        <p className="notice success" role="status">
          {t(done === 'resolved' ? 'admin.reports.resolved' : 'admin.reports.dismissed')}
        </p>
      )}
      {actionData && <ErrorSummary message={actionData.message} />}
      <nav aria-label={t('admin.filter.label')}>
        <ul className="filter-links">
          {SHOWS.map((s) => (
            <li key={s}>
              <Link to={s === 'open' ? base : `${base}?show=${s}`} aria-current={show === s ? 'page' : undefined}>
                {t(SHOW_LABEL[s])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {reports.length === 0 && <p>{t('admin.reports.none')}</p>}
      {reports.map((r) => {
        const title = r.groupTitle?.text ?? '';
        return (
          <section key={r.id} aria-labelledby={`report-${r.id}`} className="card">
            <h2 id={`report-${r.id}`}>
              {t('admin.reports.heading', { group: '' })}
              <span lang={r.groupTitle?.lang}>{title}</span>
            </h2>
            <dl>
              <div>
                <dt>{t('admin.reports.group')}</dt>
                <dd>
                  {r.groupPublished ? (
                    <Link to={r.groupPath} lang={r.groupTitle?.lang}>
                      {title}
                    </Link>
                  ) : (
                    <>
                      <span lang={r.groupTitle?.lang}>{title}</span> <span className="muted">({t('admin.reports.unpublished')})</span>
                    </>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('admin.reports.organization')}</dt>
                <dd>{r.organizationName ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('admin.reports.reason')}</dt>
                <dd>{t(`admin.reports.reasons.${r.reason}`)}</dd>
              </div>
              {r.details && (
                <div>
                  <dt>{t('admin.reports.details')}</dt>
                  <dd className="report-details">{r.details}</dd>
                </div>
              )}
              <div>
                <dt>{t('admin.reports.reporter')}</dt>
                <dd>{r.reporterEmail ? <a href={`mailto:${r.reporterEmail}`}>{r.reporterEmail}</a> : t('admin.reports.noReporter')}</dd>
              </div>
              <div>
                <dt>{t('admin.reports.language')}</dt>
                <dd>{r.language}</dd>
              </div>
              <div>
                <dt>{t('admin.reports.status')}</dt>
                <dd>
                  {r.status === 'open'
                    ? t('admin.reports.statuses.open')
                    : t('admin.reports.closedOn', { status: t(`admin.reports.statuses.${r.status}`), date: r.closed })}
                </dd>
              </div>
            </dl>
            <p className="muted">{t('admin.reports.received', { date: r.received })}</p>
            {r.status === 'open' && (
              <Form method="post">
                <CsrfField token={csrf} />
                <input type="hidden" name="reportId" value={r.id} />
                <input type="hidden" name="show" value={show} />
                <p className="actions">
                  <button type="submit" name="outcome" value="resolved" aria-describedby={`report-${r.id}`}>
                    {t('admin.reports.resolve')}
                  </button>{' '}
                  <button type="submit" name="outcome" value="dismissed" className="secondary" aria-describedby={`report-${r.id}`}>
                    {t('admin.reports.dismiss')}
                  </button>
                </p>
              </Form>
            )}
          </section>
        );
      })}
    </>
  );
}
