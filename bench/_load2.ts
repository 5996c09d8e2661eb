import { openPostgres } from '../db/client';
import { attachSearchIndex } from '../core/search/search-index';
const h = await openPostgres('postgres://postgres@127.0.0.1:5432/cercle_bench_search_100000');
const t = performance.now();
const idx = await attachSearchIndex(h.db);
console.log('attach', Math.round(performance.now() - t));
await idx.close(); await h.close(); process.exit(0);
