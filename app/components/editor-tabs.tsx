import '../../i18n/areas/editor';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../i18n';
import { pathTo, type Page } from '../lib/paths';

const TABS: { page: Page; label: 'editor.edit.details' | 'editor.edit.schedule' | 'editor.edit.cohorts' }[] = [
  { page: 'orgGroupEdit', label: 'editor.edit.details' },
  { page: 'orgGroupSchedule', label: 'editor.edit.schedule' },
  { page: 'orgGroupCohorts', label: 'editor.edit.cohorts' },
];

/** The group editor's pages (details, schedule, cohorts), the one shown marked; and the public page once published. */
export function EditorTabs({ locale, org, group, current, publicSlug }: { locale: Locale; org: string; group: string; current: Page; publicSlug?: string | null }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('editor.edit.sections')}>
      <ul className="tabs">
        {TABS.map((tab) => (
          <li key={tab.page}>
            <Link to={pathTo(locale, tab.page, { org, group })} aria-current={tab.page === current ? 'page' : undefined}>
              {t(tab.label)}
            </Link>
          </li>
        ))}
        {publicSlug && (
          <li>
            <Link to={pathTo(locale, 'group', { slug: publicSlug })}>{t('editor.edit.viewPublic')}</Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
