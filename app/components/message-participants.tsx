import '../../i18n/areas/running';
import { Form } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CsrfField } from './csrf-field';
import { Check, TextField } from './form-kit';

/** The organizers' message to the people of a session or a cohort (by email), and, for a session, to its waitlist too. */
export function MessageParticipants({
  title,
  csrf,
  value,
  error,
  offerWaitlist = false,
}: {
  title: string;
  csrf: string;
  value: string | undefined;
  error: string | undefined;
  offerWaitlist?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="message-title">
      <h2 id="message-title">{title}</h2>
      <Form method="post" noValidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="intent" value="message" />
        <TextField name="message-message" label={t('running.session.message')} hint={t('running.session.messageHint')} multiline maxLength={5000} value={value} error={error} />
        {offerWaitlist && <Check name="includeWaitlist" value="yes" label={t('running.session.includeWaitlist')} checked={false} />}
        <button type="submit">{t('running.session.send')}</button>
      </Form>
    </section>
  );
}
