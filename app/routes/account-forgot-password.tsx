import '../../i18n/areas/account';
import { data, Form, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Route } from './+types/account-forgot-password';
import { getT, type Locale } from '../../i18n';
import { localeOfPath, pathTo } from '../lib/paths';
import { visitorCsrf, visitorForm } from '../lib/auth.server';
import { callAuth } from '../lib/account.server';
import { CsrfField } from '../components/csrf-field';
import { ErrorSummary, Field } from '../components/form-kit';
import { field } from '../lib/form-values';

const localeOf = (request: Request) => localeOfPath(new URL(request.url).pathname) as Locale;

export function loader({ request, context }: Route.LoaderArgs) {
  const { csrf, headers } = visitorCsrf({ request, context });
  return data({ locale: localeOf(request), csrf }, { headers });
}

type Result = { error?: { message: string; fields: Record<string, string> }; values?: Record<string, string>; sent?: string };

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const form = await visitorForm({ request, context }, locale);
  const email = field(form, 'email').trim();
  if (!z.email().safeParse(email).success) {
    return data<Result>({ error: { message: t('account.errors.email'), fields: { email: t('account.errors.email') } }, values: { email } }, { status: 400 });
  }
  const answer = await callAuth({ request, context }, locale, '/request-password-reset', { email, redirectTo: pathTo(locale, 'resetPassword') });
  if (answer.status === 429) return data<Result>({ error: { message: t('account.errors.tooMany'), fields: {} }, values: { email } }, { status: 429 });
  // The same answer whether or not an account exists.
  return data<Result>({ sent: t('account.forgot.sent', { email }) });
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${getT(data?.locale ?? 'en')('account.forgot.title')} · Cercle` }];

export default function ForgotPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const result = actionData as Result | undefined;
  const busy = useNavigation().state === 'submitting';
  return (
    <div className="page narrow">
      <h1>{t('account.forgot.title')}</h1>
      <p className="lead">{t('account.forgot.lead')}</p>
      {result?.error && <ErrorSummary message={result.error.message} fields={result.error.fields} />}
      {result?.sent ? (
        <p className="notice" role="status">
          {result.sent}
        </p>
      ) : (
        <Form method="post" className="person-form" noValidate>
          <CsrfField token={loaderData.csrf} />
          <Field name="email" type="email" label={t('account.forgot.email')} autoComplete="email" required values={result?.values ?? {}} errors={result?.error?.fields ?? {}} />
          <p>
            <button type="submit" disabled={busy}>
              {t('account.forgot.submit')}
            </button>
          </p>
        </Form>
      )}
    </div>
  );
}
