import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { groups, registrations, sessions } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { NotFound } from '../errors';
import { groupSlugs } from '../groups/slugs';
import { bilingual, type Bilingual } from '../text';
import { signupWindow } from '../registrations/signup-window';
import { participantFromToken } from './resolve';

export const findOtherSessionsInput = z.object({
  token: z.string().min(1).max(200),
  registrationId: z.uuid(),
  limit: z.number().int().min(1).max(20).default(4),
});

export interface OtherSession {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  originalStartsAt: Date | null;
  /** Null: no limit. */
  seatsLeft: number | null;
}

export interface OtherSessions {
  group: { slug: string; title: Bilingual; timeZone: string };
  sessions: OtherSession[];
}

/**
 * After someone gives up a place (from their manage link): the same group's next sessions that
 * take sign-ups now, leaving out the one they gave up and any they already hold a place in.
 */
export async function findOtherSessions({ ctx, input }: { ctx: Context; input: z.input<typeof findOtherSessionsInput> }): Promise<OtherSessions> {
  const q = parseInput(findOtherSessionsInput, input);
  const person = await participantFromToken(ctx, q.token);
  const [mine] = await ctx.db
    .select({ s: sessions, g: groups })
    .from(registrations)
    .innerJoin(sessions, eq(sessions.id, registrations.sessionId))
    .innerJoin(groups, eq(groups.id, sessions.groupId))
    .where(and(eq(registrations.id, q.registrationId), eq(registrations.participantId, person.id)));
  if (!mine) throw new NotFound('registration');
  const { g } = mine;
  const group = { slug: groupSlugs(g)[ctx.locale], title: bilingual(g.titleEn, g.titleFr), timeZone: g.timeZone };
  if (g.status !== 'published' || g.format !== 'drop_in') return { group, sessions: [] };

  const rows = await ctx.db
    .select({
      s: sessions,
      // Spelled out: in a one-table select, Drizzle would leave the column unqualified.
      confirmed: sql<number>`(select count(*)::int from registrations r where r.session_id = sessions.id and r.status = 'confirmed')`,
      held: sql<boolean>`exists (select 1 from registrations r where r.session_id = sessions.id
        and r.participant_id = ${person.id} and r.status in ('confirmed', 'waitlisted'))`,
    })
    .from(sessions)
    .where(and(eq(sessions.groupId, g.id), ne(sessions.id, mine.s.id), ne(sessions.status, 'cancelled'), gt(sessions.startsAt, ctx.now)))
    .orderBy(asc(sessions.startsAt))
    .limit(q.limit + 10);
  const out: OtherSession[] = [];
  for (const { s, confirmed, held } of rows) {
    if (held || !signupWindow(g, s, ctx.now).open) continue;
    const capacity = s.capacity ?? g.sessionCapacity;
    out.push({
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      status: s.status,
      originalStartsAt: s.status === 'postponed' ? s.originalStartsAt : null,
      seatsLeft: capacity == null ? null : Math.max(0, capacity - Number(confirmed)),
    });
    if (out.length === q.limit) break;
  }
  return { group, sessions: out };
}
