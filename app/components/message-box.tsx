import '../../i18n/areas/community';
import { useTranslation } from 'react-i18next';
import { TextField } from './form-kit';

/** The box a message is written in, and its button. */
export function MessageBox({ defaultValue, error }: { defaultValue: string; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        name="body"
        id="f-message"
        label={t('community.messages.yourMessage')}
        hint={t('community.messages.privateHint')}
        multiline
        rows={4}
        required
        maxLength={4000}
        value={defaultValue}
        error={error}
      />
      <button type="submit">{t('community.messages.send')}</button>
    </>
  );
}
