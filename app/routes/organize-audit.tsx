import '../../i18n/areas/running';
import { data, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-audit';
import { framedMeta } from '../components/area-frame';
import { pick } from '../../core/text';
import { getT } from '../../i18n';
import { auditActionLabel, auditEntityLabel } from '../lib/audit-labels';
import { localeOf, organizerPage } from '../lib/organize.server';
import { listAuditLog, notFound, runningError } from '../lib/running.server';
import { pathTo } from '../lib/paths';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, org } = await organizerPage({ request, context, params }, locale);
  const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
  const view = await listAuditLog({ ctx, input: { organizationSlug: org.slug, page: Number.isInteger(page) && page > 0 ? page : 1 } }).catch((err: unknown) => {
    const e = runningError(err, t);
    if (e.status === 404) notFound(locale);
    throw data(e.message, { status: e.status });
  });
  const when = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'medium', timeStyle: 'short' });
  return {
    locale,
    slug: org.slug,
    name: pick(view.organization.name, locale)?.text ?? '',
    page: view.page,
    pages: view.pages,
    entries: view.entries.map((e) => ({
      id: e.id,
      at: when.format(e.at),
      iso: e.at.toISOString(),
      who:
        e.actorType === 'user'
          ? (e.actorName ?? t('running.audit.formerMember'))
          : e.actorType === 'participant'
            ? t('running.audit.participant')
            : t('running.audit.system'),
      action: auditActionLabel(locale, e.action, e.data),
      what: auditEntityLabel(locale, e.entityType),
    })),
  };
}

export const meta: Route.MetaFunction = ({ data, matches }) => framedMeta({ matches }, data && getT(data.locale)('running.audit.title', { organization: data.name }));

export default function OrganizeAudit({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  const here = pathTo(d.locale, 'orgAudit', { org: d.slug });
  return (
    <>
      <h1>{t('running.audit.title', { organization: d.name })}</h1>
      <p className="muted">{t('running.audit.lead')}</p>
      {d.entries.length === 0 ? (
        <p>{t('running.audit.none')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('running.audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('running.audit.when')}</th>
                <th scope="col">{t('running.audit.who')}</th>
                <th scope="col">{t('running.audit.action')}</th>
                <th scope="col">{t('running.audit.what')}</th>
              </tr>
            </thead>
            <tbody>
              {d.entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.iso}>{e.at}</time>
                  </td>
                  <td>{e.who}</td>
                  <td>{e.action}</td>
                  <td>{e.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d.pages > 1 && (
        <nav aria-label={t('running.audit.pages')} className="pagination">
          {d.page > 1 && (
            <Link to={`${here}?page=${d.page - 1}`} rel="prev">
              {t('running.audit.previous')}
            </Link>
          )}{' '}
          <span>{t('running.audit.pageOf', { page: d.page, pages: d.pages })}</span>{' '}
          {d.page < d.pages && (
            <Link to={`${here}?page=${d.page + 1}`} rel="next">
              {t('running.audit.next')}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
