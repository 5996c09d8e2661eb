import '../../i18n/areas/community';
import { Form, Link, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from '../routes/+types/community';
import { pick } from '../../core/text';
import type { FormProblem } from '../lib/problem.server';
import { CsrfField } from './csrf-field';
import { Check, Field } from './form-kit';
import { Localized } from './localized';
import { QuestionFields } from './person-fields';
import { AuthorLine, authorName, PostImages, ReactionButtons, RemovedNote } from './community-post';

// Parts of a community's page: how to join it (for those who may not read it), and its feed.

type CommunityData = Route.ComponentProps['loaderData'];

/** What an outsider sees: the summary, the rules, and how to join (signing in, then asking). */
export function JoinCommunity({ d, problem, values }: { d: CommunityData; problem: FormProblem | undefined; values: Record<string, string> }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { page, locale } = d;
  const v = page.viewer;
  const joinForm = v.signedIn && v.status !== 'member' && v.status !== 'pending' && v.status !== 'banned' && d.csrf;
  return (
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
            <Check name="rules" label={t('community.acceptRules')} required checked={false} error={problem?.fields.rules} />
            <p>
              <button type="submit" disabled={navigation.state === 'submitting'}>
                {page.group.autoApprove ? t('community.askAuto') : t('community.ask')}
              </button>
            </p>
          </Form>
        )}
      </section>
    </>
  );
}

/** The posts, newest or most active first, or those a search found. */
export function CommunityFeed({ d }: { d: CommunityData }) {
  const { t } = useTranslation();
  const v = d.page.viewer;
  return (
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
  );
}
