// Measures how well search understands people's own words: the relevance set
// (bench/relevance/queries.json) on the relevance data (bench/relevance-data.ts), in an in-memory
// PGlite, through the in-process search index. Prints hit@3 and precision@3 by language, every
// query that found nothing relevant in its first three (`--verbose`: every query), and rewrites
// the "Relevance" section of docs/benchmarks.md.
//
//   npm run bench:relevance [-- --verbose]

import { readFileSync, writeFileSync } from 'node:fs';
import { openPglite, migrateDatabase } from '../db/client';
import { createContext } from '../core/context';
import { findGroups } from '../core/search/find-groups';
import { attachSearchIndex, detachSearchIndex } from '../core/search/search-index';
import { seedRelevanceData } from './relevance-data';
import { measureRelevance } from './relevance-eval';

const verbose = process.argv.includes('--verbose');
const now = new Date();
const handle = await openPglite();
await migrateDatabase(handle);
await seedRelevanceData(handle.db, now);
await attachSearchIndex(handle.db);
const started = performance.now();
const report = await measureRelevance(handle.db, now);
const seconds = (performance.now() - started) / 1000;

for (const o of report.outcomes) {
  const found = o.top.filter(Boolean).length;
  if (!verbose && found > 0) continue;
  const r = await findGroups({ ctx: createContext(handle.db, { now, locale: o.lang }), input: { q: o.q, perPage: 3, facets: false } });
  const about = r.understood ? [...r.understood.topics, ...r.understood.kinds].join(', ') || '—' : '—';
  console.log(`${found}/3 [${o.lang}] "${o.q}" → read as ${about}; wanted ${[...(o.topics ?? []), ...(o.kinds ?? [])].join(' + ')}`);
  for (const g of r.results) console.log(`      ${g.title.en ?? g.title.fr}`);
}
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const rows = (['en', 'fr', 'all'] as const).map((l) => {
  const m = report.byLanguage[l];
  return `| ${l === 'all' ? 'both' : l} | ${m.queries} | ${pct(m.hitAt3)} | ${m.precisionAt3.toFixed(3)} |`;
});
console.log(['| language | queries | hit@3 | precision@3 |', '|---|---:|---:|---:|', ...rows].join('\n'));

const section = `<!-- relevance:begin -->
## Relevance: people's own words

\`\`\`sh
npm run bench:relevance            # -- --verbose lists every query with its first three results
\`\`\`

The relevance set (\`bench/relevance/queries.json\`, ${report.outcomes.length} queries) is written the
way people type: sentences ("my husband drinks too much"), no accents, typos, in English and French,
over every topic and kind of group. Each query names the topics or kinds that count as relevant. The
data (\`bench/relevance-data.ts\`) is the demo data plus, for every topic and kind, three groups (English,
French, both), so every query has at least three relevant groups. Each query is searched in its
language, through the in-process index; hit@3 is the share of queries with a relevant group among
the first three results, precision@3 the share of relevant groups among them. The test
\`core/search/relevance.test.ts\` holds hit@3 ≥ 95 % and precision@3 ≥ 0.8 in each language.

| language | queries | hit@3 | precision@3 |
|---|---:|---:|---:|
${rows.join('\n')}

Measured ${now.toISOString().slice(0, 10)} (${seconds.toFixed(1)} s for the set).
<!-- relevance:end -->`;
const file = 'docs/benchmarks.md';
const doc = readFileSync(file, 'utf8');
writeFileSync(
  file,
  doc.includes('<!-- relevance:begin -->')
    ? doc.replace(/<!-- relevance:begin -->[\s\S]*<!-- relevance:end -->/, section)
    : doc.replace('<!-- bench:register -->', `${section}\n\n<!-- bench:register -->`),
);
await detachSearchIndex(handle.db);
await handle.close();
