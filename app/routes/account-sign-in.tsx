import '../../i18n/areas/account';
import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Route } from './+types/account-sign-in';
import { getT, type Locale } from '../../i18n';
import { localeOfPath, pathTo } from '../lib/paths';
import { translatePath } from '../lib/translate-path';
import { currentSession, visitorCsrf, visitorForm } from '../lib/auth.server';
import { authErrorMessage, callAuth, forCommunity, ORGANIZE_HOME, safeNext } from '../lib/account.server';
import { CsrfField } from '../components/csrf-field';
import { ErrorSummary, Field, TextField } from '../components/form-kit';
import { field } from '../lib/form-values';

const localeOf = (request: Request) => localeOfPath(new URL(request.url).pathname) as Locale;

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOf(request);
  // After signing in, the person goes on in the language of this page, whatever `next` was written in.
  const next = translatePath(safeNext(new URL(request.url).searchParams.get('next'), ORGANIZE_HOME[locale], context.settings.publicUrl), locale);
  if (await currentSession({ request, context })) throw redirect(next);
  const { csrf, headers } = visitorCsrf({ request, context });
  return data({ locale, csrf, next, community: forCommunity(next) }, { headers });
}

type Result = { error?: { message: string; fields: Record<string, string> }; values?: Record<string, string>; sent?: string };

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const form = await visitorForm({ request, context }, locale);
  const next = translatePath(safeNext(field(form, 'next'), ORGANIZE_HOME[locale], context.settings.publicUrl), locale);
  const email = field(form, 'email').trim();
  const values = { email };
  const fail = (status: number, message: string, fields: Record<string, string> = {}) =>
    data<Result>({ error: { message, fields }, values }, { status });
  if (!z.email().safeParse(email).success) return fail(400, t('account.errors.email'), { email: t('account.errors.email') });

  if (field(form, 'intent') === 'magic') {
    const answer = await callAuth({ request, context }, locale, '/sign-in/magic-link', { email, callbackURL: next });
    if (answer.status === 429) return fail(429, t('account.errors.tooMany'));
    // The same answer whether or not an account exists: nobody learns who has one.
    return data<Result>({ sent: t('account.signIn.magicSent', { email }) });
  }

  const password = field(form, 'password');
  if (!password) return fail(400, t('account.errors.required'), { password: t('account.errors.required') });
  // The library counts failed sign-ins per account and locks it (server/auth.ts): a 429 here.
  const answer = await callAuth({ request, context }, locale, '/sign-in/email', { email, password, rememberMe: true });
  if (!answer.ok) {
    if (answer.status === 429) return fail(429, t('account.errors.tooMany'));
    return fail(answer.status === 403 ? 403 : 401, authErrorMessage(answer, t));
  }
  const headers = new Headers();
  for (const c of answer.cookies) headers.append('Set-Cookie', c);
  return redirect(next, { headers });
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${getT(data?.locale ?? 'en')('account.signIn.title')} · Cercle` },
  { name: 'robots', content: 'noindex' },
];

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, csrf, next } = loaderData;
  const result = actionData as Result | undefined;
  const error = result?.error;
  const busy = useNavigation().state === 'submitting';
  return (
    <div className="page narrow">
      <h1>{loaderData.community ? t('account.signInCommunity.title') : t('account.signIn.title')}</h1>
      <p className="lead">{loaderData.community ? t('account.signInCommunity.lead') : t('account.signIn.lead')}</p>
      {error && <ErrorSummary message={error.message} fields={error.fields} />}
      {result?.sent && (
        <p className="notice" role="status">
          {result.sent}
        </p>
      )}
      <Form method="post" className="person-form" noValidate aria-labelledby="password-sign-in">
        <h2 id="password-sign-in" className="visually-hidden">
          {t('account.signIn.submit')}
        </h2>
        <CsrfField token={csrf} />
        <input type="hidden" name="next" value={next} />
        <Field name="email" type="email" label={t('account.signIn.email')} autoComplete="email" required values={result?.values ?? {}} errors={error?.fields ?? {}} />
        <Field name="password" type="password" label={t('account.signIn.password')} autoComplete="current-password" values={{}} errors={error?.fields ?? {}} />
        <p>
          <button type="submit" name="intent" value="password" disabled={busy}>
            {t('account.signIn.submit')}
          </button>
        </p>
        <p>
          <Link to={pathTo(locale, 'forgotPassword')}>{t('account.signIn.forgot')}</Link>
        </p>
      </Form>
      <section aria-labelledby="magic-title">
        <h2 id="magic-title">{t('account.signIn.magicTitle')}</h2>
        <p className="hint">{t('account.signIn.magicHint')}</p>
        <Form method="post" className="person-form" noValidate>
          <CsrfField token={csrf} />
          <input type="hidden" name="next" value={next} />
          <TextField id="magic-email" name="email" type="email" autoComplete="email" required label={t('account.signIn.email')} value={result?.values?.email} />
          <p>
            <button type="submit" name="intent" value="magic" className="secondary" disabled={busy}>
              {t('account.signIn.magicSubmit')}
            </button>
          </p>
        </Form>
      </section>
      <p>
        {t('account.signIn.noAccount')} <Link to={loaderData.community ? `${pathTo(locale, 'signUp')}?next=${encodeURIComponent(loaderData.next)}` : pathTo(locale, 'signUp')}>
          {loaderData.community ? t('account.signInCommunity.createAccount') : t('account.signIn.createAccount')}
        </Link>
      </p>
    </div>
  );
}
