// `npm run cercle -- export hsds|meeting-guide|csv --output <file>`: the published groups written to
// a file as the server's feeds write them, read a batch at a time, with a progress bar.
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SingleBar, Presets } from 'cli-progress';
import { stringify } from 'csv-stringify';
import { and, count, eq, isNull } from 'drizzle-orm';
import { groups, schedules, type Locale } from '../db/schema';
import { createContext, type Context } from '../core/context';
import { hsdsAllServices } from '../core/feeds/hsds';
import type { HsdsService } from '../core/feeds/hsds-schema';
import { meetingGuideEntries } from '../core/feeds/meeting-guide';
import { getT } from '../i18n';
import { pathTo } from '../app/lib/paths';
import { jsonArrayStream } from '../app/lib/json-stream.server';
import { openServerDatabase } from './cli-database';

export const EXPORT_FORMATS = ['hsds', 'meeting-guide', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One row of the CSV export: a group as a spreadsheet reads it. */
function csvRow(s: HsdsService) {
  const attribute = (label: string) => s.attributes?.find((a) => a.label === label && !a.taxonomy_term)?.value ?? '';
  const place = s.service_at_locations?.find((l) => l.location?.location_type === 'physical')?.location;
  const address = place?.addresses?.[0];
  const cost = s.cost_options?.[0];
  return {
    id: s.id,
    name: s.name,
    organization: s.organization?.name ?? '',
    kind: attribute('kind'),
    format: attribute('format'),
    delivery: attribute('delivery'),
    venue: place?.name ?? '',
    city: address?.city ?? '',
    province: address?.state_province ?? '',
    languages: (s.languages ?? []).map((l) => l.code).join(' '),
    cost: cost?.option ?? '',
    amount: cost?.amount ?? '',
    currency: cost?.currency ?? '',
    schedules: (s.schedules ?? []).map((x) => x.attributes?.find((a) => a.label === 'rrule')?.value ?? '').join(' | '),
    time_zone: attribute('time_zone'),
    topics: (s.attributes ?? []).flatMap((a) => (a.taxonomy_term?.code ? [a.taxonomy_term.code] : [])).join(' '),
    url: s.url ?? '',
    last_modified: s.last_modified ?? '',
  };
}

/** How many items the export will go through (for its progress bar). */
async function total(ctx: Context, format: ExportFormat): Promise<number> {
  if (format !== 'meeting-guide') {
    const [{ n } = { n: 0 }] = await ctx.db.select({ n: count() }).from(groups).where(eq(groups.status, 'published'));
    return n;
  }
  const [{ n } = { n: 0 }] = await ctx.db
    .select({ n: count() })
    .from(schedules)
    .innerJoin(groups, eq(groups.id, schedules.groupId))
    .where(and(isNull(schedules.cohortId), eq(groups.status, 'published'), eq(groups.format, 'drop_in')));
  return n;
}

/** Writes the export; returns how many entries it holds. */
export async function exportCommand(format: ExportFormat, options: { language: Locale; output: string }): Promise<{ entries: number; where: string }> {
  const { handle, where, publicUrl } = await openServerDatabase();
  try {
    const ctx = createContext(handle.db, { now: new Date(), locale: options.language });
    const pageUrl = (slug: string) => new URL(pathTo(options.language, 'group', { slug }), publicUrl).toString();
    const bar = new SingleBar({ format: 'Exporting [{bar}] {value}/{total}', clearOnComplete: true, stream: process.stderr }, Presets.shades_classic);
    bar.start(await total(ctx, format), 0);
    let entries = 0;
    const counted = async function* <T>(items: AsyncIterable<T>) {
      for await (const item of items) {
        entries += 1;
        bar.increment();
        yield item;
      }
    };
    const out = createWriteStream(options.output);
    if (format === 'csv') {
      await pipeline(Readable.from(counted(hsdsAllServices(ctx, { pageUrl }))), new Transform({ objectMode: true, transform: (s: HsdsService, _e, done) => done(null, csvRow(s)) }), stringify({ header: true }), out);
    } else {
      const items =
        format === 'hsds'
          ? counted(hsdsAllServices(ctx, { pageUrl }))
          : counted(meetingGuideEntries({ ctx, pageUrl, onlineNotes: getT(options.language)('developers.feeds.onlineNotes') }));
      const wrap = format === 'hsds' ? { prefix: '{"version":"3.1","services":', suffix: '}' } : {};
      await pipeline(Readable.fromWeb(jsonArrayStream(items, wrap) as never), out);
    }
    bar.update(bar.getTotal());
    bar.stop();
    return { entries, where };
  } finally {
    await handle.close();
  }
}
