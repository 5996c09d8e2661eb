import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/community';
import { getCommunity } from '../../core/communities/community-page';
import { listFeed, searchCommunity } from '../../core/communities/feed';
import { leaveCommunity, requestToJoin } from '../../core/communities/membership';
import { react } from '../../core/communities/posts';
import { setNotifications } from '../../core/communities/notifications';
import { pick } from '../../core/text';
import { getT } from '../../i18n';
import { checkGroupAddress, groupLocaleParams } from '../lib/group-address.server';
import { backTo, communityError, communityForm, communityNotFound, communityVisitor, reactionOf } from '../lib/community.server';
import type { FormProblem } from '../lib/problem.server';
import { formatSessionTime } from '../lib/format';
import { retryAfter } from '../lib/signup.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { QuestionFields } from '../components/person-fields';
import { Localized } from '../components/localized';
import { CommunityLive } from '../components/community-live';
import { AuthorLine, authorName, ReactionButtons, CommunityNotices, PostComposer, PostImages, RemovedNote } from '../components/community-post';
import { Check, Field } from '../components/form-kit';
import { checked, field } from '../lib/form-values';

const DONE = ['joined', 'asked', 'left', 'posted', 'emails'] as const;

export async function loader(args: Route.LoaderArgs) {
  const { request, params } = args;
  const visitor = await communityVisitor(args);
  const { locale, ctx } = visitor;
  const page = await getCommunity({ ctx, input: { community: params.slug } }).catch((err: unknown) => communityNotFound(err, locale));
  checkGroupAddress(request, locale, params.slug, page.group.slugs, page.group.id);
  const url = new URL(request.url);
  const order = url.searchParams.get('order') === 'active' ? 'active' : 'newest';
  const after = url.searchParams.get('after') ?? undefined;
  // A search within the community (members), or its feed.
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
  const feed = !page.viewer.canRead
    ? null
    : q
      ? await searchCommunity({ ctx, input: { community: page.group.id, q } }).then((r) => ({ posts: r.posts, next: null }))
      : await listFeed({ ctx, input: { community: page.group.id, order, after } }).catch((err: unknown) => communityNotFound(err, locale));
  const tz = page.group.timeZone;
  const done = url.searchParams.get('done');
  const here = pathTo(locale, 'community', { slug: page.group.slugs[locale] });
  return {
    locale,
    csrf: visitor.csrf,
    page,
    here,
    back: `${here}${url.search}`,
    localeParams: groupLocaleParams(page.group.slugs),
    groupHref: pathTo(locale, 'group', { slug: page.group.slugs[locale] }),
    signInHref: `${pathTo(locale, 'signIn')}?next=${encodeURIComponent(here)}`,
    signUpHref: `${pathTo(locale, 'signUp')}?next=${encodeURIComponent(here)}`,
    requestsHref: pathTo(locale, 'communityRequests', { slug: page.group.slugs[locale] }),
    moderationHref: pathTo(locale, 'communityModeration', { slug: page.group.slugs[locale] }),
    newPostHref: pathTo(locale, 'communityNewPost', { slug: page.group.slugs[locale] }),
    peopleHref: pathTo(locale, 'communityPeople', { slug: page.group.slugs[locale] }),
    messagesHref: pathTo(locale, 'communityMessages', { slug: page.group.slugs[locale] }),
    mutedUntil: page.viewer.mutedUntil ? formatSessionTime(page.viewer.mutedUntil, tz, locale) : null,
    order,
    posts: (feed?.posts ?? []).map((p) => ({
      ...p,
      iso: p.createdAt.toISOString(),
      when: formatSessionTime(p.createdAt, tz, locale),
      href: pathTo(locale, 'communityPost', { slug: page.group.slugs[locale], post: p.id }),
    })),
    groupId: page.group.id,
    /** Live news reloads the first page only: a reader paging back keeps their place. */
    firstPage: !after && !q,
    q,
    olderHref: feed?.next ? `${here}?${new URLSearchParams({ order, after: feed.next })}` : null,
    done: (DONE as readonly string[]).includes(done ?? '') ? (done as (typeof DONE)[number]) : null,
    crisis: url.searchParams.get('crisis') === '1',
    title: `${getT(locale)('community.title')} · ${pick(page.group.title, locale)?.text ?? ''}`,
  };
}

type ActionResult = { intent: string; problem: FormProblem; values: Record<string, string> };

