import '../../i18n/areas/community';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/community-messages';
import { listConversations, sendMessage, setMessageSettings, writeTarget } from '../../core/communities/messages';
import { pick } from '../../core/text';
import { getT } from '../../i18n';
import { communityError, communityForm, memberPage } from '../lib/community.server';
import type { FormProblem } from '../lib/problem.server';
import { formatSessionTime } from '../lib/format';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { CommunityBreadcrumb, CommunityNotices } from '../components/community-post';
import { MessageBox } from '../components/message-box';
import { Check } from '../components/form-kit';
import { checked, field } from '../lib/form-values';

// A member's private conversations in a community, their message settings, and (from the
// people finder, `?to=`) a first message to someone.

export async function loader(args: Route.LoaderArgs) {
  const { locale, ctx, csrf, page, communityHref } = await memberPage(args);
  const url = new URL(args.request.url);
  const to = url.searchParams.get('to');
  const [list, target] = await Promise.all([
    listConversations({ ctx, input: { community: page.group.id } }),
    to ? writeTarget({ ctx, input: { community: page.group.id, memberId: to } }).catch(() => null) : Promise.resolve(null),
  ]);
  const slug = page.group.slugs[locale];
  return {
    locale,
    csrf,
    groupTitle: page.group.title,
    communityHref,
    localeParams: { en: { slug: page.group.slugs.en }, fr: { slug: page.group.slugs.fr } },
    messagesOff: list.messagesOff,
    notifyMessages: list.notifyMessages,
    conversations: list.conversations.map((c) => ({
      id: c.id,
      with: c.with,
      when: formatSessionTime(c.lastMessageAt, page.group.timeZone, locale),
      href: pathTo(locale, 'communityConversation', { slug, conversation: c.id }),
    })),
    target,
    done: url.searchParams.get('done') === 'saved' ? ('saved' as const) : null,
    title: `${getT(locale)('community.messages.title')} · ${pick(page.group.title, locale)?.text ?? ''}`,
  };
}

export async function action(args: Route.ActionArgs) {
  const { ctx, form, locale } = await communityForm(args);
  const here = new URL(args.request.url).pathname;
  try {
    if (field(form, 'intent') === 'settings') {
      await setMessageSettings({ ctx, input: { community: args.params.slug, messagesOff: checked(form, 'messagesOff'), notifyMessages: checked(form, 'notifyMessages') } });
      return redirect(`${here}?done=saved`);
    }
    const { conversationId } = await sendMessage({ ctx, input: { community: args.params.slug, to: field(form, 'to'), body: field(form, 'body') } });
    return redirect(pathTo(locale, 'communityConversation', { slug: args.params.slug, conversation: conversationId }));
  } catch (err) {
    const problem = communityError(err, getT(locale));
    return data<{ problem: FormProblem; body: string }>({ problem, body: field(form, 'body') }, { status: problem.status });
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }, { name: 'robots', content: 'noindex' }];

export default function CommunityMessages({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  return (
    <div className="page narrow community">
      <CommunityBreadcrumb href={d.communityHref} title={d.groupTitle} locale={d.locale} />
      <h1>{t('community.messages.title')}</h1>
      <CommunityNotices done={d.done} problem={actionData?.problem} />
      {d.target && (
        <section aria-labelledby="new-title" className="card">
          <h2 id="new-title">{t('community.messages.to', { nickname: d.target.nickname ?? t('community.anonymousMember') })}</h2>
          {d.target.canWrite ? (
            <Form method="post">
              <CsrfField token={d.csrf} />
              <input type="hidden" name="to" value={d.target.memberId} />
              <MessageBox defaultValue={actionData?.body ?? ''} error={actionData?.problem.fields.body} />
            </Form>
          ) : (
            <p>{t('community.messages.unavailable')}</p>
          )}
        </section>
      )}
      <section aria-labelledby="list-title">
        <h2 id="list-title">{t('community.messages.conversations')}</h2>
        {d.conversations.length === 0 ? (
          <p>{t('community.messages.none')}</p>
        ) : (
          <ul className="conversations">
            {d.conversations.map((c) => (
              <li key={c.id}>
                <Link to={c.href}>{c.with ?? t('community.anonymousMember')}</Link> <span className="muted">· {c.when}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Form method="post" className="card">
        <CsrfField token={d.csrf} />
        <input type="hidden" name="intent" value="settings" />
        <fieldset>
          <legend>{t('community.messages.settings')}</legend>
          <Check name="messagesOff" label={t('community.messages.off')} checked={d.messagesOff} />
          <Check name="notifyMessages" label={t('community.messages.notify')} checked={d.notifyMessages} />
        </fieldset>
        <button type="submit" className="secondary">
          {t('community.notifications.save')}
        </button>
      </Form>
    </div>
  );
}
