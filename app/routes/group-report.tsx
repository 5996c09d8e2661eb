import '../../i18n/areas/listing';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/group-report';
import { getGroup } from '../../core/groups';
import { reportListing, REPORT_DETAILS_MAX } from '../../core/listings';
import { CoreError, RateLimited } from '../../core/errors';
import { formProblem } from '../lib/problem.server';
import { retryAfter, retryAfterHeaders } from '../lib/signup.server';
import { LISTING_REPORT_REASONS } from '../../db/schema/listing-reports';
import { pick } from '../../core/text';
import { getT, type Locale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { checkGroupAddress, groupLocaleParams } from '../lib/group-address.server';
import { localeOfPath, pathTo } from '../lib/paths';
import { ErrorSummary, Radios, TextField } from '../components/form-kit';
import { formValues } from '../lib/form-values';

type Field = 'reason' | 'details' | 'email';
type FieldErrors = Partial<Record<Field, string>>;

async function loadGroup(request: Request, context: Route.LoaderArgs['context'], locale: Locale, slug: string) {
  try {
    const group = await getGroup({ ctx: coreContext(context, locale), input: { ref: slug, sessionLimit: 0 } });
    checkGroupAddress(request, locale, slug, group.slugs, group.id);
    return group;
  } catch (err) {
    if (err instanceof CoreError && err.code === 'not_found') throw data(getT(locale)('errors.groupNotFound'), { status: 404 });
    throw err;
  }
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const locale = localeOfPath(url.pathname) as Locale;
  const group = await loadGroup(request, context, locale, params.slug);
  return {
    locale,
    slug: group.slug,
    localeParams: groupLocaleParams(group.slugs),
    groupTitle: pick(group.title, locale)?.text ?? group.slug,
    sent: url.searchParams.get('sent') === '1',
    // Sent with the data so that the browser bundle does not need the schema.
    reasons: LISTING_REPORT_REASONS,
    detailsMax: REPORT_DETAILS_MAX,
    title: getT(locale)('listing.report.title'),
  };
}

/** POST: store the report (core validates), then redirect so that reloading does not send it twice. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const url = new URL(request.url);
  const locale = localeOfPath(url.pathname) as Locale;
  const t = getT(locale);
  const form = await request.formData();
  const values = formValues(form, ['reason', 'details', 'email']);
  try {
    await reportListing({
      ctx: coreContext(context, locale),
      input: { group: params.slug, reason: values.reason as never, details: values.details, email: values.email, locale },
    });
  } catch (err) {
    if (err instanceof CoreError && err.code === 'not_found') throw data(t('errors.groupNotFound'), { status: 404 });
    const e = formProblem(err, t, 'listing.report');
    if (err instanceof RateLimited) return data({ errors: {}, values, tooMany: e.message }, { status: e.status, headers: retryAfter(err) });
    if (err instanceof CoreError && err.code === 'invalid') return data({ errors: e.fields as FieldErrors, values }, { status: e.status });
    throw data(e.message, { status: e.status });
  }
  return redirect(`${pathTo(locale, 'groupReport', { slug: params.slug })}?sent=1`, 303);
}

/** A form refused for being one too many says when to try again. */
export const headers = retryAfterHeaders;

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }];


export default function GroupReport({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, slug, groupTitle, sent, reasons, detailsMax } = loaderData;
  const errors: FieldErrors = actionData?.errors ?? {};
  const values = actionData?.values;
  const errorCount = Object.keys(errors).length;
  const groupHref = pathTo(locale, 'group', { slug });

  if (sent) {
    return (
      <div className="page narrow">
        <h1>{t('listing.report.sentTitle')}</h1>
        <p role="status">{t('listing.report.sent')}</p>
        <p>
          <Link to={groupHref}>{t('listing.report.backToGroup')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link to={groupHref}>{t('listing.report.backToGroup')}</Link>
      </p>
      <h1>{t('listing.report.title')}</h1>
      <p>{t('listing.report.lead', { group: groupTitle })}</p>
      {actionData && 'tooMany' in actionData && actionData.tooMany && (
        <p className="notice error" role="alert">
          {actionData.tooMany}
        </p>
      )}
      {errorCount > 0 && (
        <ErrorSummary message={t('listing.report.errorSummary')} heading={t('listing.report.errorSummary')} fields={errors} />
      )}
      {/* A full page load even with JavaScript: the same flow for everyone, and the 400 of a form
          with errors is the page itself rather than a background request. */}
      <Form method="post" noValidate reloadDocument className="report-form">
        <Radios
          name="reason"
          legend={t('listing.report.reasonLegend')}
          options={reasons.map((reason) => [reason, t(`listing.report.reasons.${reason}`)])}
          value={values?.reason}
          error={errors.reason}
          required
        />
        <TextField name="details" label={t('listing.report.details')} hint={t('listing.report.detailsHint')} error={errors.details} multiline maxLength={detailsMax} value={values?.details} />
        <TextField name="email" type="email" autoComplete="email" label={t('listing.report.email')} hint={t('listing.report.emailHint')} error={errors.email} value={values?.email} />
        <p>
          <button type="submit">{t('listing.report.submit')}</button>
        </p>
      </Form>
    </div>
  );
}
