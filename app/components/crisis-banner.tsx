import { useTranslation } from 'react-i18next';

/** The crisis lines, on every page (SPEC §8). */
export function CrisisBanner() {
  const { t } = useTranslation();
  return (
    <aside className="crisis-banner" aria-label={t('crisis.label')}>
      <p>{t('crisis.text')}</p>
    </aside>
  );
}
