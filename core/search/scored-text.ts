import { sql, type SQL } from 'drizzle-orm';
import { pgArray } from './search-sql';

// Searching by words without asking that every word match (issue 13): the query becomes units —
// one per word searched as text, one per concept the lexicon read (a topic or a kind of group,
// with the words that named it) — and each group scores by the units it matches. A unit weighs
// more the rarer it is among the published groups (inverse document frequency), and a concept
// weighs more than any word. A group is found when it matches at least half of the query's
// weight; it ranks by that weight, a title (or tagged topic, or kind) counting more than a topic
// label or organization, which count more than the description. Both engines — the database
// (search-sql.ts, find-groups.ts) and the in-process index (indexed-search.ts) — evaluate these
// same rules, with the same numbers, so they find and order the same groups.

export interface TextUnit {
  /** The words that must all be in the group's text, each as its English and French lexemes. */
  words: string[][];
  /** Topic slugs (a group tagged with one matches), for a concept. */
  topics: string[];
  /** Kinds of group (a group of one matches), for a concept. */
  kinds: string[];
}

/** How well a group matches a unit. */
export const QUALITY = {
  /** Tagged with the topic, or of the kind: added to how well its words match as text. */
  concept: 1,
  /** Every word in the title. */
  title: 1,
  /** Every word in the title, topics, organization or facilitators (weights A and B). */
  head: 0.7,
  /** Every word somewhere in the text. */
  body: 0.4,
  /** A concept's words found as text, without the tag: a share of the above. */
  conceptText: 0.8,
} as const;

/** The share of the query's weight a group must match to be found. */
export const MIN_SHARE = 0.5;
/** How much more a concept weighs than the rarest possible word. */
const CONCEPT_BOOST = 1.5;

export const isConcept = (u: TextUnit) => u.topics.length > 0 || u.kinds.length > 0;

/**
 * Each unit's weight, from how many of the `total` groups match it (`matching`): units no group
 * matches weigh nothing (a word found nowhere does not sink the rest of the query).
 */
export function unitWeights(units: readonly TextUnit[], matching: readonly number[], total: number): number[] {
  return units.map((u, i) => {
    const df = matching[i] ?? 0;
    if (df === 0) return 0;
    return isConcept(u) ? CONCEPT_BOOST * Math.log(1 + 2 * total) : Math.log(1 + total / (df + 0.5));
  });
}

/** The weight a group must reach (never met when no unit matches anything). */
export function threshold(weights: readonly number[]): number {
  const sum = weights.reduce((a, b) => a + b, 0);
  return sum > 0 ? MIN_SHARE * sum - 1e-9 : Infinity;
}

/** The text form of a tsquery that finds every word (any of its lexemes), optionally in weights A and B only. */
export function unitTsQuery(words: readonly string[][], head = false): string {
  const lexeme = (l: string) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${head ? ':AB' : ''}`;
  return words.map((alternatives) => `(${alternatives.map(lexeme).join(' | ')})`).join(' & ');
}

/** How well the row `gs` matches a unit, as SQL (see QUALITY). */
export function unitQualitySql(u: TextUnit): SQL {
  const scale = isConcept(u) ? QUALITY.conceptText : 1;
  const text = u.words.length
    ? sql`(case when gs.title_document @@ ${unitTsQuery(u.words)}::tsquery then ${QUALITY.title * scale}::float8
        when gs.document @@ ${unitTsQuery(u.words, true)}::tsquery then ${QUALITY.head * scale}::float8
        when gs.document @@ ${unitTsQuery(u.words)}::tsquery then ${QUALITY.body * scale}::float8 else 0::float8 end)`
    : sql`0::float8`;
  const concept: SQL[] = [];
  if (u.topics.length) concept.push(sql`gs.topic_ids && array(select id from topics where slug = any(${pgArray(u.topics)}::text[]))`);
  if (u.kinds.length) concept.push(sql`gs.kind = any(${pgArray(u.kinds)}::group_kind[])`);
  if (!concept.length) return text;
  return sql`(${text} + (case when ${sql.join(concept, sql` or `)} then ${QUALITY.concept}::float8 else 0::float8 end))`;
}

/** The weighted sums of a row's matched units (`found`) and of their qualities (`rank`), as SQL. */
export function scoreSql(units: readonly TextUnit[], weights: readonly number[]): { found: SQL; rank: SQL } {
  const used = units.flatMap((u, i) => (weights[i]! > 0 ? [{ q: unitQualitySql(u), w: weights[i]! }] : []));
  if (!used.length) return { found: sql`0::float8`, rank: sql`0::float8` };
  return {
    found: sql.join(
      used.map(({ q, w }) => sql`(case when ${q} > 0 then ${w}::float8 else 0::float8 end)`),
      sql` + `,
    ),
    rank: sql.join(
      used.map(({ q, w }) => sql`(${w}::float8 * ${q})`),
      sql` + `,
    ),
  };
}
