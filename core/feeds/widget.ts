import { and, asc, eq, sql } from 'drizzle-orm';
import { groups, organizations, type Locale } from '../../db/schema';
import type { Context } from '../context';
import { NotFound } from '../errors';
import { groupSlugs } from '../groups/slugs';

// What an organization's embeddable widget lists: its published groups, the soonest meeting
// first (groups with no session ahead after them), each with its next session.

export interface WidgetGroup {
  slug: string;
  title: string;
  /** The language the title is in (the page's, or the other one when that is all there is). */
  lang: Locale;
  kind: string;
  delivery: string;
  timeZone: string;
  city: string | null;
  nextSessionAt: Date | null;
  nextSessionId: string | null;
}

export async function organizationWidget(ctx: Context, input: { slug: string; limit: number }): Promise<{ name: string; groups: WidgetGroup[] }> {
  const [org] = await ctx.db.select().from(organizations).where(eq(organizations.slug, input.slug.slice(0, 200)));
  if (!org) throw new NotFound('organization');
  // Each group's next meeting, looked up per group (the organization's groups only).
  const upcoming = (column: 'id' | 'starts_at') =>
    sql.raw(`(select s.${column} from sessions s where s.group_id = groups.id and s.starts_at > '${ctx.now.toISOString()}'::timestamptz
      and s.status in ('scheduled', 'postponed', 'moved_online') order by s.starts_at limit 1)`);
  const found = await ctx.db
    .select({ g: groups, sessionId: sql<string | null>`${upcoming('id')}`, at: sql<string | null>`${upcoming('starts_at')}` })
    .from(groups)
    .where(and(eq(groups.organizationId, org.id), eq(groups.status, 'published')))
    .orderBy(asc(groups.id))
    .limit(500);
  const rows = found
    .map((r) => ({ ...r, at: r.at ? new Date(r.at) : null }))
    // The soonest first; groups with nothing ahead keep their order after them.
    .sort((a, b) => (a.at && b.at ? a.at.getTime() - b.at.getTime() : a.at ? -1 : b.at ? 1 : 0))
    .slice(0, Math.max(1, Math.min(20, input.limit)));
  const mine = ctx.locale;
  return {
    name: (mine === 'fr' ? org.nameFr : null) ?? org.nameEn,
    groups: rows.map(({ g, at, sessionId }) => {
      const own = mine === 'fr' ? g.titleFr : g.titleEn;
      return {
        slug: groupSlugs(g)[mine],
        title: own ?? (mine === 'fr' ? g.titleEn : g.titleFr) ?? g.slug,
        lang: own ? mine : mine === 'fr' ? 'en' : 'fr',
        kind: g.kind,
        delivery: g.delivery,
        timeZone: g.timeZone,
        city: g.delivery === 'online' ? null : g.city,
        nextSessionAt: at ?? null,
        nextSessionId: sessionId ?? null,
      };
    }),
  };
}
