import '../../i18n/areas/listing';
import { useTranslation } from 'react-i18next';
import type { PublicGroup } from '../../core/groups';
import type { Locale } from '../../i18n';
import { Localized } from './localized';

// The facts beside a group page: where, cost, languages, who it is for, its facilitators and the
// organization behind it.

export function GroupFacts({
  group: g,
  display,
  locale,
}: {
  group: PublicGroup;
  display: { place: string | null; cost: string; languages: string };
  locale: Locale;
}) {
  const { t } = useTranslation();
  const ages =
    g.ageMin != null && g.ageMax != null
      ? t('group.ages', { min: g.ageMin, max: g.ageMax })
      : g.ageMin != null
        ? t('group.agesFrom', { min: g.ageMin })
        : g.ageMax != null
          ? t('group.agesUpTo', { max: g.ageMax })
          : null;
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('group.where')}</dt>
          <dd>
            {g.venue ? (
              <address>
                {g.venue.name && (
                  <>
                    {g.venue.name}
                    <br />
                  </>
                )}
                {g.venue.street && (
                  <>
                    {g.venue.street}
                    <br />
                  </>
                )}
                {[g.venue.city, g.venue.province, g.venue.postalCode].filter(Boolean).join(', ')}
              </address>
            ) : (
              display.place
            )}
            {g.delivery === 'online' && <p>{t('group.onlineNote')}</p>}
            {g.delivery === 'hybrid' && <p>{t('group.hybridNote')}</p>}
            {g.cameraOptional && <p>{t('group.cameraOptional')}</p>}
          </dd>
        </div>
        <div>
          <dt>{t('group.cost')}</dt>
          <dd>
            {display.cost}
            {g.cost.insuranceReceipts && <p>{t('group.insuranceReceipts')}</p>}
            <Localized as="p" text={g.cost.coveredBy} locale={locale} />
          </dd>
        </div>
        <div>
          <dt>{t('group.languages')}</dt>
          <dd>{display.languages}</dd>
        </div>
        <div>
          <dt>{t('group.eligibility')}</dt>
          <dd>
            <p>{g.reach === 'local' ? t('group.reachLocal', { regions: g.regions.join(', ') }) : t('group.reachAnywhere')}</p>
            {ages && <p>{ages}</p>}
            {g.gender !== 'any' && <p>{t(`gender.${g.gender as 'women'}`)}</p>}
            <Localized as="p" text={g.audience} locale={locale} />
            <Localized as="p" text={g.eligibility} locale={locale} />
          </dd>
        </div>
        {g.maxSize != null && (
          <div>
            <dt>{t('group.size')}</dt>
            <dd>{t('group.maxSize', { count: g.maxSize })}</dd>
          </div>
        )}
        {g.accessibility.length > 0 && (
          <div>
            <dt>{t('group.accessibility')}</dt>
            <dd>
              <ul>
                {g.accessibility.map((a) => (
                  <li key={a}>{t(`accessibility.${a as 'step_free'}`)}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('group.faith')}</dt>
          <dd>{g.faith === 'non_denominational' ? t('faith.non_denominational') : g.faith}</dd>
        </div>
        {g.topics.length > 0 && (
          <div>
            <dt>{t('group.topics')}</dt>
            <dd>
              <ul>
                {g.topics.map((topic) => (
                  <li key={topic.slug}>
                    <Localized text={topic.label} locale={locale} />
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>

      {g.facilitators.length > 0 && (
        <section aria-labelledby="facilitators-title">
          <h2 id="facilitators-title">{t('group.facilitators')}</h2>
          <ul className="facilitators">
            {g.facilitators.map((f) => (
              <li key={f.id}>
                <strong>{f.name}</strong>
                {f.licence && (
                  <span className="badge verified">
                    {' '}
                    <span aria-hidden="true">✓</span> {t('group.verified')}
                  </span>
                )}
                <p className="muted">{t(`leadership.${f.leadership as 'peer'}`)}</p>
                <Localized as="p" text={f.credentials} locale={locale} />
                {f.licence ? (
                  <p className="muted">{t('listing.verifiedDetail', f.licence)}</p>
                ) : (
                  f.leadership === 'licensed' && <p className="muted">{t('listing.notVerified')}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="org-title">
        <h2 id="org-title">{t('group.organization')}</h2>
        <Localized as="p" text={g.organization.name} locale={locale} />
        <p className={g.organization.verified ? 'org-verified' : 'org-unverified'}>
          <strong>
            {g.organization.verified && <span aria-hidden="true">✓ </span>}
            {t(g.organization.verified ? 'group.orgVerified' : 'group.orgNotVerified')}
          </strong>
          {' — '}
          {t(g.organization.verified ? 'group.orgVerifiedDetail' : 'group.orgNotVerifiedDetail')}
        </p>
        {(g.contact.email || g.contact.phone) && (
          <p>
            {t('group.contact')}:{' '}
            {g.contact.email && <a href={`mailto:${g.contact.email}`}>{g.contact.email}</a>}
            {g.contact.email && g.contact.phone && ' · '}
            {g.contact.phone && <a href={`tel:${g.contact.phone.replace(/[^+\d]/g, '')}`}>{g.contact.phone}</a>}
          </p>
        )}
      </section>
    </>
  );
}
