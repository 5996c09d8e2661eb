import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { parseInput, type Context } from '../context';
import { bilingual, type Bilingual } from '../text';
import { findGroups, MAX_PER_PAGE, type FindGroupsInput, type GroupSearchHit } from '../search';
import { foldPlaceName, placeLabel, resolvePlace } from '../search/gazetteer';
import { rows } from '../search/rows';
import { guideWhere } from './guide-input';
import type { GuideOptionId, GuideRanking, RankedOption } from './rank-kinds';

/** How far from the person's city an in-person group still counts as near (km). */
export const GUIDE_NEAR_KM = 50;
/**
 * Without the person's age, groups for an age group are left out: those with an upper age limit or
 * a lower one above this (a group for adults, 18 and up, is open to anyone the guide speaks to).
 */
export const GUIDE_ADULT_AGE = 18;

/** Why a group was chosen: where it meets compared with the person, and how close its topic is. */
export interface GuideFit {
  /** 'city': in the person's city; 'near': within GUIDE_NEAR_KM; 'online': met online; null: no place given. */
  place: 'city' | 'near' | 'online' | null;
  /** 'exact': the person's topic; 'general': the wider topic it belongs to, for any loss of that kind. */
  topic: 'exact' | 'general' | null;
}

export interface GuideGroup extends GroupSearchHit {
  fit: GuideFit;
}

export interface GuideMatch {
  option: GuideOptionId;
  groups: GuideGroup[];
  /** The search behind "All groups of this kind": the same filters (topic, language, place, budget, age). */
  search: FindGroupsInput;
}

export interface GuideTopic {
  slug: string;
  label: Bilingual;
}

export interface GuideMatches {
  matches: GuideMatch[];
  /** The person's topic, and the wider topic groups may also be about ("not necessarily the same loss"). */
  topic: (GuideTopic & { widenedTo: GuideTopic | null }) | null;
  /** The person's city as found in the gazetteer, or null. */
  place: { label: string; latitude: number; longitude: number } | null;
  /** The city given could not be found: groups are not limited to a place. */
  placeUnknown: boolean;
}

export const findGuideMatchesInput = z.object({
  where: guideWhere,
  /** How many of the best-ranked options get groups, and how many groups each. */
  options: z.number().int().min(1).max(6).default(3),
  perOption: z.number().int().min(1).max(10).default(3),
});

type TopicRow = { slug: string; label_en: string; label_fr: string | null; parent_slug: string | null; parent_en: string | null; parent_fr: string | null };

/** The chosen topic and its parent topic, or null for a slug that is not in the taxonomy. */
async function loadTopic(ctx: Context, slug: string): Promise<GuideMatches['topic']> {
  const [row] = await rows<TopicRow>(
    ctx.db,
    sql`select t.slug, t.label_en, t.label_fr, p.slug as parent_slug, p.label_en as parent_en, p.label_fr as parent_fr
        from topics t left join topics p on p.id = t.parent_id where t.slug = ${slug}`,
  );
  if (!row) return null;
  return {
    slug: row.slug,
    label: bilingual(row.label_en, row.label_fr),
    widenedTo: row.parent_slug ? { slug: row.parent_slug, label: bilingual(row.parent_en, row.parent_fr) } : null,
  };
}

interface Facts {
  ageMin: number | null;
  ageMax: number | null;
  /** The group's own topics, each with its parent topic ('' for a top-level one). */
  topics: { slug: string; parent: string }[];
}

/** Ages and topics of the candidates: one statement for all of them. */
async function loadFacts(ctx: Context, ids: string[]): Promise<Map<string, Facts>> {
  if (ids.length === 0) return new Map();
  const found = await rows<{ id: string; age_min: number | null; age_max: number | null; topics: string | null }>(
    ctx.db,
    sql`select g.id, g.age_min, g.age_max,
          (select string_agg(t.slug || ':' || coalesce(p.slug, ''), ',')
           from group_topics gt join topics t on t.id = gt.topic_id left join topics p on p.id = t.parent_id
           where gt.group_id = g.id) as topics
        from groups g where g.id = any(${`{${ids.join(',')}}`}::uuid[])`,
  );
  return new Map(
    found.map((r) => [
      r.id,
      {
        ageMin: r.age_min == null ? null : Number(r.age_min),
        ageMax: r.age_max == null ? null : Number(r.age_max),
        topics: (r.topics ? r.topics.split(',') : []).map((pair) => {
          const [slug = '', parent = ''] = pair.split(':');
          return { slug, parent };
        }),
      },
    ]),
  );
}

/** A group for an age group (teens, young adults, seniors), as opposed to one open to any adult. */
const forAnAgeGroup = (f: Facts) => f.ageMax != null || (f.ageMin != null && f.ageMin > GUIDE_ADULT_AGE);

/**
 * How close a candidate's topic is, when the search was widened from `exact` to its parent:
 * 'exact' when the group has the person's topic, 'general' when it has the parent topic and no
 * other sub-topic of it (a grief group for any loss), null for a group about another sub-topic
 * only (a pet-loss group is no answer to the loss of a parent).
 */
