import { Form, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/account-sign-out';
import { getT, type Locale } from '../../i18n';
import { localeOfPath, pathTo } from '../lib/paths';
import { requireOrganizer, requireOrganizerForm } from '../lib/auth.server';
import { callAuth } from '../lib/account.server';
import { CsrfField } from '../components/csrf-field';

const localeOf = (request: Request) => localeOfPath(new URL(request.url).pathname) as Locale;

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { csrf } = await requireOrganizer({ request, context }, locale);
  return { locale, csrf };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  await requireOrganizerForm({ request, context }, locale);
  const answer = await callAuth({ request, context }, locale, '/sign-out', {});
  const headers = new Headers();
  for (const c of answer.cookies) headers.append('Set-Cookie', c);
  return redirect(pathTo(locale, 'home'), { headers });
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${getT(data?.locale ?? 'en')('account.signOut.title')} · Cercle` }];

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
