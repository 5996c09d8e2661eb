import '../../i18n/areas/account';
import { data, Form, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/account';
import { accountSummary, CONTENT_CHOICES, deleteAccount, type ContentChoice } from '../../core/accounts/my-account';
import { nameIn } from '../../core/organizations/shared';
import { bilingual, pick } from '../../core/text';
import { reasonOf } from '../../core/errors';
import { getT } from '../../i18n';
import { requireOrganizer, requireOrganizerForm } from '../lib/auth.server';
import { callAuth } from '../lib/account.server';
import { localeOf } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { Check, ErrorSummary, Radios } from '../components/form-kit';
import { checked, field } from '../lib/form-values';

// A signed-in person's own page: who they are here, their data to download, and the deletion of
// their account, with their choice of what becomes of what they wrote in communities.

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, csrf } = await requireOrganizer({ request, context }, locale);
  const me = await accountSummary({ ctx });
  return {
    locale,
    csrf,
    choices: [...CONTENT_CHOICES],
    email: me.email,
    name: me.name,
    nickname: me.nickname,
    organizations: me.organizations.map((o) => ({ name: nameIn(o, locale), href: pathTo(locale, 'orgHome', { org: o.slug }) })),
    communities: me.communities.map((c) => ({
      title: pick(bilingual(c.titleEn, c.titleFr), locale),
      href: pathTo(locale, 'community', { slug: locale === 'fr' ? (c.slugFr ?? c.slug) : c.slug }),
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, form } = await requireOrganizerForm({ request, context }, locale);
  const content = field(form, 'content');
  const fields: Record<string, string> = {};
  if (!CONTENT_CHOICES.includes(content as ContentChoice)) fields.content = t('account.mine.chooseContent');
  if (!checked(form, 'confirm')) fields.confirm = t('account.mine.mustConfirm');
  const values = { content };
  if (Object.keys(fields).length) return data({ message: t('account.errors.summary'), fields, values }, { status: 400 });
  try {
    await deleteAccount({ ctx, input: { content: content as ContentChoice, confirm: true } });
  } catch (err) {
    if (reasonOf(err) !== 'last_owner') throw err;
    const me = await accountSummary({ ctx });
    const names = me.organizations.filter((o) => o.role === 'owner').map((o) => nameIn(o, locale));
    return data({ message: t('account.mine.lastOwner', { names: names.join(', ') }), fields: {} as Record<string, string>, values }, { status: 409 });
  }
  // The account and its sessions are gone; the browser forgets its cookie.
  const answer = await callAuth({ request, context }, locale, '/sign-out', {});
  const headers = new Headers();
  for (const c of answer.cookies) headers.append('Set-Cookie', c);
  return redirect(`${pathTo(locale, 'accountDeleted')}?content=${content}`, { headers });
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${getT(data?.locale ?? 'en')('account.mine.title')} · Cercle` },
  { name: 'robots', content: 'noindex' },
];

export default function Account({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const chosen = actionData?.values.content;
  const errors: Record<string, string> = actionData?.fields ?? {};
  return (
    <div className="page narrow">
      <h1>{t('account.mine.title')}</h1>
      <p className="muted">{t('account.mine.lead')}</p>
      <dl className="facts">
        <dt>{t('account.mine.email')}</dt>
        <dd>{d.email}</dd>
        <dt>{t('account.mine.name')}</dt>
        <dd>{d.name}</dd>
        {d.nickname && (
          <>
            <dt>{t('account.mine.nickname')}</dt>
            <dd>{d.nickname}</dd>
          </>
        )}
        <dt>{t('account.mine.organizations')}</dt>
        <dd>
          <LinkList links={d.organizations.map((o) => ({ href: o.href, text: o.name }))} />
        </dd>
        <dt>{t('account.mine.communities')}</dt>
        <dd>
          <LinkList links={d.communities.map((c) => ({ href: c.href, text: c.title?.text ?? '', lang: c.title?.lang }))} />
        </dd>
      </dl>

      <section aria-labelledby="data-title">
        <h2 id="data-title">{t('account.mine.dataTitle')}</h2>
        <p>{t('account.mine.dataLead')}</p>
        <p>
          <a href="/account/data.json" download>
            {t('account.mine.download')}
          </a>
        </p>
      </section>

      <section aria-labelledby="delete-title">
        <h2 id="delete-title">{t('account.mine.deleteTitle')}</h2>
        <p>{t('account.mine.deleteLead')}</p>
        {actionData && <ErrorSummary message={actionData.message} fields={actionData.fields} hrefs={{ content: `#f-content-${d.choices[0]}` }} />}
        <Form method="post" className="danger-zone" noValidate>
          <CsrfField token={d.csrf} />
          <Radios
            name="content"
            legend={t('account.mine.contentLegend')}
            options={d.choices.map((choice) => [choice, t(`account.mine.${choice}`)])}
            value={chosen}
            error={errors.content}
            required
          />
          <Check name="confirm" label={t('account.mine.confirm')} required checked={false} error={errors.confirm} />
          <button type="submit" className="danger">
            {t('account.mine.submit')}
          </button>
        </Form>
      </section>
    </div>
  );
}

/** Links in a line, comma-separated, or "None". */
function LinkList({ links }: { links: { href: string; text: string; lang?: string }[] }) {
  const { t } = useTranslation();
  if (links.length === 0) return <>{t('account.mine.none')}</>;
  return (
    <>
      {links.map((l, i) => (
        <span key={l.href}>
          {i > 0 && ', '}
          <a href={l.href} lang={l.lang}>
            {l.text}
          </a>
        </span>
      ))}
    </>
  );
}
