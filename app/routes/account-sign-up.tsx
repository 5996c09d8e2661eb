import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import { z } from 'zod';
import type { Route } from './+types/account-sign-up';
import { getT, type Locale } from '../../i18n';
import { localeOfPath, pathTo } from '../lib/paths';
import { currentSession, visitorCsrf, visitorForm } from '../lib/auth.server';
import { authErrorMessage, callAuth, ORGANIZE_HOME } from '../lib/account.server';
import { allowSignUpAttempt } from '../../core/accounts/sign-in-throttle';
import { CsrfField } from '../components/csrf-field';
import { ErrorSummary, Field } from '../components/person-fields';

const localeOf = (request: Request) => localeOfPath(new URL(request.url).pathname) as Locale;

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOf(request);
  if (await currentSession({ request, context })) throw redirect(ORGANIZE_HOME[locale]);
  const { csrf, headers } = visitorCsrf({ request, context });
  return data({ locale, csrf }, { headers });
}

type Result = { error?: { message: string; fields: Record<string, string> }; values?: Record<string, string> };

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const form = await visitorForm({ request, context }, locale);
  const name = String(form.get('name') ?? '').trim();
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  const fields: Record<string, string> = {};
  if (!name || name.length > 80) fields.name = t('account.errors.required');
  if (!z.email().safeParse(email).success) fields.email = t('account.errors.email');
  if (password.length < 10) fields.password = t('account.errors.passwordShort');
  else if (password.length > 128) fields.password = t('account.errors.passwordLong');
  const values = { name, email };
  if (Object.keys(fields).length) return data<Result>({ error: { message: t('account.errors.summary'), fields }, values }, { status: 400 });
  if (!(await allowSignUpAttempt(context.handle.db, email, new Date()))) {
    return data<Result>({ error: { message: t('account.errors.tooMany'), fields: {} }, values }, { status: 429 });
  }
  const answer = await callAuth({ request, context }, locale, '/sign-up/email', {
    name,
    email,
    password,
    locale,
    callbackURL: ORGANIZE_HOME[locale],
  });
  if (!answer.ok) {
    return data<Result>({ error: { message: authErrorMessage(answer, t), fields: {} }, values }, { status: answer.status === 429 ? 429 : 400 });
  }
  return redirect(`${pathTo(locale, 'checkEmail')}?email=${encodeURIComponent(email)}`);
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${getT(data?.locale ?? 'en')('account.signUp.title')} · Cercle` }];

export default function SignUp({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, csrf } = loaderData;
  const result = actionData as Result | undefined;
  const error = result?.error;
  const busy = useNavigation().state === 'submitting';
  useEffect(() => {
    if (error) document.getElementById('error-summary')?.focus();
  }, [error]);
  const values = result?.values ?? {};
  const errors = error?.fields ?? {};
  return (
    <div className="page narrow">
      <h1>{t('account.signUp.title')}</h1>
      <p className="lead">{t('account.signUp.lead')}</p>
      {error && <ErrorSummary message={error.message} fields={error.fields} />}
      <Form method="post" className="person-form" noValidate>
        <CsrfField token={csrf} />
        <Field name="name" label={t('account.signUp.name')} hint={t('account.signUp.nameHint')} autoComplete="name" required values={values} errors={errors} />
        <Field name="email" type="email" label={t('account.signUp.email')} autoComplete="email" required values={values} errors={errors} />
        <Field
          name="password"
          type="password"
          label={t('account.signUp.password')}
          hint={t('account.signUp.passwordHint')}
          autoComplete="new-password"
          required
          values={{}}
          errors={errors}
        />
        <p>
          <button type="submit" disabled={busy}>
            {t('account.signUp.submit')}
          </button>
        </p>
      </Form>
      <p>
        {t('account.signUp.haveAccount')} <Link to={pathTo(locale, 'signIn')}>{t('account.signIn.submit')}</Link>
      </p>
    </div>
  );
}
