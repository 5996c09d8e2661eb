import { Link } from 'react-router';
import { usePageT } from '../lib/i18n';
import type { Locale } from '../../i18n';
import type { Bilingual } from '../../core/text';
import { Localized } from './localized';

export interface GroupCardData {
  slug: string;
  title: Bilingual;
  summary: Bilingual;
  kind: string;
  format: string;
  leadership: string;
  delivery: string;
  place: string | null;
  cost: string;
  when: string | null;
  languages: string;
  /** Whether a platform administrator verified the group's organization. */
  verified: boolean;
  /** "12 km away", when the list was searched near a place. */
  distance?: string | null;
}

/** One group in a list: title as a link, plain-words kind, place, cost and next date. */
export function GroupCard({
  group,
  locale,
  href,
  headingLevel = 3,
}: {
  group: GroupCardData;
  locale: Locale;
  href: string;
  /** The level of the card's title in the page's outline. */
  headingLevel?: 3 | 4;
}) {
  const t = usePageT();
  const Heading = headingLevel === 4 ? 'h4' : 'h3';
  return (
    <article className="group-card" aria-labelledby={`g-${group.slug}`}>
      <Heading id={`g-${group.slug}`}>
        <Link to={href}>
          <Localized text={group.title} locale={locale} />
        </Link>
      </Heading>
      <p className="tags">
        <span className={`tag tag-${group.kind}`}>{t(`kind.${group.kind}` as 'kind.support_group')}</span>
        <span className="tag">{t(`format.${group.format}` as 'format.drop_in')}</span>
        <span className="tag">{t(`leadership.${group.leadership}` as 'leadership.peer')}</span>
      </p>
      <Localized as="p" text={group.summary} locale={locale} className="summary" />
      <dl className="facts">
        <div>
          <dt>{t('group.where')}</dt>
          <dd>{group.place ?? t(`delivery.${group.delivery}` as 'delivery.online')}</dd>
        </div>
        <div>
          <dt>{t('group.cost')}</dt>
          <dd>{group.cost}</dd>
        </div>
        <div>
          <dt>{t('group.languages')}</dt>
          <dd>{group.languages}</dd>
        </div>
      </dl>
      <p className={group.verified ? 'org-verified' : 'org-unverified'}>
        {group.verified ? (
          <>
            <span aria-hidden="true">✓ </span>
            {t('group.orgVerified')}
          </>
        ) : (
          t('group.orgNotVerified')
        )}
      </p>
      {group.when && <p className="when">{group.when}</p>}
      {group.distance && <p className="distance">{group.distance}</p>}
    </article>
  );
}
