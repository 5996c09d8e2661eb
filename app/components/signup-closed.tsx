import '../../i18n/areas/signup';
import { useTranslation } from 'react-i18next';

export type ClosedReason = 'cancelled' | 'started' | 'cutoff_passed';

export interface SignupClosedProps {
  reason: ClosedReason;
  /** When online sign-up closed, already formatted in the group's zone. */
  closedAt: string;
  delivery: string;
  /** Null: no limit. */
  seatsLeft: number | null;
  contact: { email: string | null; phone: string | null };
  /** On the sign-up page: the group page, where the other sessions are. */
  otherSessionsHref?: string;
  className?: string;
}

function ContactLinks({ contact }: { contact: SignupClosedProps['contact'] }) {
  return (
    <>
      {contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
      {contact.email && contact.phone && ' · '}
      {contact.phone && <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{contact.phone}</a>}
    </>
  );
}

/**
 * Why a session takes no sign-ups, and what the person can do instead. Past the cutoff, a session
 * people attend in person with room left can simply be attended; otherwise (online: the link goes
 * to confirmed places only; or full) the organizers' contact says whether a place can be found.
 */
export function SignupClosed({ reason, closedAt, delivery, seatsLeft, contact, otherSessionsHref, className }: SignupClosedProps) {
  const { t } = useTranslation();
  const hasContact = Boolean(contact.email || contact.phone);
  const why =
    reason === 'cutoff_passed' ? t('signup.closedCutoff', { when: closedAt }) : reason === 'cancelled' ? t('signup.closedCancelled') : t('signup.closedStarted');
  const canJustCome = reason === 'cutoff_passed' && delivery !== 'online' && (seatsLeft == null || seatsLeft > 0);
  return (
    <p className={className ?? 'signup-closed'}>
      <strong>{why}</strong>{' '}
      {reason === 'cutoff_passed' &&
        (canJustCome ? (
          <>
            {t('signup.adviceJustCome')}
            {hasContact && (
              <>
                {' '}
                {t('signup.adviceQuestions')} <ContactLinks contact={contact} />
              </>
            )}
          </>
        ) : hasContact ? (
          <>
            {t('signup.adviceContact')} <ContactLinks contact={contact} />
          </>
        ) : (
          t('signup.adviceOtherSession')
        ))}
      {reason !== 'cutoff_passed' && t('signup.adviceOtherSession')}
      {otherSessionsHref && (
        <>
          {' '}
          <a href={otherSessionsHref}>{t('signup.otherSessions')}</a>
        </>
      )}
    </p>
  );
}
