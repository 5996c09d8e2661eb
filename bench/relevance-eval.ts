import type { Database } from '../db/client';
import { createContext } from '../core/context';
import { findGroups } from '../core/search/find-groups';
import { groupFacts } from './relevance-data';
import set from './relevance/queries.json';

// Measures the relevance set (relevance/queries.json) against a database holding the relevance
// data: for each query, the first three results of a search in the query's language, and how many
// of them are relevant. hit@3: the share of queries with at least one relevant group among the
// first three; precision@3: the share of relevant groups among the first three, averaged.

export interface RelevanceQuery {
  q: string;
  lang: 'en' | 'fr';
  topics?: string[];
  kinds?: string[];
}

export interface QueryOutcome extends RelevanceQuery {
  /** Relevant groups in the data (the most the first three can hold is min(3, this)). */
  relevantInData: number;
  /** For each of the first three results, whether it is relevant. */
  top: boolean[];
}

export interface RelevanceReport {
  byLanguage: Record<'en' | 'fr' | 'all', { queries: number; hitAt3: number; precisionAt3: number }>;
  outcomes: QueryOutcome[];
}

export const RELEVANCE_QUERIES = set.queries as RelevanceQuery[];

export async function measureRelevance(db: Database, now: Date, queries = RELEVANCE_QUERIES): Promise<RelevanceReport> {
  const facts = await groupFacts(db);
  const relevant = (q: RelevanceQuery, id: string) => {
    const f = facts.get(id);
    if (!f) return false;
    const topicOk = !q.topics?.length || q.topics.some((t) => f.topics.has(t));
    const kindOk = !q.kinds?.length || q.kinds.includes(f.kind);
    return topicOk && kindOk;
  };
  const outcomes: QueryOutcome[] = [];
  for (const q of queries) {
    const r = await findGroups({ ctx: createContext(db, { now, locale: q.lang }), input: { q: q.q, perPage: 3, facets: false } });
    outcomes.push({
      ...q,
      relevantInData: [...facts.keys()].filter((id) => relevant(q, id)).length,
      top: r.results.map((g) => relevant(q, g.id)),
    });
  }
  const summary = (list: QueryOutcome[]) => ({
    queries: list.length,
    hitAt3: list.filter((o) => o.top.some(Boolean)).length / Math.max(1, list.length),
    precisionAt3: list.reduce((sum, o) => sum + o.top.filter(Boolean).length / 3, 0) / Math.max(1, list.length),
  });
  return {
    byLanguage: {
      en: summary(outcomes.filter((o) => o.lang === 'en')),
      fr: summary(outcomes.filter((o) => o.lang === 'fr')),
      all: summary(outcomes),
    },
    outcomes,
  };
}
