import '../../i18n/areas/organize';
import { data, Form, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-profile';
import { framedMeta } from '../components/area-frame';
import { getOrganization, nameIn, updateOrganization } from '../../core/organizations';
import { DESCRIPTION_MAX, NAME_MAX } from '../../core/organizations/constants';
import { getT } from '../../i18n';
import { localeOf, organizeError, organizerForm, organizerPage } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { ErrorSummary, TextField } from '../components/form-kit';
import { formValues } from '../lib/form-values';

const FIELDS = ['nameEn', 'nameFr', 'descriptionEn', 'descriptionFr', 'website', 'email', 'phone', 'city', 'region'] as const;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, csrf, org } = await organizerPage({ request, context, params }, locale);
  const view = await getOrganization({ ctx, input: { organizationId: org.id } });
  const search = new URL(request.url).searchParams;
  return {
    locale,
    csrf,
    view,
    name: nameIn(view, locale),
    canEdit: view.myPermissions.includes('organization.edit'),
    done: search.get('created') === '1' ? ('created' as const) : search.get('saved') === '1' ? ('saved' as const) : null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, form, org } = await organizerForm({ request, context, params }, locale);
  const values = formValues(form, FIELDS);
  try {
    await updateOrganization({ ctx, input: { organizationId: org.id, profile: values } });
    return redirect(`${pathTo(locale, 'orgProfile', { org: org.slug })}?saved=1`);
  } catch (err) {
    const e = organizeError(err, t);
    return data({ ...e, values }, { status: e.status });
  }
}

export const meta: Route.MetaFunction = ({ data, matches }) => framedMeta({ matches }, data && getT(data.locale)('organize.profile.title', { name: data.name }));

export default function OrganizeProfile({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, csrf, view, name, canEdit, done } = loaderData;
  const values: Record<string, string | null> = actionData?.values ?? Object.fromEntries(FIELDS.map((f) => [f, view[f]]));
  const errors: Record<string, string> = actionData?.fields ?? {};
  // French-only organizations keep their name in the English column too: show it as not given.
  const shown = (field: (typeof FIELDS)[number]) =>
    !actionData && field === 'nameEn' && view.missingLanguages.includes('en') && view.nameEn === view.nameFr ? '' : values[field];
  const missing = (l: 'en' | 'fr') =>
    view.missingLanguages.includes(l) && (
      <p className="notice" id={`missing-${l}`}>
        {t(l === 'en' ? 'organize.profile.missingEn' : 'organize.profile.missingFr')}
      </p>
    );
  const languageBlock = (l: 'en' | 'fr') => {
    const suffix = l === 'en' ? 'En' : 'Fr';
    return (
      <fieldset key={l} className="profile-language">
        <legend>{t(l === 'en' ? 'organize.profile.english' : 'organize.profile.french')}</legend>
        {missing(l)}
        <TextField
          name={`name${suffix}`}
          label={t(`organize.profile.name${suffix}`)}
          value={shown(`name${suffix}`)}
          error={errors[`name${suffix}`]}
          lang={l}
          maxLength={NAME_MAX}
        />
        <TextField
          name={`description${suffix}`}
          label={t(`organize.profile.description${suffix}`)}
          value={values[`description${suffix}`]}
          error={errors[`description${suffix}`]}
          multiline
          lang={l}
          maxLength={DESCRIPTION_MAX}
        />
      </fieldset>
    );
  };
  // The page's own language comes first.
  const order: ('en' | 'fr')[] = locale === 'en' ? ['en', 'fr'] : ['fr', 'en'];
  return (
    <>
      <h1>{t('organize.profile.title', { name })}</h1>
      {done && (
        <p className="notice success" role="status">
          {t(done === 'created' ? 'organize.home.created' : 'organize.profile.saved')}
        </p>
      )}
      <p className="muted">{t('organize.profile.lead')}</p>
      {actionData && <ErrorSummary message={actionData.message} fields={actionData.fields} />}
      {canEdit ? (
        <Form method="post" noValidate>
          <CsrfField token={csrf} />
          <div className="side-by-side">{order.map(languageBlock)}</div>
          <fieldset>
            <legend>{t('organize.profile.contact')}</legend>
            <TextField name="website" type="url" label={t('organize.profile.website')} hint={t('organize.profile.websiteHint')} value={values.website} error={errors.website} autoComplete="url" />
            <TextField name="email" type="email" label={t('organize.profile.email')} value={values.email} error={errors.email} autoComplete="email" />
            <TextField name="phone" type="tel" label={t('organize.profile.phone')} value={values.phone} error={errors.phone} autoComplete="tel" />
            <TextField name="city" label={t('organize.profile.city')} value={values.city} error={errors.city} autoComplete="address-level2" />
            <TextField name="region" label={t('organize.profile.region')} value={values.region} error={errors.region} autoComplete="address-level1" />
          </fieldset>
          <p>
            <button type="submit">{t('organize.profile.save')}</button>
          </p>
        </Form>
      ) : (
        <>
          <p className="notice">{t('organize.profile.readOnly')}</p>
          <dl className="profile-read">
            {FIELDS.filter((f) => view[f]).map((f) => (
              <div key={f}>
                <dt>{t(`organize.profile.${f}`)}</dt>
                <dd>{view[f]}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </>
  );
}
