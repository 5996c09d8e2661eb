import '../../i18n/areas/account';
import { Form, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/account-sign-out';
import { getT, type Locale } from '../../i18n';
import { localeOfPath, pathTo } from '../lib/paths';
import { currentSession, requireOrganizerForm, sessionCsrf } from '../lib/auth.server';
import { callAuth } from '../lib/account.server';
import { CsrfField } from '../components/csrf-field';

// Signing out: the header's button on every page posts here (a plain form, so it works without
// JavaScript); this page also has its own button. Either way the person lands on the home page
// of the language they were reading.

const localeOf = (request: Request) => localeOfPath(new URL(request.url).pathname) as Locale;

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOf(request);
  // Nobody to sign out: the home page, rather than a sign-in that would lead back here.
  const session = await currentSession({ request, context });
  if (!session) throw redirect(pathTo(locale, 'home'));
  return { locale, csrf: sessionCsrf(context, session.sessionId) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const home = pathTo(locale, 'home');
  // A session that has already ended (expired, or signed out in another tab) has nothing to end.
  if (!(await currentSession({ request, context }))) return redirect(home);
  await requireOrganizerForm({ request, context }, locale);
  const answer = await callAuth({ request, context }, locale, '/sign-out', {});
  const headers = new Headers();
  for (const c of answer.cookies) headers.append('Set-Cookie', c);
  return redirect(home, { headers });
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${getT(data?.locale ?? 'en')('account.signOut.title')} · Cercle` },
  { name: 'robots', content: 'noindex' },
];

export default function SignOut({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="page narrow">
      <h1>{t('account.signOut.title')}</h1>
      <Form method="post">
        <CsrfField token={loaderData.csrf} />
        <button type="submit">{t('account.signOut.submit')}</button>
      </Form>
    </div>
  );
}
