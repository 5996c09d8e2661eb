// Community benchmark, on PostgreSQL: a community of many members with a long history (posts and
// comments generated in bulk by SQL), then, over HTTP against the built server as signed-in
// members, (1) a member's first feed page, one request after another, and (2) new posts written
// by many members at once. To say where the time goes, the same feed read and post write are also
// timed straight through the core functions, in this process. Verifies that every accepted post
// was stored, and writes docs/benchmarks.md.
//
//   npm run bench:community [-- --members 20000 --posts 250000 --comments 750000 --authors 1000
//                               --feed-requests 400 --post-requests 6000 --concurrency 16 --processes 1]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { serializeSignedCookie } from 'better-call';
import { openPostgres, migrateDatabase, type DatabaseHandle } from '../db/client';
import { atWallClock, createGroup, createOrganization, ONLINE_COMMUNITY } from '../tests/support/factories';
import { startServer, type RunningServer } from '../tests/e2e/server-process';
import { cpuMeter } from './cpu';
import { createAuth } from '../server/auth';
import { loadSigningKey } from '../core/participants/manage-link';
import { createContext } from '../core/context';
import { listFeed } from '../core/communities/feed';
import { createPost } from '../core/communities/posts';
import { renderMemberText } from '../core/communities/markdown';
import { bilingualDocument } from '../core/search/bilingual-text';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '20000' },
    posts: { type: 'string', default: '250000' },
    comments: { type: 'string', default: '750000' },
    // Members who write during the post run (each stays within the hourly share of a member).
    authors: { type: 'string', default: '1000' },
    'feed-requests': { type: 'string', default: '400' },
    'post-requests': { type: 'string', default: '6000' },
    concurrency: { type: 'string', default: '16' },
    processes: { type: 'string', default: '1' },
    'database-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    'no-write': { type: 'boolean', default: false },
    // Leave the generated database in place (its address is printed), to look into it afterwards.
    'keep-database': { type: 'boolean', default: false },
  },
});
const MEMBERS = Number(args.members);
const POSTS = Number(args.posts);
const COMMENTS = Number(args.comments);
const AUTHORS = Math.min(Number(args.authors), MEMBERS);
const FEED_REQUESTS = Number(args['feed-requests']);
const POST_REQUESTS = Number(args['post-requests']);
const CONCURRENCY = Number(args.concurrency);
const PROCESSES = Number(args.processes);
const SERVER_SECRET = { SECRET_KEY: randomBytes(24).toString('hex') };

const log = (s: string) => process.stderr.write(`[community] ${s}\n`);
const round = (n: number) => Math.round(n * 10) / 10;
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)) };
};

/** What members write about, in both languages: the bodies of the generated history. */
const SENTENCES = [
  'The first winter without him is the hardest. Some mornings I cannot get out of bed.',
  'Trois mois depuis le diagnostic de ma mère. Je fais de mon mieux pour rester forte.',
  'Today I went back to the garden we planted together. It helped more than I expected.',
  'Est-ce que quelqu’un d’autre trouve les fins de semaine plus difficiles que la semaine?',
  'Ninety days sober today. Thank you all for being here at night when I could not sleep.',
  'Mon conjoint boit trop et je ne sais plus comment lui en parler sans que ça dégénère.',
  'Caring for my father with dementia: he did not recognize me today. I needed to say it.',
  'J’ai parlé à un thérapeute pour la première fois. C’était moins effrayant que prévu.',
  'A small win: I cooked a real meal tonight, the first in weeks.',
  'Quelqu’un a des conseils pour dormir après une perte? Les nuits sont si longues.',
];

