import { useTranslation } from 'react-i18next';

/**
 * Crisis resources first, when someone's words signal a crisis: a search, or a post in a
 * community (SPEC §4). `after` is one more sentence of the page's own, after the resources.
 */
export function CrisisNow({ after, focus = false }: { after?: string; focus?: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="crisis-now" aria-labelledby="crisis-now-title">
      <h2 id="crisis-now-title" tabIndex={focus ? -1 : undefined} ref={focus ? (h) => h?.focus() : undefined}>
        {t('search.crisis.title')}
      </h2>
      <p>{t('search.crisis.call')}</p>
      <p className="crisis-actions">
        <a href="tel:988">{t('search.crisis.callLink')}</a> <a href="sms:988">{t('search.crisis.textLink')}</a>
      </p>
      <p>{t('search.crisis.youth')}</p>
      <p>{t('search.crisis.emergency')}</p>
      {after && <p>{after}</p>}
    </section>
  );
}
