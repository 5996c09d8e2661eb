// Search benchmark: `npm run bench:search -- --groups 100000` (default 1000,10000,100000).
//
// The server searches its in-memory copy of the search rows (decision 0007); the floor is the
// same searches done entirely in SQL.
//
// For each engine (PGlite, PostgreSQL) and size: a fresh database, N generated groups with their
// sessions (bench/search-data.ts, with progress), then a fixed mix of searches (text only, text +
// 2 filters, filters only, near a city + radius; all with facet counts):
//  - floor: the SQL statements of each search done entirely in SQL (no index attached), replayed
//    raw on the database client (no HTTP, no app code), one after another;
//  - HTTP: the built server (`node server.js`, BUILD_DIR or build/) on loopback, driven by
//    autocannon at concurrency 1 and 16, once with the cache off (every request counts and orders
//    anew) and once with the default exact cache.
// Prints one JSON line per engine and size, and rewrites the "Search" section of docs/benchmarks.md
// from bench/results/search.json (results of earlier runs of other sizes are kept).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openPglite, openPostgres, migrateDatabase, type DatabaseHandle } from '../db/client';
import { createContext } from '../core/context';
import { findGroups } from '../core/search/find-groups';
import { clearSearchCaches } from '../core/search/search-cache';
import { groupSearchQuery, toSearchInput } from '../app/lib/group-query';
import { startServer } from '../tests/e2e/server-process';
import { generateGroups } from './search-data';
import { withGeneratedGroups } from './generated-database';
import { processTree } from './cpu';
import { measureSearchCopy } from './search-copy';
import { MIX } from './search-mix';


const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const SIZES = arg('groups', '1000,10000,100000').split(',').map(Number);
// App processes of the HTTP runs (WEB_CONCURRENCY; PostgreSQL only: PGlite serves one).
const PROCESSES = Number(arg('processes', '1'));
// With `--keep PREFIX`, each size's PostgreSQL database (PREFIX_N) is made once and reused.
const KEEP = arg('keep', '');
const ENGINES = arg('engines', 'postgres,pglite').split(',') as ('pglite' | 'postgres')[];
const DURATION = Number(arg('duration', '10'));
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BUILD_DIR = process.env.BUILD_DIR ?? 'build';
const RESULTS = 'bench/results/search.json';

const log = (line: string) => process.stderr.write(`${line}\n`);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;
function summary(latencies: number[]) {
  const s = [...latencies].sort((a, b) => a - b);
  return { p50: round(pct(s, 50)), p95: round(pct(s, 95)), p99: round(pct(s, 99)) };
}

interface Captured {
  sql: string;
  params: unknown[];
}

/** The SQL each search of the mix issues (cache cleared first, so facets are computed). */
async function captureMix(open: (logger: { logQuery(sql: string, params: unknown[]): void }) => Promise<DatabaseHandle>) {
  let sink: Captured[] = [];
  const handle = await open({ logQuery: (sql, params) => sink.push({ sql, params }) });
  const out: Captured[][] = [];
  for (const m of MIX) {
    const parsed = groupSearchQuery.parse(Object.fromEntries(new URLSearchParams(m.query)));
    clearSearchCaches();
    sink = [];
    await findGroups({ ctx: createContext(handle.db, { now: new Date() }), input: toSearchInput(parsed) });
    out.push(sink);
  }
  await handle.close();
  return out;
}

/** Replays the captured statements on a raw client, one search after another, for `seconds`. */
async function floor(query: (sql: string, params: unknown[]) => Promise<unknown>, mix: Captured[][], seconds: number) {
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  for (let i = 0; Date.now() < until || i < mix.length * 3; i++) {
    const t0 = performance.now();
    for (const stmt of mix[i % mix.length]!) await query(stmt.sql, stmt.params);
    latencies.push(performance.now() - t0);
  }
  return { ...summary(latencies), rps: round(latencies.length / (latencies.reduce((a, b) => a + b, 0) / 1000)) };
}

async function load(url: string, connections: number, seconds: number) {
  const perKind = new Map<string, number[]>();
  const all: number[] = [];
  let i = 0;
  let errors = 0;
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    requests: MIX.map((m) => ({ method: 'GET' as const, path: `/api/v1/groups?${m.query}` })),
  });
  (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status !== 200) errors++;
    all.push(ms);
    // With one connection the requests of the mix come back in order.
    if (connections === 1) {
      const kind = MIX[i++ % MIX.length]!.kind;
      perKind.set(kind, [...(perKind.get(kind) ?? []), ms]);
    }
  });
  const result = await instance;
  return {
    ...summary(all),
    rps: round(result.requests.average),
    errors: errors + result.errors + result.non2xx,
    ...(connections === 1 ? { p95_by_kind: Object.fromEntries([...perKind].map(([k, v]) => [k, summary(v).p95])) } : {}),
  };
}