async function generate(handle: DatabaseHandle) {
  const db = handle.db;
  const org = await createOrganization(atWallClock(db));
  const group = await createGroup(atWallClock(db), { ...ONLINE_COMMUNITY, organizationId: org.id });
  let t = Date.now();
  await db.execute(sql`create temporary table bench_sentences (n int primary key, body text, html text, search tsvector)`);
  for (const [n, body] of SENTENCES.entries()) {
    await db.execute(sql`insert into bench_sentences values (${n}, ${body}, ${renderMemberText(body)}, ${bilingualDocument(body)})`);
  }
  const k = SENTENCES.length;
  // Everybody joined two months ago or more: nobody is a "new member" with a smaller share.
  await db.execute(sql`
    insert into users (id, email, email_verified, name, nickname, created_at, updated_at)
    select 'bench-' || i, 'bench-' || i || '@example.org', true, 'Member ' || i, 'Member' || i, now() - interval '90 days', now() - interval '90 days'
    from generate_series(1, ${MEMBERS}) i`);
  await db.execute(sql`
    insert into community_members (group_id, user_id, status, role, rules_accepted_at, requested_at, decided_at)
    select ${group.id}, 'bench-' || i, 'member', 'member', now() - interval '60 days', now() - interval '60 days', now() - interval '60 days'
    from generate_series(1, ${MEMBERS}) i`);
  log(`${MEMBERS} members in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  t = Date.now();
  // One post every few minutes over the past years; each with its share of the comments.
  const perPost = Math.max(1, Math.round(COMMENTS / POSTS));
  await db.execute(sql`
    insert into community_posts (group_id, author_id, anonymous, body, html, search, comment_count, created_at, last_activity_at)
    select ${group.id}, 'bench-' || (1 + i % ${MEMBERS}), i % 10 = 0, s.body, s.html, s.search, ${perPost},
      now() - (i * interval '3 minutes'), now() - (i * interval '3 minutes') + interval '1 minute'
    from generate_series(1, ${POSTS}) i join bench_sentences s on s.n = i % ${k}`);
  log(`${POSTS} posts in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  t = Date.now();
  await db.execute(sql`
    insert into community_comments (post_id, author_id, anonymous, body, html, search, created_at)
    select p.id, 'bench-' || (1 + (j * 7919 + p.comment_count) % ${MEMBERS}), false, s.body, s.html, s.search, p.last_activity_at
    from community_posts p cross join generate_series(1, ${perPost}) j
      join bench_sentences s on s.n = j % ${k}
    where p.group_id = ${group.id}`);
  log(`${POSTS * perPost} comments in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  t = Date.now();
  await db.execute(sql`analyze`);
  log(`analyze in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return { groupId: group.id, slug: group.slug, comments: POSTS * perPost };
}

/** Signed-in members: a session each, made by the authentication library, and its cookie. */
async function signedIn(handle: DatabaseHandle, publicUrl: string, count: number) {
  const signingKey = await loadSigningKey(handle.db, SERVER_SECRET.SECRET_KEY);
  const auth = createAuth(handle.db, { publicUrl, signingKey });
  const ctx = await auth.$context;
  const cookies: string[] = [];
  for (let i = 1; i <= count; i++) {
    const session = await ctx.internalAdapter.createSession(`bench-${i}`);
    const header = await serializeSignedCookie(ctx.authCookies.sessionToken.name, session.token, ctx.secret);
    cookies.push(header.split(';')[0]!);
  }
  return cookies;
}

type Sample = { status: number; ms: number };

async function run(url: string, connections: number, amount: number, request: (i: number) => { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string }) {
  let n = 0;
  const samples: Sample[] = [];
  const started = Date.now();
  const cannon = autocannon({
    url,
    connections,
    amount,
    requests: [
      {
        setupRequest: (req) => {
          const r = request(n++);
          return { ...req, ...r };
        },
      },
    ],
  }) as unknown as Promise<autocannon.Result> & { on(event: 'response', fn: (...args: [unknown, number, number, number]) => void): void };
  cannon.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => samples.push({ status, ms }));
  const result = await cannon;
  const seconds = (Date.now() - started) / 1000;
  const statuses: Record<string, number> = {};
  for (const s of samples) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  return { requests: result.requests.total, perSecond: round(samples.length / seconds), statuses, ...stats(samples.map((s) => s.ms)) };
}

async function countPosts(handle: DatabaseHandle): Promise<number> {
  const res = (await handle.db.execute(sql`select count(*)::int as count from community_posts`)) as unknown as { rows: { count: number }[] };
  return Number(res.rows[0]!.count);
}

async function timeInProcess(n: number, fn: (i: number) => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  return stats(ms);
}

const base = args['database-url']!;
const name = `cercle_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${name}`);
const dbUrl = new URL(base);
dbUrl.pathname = `/${name}`;
let server: RunningServer | undefined;
const result: Record<string, unknown> = { measured: new Date().toISOString().slice(0, 10), members: MEMBERS, posts: POSTS, concurrency: CONCURRENCY, processes: PROCESSES };
try {
  const handle = await openPostgres(dbUrl.toString());
  await migrateDatabase(handle);
  log(`generating ${MEMBERS} members, ${POSTS} posts, ${COMMENTS} comments…`);
  const t0 = Date.now();
  const fixture = await generate(handle);
  result.comments = fixture.comments;
  result.generatedInS = round((Date.now() - t0) / 1000);

  server = await startServer({ DATABASE_URL: dbUrl.toString(), ...SERVER_SECRET, SEED_DEMO: 'false', WORKER_INTERVAL_MS: '1000', WEB_CONCURRENCY: String(PROCESSES) });
  const cookies = await signedIn(handle, server.url, Math.max(AUTHORS, 50));
  const feedPath = `/en/groups/${fixture.slug}/community`;

  // In process, straight through core: the floor under the HTTP figures.
  const readers = ['bench-1', 'bench-2', 'bench-3'];
  await listFeed({ ctx: createContext(handle.db, { now: new Date(), actor: { type: 'user', userId: 'bench-1' } }), input: { community: fixture.groupId } });
  result.feedCore = await timeInProcess(200, (i) =>
    listFeed({ ctx: createContext(handle.db, { now: new Date(), actor: { type: 'user', userId: readers[i % readers.length]! } }), input: { community: fixture.groupId } }),
  );
  log(`feed in core: ${JSON.stringify(result.feedCore)}`);

  // Warm the server (route modules, connections, plans), then a member's first feed page.
  await run(server.url, 2, 50, (i) => ({ method: 'GET', path: feedPath, headers: { cookie: cookies[i % 50]! } }));
  result.feed = await run(server.url, 1, FEED_REQUESTS, (i) => ({ method: 'GET', path: feedPath, headers: { cookie: cookies[i % 50]! } }));
  log(`feed page c=1: ${JSON.stringify(result.feed)}`);
  result.feedConcurrent = await run(server.url, CONCURRENCY, FEED_REQUESTS * 2, (i) => ({ method: 'GET', path: feedPath, headers: { cookie: cookies[i % 50]! } }));
  log(`feed page c=${CONCURRENCY}: ${JSON.stringify(result.feedConcurrent)}`);

  // Each author's form token, read from the page as a browser would.
  const newPostPath = `${feedPath}/new-post`;
  const tokens: string[] = [];
  for (let i = 0; i < AUTHORS; i++) {
    const html = await (await fetch(`${server.url}${newPostPath}`, { headers: { cookie: cookies[i]! } })).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`no form token for author ${i + 1}`);
    tokens.push(token);
  }
  const before = await countPosts(handle);
  const postBody = (i: number) =>
    new URLSearchParams({ _csrf: tokens[i % AUTHORS]!, body: `${SENTENCES[i % SENTENCES.length]!} (${i})` }).toString();
  const cpu = await cpuMeter(server.process.pid!, async () => (await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [name])).rows.map((r) => r.pid));
  result.post = await run(server.url, CONCURRENCY, POST_REQUESTS, (i) => ({
    method: 'POST',
    path: newPostPath,
    headers: { cookie: cookies[i % AUTHORS]!, 'content-type': 'application/x-www-form-urlencoded' },
    body: postBody(i),
  }));
  result.postCpu = await cpu.msPer(POST_REQUESTS);
  log(`posts c=${CONCURRENCY}: ${JSON.stringify(result.post)}`);
  log(`CPU per post, ms: ${JSON.stringify(result.postCpu)}`);
  const after = await countPosts(handle);
  const accepted = (result.post as { statuses: Record<string, number> }).statuses['302'] ?? 0;
  result.stored = { accepted, stored: after - before };
  log(`stored: ${JSON.stringify(result.stored)}`);

  // The same write straight through core, one after another, by members who have not written yet.
  const spare = Array.from({ length: 200 }, (_, i) => `bench-${AUTHORS + 1 + (i % Math.max(1, MEMBERS - AUTHORS))}`);
  result.postCore = await timeInProcess(200, (i) =>
    createPost({ ctx: createContext(handle.db, { now: new Date(), actor: { type: 'user', userId: spare[i]! } }), input: { community: fixture.groupId, body: SENTENCES[i % SENTENCES.length]! } }),
  );
  log(`post in core: ${JSON.stringify(result.postCore)}`);
  await handle.close();
} finally {
  await server?.stop();
  if (args['keep-database']) log(`kept: ${dbUrl.toString()}`);
  else await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

console.log(JSON.stringify(result, null, 2));
if (!args['no-write']) {
  const out = path.resolve('bench/results/community.json');
  writeFileSync(out, `${JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version }, ...result }, null, 2)}\n`);
  const file = path.resolve('docs/benchmarks.md');
  const start = '<!-- community:begin -->';
  const end = '<!-- community:end -->';
  const r = result as Record<string, Record<string, number> & { statuses?: Record<string, number> }>;
  const block = [
    start,
    '## Online communities',
    '',
    '```sh',
    'npm run build',
    'npm run bench:community   # -- --members 20000 --posts 250000 --comments 750000 --authors 1000 --post-requests 6000',
    '```',
    '',
    `Machine: ${os.cpus().length} cores, Node ${process.version}, PostgreSQL on 127.0.0.1; one app process. A community of ${MEMBERS.toLocaleString('en')} members with ${POSTS.toLocaleString('en')} posts and ${Number(result.comments).toLocaleString('en')} comments, generated by SQL in ${result.generatedInS} s. Latencies in ms (p50 / p95 / p99) over HTTP on loopback, signed-in members (a session cookie each), measured ${result.measured}.`,
    '',
    '| what | concurrency | requests | per second | p50 / p95 / p99 | in core, one at a time: p50 / p95 / p99 |',
    '|---|---:|---:|---:|---|---|',
    `| a member's first feed page (HTML) | 1 | ${r.feed!.requests} | ${r.feed!.perSecond} | ${r.feed!.p50} / ${r.feed!.p95} / ${r.feed!.p99} | ${r.feedCore!.p50} / ${r.feedCore!.p95} / ${r.feedCore!.p99} (listFeed) |`,
    `| the same page | ${CONCURRENCY} | ${r.feedConcurrent!.requests} | ${r.feedConcurrent!.perSecond} | ${r.feedConcurrent!.p50} / ${r.feedConcurrent!.p95} / ${r.feedConcurrent!.p99} | |`,
    `| a new post (form POST, 1,000 members writing) | ${CONCURRENCY} | ${r.post!.requests} | ${r.post!.perSecond} | ${r.post!.p50} / ${r.post!.p95} / ${r.post!.p99} | ${r.postCore!.p50} / ${r.postCore!.p95} / ${r.postCore!.p99} (createPost) |`,
    '',
    `CPU per new post during that run, read from /proc: the app server ${r.postCpu!.app} ms, PostgreSQL ${r.postCpu!.database} ms, the load generator ${r.postCpu!.loadGenerator} ms (on ${os.cpus().length} cores together).`,
    '',
    `Every accepted post was stored: ${r.stored!.accepted} answered "posted" (302), ${r.stored!.stored} new rows. Raw figures: \`bench/results/community.json\`.`,
    end,
  ].join('\n');
  const doc = readFileSync(file, 'utf8');
  const next = doc.includes(start) ? doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