function topicFit(f: Facts, exact: string, parent: string): GuideFit['topic'] {
  if (f.topics.some((t) => t.slug === exact)) return 'exact';
  if (f.topics.some((t) => t.parent === parent)) return null;
  return 'general';
}

/**
 * Real groups for the best-ranked options, from the answers (SPEC §2):
 * - the topic with its sub-topics; a sub-topic widens to its parent topic unless the person wants
 *   the exact same loss, with groups about another sub-topic only left out;
 * - the language and budget; in person (with hybrid), or online (with hybrid), when asked;
 * - groups for an age group only when the person's age fits (left out when no age is given);
 * - the person's city first, then within GUIDE_NEAR_KM, then online groups (in person only: no
 *   group farther away); then the person's exact topic (unless they said any loss of that kind
 *   will do), then groups of verified organizations, then the nearest or soonest.
 * A group appears under one option only. Reads only: the guide stores nothing.
 */
export async function findGuideMatches({
  ctx,
  ranking,
  input,
}: {
  ctx: Context;
  ranking: GuideRanking;
  input: z.input<typeof findGuideMatchesInput>;
}): Promise<GuideMatches> {
  const q = parseInput(findGuideMatchesInput, input);
  const { where } = q;
  const topic = where.topic ? await loadTopic(ctx, where.topic) : null;
  const widen = topic?.widenedTo && ranking.sameLoss !== 'exact' ? { exact: topic.slug, parent: topic.widenedTo.slug } : null;
  const resolved = where.city && ranking.delivery !== 'online' ? resolvePlace({ text: where.city }) : null;
  const place = resolved ? { label: placeLabel(resolved.place), latitude: resolved.place.latitude, longitude: resolved.place.longitude } : null;
  const cityNames = new Set([where.city, resolved?.place.name].flatMap((c) => (c ? [foldPlaceName(c)] : [])));

  const delivery = { online: ['online', 'hybrid'], in_person: ['in_person', 'hybrid'] } as const;
  const filters = (option: RankedOption): FindGroupsInput => ({
    kind: [option.kind],
    format: option.format ? [option.format] : undefined,
    topic: where.topic ? [widen?.parent ?? where.topic] : undefined,
    lang: where.language ? [where.language] : undefined,
    cost: ranking.freeOnly ? ['free', 'pay_what_you_can'] : undefined,
    delivery: ranking.delivery ? [...delivery[ranking.delivery]] : undefined,
    age: where.age,
    ...(place ? { near: place.label, radiusKm: GUIDE_NEAR_KM } : {}),
  });

  const options = ranking.options.slice(0, q.options);
  const candidates: GroupSearchHit[][] = [];
  for (const option of options) {
    const { near: _near, ...search } = filters(option);
    const found = await findGroups({
      ctx,
      input: {
        ...search,
        ...(place ? { lat: place.latitude, lon: place.longitude } : {}),
        sort: place ? 'distance' : 'relevance',
        perPage: MAX_PER_PAGE,
        facets: false,
      },
    });
    candidates.push(found.results.filter((g) => !option.dropInStyle || g.dropInStyle === option.dropInStyle));
  }
  const needFacts = widen != null || where.age === undefined;
  const facts = needFacts ? await loadFacts(ctx, [...new Set(candidates.flat().map((g) => g.id))]) : new Map<string, Facts>();

  const fitOf = (g: GroupSearchHit): GuideFit | null => {
    const f = facts.get(g.id);
    if (where.age === undefined && f && forAnAgeGroup(f)) return null;
    const topicMatch = widen ? (f ? topicFit(f, widen.exact, widen.parent) : null) : topic ? 'exact' : null;
    if (widen && !topicMatch) return null;
    const inCity = g.city != null && cityNames.has(foldPlaceName(g.city));
    const placeMatch = inCity ? 'city' : g.delivery === 'online' || (place && g.distanceKm == null) ? 'online' : place ? 'near' : null;
    return { place: placeMatch, topic: topicMatch };
  };
  const placeRank = { city: 0, near: 1, online: 2 } as const;
  const rank = (x: { g: GroupSearchHit; fit: GuideFit; i: number }) => [
    x.fit.place ? placeRank[x.fit.place] : 1,
    // "Not necessarily the same loss": a general group is as good as one about that loss.
    ranking.sameLoss === 'general' || x.fit.topic !== 'general' ? 0 : 1,
    x.g.organization.verified ? 0 : 1,
    // Then the finder's order: the nearest (or the best match, soonest) first.
    x.i,
  ];
  const compare = (a: number[], b: number[]) => a.reduce((d, v, k) => d || v - b[k]!, 0);

  const shown = new Set<string>();
  const matches = options.map((option, n): GuideMatch => {
    const picked = candidates[n]!
      .filter((g) => !shown.has(g.id))
      .flatMap((g, i) => {
        const fit = fitOf(g);
        return fit ? [{ g, fit, i }] : [];
      })
      .sort((a, b) => compare(rank(a), rank(b)))
      .slice(0, q.perOption)
      .map(({ g, fit }) => ({ ...g, fit }));
    for (const g of picked) shown.add(g.id);
    return { option: option.id, groups: picked, search: filters(option) };
  });
  return { matches, topic, place, placeUnknown: Boolean(where.city && ranking.delivery !== 'online' && !resolved) };
}
