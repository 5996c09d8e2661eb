// Open data feeds at scale: `npm run bench:feeds -- --groups 100000 [--keep NAME]`.
//
// The built server (`node server.js`, BUILD_DIR or build/) on PostgreSQL with N generated groups
// (bench/search-data.ts, plus a weekly schedule for each drop-in group) answers the Meeting Guide
// feed and the HSDS dataset, each downloaded whole, once, after one warm-up: time to the first
// byte and to the last, size, entries, and the server's memory (resident set, sampled every 20 ms,
// its highest during the download against the same process just before). Writes
// bench/results/feeds.json and the "Open data feeds" section of docs/benchmarks.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { startServer } from '../tests/e2e/server-process';
import { ensureBuild, withGeneratedGroups } from './generated-database';
import { createContext, type Context } from '../core/context';
import { meetingGuideEntries } from '../core/feeds/meeting-guide';
import { hsdsAllServices } from '../core/feeds/hsds';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const GROUPS = Number(arg('groups', '100000'));
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BUILD_DIR = process.env.BUILD_DIR ?? 'build';
const RESULTS = 'bench/results/feeds.json';
const pageUrl = (slug: string) => `http://127.0.0.1/en/groups/${slug}`;
const FEEDS = [
  {
    name: 'Meeting Guide feed',
    path: '/api/v1/meeting-guide.json',
    count: (body: unknown) => (body as unknown[]).length,
    core: (ctx: Context) => meetingGuideEntries({ ctx, pageUrl, onlineNotes: 'notes' }),
  },
  {
    name: 'HSDS dataset',
    path: '/api/v1/hsds/dataset.json',
    count: (body: unknown) => (body as { services: unknown[] }).services.length,
    core: (ctx: Context) => hsdsAllServices(ctx, { pageUrl }),
  },
];

const log = (line: string) => process.stderr.write(`${line}\n`);
const mb = (kb: number) => Math.round(kb / 102.4) / 10;

/** The resident set of a process, in kB (Linux). */
function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

interface FeedResult {
  name: string;
  /** The same entries read through core in this process, without HTTP (ms). */
  core_ms?: number;
  path: string;
  entries: number;
  mb: number;
  first_byte_ms: number;
  total_ms: number;
  rss_before_mb: number;
  rss_peak_mb: number;
  rss_growth_mb: number;
}

async function download(base: string, pid: number, feed: (typeof FEEDS)[number]): Promise<FeedResult> {
  const before = rssKb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(pid))), 20);
  const start = performance.now();
  // Compressed, as finders and browsers ask for it (the size below is the JSON's).
  const res = await fetch(`${base}${feed.path}`, { headers: { 'accept-encoding': 'gzip' } });
  if (!res.ok || !res.body) throw new Error(`${feed.path}: ${res.status}`);
  let firstByte = 0;
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    if (!firstByte) firstByte = performance.now() - start;
    chunks.push(chunk);
    bytes += chunk.length;
  }
  const total = performance.now() - start;
  clearInterval(sampler);
  peak = Math.max(peak, rssKb(pid));
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  return {
    name: feed.name,
    path: feed.path,
    entries: feed.count(body),
    mb: Math.round(bytes / 104857.6) / 10,
    first_byte_ms: Math.round(firstByte),
    total_ms: Math.round(total),
    rss_before_mb: mb(before),
    rss_peak_mb: mb(peak),
    rss_growth_mb: mb(peak - before),
  };
}