/** Resident memory of a process, in MB (0 when gone, or not Linux). */
function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

async function measureHttp(env: Record<string, string>, processes = 1) {
  const out: Record<string, unknown> = { processes };
  for (const [label, ttl] of [
    ['uncached', '0'],
    ['cached', '30'],
  ] as const) {
    // Start-up includes loading the in-memory copy of the search rows.
    const server = await startServer(
      { ...env, SEED_DEMO: 'false', BUILD_DIR, SEARCH_FACET_CACHE_SECONDS: ttl, WORKER: 'false', WEB_CONCURRENCY: String(processes) },
      { timeoutMs: 300_000 },
    );
    try {
      // Every app process loads its copy before it serves.
      const loaded = () => [...server.output().matchAll(/held in memory \(loaded in (\d+) ms\)/g)].map((m) => Number(m[1]));
      while (loaded().length < processes) await new Promise((r) => setTimeout(r, 200));
      out.index_load_ms = Math.max(...loaded());
      // Warm up: the gazetteer, the plans, the caches.
      for (let k = 0; k < 3; k++) for (const m of MIX) await fetch(`${server.url}/api/v1/groups?${m.query}`).then((r) => r.arrayBuffer());
      log(`  HTTP (${label} facets): concurrency 1 for ${DURATION}s`);
      const c1 = await load(server.url, 1, DURATION);
      log(`  HTTP (${label} facets): concurrency 16 for ${DURATION}s`);
      const c16 = await load(server.url, 16, DURATION);
      out[label] = { c1, c16 };
      // The largest app process (the supervisor of several holds no copy).
      out.server_rss_mb = Math.max(...processTree(server.process.pid!).map(rssMb));
    } finally {
      await server.stop();
    }
  }
  return out as Record<'uncached' | 'cached', { c1: ReturnType<typeof summary> & { rps: number }; c16: { rps: number } }>;
}

