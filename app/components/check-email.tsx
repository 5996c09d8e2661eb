import '../../i18n/areas/signup';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What a sign-up or application form shows once sent: the same words whatever the address
 * (decision 0010). The heading takes the focus, so that a screen reader announces it.
 */
export function CheckEmail({ email, minutes }: { email: string; minutes: number }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card check-email" aria-labelledby="check-email-title">
      <h2 id="check-email-title" tabIndex={-1} ref={heading}>
        {t('signup.checkEmail.title')}
      </h2>
      <p>{t('signup.checkEmail.sent', { email })}</p>
      <p>{t('signup.checkEmail.open', { count: minutes })}</p>
      <p className="muted">{t('signup.checkEmail.none')}</p>
    </section>
  );
}
