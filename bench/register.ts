// Registration benchmark: sign-ups over HTTP against the built server, on PostgreSQL and on the
// embedded PGlite, spread over many sessions and concentrated on one hot session. Verifies the
// counts afterwards (no session sells more seats than it has) and writes docs/benchmarks.md.
//
//   npm run bench:register [-- --engines postgres,pglite --requests 6000 --concurrency 16 --processes 1,2]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import os from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, migrateDatabase, type DatabaseHandle } from '../db/client';
import { atWallClock, createGroup, createOrganization, createSession } from '../tests/support/factories';
import { startServer, type RunningServer } from '../tests/e2e/server-process';
import { execFileSync } from 'node:child_process';
import { cpuMeter } from './cpu';
import { rows } from '../core/search/rows';

const { values: args } = parseArgs({
  options: {
    engines: { type: 'string', default: 'postgres,pglite' },
    requests: { type: 'string', default: '6000' },
    concurrency: { type: 'string', default: '16' },
    sessions: { type: 'string', default: '200' },
    // App processes (WEB_CONCURRENCY) to measure on PostgreSQL; PGlite serves one process.
    processes: { type: 'string', default: '1,2' },
    // Where the background worker runs on PostgreSQL: 'in-process' or 'separate' (its own process).
    worker: { type: 'string', default: 'separate' },
    'database-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    'no-write': { type: 'boolean', default: false },
    // pgbench's TPC-B run, at the sign-ups' concurrency, before the sign-ups (PostgreSQL only).
    'pgbench-scale': { type: 'string', default: '16' },
    'pgbench-seconds': { type: 'string', default: '15' },
  },
});
const REQUESTS = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);
const SESSIONS = Number(args.sessions);
const SPREAD_CAPACITY = 20;
const HOT_CAPACITY = 50;

interface Fixture {
  spread: string[];
  hot: string;
}

async function prepare(handle: DatabaseHandle): Promise<Fixture> {
  await migrateDatabase(handle);
  const org = await createOrganization(atWallClock(handle.db));
  const now = Date.now();
  const spread: string[] = [];
  const group = await createGroup(atWallClock(handle.db), { organizationId: org.id, signupCutoffMinutes: 0, sessionCapacity: SPREAD_CAPACITY });
  for (let i = 0; i < SESSIONS; i++) {
    const s = await createSession(atWallClock(handle.db), { groupId: group.id, startsAt: new Date(now + (i + 1) * 3_600_000) });
    spread.push(s.id);
  }
  const hotGroup = await createGroup(atWallClock(handle.db), { organizationId: org.id, signupCutoffMinutes: 0, sessionCapacity: HOT_CAPACITY });
  const hot = await createSession(atWallClock(handle.db), { groupId: hotGroup.id, startsAt: new Date(now + 48 * 3_600_000) });
  return { spread, hot: hot.id };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function load(url: string, pickSession: () => string, label: string) {
  let n = 0;
  const latencies: number[] = [];
  // Without a callback, autocannon returns an event emitter that is also a promise of the result.
  const run = autocannon({
    url,
    connections: CONCURRENCY,
    amount: REQUESTS,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const i = n++;
          return {
            ...req,
            path: `/api/v1/sessions/${pickSession()}/registrations`,
            body: JSON.stringify({ name: `Bench ${i}`, email: `bench-${label}-${i}@example.org`, consent: true }),
          };
        },
      },
    ],
  }) as unknown as Promise<autocannon.Result> & { on(event: 'response', fn: (...args: [unknown, number, number, number]) => void): void };
  // The rate is timed from the start to the last answer: autocannon rounds its own duration up to
  // whole seconds, which at 6,000 requests moves the rate by a tenth.
  const started = performance.now();
  let last = started;
  run.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    last = performance.now();
  });
  const result = await run;
  latencies.sort((a, b) => a - b);
  const seconds = (last - started) / 1000;
  return {
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    durationS: Math.round(seconds * 100) / 100,
    perSecond: Math.round((result.requests.total / seconds) * 10) / 10,
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p95: Math.round(percentile(latencies, 95) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
  };
}

