import { useTranslation } from 'react-i18next';

/** The box a message is written in, and its button. */
export function MessageBox({ defaultValue, error }: { defaultValue: string; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="field">
        <label htmlFor="f-message">{t('community.messages.yourMessage')}</label>
        <span className="hint" id="f-message-hint">
          {t('community.messages.privateHint')}
        </span>
        <textarea
          id="f-message"
          name="body"
          rows={4}
          required
          maxLength={4000}
          defaultValue={defaultValue}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'f-message-hint f-message-error' : 'f-message-hint'}
        />
        {error && (
          <span className="field-error" id="f-message-error">
            {error}
          </span>
        )}
      </p>
      <button type="submit">{t('community.messages.send')}</button>
    </>
  );
}