async function runOne(engine: 'pglite' | 'postgres', groups: number) {
  const progress = (step: string, done: number, total: number) => log(`  [${engine} ${groups}] ${step}: ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
  log(`== ${engine}, ${groups.toLocaleString('en')} groups`);
  const started = Date.now();
  if (engine === 'postgres') {
    return withGeneratedGroups({ pgUrl: PG_URL, groups, prefix: `cercle_bench_${groups}`, kept: KEEP ? `${KEEP}_${groups}` : '' }, async ({ url, handle }) => {
      const generatedS = round((Date.now() - started) / 1000);
      const { copy_load_ms, copy_mb } = await measureSearchCopy(handle);
      const copy = { copy_load_ms, copy_mb };
      const mix = await captureMix((logger) => openPostgres(url, { logger }));
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      log(`  floor (raw SQL) for ${DURATION}s`);
      const f = await floor((sql, params) => pool.query(sql, params as never[]), mix, DURATION);
      await pool.end();
      const http = await measureHttp({ DATABASE_URL: url }, PROCESSES);
      return { engine, groups, generated_s: generatedS, ...copy, floor: f, ...http };
    });
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cercle-bench-'));
  try {
    const handle = await openPglite(dir);
    await migrateDatabase(handle);
    await generateGroups(handle.db, groups, progress);
    await handle.close();
    const generatedS = round((Date.now() - started) / 1000);
    const mix = await captureMix((logger) => openPglite(dir, { logger }));
    const raw = await openPglite(dir);
    const client = (raw.db as unknown as { $client: { query(sql: string, params: unknown[]): Promise<unknown> } }).$client;
    log(`  floor (raw SQL) for ${DURATION}s`);
    const f = await floor((sql, params) => client.query(sql, params), mix, DURATION);
    await raw.close();
    const http = await measureHttp({ DATA_DIR: dir });
    return { engine, groups, generated_s: generatedS, floor: f, ...http };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeDocs(all: Record<string, unknown>[]) {
  const rows = all
    .sort((a, b) => String(a.engine).localeCompare(String(b.engine)) || Number(a.groups) - Number(b.groups) || Number(a.processes ?? 1) - Number(b.processes ?? 1))
    .map((r) => {
      const x = r as unknown as {
        engine: string;
        groups: number;
        processes?: number;
        floor: { p50: number; p95: number; rps: number };
        uncached: { c1: { p50: number; p95: number; p99: number; rps: number }; c16: { rps: number; p95: number } };
        cached: { c1: { p50: number; p95: number; p99: number; rps: number }; c16: { rps: number; p95: number } };
        index_load_ms?: number;
        copy_mb?: number;
        server_rss_mb?: number;
        at?: string;
      };
      const or = (v: number | undefined, f: (v: number) => string | number = (n) => n) => (v === undefined ? '–' : f(v));
      return `| ${x.engine} | ${x.groups.toLocaleString('en')} | ${x.processes ?? 1} | ${x.floor.p50} / ${x.floor.p95} | ${x.uncached.c1.p50} / ${x.uncached.c1.p95} / ${x.uncached.c1.p99} | ${x.uncached.c1.rps} | ${x.uncached.c16.rps} | ${x.cached.c1.p50} / ${x.cached.c1.p95} / ${x.cached.c1.p99} | ${x.cached.c1.rps} | ${x.cached.c16.rps} | ${or(x.index_load_ms, (v) => round(v / 1000))} | ${or(x.copy_mb)} | ${or(x.server_rss_mb)} | ${x.at?.slice(0, 10) ?? '–'} |`;
    });
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const section = `<!-- search:begin -->
## Search

\`\`\`sh
BUILD_DIR=build-search npx react-router build
BUILD_DIR=build-search npm run bench:search -- --groups 1000,10000,100000 --engines postgres --processes 2   # --keep cercle_bench_search --duration 10
\`\`\`

Machine: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL 15 on
127.0.0.1 and PGlite 0.5 (PostgreSQL 18 in WASM) in the server process. The machine is shared:
other builds and test runs may have been running during a measurement.

Mix (${MIX.length} searches, all with facet counts): text only (4, one with a typo), sentences in people’s own words
(3, read with the lexicon and ranked by how much of them each group matches), text + 2 filters (3),
filters only (3), near a city + radius (3). Latencies in ms (p50 / p95 / p99), over HTTP on loopback
(autocannon, ${DURATION} s per run), with as many app processes as the table says (\`WEB_CONCURRENCY\`, \`--processes\`).
Each app process answers from its own in-memory copy of the search rows (decision 0007): filters
and facet counts work on sets of bits, one per value of each filtered column (decision 0019); the
database stems the words and reads the page of results. "Copy" is that copy alone, loaded in the
benchmark's own process and weighed once garbage is collected (JS heap and typed arrays); "app
process RSS" is the resident memory of the largest app process after the runs.
"Floor" replays, straight to the database client, the SQL statements of the same searches done
entirely in SQL (\`SEARCH_INDEX=database\`), one search after another. "Counted every time" runs the
server with \`SEARCH_FACET_CACHE_SECONDS=0\`: every request filters, counts its facets and orders its
page anew. "Exact cache" is the default: a repeated search reuses its counts and pages for as long as no
group changed and no start passed (at most 30 s), so it answers exactly what a fresh count would.

| engine | groups | app processes | floor (SQL) p50 / p95 | counted every time: c=1 p50 / p95 / p99 | c=1 req/s | c=16 req/s | exact cache: c=1 p50 / p95 / p99 | c=1 req/s | c=16 req/s | copy loaded in (s) | copy (MB) | app process RSS (MB) | measured |
|---|---:|---:|---|---|---:|---:|---|---:|---:|---:|---:|---:|---|
${rows.join('\n')}

Rows keep the date they were measured: a row older than the mix above was measured with the
searches of its day (before 2026-12-06: 13 searches, without the sentences). Raw figures (with p95
per kind of search): \`bench/results/search.json\`.
<!-- search:end -->`;
  const file = 'docs/benchmarks.md';
  const doc = readFileSync(file, 'utf8');
  const next = doc.includes('<!-- search:begin -->')
    ? doc.replace(/<!-- search:begin -->[\s\S]*<!-- search:end -->/, section)
    : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}

async function main() {
  if (!args.includes('--docs-only') && !existsSync(path.join(BUILD_DIR, 'server/index.js'))) {
    log(`Building the app into ${BUILD_DIR}/ first`);
    execFileSync('npx', ['react-router', 'build'], { stdio: 'inherit', env: { ...process.env, BUILD_DIR } });
  }
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  const previous: Record<string, unknown>[] = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>[]) : [];
  if (args.includes('--docs-only')) return writeDocs(previous);
  for (const engine of ENGINES) {
    for (const groups of SIZES) {
      const result = { ...(await runOne(engine, groups)), at: new Date().toISOString() };
      console.log(JSON.stringify(result));
      const kept = previous.filter((r) => !(r.engine === engine && r.groups === groups && Number(r.processes ?? 1) === (engine === 'pglite' ? 1 : PROCESSES)));
      previous.splice(0, previous.length, ...kept, result);
      writeFileSync(RESULTS, `${JSON.stringify(previous, null, 2)}\n`);
      writeDocs(previous);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
