import '../../i18n/areas/organize';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-home';
import { createOrganization, listMyOrganizations, nameIn } from '../../core/organizations';
import { getT } from '../../i18n';
import { requireOrganizer, requireOrganizerForm } from '../lib/auth.server';
import { localeOf, organizeError } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';

import { NAME_MAX } from '../../core/organizations/constants';
import { ErrorSummary, TextField } from '../components/form-kit';
import { formValues } from '../lib/form-values';

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, csrf } = await requireOrganizer({ request, context }, locale);
  const mine = await listMyOrganizations({ ctx });
  return {
    locale,
    csrf,
    organizations: mine.map((o) => ({ slug: o.slug, name: nameIn(o, locale), role: o.role, verification: o.verification })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, form } = await requireOrganizerForm({ request, context }, locale);
  const values = formValues(form, ['nameEn', 'nameFr']);
  try {
    const { slug } = await createOrganization({ ctx, input: values });
    return redirect(`${pathTo(locale, 'orgProfile', { org: slug })}?created=1`);
  } catch (err) {
    const e = organizeError(err, t);
    return data({ ...e, values }, { status: e.status });
  }
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data ? getT(data.locale)('organize.home.title') : ''} · Cercle` },
  { name: 'robots', content: 'noindex' },
];

export default function OrganizeHome({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, csrf, organizations } = loaderData;
  // The other language's name is written in that language.
  const other = locale === 'en' ? 'fr' : 'en';
  return (
    <div className="page narrow">
      <h1>{t('organize.home.title')}</h1>
      <p className="muted">{t('organize.home.lead')}</p>
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">{t('organize.home.mine')}</h2>
        {organizations.length === 0 ? (
          <p>{t('organize.home.none')}</p>
        ) : (
          <ul className="org-list">
            {organizations.map((o) => (
              <li key={o.slug}>
                <Link to={pathTo(locale, 'orgHome', { org: o.slug })}>{o.name}</Link>
                <span className="muted"> · {t('organize.home.yourRole', { role: t(`organize.role.${o.role}`) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="create-title">
        <h2 id="create-title">{t('organize.home.createTitle')}</h2>
        <p className="muted">{t('organize.home.createLead')}</p>
        {actionData && <ErrorSummary message={actionData.message} fields={actionData.fields} />}
        <Form method="post" noValidate>
          <CsrfField token={csrf} />
          <TextField
            name={locale === 'en' ? 'nameEn' : 'nameFr'}
            label={t(locale === 'en' ? 'organize.profile.nameEn' : 'organize.profile.nameFr')}
            value={actionData?.values[locale === 'en' ? 'nameEn' : 'nameFr']}
            error={actionData?.fields[locale === 'en' ? 'nameEn' : 'nameFr']}
            maxLength={NAME_MAX}
          />
          <TextField
            name={other === 'en' ? 'nameEn' : 'nameFr'}
            label={t(other === 'en' ? 'organize.profile.nameEn' : 'organize.profile.nameFr')}
            value={actionData?.values[other === 'en' ? 'nameEn' : 'nameFr']}
            error={actionData?.fields[other === 'en' ? 'nameEn' : 'nameFr']}
            lang={other}
            maxLength={NAME_MAX}
          />
          <p>
            <button type="submit">{t('organize.home.create')}</button>
          </p>
        </Form>
      </section>
    </div>
  );
}
