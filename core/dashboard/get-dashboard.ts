import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { parseInput, type Context } from '../context';
import { can } from '../policy/permissions';
import { organizationBySlug } from '../running/shared';
import { rows } from '../search/rows';
import { bilingual } from '../text';

export const getDashboardInput = z.object({ organizationSlug: z.string().trim().min(1).max(200) });

/** Days ahead the dashboard lists sessions for. */
export const UPCOMING_DAYS = 14;
/** Weeks of attendance the charts show, the current one last. */
export const WEEKS = 12;

interface UpcomingRow {
  id: string; starts_at: Date | string; ends_at: Date | string; status: 'scheduled' | 'cancelled' | 'postponed' | 'moved_online';
  group_id: string; slug: string; title_en: string | null; title_fr: string | null; time_zone: string; cohort_id: string | null;
  capacity: number | null; taken: number; waiting: number;
}
interface CohortRow {
  id: string; starts_on: string; ends_on: string; status: string; capacity: number | null;
  slug: string; title_en: string | null; title_fr: string | null; applied: number; accepted: number; waitlisted: number;
}
interface WeekRow { week: string; recorded: number; present: number; absent: number; attendance_rate: number | null; no_show_rate: number | null }

/**
 * What an organization's members see first: sessions of the next 14 days with how full they are
 * and their waitlists, cohorts with applications waiting for a decision, and attendance and
 * no-show rates per week over the last 12 weeks (present / recorded, absent / recorded), all
 * counted in SQL.
 */
export async function getDashboard({ ctx, input }: { ctx: Context; input: z.input<typeof getDashboardInput> }) {
  const q = parseInput(getDashboardInput, input);
  const org = await organizationBySlug(ctx, q.organizationSlug, 'organization.view');
  const now = sql`${ctx.now.toISOString()}::timestamptz`;

  const upcoming = await rows<UpcomingRow>(
    ctx.db,
    sql`select s.id, s.starts_at, s.ends_at, s.status, g.id as group_id, g.slug, g.title_en, g.title_fr, g.time_zone, s.cohort_id,
          case when s.cohort_id is null then coalesce(s.capacity, g.session_capacity) else c.capacity end as capacity,
          (case when s.cohort_id is null
             then (select count(*) from registrations r where r.session_id = s.id and r.status = 'confirmed')
             else (select count(*) from applications a where a.cohort_id = s.cohort_id and a.status = 'accepted') end)::int as taken,
          (case when s.cohort_id is null
             then (select count(*) from registrations r where r.session_id = s.id and r.status = 'waitlisted')
             else (select count(*) from applications a where a.cohort_id = s.cohort_id and a.status = 'waitlisted') end)::int as waiting
        from sessions s
        join groups g on g.id = s.group_id
        left join cohorts c on c.id = s.cohort_id
        where g.organization_id = ${org.id} and g.status <> 'archived'
          and s.ends_at > ${now} and s.starts_at < ${now} + make_interval(days => ${UPCOMING_DAYS})
        order by s.starts_at, s.id
        limit 500`,
  );

  const cohorts = await rows<CohortRow>(
    ctx.db,
    sql`select c.id, c.starts_on::text as starts_on, c.ends_on::text as ends_on, c.status, c.capacity, g.slug, g.title_en, g.title_fr,
          (count(a.id) filter (where a.status = 'applied'))::int as applied,
          (count(a.id) filter (where a.status = 'accepted'))::int as accepted,
          (count(a.id) filter (where a.status = 'waitlisted'))::int as waitlisted
        from cohorts c
        join groups g on g.id = c.group_id
        left join applications a on a.cohort_id = c.id
        where g.organization_id = ${org.id} and g.status <> 'archived'
          and c.status not in ('cancelled', 'completed') and c.ends_on >= (${now} at time zone 'UTC')::date
        group by c.id, g.id
        order by (count(a.id) filter (where a.status = 'applied')) > 0 desc, c.starts_on, c.id
        limit 200`,
  );

  // Weeks start on Monday (UTC). A week without any attendance recorded has no rate (null), not 0.
  const weeks = await rows<WeekRow>(
    ctx.db,
    sql`with weeks as (
          select generate_series(
            date_trunc('week', ${now} at time zone 'UTC') - make_interval(weeks => ${WEEKS - 1}),
            date_trunc('week', ${now} at time zone 'UTC'),
            interval '1 week') as week
        ), marks as (
          select date_trunc('week', s.starts_at at time zone 'UTC') as week, a.status
          from attendance a
          join sessions s on s.id = a.session_id
          join groups g on g.id = s.group_id
          where g.organization_id = ${org.id} and s.starts_at <= ${now}
            and s.starts_at >= (date_trunc('week', ${now} at time zone 'UTC') - make_interval(weeks => ${WEEKS - 1})) at time zone 'UTC'
        )
        select to_char(w.week, 'YYYY-MM-DD') as week,
          count(m.status)::int as recorded,
          (count(*) filter (where m.status = 'present'))::int as present,
          (count(*) filter (where m.status = 'absent'))::int as absent,
          ((count(*) filter (where m.status = 'present'))::float8 / nullif(count(m.status), 0))::float8 as attendance_rate,
          ((count(*) filter (where m.status = 'absent'))::float8 / nullif(count(m.status), 0))::float8 as no_show_rate
        from weeks w left join marks m on m.week = w.week
        group by w.week
        order by w.week`,
  );

  return {
    organization: { id: org.id, slug: org.slug, name: org.name },
    role: org.role,
    canViewAudit: can(org.role, 'audit.view'),
    upcoming: upcoming.map((r) => ({
      sessionId: r.id,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
      status: r.status,
      group: { id: r.group_id, slug: r.slug, title: bilingual(r.title_en, r.title_fr), timeZone: r.time_zone },
      cohortId: r.cohort_id,
      capacity: r.capacity == null ? null : Number(r.capacity),
      confirmed: Number(r.taken),
      waitlisted: Number(r.waiting),
    })),
    cohorts: cohorts.map((c) => ({
      cohortId: c.id,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      status: c.status,
      capacity: c.capacity == null ? null : Number(c.capacity),
      group: { slug: c.slug, title: bilingual(c.title_en, c.title_fr) },
      applied: Number(c.applied),
      accepted: Number(c.accepted),
      waitlisted: Number(c.waitlisted),
    })),
    applicationsWaiting: cohorts.reduce((n, c) => n + Number(c.applied), 0),
    weeks: weeks.map((w) => ({
      week: w.week,
      recorded: Number(w.recorded),
      present: Number(w.present),
      absent: Number(w.absent),
      attendanceRate: w.attendance_rate == null ? null : Number(w.attendance_rate),
      noShowRate: w.no_show_rate == null ? null : Number(w.no_show_rate),
    })),
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
