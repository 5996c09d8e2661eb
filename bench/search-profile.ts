// In-process profile of the in-memory search: load time, memory of the copy, and per-search time
// of the bench mix with every search counted anew (no HTTP).
//   npx tsx bench/search-profile.ts --groups 100000 --keep cercle_bench_search_100000
import { parseArgs } from 'node:util';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { createContext } from '../core/context';
import { findGroups } from '../core/search/find-groups';
import { detachSearchIndex } from '../core/search/search-index';
import { measureSearchCopy } from './search-copy';
import { setSearchCacheSeconds } from '../core/search/search-cache';
import { groupSearchQuery, toSearchInput } from '../app/lib/group-query';
import { withGeneratedGroups } from './generated-database';
import { MIX } from './search-mix';

const { values: args } = parseArgs({ options: { groups: { type: 'string', default: '100000' }, keep: { type: 'string', default: '' }, runs: { type: 'string', default: '20' }, profile: { type: 'string', default: '' } } });
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

await withGeneratedGroups({ pgUrl: PG_URL, groups: Number(args.groups), prefix: 'cercle_bench_profile', kept: args.keep! }, async ({ handle }) => {
  setSearchCacheSeconds(0);
  console.log(JSON.stringify(await measureSearchCopy(handle, { keep: true })));
  const inputs = MIX.map((m) => toSearchInput(groupSearchQuery.parse(Object.fromEntries(new URLSearchParams(m.query)))));
  const times = MIX.map(() => [] as number[]);
  for (const input of inputs) await findGroups({ ctx: createContext(handle.db, { now: new Date() }), input });
  const session = new Session();
  if (args.profile) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  for (let r = 0; r < Number(args.runs); r++) {
    for (let i = 0; i < MIX.length; i++) {
      const s = performance.now();
      await findGroups({ ctx: createContext(handle.db, { now: new Date() }), input: inputs[i]! });
      times[i]!.push(performance.now() - s);
    }
  }
  if (args.profile) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(args.profile, JSON.stringify(profile));
  }
  for (let i = 0; i < MIX.length; i++) {
    const t = times[i]!.sort((a, b) => a - b);
    console.log(`${MIX[i]!.query.padEnd(50)} p50 ${t[Math.floor(t.length / 2)]!.toFixed(1)}  max ${t[t.length - 1]!.toFixed(1)}`);
  }
  await detachSearchIndex(handle.db);
});
