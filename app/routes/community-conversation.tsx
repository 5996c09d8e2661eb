import '../../i18n/areas/community';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/community-conversation';
import { getCommunity } from '../../core/communities/community-page';
import { getConversation, sendMessage, setBlock } from '../../core/communities/messages';
import { reportMessage } from '../../core/communities/moderation';
import { getT } from '../../i18n';
import { communityError, communityForm, communityNotFound, communityVisitor } from '../lib/community.server';
import type { FormProblem } from '../lib/problem.server';
import { formatSessionTime } from '../lib/format';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { CommunityBreadcrumb, CommunityNotices, ReportForm } from '../components/community-post';
import { CommunityLive } from '../components/community-live';
import { MessageBox } from '../components/message-box';
import { field } from '../lib/form-values';

// One private conversation, for its two members: the messages, an answer, and a block.

export async function loader(args: Route.LoaderArgs) {
  const visitor = await communityVisitor(args);
  const { locale, ctx } = visitor;
  const page = await getCommunity({ ctx, input: { community: args.params.slug } }).catch((err: unknown) => communityNotFound(err, locale));
  if (!visitor.user) throw redirect(`${pathTo(locale, 'signIn')}?next=${encodeURIComponent(new URL(args.request.url).pathname)}`);
  const conversation = await getConversation({ ctx, input: { conversationId: args.params.conversation } }).catch((err: unknown) => communityNotFound(err, locale));
  if (conversation.groupId !== page.group.id) throw data(getT(locale)('errors.notFound'), { status: 404 });
  const url = new URL(args.request.url);
  const done = url.searchParams.get('done');
  const slug = page.group.slugs[locale];
  return {
    locale,
    csrf: visitor.csrf!,
    groupTitle: page.group.title,
    communityHref: pathTo(locale, 'community', { slug }),
    messagesHref: pathTo(locale, 'communityMessages', { slug }),
    localeParams: {
      en: { slug: page.group.slugs.en, conversation: conversation.id },
      fr: { slug: page.group.slugs.fr, conversation: conversation.id },
    },
    conversation: {
      ...conversation,
      messages: conversation.messages.map((m) => ({ ...m, when: formatSessionTime(m.createdAt, page.group.timeZone, locale), iso: m.createdAt.toISOString() })),
    },
    done: done === 'blocked' || done === 'unblocked' || done === 'reported' ? (done as 'blocked' | 'unblocked' | 'reported') : null,
    title: getT(locale)('community.messages.with', { nickname: conversation.with.nickname ?? '' }),
  };
}

export async function action(args: Route.ActionArgs) {
  const { ctx, form, locale } = await communityForm(args);
  const here = new URL(args.request.url).pathname;
  try {
    if (field(form, 'intent') === 'report') {
      await reportMessage({ ctx, input: { messageId: field(form, 'messageId'), reason: field(form, 'reason') as never, details: field(form, 'details') || undefined } });
      return redirect(`${here}?done=reported`);
    }
    if (field(form, 'intent') === 'block') {
      const blocked = field(form, 'blocked') === 'true';
      await setBlock({ ctx, input: { community: args.params.slug, memberId: field(form, 'memberId'), blocked } });
      return redirect(`${here}?done=${blocked ? 'blocked' : 'unblocked'}`);
    }
    await sendMessage({ ctx, input: { conversationId: args.params.conversation, body: field(form, 'body') } });
    return redirect(here);
  } catch (err) {
    const problem = communityError(err, getT(locale));
    return data<{ problem: FormProblem; body: string }>({ problem, body: field(form, 'body') }, { status: problem.status });
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }, { name: 'robots', content: 'noindex' }];

export default function CommunityConversation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  const c = d.conversation;
  const name = c.with.nickname ?? t('community.anonymousMember');
  return (
    <div className="page narrow community">
      <CommunityBreadcrumb href={d.communityHref} title={d.groupTitle} locale={d.locale} />
      <p>
        <Link to={d.messagesHref}>{t('community.messages.title')}</Link>
      </p>
      <h1>{t('community.messages.with', { nickname: name })}</h1>
      <CommunityNotices done={d.done} problem={actionData?.problem} />
      <CommunityLive groupId={c.groupId} source={`/community/conversations/${c.id}/live`} wanted={(e) => e.kind === 'message' && e.postId === c.id} />
      <ol className="messages">
        {c.messages.map((m) => (
          <li key={m.id} className={m.mine ? 'mine' : 'theirs'}>
            <p className="post-meta">
              <strong>{m.mine ? t('community.you') : name}</strong> · <time dateTime={m.iso}>{m.when}</time>
            </p>
            <p className="message-body">{m.body}</p>
            {!m.mine && <ReportForm csrf={d.csrf} target={{ messageId: m.id }} label={m.when} />}
          </li>
        ))}
      </ol>
      {c.canWrite ? (
        <Form method="post" className="card" key={c.messages.length}>
          <CsrfField token={d.csrf} />
          <MessageBox defaultValue={actionData?.body ?? ''} error={actionData?.problem.fields.body} />
        </Form>
      ) : (
        <p className="notice">{t('community.messages.unavailable')}</p>
      )}
      <Form method="post">
        <CsrfField token={d.csrf} />
        <input type="hidden" name="intent" value="block" />
        <input type="hidden" name="memberId" value={c.with.memberId} />
        <input type="hidden" name="blocked" value={c.iBlocked ? 'false' : 'true'} />
        {!c.iBlocked && <p className="hint">{t('community.messages.blockHint')}</p>}
        <button type="submit" className={c.iBlocked ? 'secondary' : 'danger'}>
          {c.iBlocked ? t('community.messages.unblock', { nickname: name }) : t('community.messages.block', { nickname: name })}
        </button>
      </Form>
    </div>
  );
}
