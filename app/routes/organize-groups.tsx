import '../../i18n/areas/listing';
import '../../i18n/areas/editor';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-groups';
import { framedMeta } from '../components/area-frame';
import { archiveGroup, duplicateGroup, listOrganizationGroups } from '../../core/group-editor';
import { getT } from '../../i18n';
import { localeOf, organizerForm, organizerPage } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { embedPath, organizationCalendarPath } from '../lib/listing-paths';
import { formatSessionTime } from '../lib/format';
import { CsrfField } from '../components/csrf-field';
import { editorError } from './organize-group-shared.server';
import { ErrorSummary } from '../components/form-kit';
import { field } from '../lib/form-values';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, csrf, org } = await organizerPage({ request, context, params }, locale);
  const list = await listOrganizationGroups({ ctx, input: { organizationSlug: org.slug } });
  return {
    locale,
    csrf,
    org: { slug: org.slug, name: (locale === 'fr' ? org.nameFr : null) ?? org.nameEn },
    canEdit: list.canEdit,
    // The code that shows the organization's groups on its own site (the embeddable widget).
    embedCode: `<iframe src="${new URL(embedPath(locale, org.slug), context.settings.publicUrl)}" title="${getT(locale)('listing.embed.title', { name: (locale === 'fr' ? org.nameFr : null) ?? org.nameEn, interpolation: { escapeValue: false } }).replace(/"/g, '&quot;')}" width="100%" height="480" loading="lazy"></iframe>`,
    done: new URL(request.url).searchParams.get('done'),
    groups: list.groups.map((g) => ({
      ...g,
      title: (locale === 'fr' ? (g.titleFr ?? g.titleEn) : (g.titleEn ?? g.titleFr)) ?? '',
      next: g.nextStart ? formatSessionTime(g.nextStart, g.timeZone, locale) : null,
    })),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, form, org } = await organizerForm({ request, context, params }, locale);
  const groupId = field(form, 'groupId');
  try {
    if (field(form, 'intent') === 'duplicate') {
      const copy = await duplicateGroup({ ctx, input: { groupId } });
      return redirect(`${pathTo(locale, 'orgGroupEdit', { org: org.slug, group: copy.id })}?done=duplicated`);
    }
    if (field(form, 'intent') === 'archive') {
      await archiveGroup({ ctx, input: { groupId } });
      return redirect(`${pathTo(locale, 'orgGroups', { org: org.slug })}?done=archived`);
    }
    return data({ message: t('editor.errors.generic') }, { status: 400 });
  } catch (err) {
    const e = editorError(err, t);
    return data({ message: e.message }, { status: e.status });
  }
}

export const meta: Route.MetaFunction = ({ data, matches }) => framedMeta({ matches }, data && getT(data.locale)('editor.list.title', { name: data.org.name }));

export default function OrganizeGroups({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, csrf, org, canEdit, groups, done, embedCode } = loaderData;
  return (
    <>
      <h1>{t('editor.list.title', { name: org.name })}</h1>
      {done === 'archived' && (
        <p className="notice success" role="status">
          {t('editor.list.archived')}
        </p>
      )}
      {actionData?.message && (
        <ErrorSummary message={actionData.message} />
      )}
      {canEdit ? (
        <p>
          <Link className="button" to={pathTo(locale, 'orgGroupNew', { org: org.slug })}>
            {t('editor.list.new')}
          </Link>
        </p>
      ) : (
        <p className="muted">{t('editor.list.readOnly')}</p>
      )}
      {groups.some((g) => g.status === 'published') && (
        <section aria-labelledby="share-title">
          <h2 id="share-title">{t('editor.list.shareTitle')}</h2>
          <p>
            {t('editor.list.calendar')} <a href={organizationCalendarPath(locale, org.slug)}>{t('editor.list.calendarLink')}</a>
          </p>
          <label htmlFor="embed-code">{t('editor.list.embedCode')}</label>
          <textarea id="embed-code" readOnly rows={3} value={embedCode} aria-describedby="embed-hint" />
          <p id="embed-hint" className="muted">
            {t('editor.list.embedHint')}
          </p>
        </section>
      )}
      {groups.length === 0 ? (
        <p>{t('editor.list.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('editor.list.name')}</th>
              <th scope="col">{t('editor.list.status')}</th>
              <th scope="col">{t('editor.list.next')}</th>
              {canEdit && <th scope="col">{t('editor.list.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id}>
                <th scope="row">
                  {canEdit ? <Link to={pathTo(locale, 'orgGroupEdit', { org: org.slug, group: g.id })}>{g.title}</Link> : g.title}
                </th>
                <td>{t(`editor.status.${g.status}`)}</td>
                <td>{g.next ?? t('editor.list.noNext')}</td>
                {canEdit && (
                  <td>
                    <Form method="post" className="inline-form">
                      <CsrfField token={csrf} />
                      <input type="hidden" name="groupId" value={g.id} />
                      <button type="submit" name="intent" value="duplicate" className="secondary">
                        {t('editor.list.duplicate')}
                        <span className="visually-hidden"> · {g.title}</span>
                      </button>{' '}
                      {g.status !== 'archived' && (
                        <button type="submit" name="intent" value="archive" className="secondary">
                          {t('editor.list.archive')}
                          <span className="visually-hidden"> · {g.title}</span>
                        </button>
                      )}
                    </Form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