export async function action(args: Route.ActionArgs) {
  const { ctx, form, locale } = await communityForm(args);
  const t = getT(locale);
  const intent = field(form, 'intent');
  const here = new URL(args.request.url).pathname;
  const values = Object.fromEntries([...form].filter(([k, v]) => typeof v === 'string' && k !== '_csrf')) as Record<string, string>;
  try {
    if (intent === 'join') {
      const answers: Record<string, string> = {};
      for (const [k, v] of form) if (k.startsWith('answer.') && typeof v === 'string') answers[k.slice('answer.'.length)] = v;
      const out = await requestToJoin({ ctx, input: { community: args.params.slug, nickname: field(form, 'nickname'), answers, acceptRules: checked(form, 'rules') as true } });
      return redirect(`${here}?done=${out.status === 'member' ? 'joined' : 'asked'}`);
    }
    if (intent === 'emails') {
      await setNotifications({ ctx, input: { community: args.params.slug, replies: checked(form, 'replies'), digest: checked(form, 'digest') } });
      return redirect(`${here}?done=emails`);
    }
    if (intent === 'leave') {
      await leaveCommunity({ ctx, input: { community: args.params.slug } });
      return redirect(`${here}?done=left`);
    }
    if (intent === 'react') {
      await react({
        ctx,
        input: { postId: field(form, 'postId') || undefined, commentId: field(form, 'commentId') || undefined, ...reactionOf(form) },
      });
      return redirect(backTo(form, here));
    }
    return data<ActionResult>({ intent, problem: { status: 400, message: t('community.errors.forbidden'), fields: {} }, values }, { status: 400 });
  } catch (err) {
    const problem = communityError(err, t);
    return data<ActionResult>({ intent, problem, values }, { status: problem.status, headers: retryAfter(err) });
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }, { name: 'robots', content: 'noindex' }];

