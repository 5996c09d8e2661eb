import { memo, useEffect, useRef, type FormEvent } from 'react';
import { Form, Link, useSubmit } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from '../routes/+types/groups';
import { SORTS } from '../../core/search/search-choices';
import { applyOrder, sortedFor } from '../lib/search-order';

// Parts of the search page: its filters, and what it says when nothing matches.

type SearchPage = Route.ComponentProps['loaderData'];

const RADII = [5, 10, 25, 50, 100, 250];
/** Wider than this, the filters are a sidebar (the same width as in app.css). */
const WIDE = '(min-width: 50.0625rem)';

/**
 * The search form: words and place, then the other filters behind a "Filters (n)" disclosure —
 * closed on a phone, so that the results come first; on a wide screen a sidebar, always open.
 * Drawn again only when the search changes (not when it starts loading).
 */
export const SearchFilters = memo(function SearchFilters({ d }: { d: SearchPage }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const q = d.query;
  const details = useRef<HTMLDetailsElement>(null);
  // The order shown follows the search's (keywords newly typed may have changed it), without
  // redrawing the list, which would lose the person's focus.
  const order = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (order.current) order.current.value = q.sort;
  }, [q.sort]);
  // Browsers that cannot show a closed disclosure's content (CSS ::details-content) have it
  // opened on a wide screen; without JavaScript they show its summary there too.
  useEffect(() => {
    const wide = window.matchMedia(WIDE);
    const open = () => {
      if (wide.matches && details.current) details.current.open = true;
    };
    open();
    wide.addEventListener('change', open);
    return () => wide.removeEventListener('change', open);
  }, []);
  // With JavaScript, a ticked box or a changed list applies at once (no full reload) and leaves the
  // person where they are; typed text waits for Enter or the button. Keywords newly typed put the
  // best matches first unless the order was changed too (orderAfter). Without JavaScript the
  // button submits the same GET form, and the loader applies the same rule.
  const send = (form: HTMLFormElement, stay: boolean) => {
    const data = new FormData(form);
    applyOrder(data, q);
    void submit(data, { method: 'get', preventScrollReset: stay });
  };
  const onChange = (e: FormEvent<HTMLFormElement>) => {
    const target = e.target as HTMLInputElement | HTMLSelectElement;
    if (target.type === 'checkbox' || target.tagName === 'SELECT') send(e.currentTarget, true);
  };
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    send(e.currentTarget, false);
  };
  return (
    <Form method="get" className="filters" aria-labelledby="filters-title" onChange={onChange} onSubmit={onSubmit}>
      <h2 id="filters-title">{t('search.filters')}</h2>
      <input type="hidden" name="sorted_for" value={sortedFor(q)} />
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
      <p className="filter-actions">
        <button type="submit">{t('search.apply')}</button>
      </p>
      <details className="more-filters" ref={details}>
        <summary>{d.filterCount > 0 ? t('search.filtersCount', { n: d.filterCount }) : t('search.filtersNone')}</summary>
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
          <select id="f-sort" name="sort" defaultValue={q.sort} ref={order}>
            {SORTS.filter((s) => s !== 'distance' || d.hasPlace).map((s) => (
              <option key={s} value={s}>
                {t(`search.sort.${s}`)}
              </option>
            ))}
          </select>
        </p>
        {d.sets.map((set) => (
          <fieldset key={set.name} className="facet">
            <legend>{set.legend}</legend>
            {set.options.map((o) => (
              <div key={o.value} className={o.child ? 'facet-option child' : 'facet-option'}>
                <input type="checkbox" id={`f-${set.name}-${o.value}`} name={set.name} value={o.value} defaultChecked={o.checked} />{' '}
                <label htmlFor={`f-${set.name}-${o.value}`}>{o.text}</label>
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
        {/* Where the person is, after a change: how many groups the filters now find. */}
        <p className="filters-found">
          <span>{d.found}</span> <a href="#results-title">{t('search.seeResults')}</a>
        </p>
      </details>
    </Form>
  );
});

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
