import { memo } from "react";
import { Link, redirect, useNavigation } from "react-router";
import { useTranslation } from "react-i18next";
import type { Route } from "./+types/groups";
import { listTopics } from "../../core/search/list-topics";
import {
  DEFAULT_RADIUS_KM,
  STARTS_WITHIN_CHOICES,
  type Facet,
} from "../../core/search/search-input";
import { pick } from "../../core/text";
import { getT, type Locale } from "../../i18n";
import { coreContext } from "../lib/context.server";
import { localeOfPath, pathTo } from "../lib/paths";
import { searchCalendarPath } from "../lib/listing-paths";
import {
  groupSearchQuery,
  searchParamsOf,
  toSearchInput,
  type GroupSearchQuery,
} from "../lib/group-query";
import { findAlternatives } from "../../core/search/alternatives";
import { parseQuery, badRequest } from "../lib/query.server";
import { searchFromQuery } from "../lib/search.server";
import { groupCard } from "../lib/group-display.server";
import { languageName } from "../lib/format";
import { GroupCard } from "../components/group-card";
import { CrisisNow } from "../components/crisis-now";
import { filterSets } from "../lib/search-filters.server";
import { NoResults, SearchFilters } from "../components/search-page";
import { applyOrder, readSortedFor } from "../lib/search-order";

/** Parameters that shape the search without being filters a person sets and clears. */
const NOT_FILTERS = new Set<keyof GroupSearchQuery>([
  "page",
  "per_page",
  "sort",
  "facets",
  "radius_km",
  "lat",
  "lon",
  "literal",
]);

/**
 * A submission of the form without JavaScript carries the order and words it was drawn with
 * (`sorted_for`): the order rule applied (orderAfter), the search is shown at its own address,
 * without that field or empty values.
 */