async function verify(handle: DatabaseHandle, sessionIds: string[], capacity: number) {
  type Row = { session_id: string; confirmed: number; waitlisted: number; tickets: number; distinct_tickets: number };
  const result = await handle.db.execute(sql`
    select session_id,
      count(*) filter (where status = 'confirmed')::int as confirmed,
      count(*) filter (where status = 'waitlisted')::int as waitlisted,
      count(waitlist_position)::int as tickets,
      count(distinct waitlist_position)::int as distinct_tickets
    from registrations where session_id in ${sql.raw(`(${sessionIds.map((id) => `'${id}'`).join(',')})`)}
    group by session_id`);
  const list = (result as unknown as { rows: Row[] }).rows;
  let overbooked = 0;
  let badWaitlist = 0;
  let confirmed = 0;
  let waitlisted = 0;
  for (const r of list) {
    confirmed += r.confirmed;
    waitlisted += r.waitlisted;
    if (r.confirmed > capacity) overbooked++;
    if (r.waitlisted > 0 && r.confirmed < capacity) badWaitlist++; // someone waits while a seat is free
    if (r.tickets !== r.distinct_tickets) badWaitlist++;
  }
  return { confirmed, waitlisted, overbooked, badWaitlist };
}

async function withEngine(engine: 'postgres' | 'pglite', fn: (handle: () => Promise<DatabaseHandle>, env: Record<string, string>) => Promise<void>) {
  if (engine === 'postgres') {
    const base = args['database-url']!;
    const name = `cercle_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(base);
    u.pathname = `/${name}`;
    try {
      await fn(() => openPostgres(u.toString()), { DATABASE_URL: u.toString() });
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'cercle-bench-'));
    try {
      await fn(() => openPglite(dir), { DATA_DIR: dir });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/**
 * What this PostgreSQL does with pgbench's TPC-B-like transactions, in a database of its own:
 * the scale and clients given, one pgbench thread, for `seconds`. The sign-ups are set against it.
 */
function pgbench(baseUrl: string): { tps: number; command: string } {
  const name = `cercle_pgbench_${randomBytes(4).toString('hex')}`;
  const u = new URL(baseUrl);
  const connection = ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres')];
  const run = (cmd: string, cmdArgs: string[]) => execFileSync(cmd, cmdArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  run('createdb', [...connection, name]);
  try {
    process.stderr.write(`[pgbench] scale ${args['pgbench-scale']}: initializing…\n`);
    run('pgbench', [...connection, '-i', '-q', '-s', args['pgbench-scale']!, name]);
    const runArgs = ['-c', String(CONCURRENCY), '-T', args['pgbench-seconds']!];
    process.stderr.write(`[pgbench] TPC-B, ${CONCURRENCY} clients, ${args['pgbench-seconds']} s…\n`);
    const out = run('pgbench', [...connection, ...runArgs, name]);
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
    if (!Number.isFinite(tps)) throw new Error(`pgbench gave no rate:\n${out}`);
    return { tps: Math.round(tps), command: `pgbench -i -s ${args['pgbench-scale']} && pgbench ${runArgs.join(' ')}` };
  } finally {
    run('dropdb', [...connection, '--force', name]);
  }
}

const results: Record<string, unknown>[] = [];
let reference: { tps: number; command: string } | null = null;

for (const engine of args.engines!.split(',') as ('postgres' | 'pglite')[]) {
  if (engine === 'postgres') {
    reference = pgbench(args['database-url']!);
    process.stderr.write(`[pgbench] ${reference.tps} transactions/s\n`);
  }
  await withEngine(engine, async (open, env) => {
    const counts = engine === 'pglite' ? [1] : args.processes!.split(',').map(Number);
    for (const processes of counts) {
      process.stderr.write(`[${engine}×${processes}] preparing ${SESSIONS} sessions…\n`);
      let handle = await open();
      const fixture = await prepare(handle);
      if (engine === 'pglite') await handle.close(); // the server takes the folder's lock
      const runs: Record<string, unknown>[] = [];
      let server: RunningServer | undefined;
      try {
        // Every sign-up comes from loopback: the per-address limits are off (each has its own email).
        server = await startServer({ ...env, SEED_DEMO: 'false', RATE_LIMITS: 'false', WORKER_INTERVAL_MS: '1000', WEB_CONCURRENCY: String(processes), WORKER: engine === 'pglite' ? 'in-process' : args.worker! });
        // Warm up the server (route modules, connections, statement plans).
        await load(server.url, () => fixture.spread[0]!, `${engine}-${processes}-warm`);
        await fetch(`${server.url}/healthz`);
        for (const scenario of ['spread', 'hot'] as const) {
          process.stderr.write(`[${engine}×${processes}] ${scenario}: ${REQUESTS} sign-ups at concurrency ${CONCURRENCY}…\n`);
          const pick = scenario === 'hot' ? () => fixture.hot : () => fixture.spread[Math.floor(Math.random() * fixture.spread.length)]!;
          // Where the CPU goes (PostgreSQL: the database's backends are other processes).
          const meter =
            engine === 'postgres'
              ? await cpuMeter(server.process.pid!, async () =>
                  (await rows<{ pid: number }>(handle.db, sql`select pid from pg_stat_activity where datname = current_database()`)).map((p) => p.pid),
                )
              : null;
          const r = await load(server.url, pick, `${engine}-${processes}-${scenario}`);
          const cpu = meter ? await meter.msPer(r.requests) : null;
          const ratio = reference && engine === 'postgres' ? Math.round((r.perSecond / reference.tps) * 100) / 100 : null;
          if (ratio !== null) process.stderr.write(`[${engine}×${processes}] ${scenario}: ${r.perSecond}/s, ${ratio}× pgbench (${reference!.tps} tps), p95 ${r.p95} ms\n`);
          runs.push({ engine, processes, worker: engine === 'pglite' ? 'in-process' : args.worker, scenario, concurrency: CONCURRENCY, ...r, pgbench: ratio === null ? null : reference!.tps, ratio, cpu });
        }
      } finally {
        await server?.stop();
      }
      if (engine === 'pglite') handle = await open();
      const spread = await verify(handle, fixture.spread, SPREAD_CAPACITY);
      const hot = await verify(handle, [fixture.hot], HOT_CAPACITY);
      await handle.close();
      for (const r of runs) {
        Object.assign(r, { verified: r.scenario === 'hot' ? hot : spread });
        console.log(JSON.stringify(r));
        results.push(r);
      }
    }
  });
}

if (!args['no-write']) {
  const file = path.resolve('docs/benchmarks.md');
  const start = '<!-- bench:register -->';
  const end = '<!-- /bench:register -->';
  const table = [
    '| engine | app processes | worker | scenario | concurrency | requests | registrations/s | pgbench tps | ratio | p50 ms | p95 ms | p99 ms | CPU ms per sign-up: app / database / load | non-2xx | overbooked sessions | waitlist errors |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map((r) => {
      const v = r.verified as { overbooked: number; badWaitlist: number };
      const cpu = r.cpu as { app: number; database: number; loadGenerator: number } | null;
      return `| ${r.engine} | ${r.processes} | ${r.worker} | ${r.scenario} | ${r.concurrency} | ${r.requests} | ${r.perSecond} | ${r.pgbench ?? '–'} | ${r.ratio === null ? '–' : `${r.ratio}×`} | ${r.p50} | ${r.p95} | ${r.p99} | ${cpu ? `${cpu.app} / ${cpu.database} / ${cpu.loadGenerator}` : '–'} | ${r.non2xx} | ${v.overbooked} | ${v.badWaitlist} |`;
    }),
  ].join('\n');
  const section = `${start}
## Registrations

Command: \`npm run bench:register\` (builds nothing: run \`npm run build\` first). On PostgreSQL it first
runs pgbench's TPC-B-like transactions in a database of their own (\`${reference?.command ?? 'pgbench'}\`, the
sign-ups' concurrency as clients, one pgbench thread) and gives each scenario's rate as a ratio of
that. Sign-ups are
POSTed to \`/api/v1/sessions/:id/registrations\` over loopback by autocannon, each with a new email:
"spread" picks one of ${SESSIONS} sessions (${SPREAD_CAPACITY} seats each) at random, "hot" sends every
sign-up to one session with ${HOT_CAPACITY} seats (the rest are waitlisted). Every address is new, so
every place is held until its person confirms (decision 0010), as a first-time person's is, and
every answer is the same 202 "check your email". On PostgreSQL the server
runs with \`WEB_CONCURRENCY\` = "app processes" and \`WORKER=separate\` (the background worker, which
writes every confirmation as an .eml file, in a process of its own); PGlite serves one process with
the worker in it. Afterwards the database is checked: no session holds more confirmed
places than its capacity, no one waits while a seat is free, and waitlist tickets are unique.

Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, run on ${new Date().toISOString().slice(0, 10)}.
Target (PostgreSQL, issue 35): ≥ 0.5× pgbench TPC-B in the same run, p95 ≤ 25 ms, zero overbooking, in
both scenarios. "CPU per sign-up" is measured from /proc: the app server's processes (the separate
worker, which writes the emails meanwhile at a lower priority, included), the database's backends,
and the load generator.

${table}
${end}`;
  const current = readFileSync(file, 'utf8');
  const next = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
