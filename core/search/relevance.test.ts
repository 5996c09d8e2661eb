import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { seedRelevanceData } from '../../bench/relevance-data';
import { measureRelevance, RELEVANCE_QUERIES, type RelevanceReport } from '../../bench/relevance-eval';
import { attachSearchIndex, detachSearchIndex } from './search-index';
import { TOPIC_SLUGS } from '../../db/seed/topics';
import { GROUP_KINDS } from '../../db/schema/enums';

// The relevance set holds search to its measured quality (issue 13): no later change may make
// people's own words find worse groups. `npm run bench:relevance` reports the same figures.
const NOW = new Date();
let t: TestDatabase;
let report: RelevanceReport;

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  await seedRelevanceData(t.db, NOW);
  await attachSearchIndex(t.db);
  report = await measureRelevance(t.db, NOW);
}, 180_000);
afterAll(async () => {
  await detachSearchIndex(t.db);
  await t.close();
});

describe('the relevance set', () => {
  it('has at least 150 queries in both languages, over every topic and kind, each with three relevant groups to find', () => {
    expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(150);
    expect(RELEVANCE_QUERIES.filter((q) => q.lang === 'fr').length).toBeGreaterThanOrEqual(50);
    const covered = new Set(RELEVANCE_QUERIES.flatMap((q) => [...(q.topics ?? []), ...(q.kinds ?? [])]));
    for (const target of [...TOPIC_SLUGS, ...GROUP_KINDS]) expect([...covered], target).toContain(target);
    for (const o of report.outcomes) expect(o.relevantInData, o.q).toBeGreaterThanOrEqual(3);
  });

  it('finds a relevant group in the first three for at least 95 % of queries, with precision@3 of at least 0.8, in each language', () => {
    const misses = report.outcomes.filter((o) => !o.top.some(Boolean)).map((o) => `${o.lang}: ${o.q}`);
    for (const lang of ['en', 'fr'] as const) {
      const m = report.byLanguage[lang];
      expect(m.hitAt3, `${lang} misses: ${misses.join(' | ')}`).toBeGreaterThanOrEqual(0.95);
      expect(m.precisionAt3, lang).toBeGreaterThanOrEqual(0.8);
    }
  });
});
