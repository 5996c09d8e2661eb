import { useEffect } from 'react';
import { Form, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AuthorView, Reactions } from '../../core/communities/feed';
import type { ReactionKind } from '../../db/schema/enums';
import { CsrfField } from './csrf-field';
import { Localized } from './localized';
import type { Bilingual } from '../../core/text';
import type { Locale } from '../../i18n';
import { CrisisNow } from './crisis-now';
import { ErrorSummary } from './person-fields';

export const REACTIONS: ReactionKind[] = ['support', 'thanks', 'me_too'];

/** Who wrote it, as the reader may know: a nickname, or "Anonymous member" (moderators see more). */
export function AuthorLine({ author, when, iso, edited }: { author: AuthorView; when: string; iso: string; edited: boolean }) {
  const { t } = useTranslation();
  return (
    <p className="post-meta">
      <strong>{author.anonymous ? t('community.anonymousMember') : (author.nickname ?? t('community.anonymousMember'))}</strong>
      {author.mine && <> ({t('community.you')})</>}
      {author.revealedNickname && <span className="muted"> · {t('community.writtenBy', { nickname: author.revealedNickname })}</span>}
      {' · '}
      <time dateTime={iso}>{when}</time>
      {edited && <> · {t('community.edited')}</>}
    </p>
  );
}

/**
 * The reactions of a post or comment: one button per kind, pressed when the reader gave it. Each
 * is a form (no script needed); `target` names what it reacts to.
 */
export function ReactionButtons({
  csrf,
  target,
  reactions,
  mine,
  canReact,
  label,
  back,
}: {
  csrf: string | null;
  target: { postId: string } | { commentId: string };
  reactions: Reactions;
  mine: ReactionKind[];
  canReact: boolean;
  /** What the buttons react to, for screen readers. */
  label: string;
  /** The page to come back to afterwards (this one, with its order and page). */
  back: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="reactions" role="group" aria-label={`${t('community.reactions')}: ${label}`}>
      {REACTIONS.map((kind) =>
        canReact && csrf ? (
          <Form method="post" key={kind} className="inline-form">
            <CsrfField token={csrf} />
            <input type="hidden" name="intent" value="react" />
            <input type="hidden" name="back" value={back} />
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="on" value={mine.includes(kind) ? 'false' : 'true'} />
            {'postId' in target ? <input type="hidden" name="postId" value={target.postId} /> : <input type="hidden" name="commentId" value={target.commentId} />}
            <button type="submit" className="reaction" aria-pressed={mine.includes(kind)}>
              {t(`community.reaction.${kind}`)} <span className="count">{reactions[kind]}</span>
            </button>
          </Form>
        ) : (
          <span key={kind} className="reaction">
            {t(`community.reaction.${kind}`)} <span className="count">{reactions[kind]}</span>
          </span>
        ),
      )}
    </div>
  );
}

/**
 * The top of a community page after a form: what was done, the crisis resources when the words
 * sent call for them, or what to correct (which takes the focus).
 */
export function CommunityNotices({
  done,
  crisis = false,
  problem,
}: {
  done: keyof typeof DONE_KEYS | null;
  crisis?: boolean;
  problem?: { message: string; fields: Record<string, string> } | null;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    if (problem) document.getElementById('error-summary')?.focus();
  }, [problem]);
  return (
    <>
      {done && (
        <p className="notice success" role="status">
          {t(DONE_KEYS[done])}
        </p>
      )}
      {crisis && <CrisisNow focus after={t('community.crisisAfter')} />}
      {problem && <ErrorSummary message={problem.message} fields={problem.fields} />}
    </>
  );
}

const DONE_KEYS = {
  joined: 'community.done.joined',
  asked: 'community.done.asked',
  left: 'community.done.left',
  posted: 'community.done.posted',
  replied: 'community.done.replied',
  saved: 'community.done.saved',
  deleted: 'community.done.deleted',
  approved: 'community.done.approved',
  declined: 'community.done.declined',
} as const;

/** The way back from a post or the requests to the community's page. */
export function CommunityBreadcrumb({ href, title, locale }: { href: string; title: Bilingual; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <p className="breadcrumb">
      <Link to={href}>
        <Localized text={title} locale={locale} /> · {t('community.title')}
      </Link>
    </p>
  );
}