export default function Community({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  const { page, locale } = d;
  const v = page.viewer;
  const navigation = useNavigation();
  const problem = actionData?.problem;
  const values = actionData?.values ?? {};
  const joinForm = v.signedIn && v.status !== 'member' && v.status !== 'pending' && v.status !== 'banned' && d.csrf;
  return (
    <div className="page narrow community">
      <p className="breadcrumb">
        <Link to={d.groupHref}>{t('community.back')}</Link>
      </p>
      <h1>
        <Localized text={page.group.title} locale={locale} />
        <span className="visually-hidden"> · </span>
        <span className="subtitle">{t('community.title')}</span>
      </h1>
      <CommunityNotices done={d.done} crisis={d.crisis} problem={problem} />

      {!v.canRead && (
        <>
          <Localized as="p" text={page.group.summary} locale={locale} className="lead" />
          <p className="muted">{t('community.privateNote')}</p>
          {pick(page.group.rules, locale) && (
            <section aria-labelledby="rules-title">
              <h2 id="rules-title">{t('community.rules')}</h2>
              <Localized as="p" text={page.group.rules} locale={locale} className="rules" />
            </section>
          )}
          <section aria-labelledby="join-title">
            <h2 id="join-title">{t('community.howToJoin')}</h2>
            {!v.signedIn && (
              <>
                <p>{t('community.signInToJoin')}</p>
                <p className="actions">
                  <Link className="button" to={d.signInHref}>
                    {t('community.signIn')}
                  </Link>{' '}
                  <Link className="button-secondary" to={d.signUpHref}>
                    {t('community.createAccount')}
                  </Link>
                </p>
              </>
            )}
            {v.status === 'pending' && (
              <p className="notice" role="status">
                {t('community.pending')}
              </p>
            )}
            {v.status === 'banned' && (
              <p className="notice" role="status">
                {t('community.banned')} {v.sanctionReason && t('community.mutedReason', { reason: v.sanctionReason })}
              </p>
            )}
            {v.status === 'declined' && (
              <p className="notice">
                {t('community.declined')} {v.declineReason && t('community.declinedReason', { reason: v.declineReason })} {t('community.askAgain')}
              </p>
            )}
            {joinForm && (
              <Form method="post" className="person-form">
                <CsrfField token={d.csrf!} />
                <input type="hidden" name="intent" value="join" />
                <Field
                  name="nickname"
                  label={t('community.nickname')}
                  hint={t('community.nicknameHint')}
                  autoComplete="nickname"
                  required
                  values={{ nickname: values.nickname ?? v.nickname ?? '' }}
                  errors={problem?.fields ?? {}}
                />
                <QuestionFields locale={locale} questions={page.questions} values={values} errors={problem?.fields ?? {}} />
                <p className="field checkbox">
                  <input id="f-rules" name="rules" type="checkbox" required aria-invalid={problem?.fields.rules ? true : undefined} aria-describedby={problem?.fields.rules ? 'f-rules-error' : undefined} />
                  <label htmlFor="f-rules">{t('community.acceptRules')}</label>
                  {problem?.fields.rules && (
                    <p className="field-error" id="f-rules-error">
                      {problem.fields.rules}
                    </p>
                  )}
                </p>
                <p>
                  <button type="submit" disabled={navigation.state === 'submitting'}>
                    {page.group.autoApprove ? t('community.askAuto') : t('community.ask')}
                  </button>
                </p>
              </Form>
            )}
          </section>
        </>
      )}

      {v.canRead && (
        <>
          {v.canModerate && (
            <ul className="notice moderation-links">
              <li>
                <Link to={d.requestsHref}>{v.pendingRequests ? t('community.requestsCount', { count: v.pendingRequests }) : t('community.requests')}</Link>
              </li>
              <li>
                <Link to={d.moderationHref}>{v.openReports ? t('community.moderation.linkCount', { count: v.openReports }) : t('community.moderation.link')}</Link>
              </li>
            </ul>
          )}
          {d.mutedUntil && (
            <p className="notice" role="status">
              {t('community.muted', { date: d.mutedUntil })} {v.sanctionReason && t('community.mutedReason', { reason: v.sanctionReason })}
            </p>
          )}
          {v.canPost && d.csrf && <PostComposer csrf={d.csrf} action={d.newPostHref} />}
          {v.status === 'member' && (
            <ul className="member-links">
              <li>
                <Link to={d.peopleHref}>{t('community.people.link')}</Link>
              </li>
              <li>
                <Link to={d.messagesHref}>{t('community.messages.link')}</Link>
              </li>
            </ul>
          )}

          {d.firstPage && <CommunityLive groupId={d.groupId} wanted={(e) => e.kind === 'post' || d.order === 'active'} />}
          <Form method="get" role="search" className="community-search">
            <p className="field">
              <label htmlFor="f-q">{t('community.search.label')}</label>
              <input id="f-q" name="q" type="search" defaultValue={d.q} maxLength={200} />
            </p>
            <button type="submit" className="secondary">
              {t('community.search.button')}
            </button>
          </Form>
          <section aria-labelledby="feed-title">
            <h2 id="feed-title">{d.q ? t('community.search.results', { q: d.q }) : t('community.feed')}</h2>
            {d.q && (
              <p>
                <Link to={d.here}>{t('community.search.all')}</Link>
              </p>
            )}
            {!d.q && (
              <nav aria-label={t('community.order')} className="order">
                <Link to={`${d.here}?order=newest`} aria-current={d.order === 'newest' ? 'page' : undefined}>
                  {t('community.orderNewest')}
                </Link>{' '}
                <Link to={`${d.here}?order=active`} aria-current={d.order === 'active' ? 'page' : undefined}>
                  {t('community.orderActive')}
                </Link>
              </nav>
            )}
            {d.posts.length === 0 ? (
              <p>{d.q ? t('community.search.none') : t('community.none')}</p>
            ) : (
              <ul className="posts">
                {d.posts.map((p) => (
                  <li key={p.id}>
                    <article className="post card" aria-labelledby={`post-${p.id}`}>
                      <h3 id={`post-${p.id}`} className="visually-hidden">
                        {authorName(t, p.author)}, {p.when}
                      </h3>
                      <AuthorLine author={p.author} when={p.when} iso={p.iso} edited={p.editedAt != null} />
                      {p.crisis && <p className="flag">{t('community.crisisFlag')}</p>}
                      <RemovedNote removed={p.removed} />
                      <div className="post-body" dangerouslySetInnerHTML={{ __html: p.html }} />
                      <PostImages images={p.images} />
                      <ReactionButtons csrf={d.csrf} target={{ postId: p.id }} reactions={p.reactions} mine={p.myReactions} canReact={v.canPost} label={p.when} back={d.back} />
                      <p>
                        <Link to={p.href}>
                          {t('community.openPost')} · {t('community.comments', { count: p.commentCount })}
                        </Link>
                        {'matchingReplies' in p && Number(p.matchingReplies) > 0 && <> · {t('community.search.inReplies', { count: Number(p.matchingReplies) })}</>}
                      </p>
                    </article>
                  </li>
                ))}
              </ul>
            )}
            {d.olderHref && (
              <p>
                <Link to={d.olderHref}>{t('community.older')}</Link>
              </p>
            )}
          </section>

          {pick(page.group.rules, locale) && (
            <details className="rules">
              <summary>{t('community.rules')}</summary>
              <Localized as="p" text={page.group.rules} locale={locale} />
            </details>
          )}
          {v.emails && d.csrf && (
            <Form method="post" className="card emails">
              <CsrfField token={d.csrf} />
              <input type="hidden" name="intent" value="emails" />
              <fieldset>
                <legend>{t('community.notifications.title')}</legend>
                <p className="hint" id="emails-hint">
                  {t('community.notifications.hint')}
                </p>
                <Check name="replies" label={t('community.notifications.replies')} checked={v.emails.replies} describedBy="emails-hint" />
                <Check name="digest" label={t('community.notifications.digest')} checked={v.emails.digest} />
              </fieldset>
              <button type="submit" className="secondary">
                {t('community.notifications.save')}
              </button>
            </Form>
          )}
          {v.status === 'member' && d.csrf && (
            <Form method="post" className="leave">
              <CsrfField token={d.csrf} />
              <input type="hidden" name="intent" value="leave" />
              <p className="muted">{t('community.leaveHint')}</p>
              <button type="submit" className="secondary">
                {t('community.leave')}
              </button>
            </Form>
          )}
        </>
      )}
    </div>
  );
}
