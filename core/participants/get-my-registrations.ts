import { and, asc, count, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import { applications, cohorts, groups, registrations, sessions } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { bilingual, type Bilingual } from '../text';
import { groupSlugs } from '../groups/slugs';
import { participantFromToken } from './resolve';
import { scopedToken } from './manage-link';

/** The token of a person's calendar feed link when it is on (`feed` above 0). */
export function scopedCalendarToken(settings: Context['settings'], participantId: string, feed: number): string | null {
  return feed > 0 ? scopedToken(settings, { kind: 'calendar', participantId, feed }) : null;
}
import { enrollmentClosesFrom, plannedCohortSessions } from '../applications/shared';
import { nextSteps, type NextStep } from '../applications/next-steps';

export const manageInput = z.object({ token: z.string().min(1).max(200) });

export interface MyRegistration {
  id: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  position: number | null;
  displayName: string;
  group: { slug: string; title: Bilingual; timeZone: string; delivery: string; place: string | null };
  session: { id: string; startsAt: Date; endsAt: Date; status: string; statusReason: string | null };
  /** Only for a confirmed place in a session that meets online. */
  onlineUrl: string | null;
  past: boolean;
  /** Cancelled because the address was not confirmed in time (decision 0010). */
  released: boolean;
}

export interface MyApplication {
  id: string;
  status: 'applied' | 'accepted' | 'waitlisted' | 'declined' | 'withdrawn';
  position: number | null;
  group: { slug: string; title: Bilingual; timeZone: string };
  cohort: { id: string; startsOn: string; endsOn: string; status: string };
  onlineUrl: string | null;
  /** Withdrawn because the address was not confirmed in time (decision 0010). */
  released: boolean;
  /** What happens next, and by when (for an application still under way). */
  nextSteps: NextStep[];
}

export interface MyOverview {
  email: string;
  locale: 'en' | 'fr';
  /** Opening this page just proved the address (its held places are now the person's). */
  justConfirmed: boolean;
  unsubscribed: boolean;
  /** The token of the person's private calendar feed's link, when it is on. */
  calendarFeedToken: string | null;
  /** Discreet mode: emails and calendar entries that say nothing of the groups. */
  discreet: boolean;
  registrations: MyRegistration[];
  applications: MyApplication[];
}

/** Everything a manage link shows: a person's sign-ups and applications, with waitlist places. */
export async function getMyRegistrations({ ctx, input }: { ctx: Context; input: z.input<typeof manageInput> }): Promise<MyOverview> {
  const { token } = parseInput(manageInput, input);
  const person = await participantFromToken(ctx, token);
  const regs = await ctx.db
    .select({ r: registrations, s: sessions, g: groups })
    .from(registrations)
    .innerJoin(sessions, eq(sessions.id, registrations.sessionId))
    .innerJoin(groups, eq(groups.id, sessions.groupId))
    .where(eq(registrations.participantId, person.id))
    .orderBy(asc(sessions.startsAt));
  const apps = await ctx.db
    .select({ a: applications, c: cohorts, g: groups })
    .from(applications)
    .innerJoin(cohorts, eq(cohorts.id, applications.cohortId))
    .innerJoin(groups, eq(groups.id, cohorts.groupId))
    .where(eq(applications.participantId, person.id))
    .orderBy(asc(cohorts.startsOn));

  const rank = async (sessionId: string, ticket: number) => {
    const [row] = await ctx.db
      .select({ n: count() })
      .from(registrations)
      .where(and(eq(registrations.sessionId, sessionId), eq(registrations.status, 'waitlisted'), lte(registrations.waitlistPosition, ticket)));
    return row?.n ?? 0;
  };
  const appRank = async (cohortId: string, ticket: number) => {
    const [row] = await ctx.db
      .select({ n: count() })
      .from(applications)
      .where(and(eq(applications.cohortId, cohortId), eq(applications.status, 'waitlisted'), lte(applications.waitlistPosition, ticket)));
    return row?.n ?? 0;
  };

  const out: MyOverview = {
    email: person.email,
    locale: person.locale,
    justConfirmed: person.emailConfirmedAt?.getTime() === ctx.now.getTime(),
    unsubscribed: person.unsubscribedAt != null,
    calendarFeedToken: scopedCalendarToken(ctx.settings, person.id, person.calendarFeed),
    discreet: person.discreet,
    registrations: [],
    applications: [],
  };
  for (const { r, s, g } of regs) {
    const meetsOnline = g.delivery !== 'in_person' || s.status === 'moved_online';
    out.registrations.push({
      id: r.id,
      status: r.status,
      position: r.status === 'waitlisted' && r.waitlistPosition != null ? await rank(s.id, r.waitlistPosition) : null,
      displayName: r.displayName,
      group: {
        slug: groupSlugs(g)[ctx.locale],
        title: bilingual(g.titleEn, g.titleFr),
        timeZone: g.timeZone,
        delivery: g.delivery,
        place: g.delivery === 'online' ? null : [g.venueName, g.street, g.city].filter(Boolean).join(', ') || null,
      },
      session: { id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, status: s.status, statusReason: s.statusReason },
      // The link reaches a proven address only: the page is opened from an email, which proves it.
      onlineUrl: r.status === 'confirmed' && !r.holdExpiresAt && meetsOnline && s.status !== 'cancelled' ? g.onlineUrl : null,
      past: s.endsAt < ctx.now,
      released: r.status === 'cancelled' && r.holdExpiresAt != null,
    });
  }
  for (const { a, c, g } of apps) {
    const planned = await plannedCohortSessions(ctx, c.id);
    const position = a.status === 'waitlisted' && a.waitlistPosition != null ? await appRank(c.id, a.waitlistPosition) : null;
    out.applications.push({
      id: a.id,
      status: a.status,
      position,
      group: { slug: groupSlugs(g)[ctx.locale], title: bilingual(g.titleEn, g.titleFr), timeZone: g.timeZone },
      cohort: { id: c.id, startsOn: c.startsOn, endsOn: c.endsOn, status: c.status },
      onlineUrl: a.status === 'accepted' && !a.holdExpiresAt && g.delivery !== 'in_person' ? g.onlineUrl : null,
      released: a.status === 'withdrawn' && a.holdExpiresAt != null,
      nextSteps: nextSteps({
        status: a.status,
        position,
        phone: a.phone,
        waitlistPromotion: g.waitlistPromotion,
        minimumParticipants: c.minimumParticipants,
        decisionAt: c.decisionAt,
        firstSessionAt: planned[0]?.startsAt ?? null,
        closesAt: enrollmentClosesFrom(c, planned),
        online: g.delivery !== 'in_person',
        now: ctx.now,
      }),
    });
  }
  return out;
}