async function main() {
  ensureBuild(BUILD_DIR);
  // `--keep NAME` keeps the generated database under that name for the next run (and reuses it).
  await withGeneratedGroups({ pgUrl: PG_URL, groups: GROUPS, prefix: 'cercle_bench_feeds', kept: arg('keep', '') }, async ({ url, handle }) => {
    // Each drop-in group meets weekly on the day and at the hour of its generated sessions.
    await handle.db.execute(sql`
      insert into schedules (group_id, rrule, starts_local, duration_minutes)
      select g.id, 'FREQ=WEEKLY;BYDAY=' || (array['SU','MO','TU','WE','TH','FR','SA'])[1 + extract(dow from s.local)::int], s.local, 90
      from groups g
      cross join lateral (select (min(starts_at) at time zone g.time_zone) as local from sessions where group_id = g.id) s
      where g.format = 'drop_in' and s.local is not null and not exists (select 1 from schedules x where x.group_id = g.id)`);
    // Statistics, as autovacuum would gather them: without them each batch sorts every schedule.
    await handle.db.execute(sql`analyze schedules`);

    const server = await startServer({ DATABASE_URL: url, SEED_DEMO: 'false', BUILD_DIR, WORKER: 'off', WEB_CONCURRENCY: '1' }, { timeoutMs: 300_000 });
    try {
      const pid = server.process.pid!;
      const results: FeedResult[] = [];
      for (const feed of FEEDS) {
        await download(server.url, pid, feed); // warm-up: the code runs once before it is timed
        const r = await download(server.url, pid, feed);
        log(`  ${feed.name}: ${JSON.stringify(r)}`);
        results.push(r);
      }
      // Where the time goes: the same entries read through core here (the database and the
      // mapping), against the whole download (with JSON writing, gzip and the transfer).
      for (const [i, feed] of FEEDS.entries()) {
        const ctx = createContext(handle.db, { now: new Date(), locale: 'en' });
        const start = performance.now();
        let n = 0;
        for await (const entry of feed.core(ctx)) n += entry ? 1 : 0;
        results[i]!.core_ms = Math.round(performance.now() - start);
        log(`  ${feed.name} through core: ${n} entries in ${results[i]!.core_ms} ms`);
      }
      const result = { date: new Date().toISOString().slice(0, 10), groups: GROUPS, cpu: os.cpus()[0]?.model ?? '', results };
      mkdirSync(path.dirname(RESULTS), { recursive: true });
      writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
      writeDocs(result);
      console.log(JSON.stringify(result));
    } finally {
      await server.stop();
    }
  });
}

function writeDocs(r: { date: string; groups: number; cpu: string; results: FeedResult[] }) {
  const rows = r.results.map(
    (f) =>
      `| ${f.name} (\`${f.path}\`) | ${f.entries.toLocaleString('en')} | ${f.mb} MB | ${f.first_byte_ms} ms | ${(f.total_ms / 1000).toFixed(1)} s | ${((f.core_ms ?? 0) / 1000).toFixed(1)} s | ${f.rss_before_mb} → ${f.rss_peak_mb} MB (+${f.rss_growth_mb}) |`,
  );
  const section = `## Open data feeds

\`npm run bench:feeds -- --groups ${r.groups}\` (bench/feeds.ts; the built app on PostgreSQL with
${r.groups.toLocaleString('en')} generated groups, each drop-in group with a weekly schedule; each feed downloaded
whole once after a warm-up, gzip-compressed as clients ask; the server's resident memory sampled
every 20 ms; ${r.date}, ${r.cpu}).

| Feed | Entries | Size | First byte | Whole | Of which core | Server memory (before → peak) |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Both are written as they are read: the Meeting Guide feed a batch of 500 schedules at a time, the
HSDS dataset 200 groups at a time (each batch's schedules and topics in two more queries), so the
first entries leave before the last are read and the server holds one batch, not the dataset.
The memory before is mostly the in-memory copy of the search rows (decision 0007). "Of which core"
is the same entries read through core in the benchmark's process (the database and the mapping);
the rest of the time is writing the JSON, compressing it and sending it. In the HSDS export, a
profile of core shows the name-based ids (a SHA-1 each, about fifteen per service) at a fifth of
its time, the database driver's mapping of rows and the time-zone arithmetic of schedules next.
`;
  const file = 'docs/benchmarks.md';
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('## Open data feeds');
  const next = start >= 0 ? text.indexOf('\n## ', start + 1) : -1;
  const updated = start < 0 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, start)}${section}${next >= 0 ? `\n${text.slice(next + 1)}` : ''}`;
  writeFileSync(file, updated);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
