import '../../i18n/areas/account';
import { data, Form, Link, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/account-reset-password';
import { getT, type Locale } from '../../i18n';
import { localeOfPath, pathTo } from '../lib/paths';
import { visitorCsrf, visitorForm } from '../lib/auth.server';
import { authErrorMessage, callAuth } from '../lib/account.server';
import { CsrfField } from '../components/csrf-field';
import { ErrorSummary, Field } from '../components/form-kit';
import { field } from '../lib/form-values';

const localeOf = (request: Request) => localeOfPath(new URL(request.url).pathname) as Locale;

export function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const { csrf, headers } = visitorCsrf({ request, context });
  // The library sends people here with ?token=… (or ?error=INVALID_TOKEN for a used or old link).
  return data({ locale: localeOf(request), csrf, token: url.searchParams.get('token') ?? '', linkError: url.searchParams.get('error') }, { headers });
}

type Result = { error?: { message: string; fields: Record<string, string> }; done?: boolean };

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const form = await visitorForm({ request, context }, locale);
  const token = field(form, 'token');
  const password = field(form, 'password');
  if (!token) return data<Result>({ error: { message: t('account.reset.missingToken'), fields: {} } }, { status: 400 });
  if (password.length < 10 || password.length > 128) {
    const message = password.length < 10 ? t('account.errors.passwordShort') : t('account.errors.passwordLong');
    return data<Result>({ error: { message, fields: { password: message } } }, { status: 400 });
  }
  const answer = await callAuth({ request, context }, locale, '/reset-password', { token, newPassword: password });
  if (!answer.ok) return data<Result>({ error: { message: authErrorMessage(answer, t), fields: {} } }, { status: answer.status === 429 ? 429 : 400 });
  return data<Result>({ done: true });
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${getT(data?.locale ?? 'en')('account.reset.title')} · Cercle` },
  { name: 'robots', content: 'noindex' },
];

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, csrf, token, linkError } = loaderData;
  const result = actionData as Result | undefined;
  const busy = useNavigation().state === 'submitting';
  if (result?.done) {
    return (
      <div className="page narrow">
        <h1>{t('account.reset.title')}</h1>
        <p className="notice" role="status">
          {t('account.reset.done')}
        </p>
        <p>
          <Link to={pathTo(locale, 'signIn')}>{t('account.signIn.submit')}</Link>
        </p>
      </div>
    );
  }
  const problem = linkError ? t('account.errors.invalidToken') : !token ? t('account.reset.missingToken') : null;
  return (
    <div className="page narrow">
      <h1>{t('account.reset.title')}</h1>
      {result?.error && <ErrorSummary message={result.error.message} fields={result.error.fields} />}
      {problem ? (
        <p className="notice" role="alert">
          {problem} <Link to={pathTo(locale, 'forgotPassword')}>{t('account.signIn.forgot')}</Link>
        </p>
      ) : (
        <Form method="post" className="person-form" noValidate>
          <CsrfField token={csrf} />
          <input type="hidden" name="token" value={token} />
          <Field
            name="password"
            type="password"
            label={t('account.reset.password')}
            hint={t('account.signUp.passwordHint')}
            autoComplete="new-password"
            required
            values={{}}
            errors={result?.error?.fields ?? {}}
          />
          <p>
            <button type="submit" disabled={busy}>
              {t('account.reset.submit')}
            </button>
          </p>
        </Form>
      )}
    </div>
  );
}
