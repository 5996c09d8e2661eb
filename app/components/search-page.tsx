import type { FormEvent } from 'react';
import { Form, Link, useSubmit } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from '../routes/+types/groups';
import { SORTS } from '../../core/search/search-input';

// Parts of the search page: its filters, and what it says when nothing matches.

type SearchPage = Route.ComponentProps['loaderData'];

const RADII = [5, 10, 25, 50, 100, 250];

/** The search form: words, place, order, then every filter with how many groups each value finds. */
export function SearchFilters({ d }: { d: SearchPage }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const q = d.query;
  // With JavaScript, a ticked box or a changed list applies at once (no full reload); typed text
  // waits for the button. Without JavaScript the button submits the same GET form.
  const onChange = (e: FormEvent<HTMLFormElement>) => {
    const target = e.target as HTMLInputElement | HTMLSelectElement;
    if (target.type === 'checkbox' || target.tagName === 'SELECT') void submit(e.currentTarget, { preventScrollReset: true });
  };
  return (
    <Form method="get" className="filters" aria-labelledby="filters-title" onChange={onChange}>
      <h2 id="filters-title">{t('search.filters')}</h2>
      <p>
        <label htmlFor="f-q">{t('search.keywords')}</label>
        <input id="f-q" name="q" type="search" defaultValue={q.q} aria-describedby="f-q-hint" />
        <small id="f-q-hint">{t('search.keywordsHint')}</small>
      </p>
      <p>
        <label htmlFor="f-near">{t('search.near')}</label>
        <input id="f-near" name="near" type="text" defaultValue={q.near} aria-describedby="f-near-hint" autoComplete="address-level2" />
        <small id="f-near-hint">{t('search.nearHint')}</small>
      </p>
      <p>
        <label htmlFor="f-radius">{t('search.radius')}</label>
        <select id="f-radius" name="radius_km" defaultValue={String(q.radius)}>
          {RADII.map((km) => (
            <option key={km} value={km}>
              {t('search.radiusKm', { km })}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor="f-sort">{t('search.sortBy')}</label>
        <select id="f-sort" name="sort" defaultValue={q.sort}>
          {SORTS.filter((s) => s !== 'distance' || d.hasPlace).map((s) => (
            <option key={s} value={s}>
              {t(`search.sort.${s}`)}
            </option>
          ))}
        </select>
      </p>
      <p className="filter-actions">
        <button type="submit">{t('search.apply')}</button>
      </p>
      {d.sets.map((set) => (
        <fieldset key={set.name} className="facet">
          <legend>{set.legend}</legend>
          {set.options.map((o) => (
            <div key={o.value} className={o.child ? 'facet-option child' : 'facet-option'}>
              <input type="checkbox" id={`f-${set.name}-${o.value}`} name={set.name} value={o.value} defaultChecked={o.checked} />{' '}
              <label htmlFor={`f-${set.name}-${o.value}`}>{t('search.withCount', { label: o.label, count: o.count })}</label>
            </div>
          ))}
        </fieldset>
      ))}
      <fieldset className="facet">
        <legend>{t('search.facet.starts_within')}</legend>
        <label htmlFor="f-starts">{t('search.facet.starts_within')}</label>
        <select id="f-starts" name="starts_within" defaultValue={String(q.startsWithin)}>
          <option value="">{t('groups.any')}</option>
          {d.startsWithin.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </fieldset>
      <fieldset className="facet">
        <legend>{t('search.facet.open')}</legend>
        <div className="facet-option">
          <input type="checkbox" id="f-open" name="open" value="true" defaultChecked={q.open} />{' '}
          <label htmlFor="f-open">{d.openLabel}</label>
        </div>
        <div className="facet-option">
          <input type="checkbox" id="f-insurance" name="insurance" value="true" defaultChecked={q.insurance} />{' '}
          <label htmlFor="f-insurance">{d.insuranceLabel}</label>
        </div>
      </fieldset>
      <p>
        <label htmlFor="f-max-price">{t('search.maxPriceLabel')}</label>
        <input id="f-max-price" name="max_price" type="number" min={0} step={1} inputMode="numeric" defaultValue={q.maxPrice} />
      </p>
      <p>
        <label htmlFor="f-age">{t('search.ageLabel')}</label>
        <input id="f-age" name="age" type="number" min={0} max={120} inputMode="numeric" defaultValue={q.age} />
      </p>
      <p className="filter-actions">
        <button type="submit">{t('search.apply')}</button> <Link to={d.clearAll}>{t('search.clearAll')}</Link>
      </p>
    </Form>
  );
}

/** No group matches: which filter to drop, searches nearby in meaning, and the guide. */
export function NoResults({ d }: { d: SearchPage }) {
  const { t } = useTranslation();
  return (
    <div className="empty">
      <p>{t('search.none')}</p>
      {d.suggestions.length > 0 ? (
        <>
          <p>{t('search.dropTitle')}</p>
          <ul>
            {d.suggestions.map((s) => (
              <li key={s.href}>
                <Link to={s.href}>{s.text}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('search.dropNothing')}</p>
      )}
      <h3>{t('search.nearTitle')}</h3>
      <ul className="near-results">
        {d.near.map((n) => (
          <li key={n.href}>
            <Link to={n.href}>{n.text}</Link>
          </li>
        ))}
        <li>
          <Link to={d.guideHref}>{t('search.nearGuide')}</Link>
        </li>
      </ul>
    </div>
  );
}