function withOrderApplied(url: URL, recorded: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of url.searchParams) if (v !== "") params.append(k, v);
  applyOrder(params, readSortedFor(recorded));
  return `${url.pathname}${params.size ? `?${params}` : ""}`;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const locale = localeOfPath(url.pathname) as Locale;
  const t = getT(locale);
  const recorded = url.searchParams.get("sorted_for");
  if (recorded !== null) throw redirect(withOrderApplied(url, recorded));
  const parsed = parseQuery(groupSearchQuery, url, t);
  if (!parsed.ok) badRequest(parsed.issues);
  let query: GroupSearchQuery = parsed.value;
  const ctx = coreContext(context, locale);
  let searched = await searchFromQuery(ctx, query, t);
  let placeNotice: string | null = null;
  // An unknown place is not a broken page: say so and search everywhere.
  if (
    !searched.ok &&
    searched.issues.every((i) => i.param === "near" || i.param === "sort") &&
    query.near
  ) {
    placeNotice = t("search.errors.placeIgnored", { place: query.near });
    query = {
      ...query,
      near: undefined,
      sort: query.sort === "distance" ? undefined : query.sort,
    };
    searched = await searchFromQuery(ctx, query, t);
  }
  if (!searched.ok) badRequest(searched.issues);
  const r = searched.result;
  const topics = await listTopics({ ctx });
  const facets = r.facets;
  const count = (name: Facet, value: string) => facets?.[name][value] ?? 0;
  const sets = filterSets({ facets, query, topics, t, locale });

  const base = pathTo(locale, "groups");
  const hrefWith = (
    changes: Partial<Record<keyof GroupSearchQuery, unknown>>,
  ) => {
    const qs = searchParamsOf({
      ...query,
      page: undefined,
      ...changes,
    }).toString();
    return `${base}${qs ? `?${qs}` : ""}`;
  };
  const filterName = (param: string) =>
    param in { q: 1, near: 1, age: 1, max_price: 1 } || param in (facets ?? {})
      ? t(`search.facet.${param}` as "search.facet.kind")
      : param;
  const given = (Object.keys(query) as (keyof GroupSearchQuery)[]).filter(
    (k) => query[k] !== undefined && !NOT_FILTERS.has(k),
  );
  const active = given.map((k) => ({
    name: t("search.clearFilter", { name: filterName(k) }),
    href: hrefWith({
      [k]: undefined,
      ...(k === "near" ? { radius_km: undefined, sort: undefined } : {}),
    }),
  }));
  const suggestions = r.suggestions.slice(0, 3).map((s) => ({
    text: t("search.dropOne", { filter: filterName(s.filter), count: s.total }),
    href: hrefWith({ [s.filter]: undefined }),
  }));

  // How the words were read, with the way back to the words alone (and from there, back again).
  const topicLabel = new Map(
    topics.flatMap((p) => [
      [
        p.slug,
        {
          label: pick(p.label, locale)?.text ?? p.slug,
          parent: null as string | null,
        },
      ] as const,
      ...p.children.map(
        (c) =>
          [
            c.slug,
            { label: pick(c.label, locale)?.text ?? c.slug, parent: p.slug },
          ] as const,
      ),
    ]),
  );
  const reading = r.understood;
  const about = [
    ...(reading?.topics ?? []).flatMap(
      (slug) => topicLabel.get(slug)?.label ?? [],
    ),
    ...(reading?.kinds ?? []).map((k) => t(`kind.${k}` as "kind.workshop")),
  ];
  const understood =
    query.q && about.length
      ? {
          text: t("search.understood", {
            about: about.join(t("search.understoodAnd")),
          }),
          about,
          href: hrefWith({ literal: true }),
          link: t("search.wordsOnly", { query: query.q }),
        }
      : null;
  const wordsOnly =
    query.q && query.literal
      ? {
          text: t("search.wordsOnlyShown", { query: query.q }),
          href: hrefWith({ literal: undefined }),
          link: t("search.readAgain"),
        }
      : null;

  // No dead ends: with no result, what is near — the broader topic, online groups, the other language, the guide.
  const near: { text: string; href: string }[] = [];
  if (r.total === 0) {
    const alt = await findAlternatives({
      ctx,
      input: toSearchInput(query),
      result: r,
    });
    for (const b of alt.broader) {
      near.push({
        text: t("search.nearBroader", {
          topic: topicLabel.get(b.topic)?.label ?? b.topic,
          count: b.total,
        }),
        href: hrefWith({ q: undefined, literal: undefined, topic: [b.topic] }),
      });
    }
    if (alt.online) {
      near.push({
        text: t("search.nearOnline", { count: alt.online }),
        href: hrefWith({
          near: undefined,
          lat: undefined,
          lon: undefined,
          radius_km: undefined,
          sort: undefined,
          delivery: ["online"],
        }),
      });
    }
    if (alt.otherLanguage) {
      const { lang, total } = alt.otherLanguage;
      near.push({
        text: t("search.nearLanguage", {
          language: languageName(lang, locale),
          count: total,
        }),
        href: hrefWith({ lang: [lang] }),
      });
    }
  }

  return {
    locale,
    title: t("groups.title"),
    query: {
      q: query.q ?? "",
      near: query.near ?? "",
      radius: query.radius_km ?? DEFAULT_RADIUS_KM,
      sort: r.sort,
      maxPrice: query.max_price ?? "",
      age: query.age ?? "",
      startsWithin: query.starts_within ?? "",
      open: query.open === true,
      insurance: query.insurance === true,
    },
    hasPlace: r.place != null,
    // The filters behind the "Filters (n)" disclosure: each value ticked counts.
    filterCount: given
      .filter((k) => k !== "q" && k !== "near")
      .reduce((n, k) => n + (Array.isArray(query[k]) ? query[k].length : 1), 0),
    sets,
    startsWithin: STARTS_WITHIN_CHOICES.map((d) => ({
      value: d,
      label: t("search.withCount", {
        label: t("search.startsWithin", { count: d }),
        count: count("starts_within", String(d)),
      }),
    })),
    openLabel: t("search.withCount", {
      label: t("search.openOnly"),
      count: count("open", "true"),
    }),
    insuranceLabel: t("search.withCount", {
      label: t("search.insuranceOnly"),
      count: count("insurance", "true"),
    }),
    found: t("search.found", { count: r.total }),
    total: r.total,
    page: r.page,
    pages: r.pages,
    placeNotice,
    placeUsed: r.place
      ? t("search.placeUsed", {
          km: query.radius_km ?? DEFAULT_RADIUS_KM,
          place: r.place.label,
        })
      : null,
    otherPlaces: (r.place?.alternatives ?? []).map((label) => ({
      label,
      href: hrefWith({ near: label }),
    })),
    corrected: r.correctedQuery
      ? t("search.corrected", { query: r.correctedQuery })
      : null,
    understood,
    wordsOnly,
    crisis: reading?.crisis === true,
    near,
    guideHref: pathTo(locale, "guide"),
    active,
    clearAll: base,
    suggestions,
    groups: r.results.map((g) => ({
      ...groupCard(g, t, locale),
      distance:
        g.distanceKm == null
          ? null
          : t("search.distance", {
              km: g.distanceKm.toLocaleString(
                locale === "fr" ? "fr-CA" : "en-CA",
              ),
            }),
    })),
    prevHref:
      r.page > 1
        ? hrefWith({ page: r.page - 1 > 1 ? r.page - 1 : undefined })
        : null,
    nextHref: r.page < r.pages ? hrefWith({ page: r.page + 1 }) : null,
    // The same search as a calendar feed (its first hundred groups, whatever the page).
    calendarHref: `${searchCalendarPath(locale)}${hrefWith({ per_page: undefined }).slice(base.length)}`,
  };
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.title ?? ""} · Cercle` },
];

export default function Groups({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <div className="page with-sidebar search-page">
      <h1>{t("groups.title")}</h1>
      <SearchFilters d={d} />
      <section
        aria-labelledby="results-title"
        className="results"
        aria-busy={navigation.state === "loading"}
      >
        <Results d={d} />
      </section>
    </div>
  );
}

/** The results and what the search says about them; drawn again only when the search changes. */
const Results = memo(function Results({
  d,
}: {
  d: Route.ComponentProps["loaderData"];
}) {
  const { t } = useTranslation();
  return (
    <>
      {d.crisis && <CrisisNow after={t("search.crisis.groups")} />}
      <h2 id="results-title" tabIndex={-1}>
        {t("groups.results")}
      </h2>
      <p role="status" aria-live="polite" className="result-count">
        {d.found}
      </p>
      {d.placeNotice && <p className="notice">{d.placeNotice}</p>}
      {d.placeUsed && <p className="place-used">{d.placeUsed}</p>}
      {d.otherPlaces.length > 0 && (
        <p className="other-places">
          {t("search.otherPlaces")}{" "}
          {d.otherPlaces.map((p, i) => (
            <span key={p.href}>
              {i > 0 && ", "}
              <Link to={p.href}>{p.label}</Link>
            </span>
          ))}
        </p>
      )}
      {d.corrected && <p className="corrected">{d.corrected}</p>}
      {d.understood && (
        <p className="understood">
          {d.understood.text}{" "}
          <Link to={d.understood.href}>{d.understood.link}</Link>
        </p>
      )}
      {d.wordsOnly && (
        <p className="understood">
          {d.wordsOnly.text}{" "}
          <Link to={d.wordsOnly.href}>{d.wordsOnly.link}</Link>
        </p>
      )}
      {d.active.length > 0 && (
        <ul className="active-filters">
          {d.active.map((a) => (
            <li key={a.href}>
              <Link to={a.href}>{a.name}</Link>
            </li>
          ))}
        </ul>
      )}
      {d.groups.length === 0 ? (
        <NoResults d={d} />
      ) : (
        <ul className="group-list">
          {d.groups.map((g) => (
            <li key={g.slug}>
              <GroupCard
                group={g}
                locale={d.locale}
                href={pathTo(d.locale, "group", { slug: g.slug })}
              />
            </li>
          ))}
        </ul>
      )}
      {d.total > 0 && (
        <p className="calendar-feed">
          <a href={d.calendarHref}>{t("search.calendar")}</a>
        </p>
      )}
      {d.pages > 1 && (
        <nav aria-label={t("groups.pagination")} className="pagination">
          {d.prevHref && (
            <Link to={d.prevHref} rel="prev">
              {t("groups.previous")}
            </Link>
          )}
          <span aria-current="page">
            {t("groups.pageOf", { page: d.page, pages: d.pages })}
          </span>
          {d.nextHref && (
            <Link to={d.nextHref} rel="next">
              {t("groups.next")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
});
