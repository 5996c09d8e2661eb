import '../../i18n/areas/account';
import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Route } from './+types/account-sign-up';
import { getT, type Locale } from '../../i18n';
import { localeOfPath, pathTo } from '../lib/paths';
import { currentSession, visitorCsrf, visitorForm } from '../lib/auth.server';
import { authErrorMessage, callAuth, forCommunity, ORGANIZE_HOME, safeNext } from '../lib/account.server';
import { translatePath } from '../lib/translate-path';
import { allowSignUpAttempt } from '../../core/accounts/sign-in-throttle';
import { CsrfField } from '../components/csrf-field';
import { ErrorSummary, Field } from '../components/form-kit';
import { field } from '../lib/form-values';

const localeOf = (request: Request) => localeOfPath(new URL(request.url).pathname) as Locale;

/** Where to go once the account exists: `next` when it is a page of this site, else the organizer area. */
function nextOf(raw: string | null, locale: Locale, publicUrl: string): string {
  return translatePath(safeNext(raw, ORGANIZE_HOME[locale], publicUrl), locale);
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const next = nextOf(new URL(request.url).searchParams.get('next'), locale, context.settings.publicUrl);
  if (await currentSession({ request, context })) throw redirect(next);
  const { csrf, headers } = visitorCsrf({ request, context });
  return data({ locale, csrf, next, community: forCommunity(next) }, { headers });
}

type Result = { error?: { message: string; fields: Record<string, string> }; values?: Record<string, string> };

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const form = await visitorForm({ request, context }, locale);
  const next = nextOf(field(form, 'next'), locale, context.settings.publicUrl);
  const name = field(form, 'name').trim();
  const email = field(form, 'email').trim();
  const password = field(form, 'password');
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
    callbackURL: next,
  });
  if (!answer.ok) {
    return data<Result>({ error: { message: authErrorMessage(answer, t), fields: {} }, values }, { status: answer.status === 429 ? 429 : 400 });
  }
  return redirect(`${pathTo(locale, 'checkEmail')}?email=${encodeURIComponent(email)}`);
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${getT(data?.locale ?? 'en')('account.signUp.title')} · Cercle` }];

export default function SignUp({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, csrf, next, community } = loaderData;
  const words = community ? 'account.signUpCommunity' : 'account.signUp';
  const result = actionData as Result | undefined;
  const error = result?.error;
  const busy = useNavigation().state === 'submitting';
  const values = result?.values ?? {};
  const errors = error?.fields ?? {};
  return (
    <div className="page narrow">
      <h1>{t(`${words}.title`)}</h1>
      <p className="lead">{t(`${words}.lead`)}</p>
      {error && <ErrorSummary message={error.message} fields={error.fields} />}
      <Form method="post" className="person-form" noValidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="next" value={next} />
        <Field
          name="name"
          label={t(`${words}.name`)}
          hint={t(`${words}.nameHint`)}
          autoComplete={community ? 'nickname' : 'name'}
          required
          values={values}
          errors={errors}
        />
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
        {t('account.signUp.haveAccount')} <Link to={`${pathTo(locale, 'signIn')}?next=${encodeURIComponent(next)}`}>{t('account.signIn.submit')}</Link>
      </p>
    </div>
  );
}
