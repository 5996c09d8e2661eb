import '../../i18n/areas/community';
import { Form, Link, useNavigation } from 'react-router';
import { usePageT } from '../lib/i18n';
import type { AuthorView, Reactions } from '../../core/communities/feed';
import type { ImageView } from '../../core/communities/images';
import { REPORT_REASONS, type ReactionKind } from '../../db/schema/values';
import { CsrfField } from './csrf-field';
import { Localized } from './localized';
import type { Bilingual } from '../../core/text';
import type { Locale } from '../../i18n';
import { CrisisNow } from './crisis-now';
import { Check, ErrorSummary, Field, Radios, TextField } from './form-kit';

export const REACTIONS: ReactionKind[] = ['support', 'thanks', 'me_too'];

/** Who wrote it, as the reader may know: a nickname, "Anonymous member" or "Deleted member" (moderators see more). */
export function authorName(t: (key: 'community.anonymousMember' | 'community.deletedMember') => string, author: AuthorView | null | undefined): string {
  if (!author || author.anonymous) return t('community.anonymousMember');
  if (author.deletedMember) return t('community.deletedMember');
  return author.nickname ?? t('community.anonymousMember');
}

export function AuthorLine({ author, when, iso, edited }: { author: AuthorView; when: string; iso: string; edited: boolean }) {
  const t = usePageT();
  return (
    <p className="post-meta">
      <strong>{authorName(t, author)}</strong>
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
  const t = usePageT();
  return (
    <div className="reactions" role="group" aria-label={`${t('community.reactions')}: ${label}`}>
      {canReact && csrf ? (
        // One form for the three: the button pressed says which reaction, given or taken back.
        <Form method="post" className="inline-form">
          <CsrfField token={csrf} />
          <input type="hidden" name="intent" value="react" />
          <input type="hidden" name="back" value={back} />
          {'postId' in target ? <input type="hidden" name="postId" value={target.postId} /> : <input type="hidden" name="commentId" value={target.commentId} />}
          {REACTIONS.map((kind) => (
            <button key={kind} type="submit" name="reaction" value={`${kind}:${mine.includes(kind) ? 'off' : 'on'}`} className="reaction" aria-pressed={mine.includes(kind)}>
              {t(`community.reaction.${kind}`)} <span className="count">{reactions[kind]}</span>
            </button>
          ))}
        </Form>
      ) : (
        REACTIONS.map((kind) => (
          <span key={kind} className="reaction">
            {t(`community.reaction.${kind}`)} <span className="count">{reactions[kind]}</span>
          </span>
        ))
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
  const t = usePageT();
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
  reported: 'community.report.done',
  emails: 'community.notifications.saved',
  blocked: 'community.done.saved',
  unblocked: 'community.done.saved',
  removed: 'community.moderation.done.removed',
  restored: 'community.moderation.done.restored',
} as const;

/** The way back from a post or the requests to the community's page. */
export function CommunityBreadcrumb({ href, title, locale }: { href: string; title: Bilingual; locale: Locale }) {
  const t = usePageT();
  return (
    <p className="breadcrumb">
      <Link to={href}>
        <Localized text={title} locale={locale} /> · {t('community.title')}
      </Link>
    </p>
  );
}

/** For its author (and the moderators): what the moderators removed, and why. */
export function RemovedNote({ removed }: { removed?: { reason: string | null } | undefined }) {
  const t = usePageT();
  if (!removed) return null;
  return <p className="notice removed">{removed.reason ? t('community.removedReason', { reason: removed.reason }) : t('community.removed')}</p>;
}

/**
 * "Report" under a post or comment someone else wrote: a reason from the list, words of one's own,
 * and whether it is the person rather than the message. Only the moderators read it.
 */
export function ReportForm({
  csrf,
  target,
  label,
  open = false,
  error,
}: {
  csrf: string;
  target: { postId: string } | { commentId: string } | { messageId: string };
  label: string;
  open?: boolean;
  error?: Record<string, string> | undefined;
}) {
  const t = usePageT();
  const [name, value] = Object.entries(target)[0] as [string, string];
  const id = `report-${name}-${value}`;
  return (
    <details className="report" open={open}>
      <summary>
        {t('community.report.action')}
        <span className="visually-hidden"> · {label}</span>
      </summary>
      <Form method="post">
        <CsrfField token={csrf} />
        <input type="hidden" name="intent" value="report" />
        <input type="hidden" name={name} value={value} />
        <p className="hint">{t('community.report.hint')}</p>
        <Radios prefix={`${id}-`} name="reason" legend={t('community.report.reason')} options={REPORT_REASONS.map((r) => [r, t(`community.report.reasons.${r}`)])} value={REPORT_REASONS[0]} required />
        <TextField id={`${id}-details`} name="details" label={t('community.report.details')} multiline rows={2} maxLength={1000} error={error?.details} />
        {name !== 'messageId' && (
          <Check prefix={`${id}-`} name="aboutAuthor" label={t('community.report.aboutAuthor')} checked={false} />
        )}
        <button type="submit">{t('community.report.send')}</button>
      </Form>
    </details>
  );
}

/** For moderators, under a post or comment: remove it with a reason, or put it back. */
export function ModerateForm({
  csrf,
  target,
  removed,
  label,
  open = false,
}: {
  csrf: string;
  target: { postId: string } | { commentId: string };
  removed: boolean;
  label: string;
  /** Shown open (the moderators' queue), rather than behind its summary. */
  open?: boolean;
}) {
  const t = usePageT();
  const id = 'postId' in target ? `remove-post-${target.postId}` : `remove-${target.commentId}`;
  const hidden = (
    <>
      <CsrfField token={csrf} />
      <input type="hidden" name="intent" value={removed ? 'restore' : 'remove'} />
      {'postId' in target ? <input type="hidden" name="postId" value={target.postId} /> : <input type="hidden" name="commentId" value={target.commentId} />}
    </>
  );
  if (removed) {
    return (
      <Form method="post" className="inline-form">
        {hidden}
        <button type="submit" className="secondary">
          {t('community.moderation.restore')}
          <span className="visually-hidden"> · {label}</span>
        </button>
      </Form>
    );
  }
  return (
    <details className="moderate" open={open}>
      <summary>
        {t('community.moderation.remove')}
        <span className="visually-hidden"> · {label}</span>
      </summary>
      <Form method="post">
        {hidden}
        <ReasonField id={id} />
        <button type="submit" className="danger">
          {t('community.moderation.remove')}
        </button>
      </Form>
    </details>
  );
}

/** The images of a post, each with its author's description; the reader's browser loads them from Cercle only. */
export function PostImages({ images }: { images: ImageView[] }) {
  const t = usePageT();
  if (images.length === 0) return null;
  return (
    <div className="post-images">
      {images.map((i) => (
        <img key={i.id} src={`/community/images/${i.id}`} alt={i.alt ?? t('community.images.noDescription')} width={i.width} height={i.height} loading="lazy" />
      ))}
    </div>
  );
}

/**
 * Writing a post: the text, an image with its description, anonymity. It posts (multipart, for
 * the image) to the page that takes new posts, which has its own body limit.
 */
export function PostComposer({
  csrf,
  action,
  values = {},
  errors = {},
}: {
  csrf: string;
  action: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const t = usePageT();
  const navigation = useNavigation();
  return (
    <section aria-labelledby="write-title" className="card composer">
      <h2 id="write-title">{t('community.write')}</h2>
      <Form method="post" action={action} encType="multipart/form-data">
        <CsrfField token={csrf} />
        <input type="hidden" name="intent" value="post" />
        <TextField name="body" label={t('community.yourPost')} hint={t('community.writeHint')} multiline rows={5} required maxLength={10000} value={values.body} error={errors.body} />
        <Field name="image" type="file" accept="image/jpeg,image/png,image/webp" label={t('community.images.add')} hint={t('community.images.hint')} values={values} errors={errors} />
        <Field name="alt" label={t('community.images.alt')} maxLength={500} values={values} errors={errors} />
        <Check name="anonymous" label={t('community.anonymous')} hint={t('community.anonymousHint')} checked={values.anonymous === 'on'} />
        <p>
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {t('community.post')}
          </button>
        </p>
      </Form>
    </section>
  );
}

/** The reason a moderator gives for an act; the person concerned reads it. */
export function ReasonField({ id }: { id: string }) {
  const t = usePageT();
  return <TextField id={id} name="reason" label={t('community.moderation.reason')} multiline rows={2} maxLength={1000} required />;
}
