import '../../i18n/areas/community';
import { data, Form, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/community-post';
import { getCommunity } from '../../core/communities/community-page';
import { getPost, type CommentView } from '../../core/communities/feed';
import { createComment, deleteComment, deletePost, editComment, editPost, react } from '../../core/communities/posts';
import { pick } from '../../core/text';
import { getT, type Locale } from '../../i18n';
import { backTo, communityError, communityForm, communityNotFound, communityVisitor, reactionOf, moderate } from '../lib/community.server';
import type { FormProblem } from '../lib/problem.server';
import { retryAfter } from '../lib/signup.server';
import { report } from '../../core/communities/moderation';
import { formatSessionTime } from '../lib/format';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { CommunityLive } from '../components/community-live';
import { AuthorLine, authorName, ReactionButtons, CommunityNotices, CommunityBreadcrumb, ModerateForm, PostImages, RemovedNote, ReportForm } from '../components/community-post';
import { checked, field } from '../lib/form-values';
import { Check, TextField } from '../components/form-kit';

const DONE = ['replied', 'saved', 'deleted', 'reported', 'removed', 'restored'] as const;

export async function loader(args: Route.LoaderArgs) {
  const { request, params } = args;
  const visitor = await communityVisitor(args);
  const { locale, ctx } = visitor;
  const page = await getCommunity({ ctx, input: { community: params.slug } }).catch((err: unknown) => communityNotFound(err, locale));
  const found = await getPost({ ctx, input: { postId: params.post } }).catch((err: unknown) => {
    // Someone who may not read the community is sent to its page, which says how to join.
    if (err instanceof Error && 'code' in err && err.code === 'forbidden') throw redirect(pathTo(locale, 'community', { slug: page.group.slugs[locale] }));
    return communityNotFound(err, locale);
  });
  if (found.community.id !== page.group.id) communityNotFound(Object.assign(new Error('post of another community'), { code: 'not_found' }), locale);
  const tz = page.group.timeZone;
  const when = (d: Date) => formatSessionTime(d, tz, locale);
  const url = new URL(request.url);
  type Shown = Omit<CommentView, 'replies'> & { iso: string; when: string; replies: Shown[] };
  const comment = (c: CommentView): Shown => ({ ...c, iso: c.createdAt.toISOString(), when: when(c.createdAt), replies: c.replies.map(comment) });
  const done = url.searchParams.get('done');
  const slugs = page.group.slugs;
  return {
    locale,
    csrf: visitor.csrf,
    canPost: page.viewer.canPost,
    canModerate: page.viewer.canModerate,
    title: `${getT(locale)('community.title')} · ${pick(page.group.title, locale)?.text ?? ''}`,
    groupTitle: page.group.title,
    communityHref: pathTo(locale, 'community', { slug: slugs[locale] }),
    here: url.pathname,
    localeParams: { en: { slug: slugs.en, post: params.post }, fr: { slug: slugs.fr, post: params.post } } satisfies Record<Locale, { slug: string; post: string }>,
    groupId: page.group.id,
    post: { ...found.post, iso: found.post.createdAt.toISOString(), when: when(found.post.createdAt) },
    comments: found.comments.map(comment),
    done: (DONE as readonly string[]).includes(done ?? '') ? (done as (typeof DONE)[number]) : null,
    crisis: url.searchParams.get('crisis') === '1',
  };
}

type ActionResult = { intent: string; target: string; problem: FormProblem; values: Record<string, string> };

export async function action(args: Route.ActionArgs) {
  const { ctx, form, locale } = await communityForm(args);
  const t = getT(locale);
  const intent = field(form, 'intent');
  const here = new URL(args.request.url).pathname;
  const postId = args.params.post;
  const body = field(form, 'body');
  const anonymous = checked(form, 'anonymous');
  try {
    switch (intent) {
      case 'comment': {
        const out = await createComment({ ctx, input: { postId, parentId: field(form, 'parentId') || undefined, body, anonymous } });
        return redirect(`${here}?done=replied${out.crisis ? '&crisis=1' : ''}`);
      }
      case 'edit-post': {
        const out = await editPost({ ctx, input: { postId, body } });
        return redirect(`${here}?done=saved${out.crisis ? '&crisis=1' : ''}`);
      }
      case 'delete-post': {
        await deletePost({ ctx, input: { id: postId } });
        const slug = args.params.slug;
        return redirect(`${pathTo(locale, 'community', { slug })}`);
      }
      case 'edit-comment': {
        const out = await editComment({ ctx, input: { commentId: field(form, 'commentId'), body } });
        return redirect(`${here}?done=saved${out.crisis ? '&crisis=1' : ''}`);
      }
      case 'delete-comment':
        await deleteComment({ ctx, input: { id: field(form, 'commentId') } });
        return redirect(`${here}?done=deleted`);
      case 'report':
        await report({
          ctx,
          input: {
            postId: field(form, 'postId') || undefined,
            commentId: field(form, 'commentId') || undefined,
            aboutAuthor: checked(form, 'aboutAuthor'),
            reason: field(form, 'reason') as never,
            details: field(form, 'details') || undefined,
          },
        });
        return redirect(`${here}?done=reported`);
      case 'remove':
      case 'restore':
        await moderate(ctx, form);
        return redirect(`${here}?done=${intent === 'remove' ? 'removed' : 'restored'}`);
      case 'react':
        await react({
          ctx,
          input: { postId: field(form, 'postId') || undefined, commentId: field(form, 'commentId') || undefined, ...reactionOf(form) },
        });
        return redirect(backTo(form, here));
      default:
        return data<ActionResult>({ intent, target: '', problem: { status: 400, message: t('community.errors.forbidden'), fields: {} }, values: {} }, { status: 400 });
    }
  } catch (err) {
    const problem = communityError(err, t);
    const target = field(form, 'commentId') || field(form, 'parentId') || 'post';
    return data<ActionResult>({ intent, target, problem, values: { body } }, { status: problem.status, headers: retryAfter(err) });
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }, { name: 'robots', content: 'noindex' }];

export default function CommunityPost({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  const problem = actionData?.problem;
  const errorFor = (target: string) => (actionData?.target === target ? problem?.fields.body : undefined);
  const reportError = (target: string) => (actionData?.intent === 'report' && actionData.target === target ? problem?.fields : undefined);
  const valueFor = (target: string) => (actionData?.target === target ? (actionData.values.body ?? '') : '');
  const hidden = (intent: string, extra: Record<string, string> = {}) => (
    <>
      <CsrfField token={d.csrf!} />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(extra).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
    </>
  );
  const anonymousBox = (id: string) => <Check prefix={`${id}-`} name="anonymous" label={t('community.anonymousComment')} checked={false} />;

  type Shown = (typeof d.comments)[number];
  const commentItem = (c: Shown, isReply: boolean): React.ReactNode => (
    <li key={c.id}>
      <article className="comment" aria-label={c.deleted ? t('community.deleted') : `${authorName(t, c.author)}, ${c.when}`}>
        {c.deleted ? (
          <p className="muted">{t('community.deleted')}</p>
        ) : (
          <>
            <AuthorLine author={c.author!} when={c.when} iso={c.iso} edited={c.editedAt != null} />
            {c.crisis && <p className="flag">{t('community.crisisFlag')}</p>}
            <RemovedNote removed={c.removed} />
            <div className="post-body" dangerouslySetInnerHTML={{ __html: c.html }} />
            <ReactionButtons csrf={d.csrf} target={{ commentId: c.id }} reactions={c.reactions} mine={c.myReactions} canReact={d.canPost && !c.removed} label={c.when} back={d.here} />
            {!c.author?.mine && d.csrf && !c.removed && (
              <ReportForm csrf={d.csrf} target={{ commentId: c.id }} label={c.when} open={actionData?.intent === 'report' && actionData.target === c.id} error={reportError(c.id)} />
            )}
            {d.canModerate && d.csrf && <ModerateForm csrf={d.csrf} target={{ commentId: c.id }} removed={c.removed != null} label={c.when} />}
            {c.author?.mine && d.csrf && (
              <details className="own-actions" open={actionData?.intent === 'edit-comment' && actionData.target === c.id}>
                <summary>{t('community.edit')}</summary>
                <Form method="post">
                  {hidden('edit-comment', { commentId: c.id })}
                  <TextField name="body" multiline rows={3} required id={`edit-${c.id}`} label={t('community.edit')} value={valueFor(c.id) || (c.body ?? '')} error={errorFor(c.id)} maxLength={5000} />
                  <button type="submit">{t('community.save')}</button>
                </Form>
                <Form method="post">
                  {hidden('delete-comment', { commentId: c.id })}
                  <button type="submit" className="danger">
                    {t('community.deleteComment')}
                  </button>
                </Form>
              </details>
            )}
          </>
        )}
        {!isReply && d.canPost && d.csrf && !d.post.removed && (
          <details className="reply" open={actionData?.intent === 'comment' && actionData.target === c.id}>
            <summary>{t('community.reply')}</summary>
            <Form method="post">
              {hidden('comment', { parentId: c.id })}
              <TextField name="body" multiline rows={3} required id={`reply-${c.id}`} label={t('community.yourReply')} value={valueFor(c.id)} error={errorFor(c.id)} maxLength={5000} />
              {anonymousBox(`anonymous-${c.id}`)}
              <button type="submit">{t('community.reply')}</button>
            </Form>
          </details>
        )}
      </article>
      {c.replies.length > 0 && <ul className="replies">{c.replies.map((r) => commentItem(r as Shown, true))}</ul>}
    </li>
  );

  return (
    <div className="page narrow community">
      <CommunityBreadcrumb href={d.communityHref} title={d.groupTitle} locale={d.locale} />
      <CommunityNotices done={d.done} crisis={d.crisis} problem={problem} />
      <CommunityLive groupId={d.groupId} wanted={(e) => e.kind === 'comment' && e.postId === d.post.id} />
      <article className="post" aria-labelledby="post-title">
        <h1 id="post-title" className="post-title">
          {authorName(t, d.post.author)} · {d.post.when}
        </h1>
        <AuthorLine author={d.post.author} when={d.post.when} iso={d.post.iso} edited={d.post.editedAt != null} />
        {d.post.crisis && <p className="flag">{t('community.crisisFlag')}</p>}
        <RemovedNote removed={d.post.removed} />
        <div className="post-body" dangerouslySetInnerHTML={{ __html: d.post.html }} />
        <PostImages images={d.post.images} />
        <ReactionButtons csrf={d.csrf} target={{ postId: d.post.id }} reactions={d.post.reactions} mine={d.post.myReactions} canReact={d.canPost && !d.post.removed} label={d.post.when} back={d.here} />
        {!d.post.author.mine && d.csrf && !d.post.removed && (
          <ReportForm csrf={d.csrf} target={{ postId: d.post.id }} label={d.post.when} open={actionData?.intent === 'report' && actionData.target === 'post'} error={reportError('post')} />
        )}
        {d.canModerate && d.csrf && <ModerateForm csrf={d.csrf} target={{ postId: d.post.id }} removed={d.post.removed != null} label={d.post.when} />}
        {d.post.author.mine && d.csrf && (
          <details className="own-actions" open={actionData?.intent === 'edit-post'}>
            <summary>{t('community.edit')}</summary>
            <Form method="post">
              {hidden('edit-post')}
              <TextField name="body" multiline rows={3} required id="edit-post" label={t('community.edit')} value={actionData?.intent === 'edit-post' ? valueFor('post') : (d.post.body ?? '')} error={errorFor('post')} maxLength={10000} />
              <button type="submit">{t('community.save')}</button>
            </Form>
            <Form method="post">
              {hidden('delete-post')}
              <button type="submit" className="danger">
                {t('community.deletePost')}
              </button>
            </Form>
          </details>
        )}
      </article>

      <section aria-labelledby="comments-title">
        <h2 id="comments-title">{t('community.comments', { count: d.post.commentCount })}</h2>
        {d.comments.length > 0 && <ul className="comments">{d.comments.map((c) => commentItem(c, false))}</ul>}
        {d.canPost && d.csrf && !d.post.removed && (
          <Form method="post" className="card">
            {hidden('comment')}
            <TextField name="body" multiline rows={3} required id="f-comment" label={t('community.comment')} value={actionData?.intent === 'comment' && actionData.target === 'post' ? valueFor('post') : ''} error={errorFor('post')} maxLength={5000} />
            {anonymousBox('f-comment-anonymous')}
            <button type="submit">{t('community.comment')}</button>
          </Form>
        )}
      </section>
    </div>
  );
}
