import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { clearSearchCaches } from './search-cache';
import { announceSearchChange, IDS_PER_NOTICE, SEARCH_CHANNEL } from './search-index';

/** Days of upcoming sessions that describe a group's usual weekdays and times of day. */
const SCHEDULE_HORIZON_DAYS = 56;
/** How many upcoming starts a search row keeps (see `starts` in db/schema/group-search.ts). */
const KEPT_STARTS = 12;

/**
 * A group's words as searched, lower-case and accent-free, for typo correction (`search_words`:
 * every word of the published groups and of the topics, so that a mistyped word of any field is
 * read as the real one). Kept in step with db/migrations/0012_search_words.sql.
 */
const SEARCHED_TEXT = sql`lower(unaccent(concat_ws(' ', g.title_en, g.title_fr, g.summary_en, g.summary_fr, g.audience_en,
  g.audience_fr, g.description_en, g.description_fr, g.what_to_expect_en, g.what_to_expect_fr, g.eligibility_en,
  g.eligibility_fr, g.treatment_focus_en, g.treatment_focus_fr)))`;

const en = (expr: SQL) => sql`to_tsvector('english', unaccent(coalesce(${expr}, '')))`;
const fr = (expr: SQL) => sql`to_tsvector('french', unaccent(coalesce(${expr}, '')))`;
const weighted = (weight: 'A' | 'B' | 'C' | 'D', en_: SQL, fr_: SQL) =>
  sql`setweight(${en(en_)}, ${weight}) || setweight(${fr(fr_)}, ${weight})`;

/**
 * Rebuilds the search rows (`group_search`) of the given groups, or of every group with 'all':
 * published groups get a fresh row, any other group loses its row. Call it after every write that
 * changes what search sees of a group — the group itself, its topics, facilitators or
 * organization (its name, its verification), its sessions and cohorts, and the registrations or applications that fill them
 * (seats). Runs as one statement per step; pass a transaction to make it atomic with the write.
 * `now` is the caller's clock: the row describes the group as of that moment (next starts, the
 * weekdays and times of the coming weeks, until when it has places); queries then look past any
 * start that has passed since, with their own clock.
 */
export async function refreshGroupSearch(db: Database, groupIds: readonly string[] | 'all', now: Date): Promise<void> {
  if (groupIds !== 'all' && groupIds.length === 0) return;
  const ids = groupIds === 'all' ? null : sql`${`{${groupIds.join(',')}}`}::uuid[]`;
  const only = (column: SQL) => (ids ? sql`${column} = any(${ids})` : sql`true`);
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  const horizon = sql`${nowTs} + make_interval(days => ${SCHEDULE_HORIZON_DAYS})`;
  const localHour = sql`extract(hour from s.starts_at at time zone g.time_zone)`;

  await db.execute(sql`delete from group_search where ${only(sql`group_id`)}`);
  await db.execute(sql`
    insert into group_search (
      group_id, kind, format, leadership, delivery, cost_type, price_cents, insurance_receipts,
      languages, topic_ids, accessibility, faith, gender, age_min, age_max, days, times,
      next_start, starts, seats_until, latitude, longitude, published_at, org_verified, title_norm, document, title_document, refreshed_at)
    select
      g.id, g.kind, g.format, g.leadership, g.delivery, g.cost_type,
      case when g.cost_type = 'fee' then coalesce(g.fee_cents, 0) else 0 end,
      g.insurance_receipts, g.languages,
      coalesce(tp.ids, '{}'), g.accessibility, g.faith, g.gender, g.age_min, g.age_max,
      coalesce(sched.days, 0), coalesce(sched.times, 0),
      st.starts[1], coalesce(st.starts, '{}'),
      case g.format
        when 'ongoing' then 'infinity'::timestamptz
        when 'drop_in' then (
          select max(s.starts_at - make_interval(mins => g.signup_cutoff_minutes)) from sessions s
          where s.group_id = g.id and s.status <> 'cancelled'
            and s.starts_at - make_interval(mins => g.signup_cutoff_minutes) > ${nowTs}
            and (coalesce(s.capacity, g.session_capacity) is null
              or (select count(*) from registrations r where r.session_id = s.id and r.status = 'confirmed')
                 < coalesce(s.capacity, g.session_capacity)))
        else (
          select max((c.starts_on + 1)::timestamp at time zone g.time_zone) from cohorts c
          where c.group_id = g.id and c.status in ('open', 'confirmed', 'postponed')
            and c.starts_on >= (${nowTs} at time zone g.time_zone)::date
            and (c.capacity is null
              or (select count(*) from applications a where a.cohort_id = c.id and a.status = 'accepted') < c.capacity))
      end,
      case when g.delivery = 'online' then null else g.latitude end,
      case when g.delivery = 'online' then null else g.longitude end,
      g.published_at,
      o.verification = 'verified',
      lower(unaccent(concat_ws(' ', g.title_en, g.title_fr))),
      ${weighted('A', sql`g.title_en`, sql`g.title_fr`)}
        || ${weighted('B', sql`concat_ws(' ', tp.labels_en, o.name_en, fac.names)`, sql`concat_ws(' ', tp.labels_fr, coalesce(o.name_fr, o.name_en))`)}
        || ${weighted('C', sql`concat_ws(' ', g.summary_en, g.audience_en)`, sql`concat_ws(' ', g.summary_fr, g.audience_fr)`)}
        || ${weighted(
          'D',
          sql`concat_ws(' ', g.description_en, g.what_to_expect_en, g.eligibility_en, g.treatment_focus_en)`,
          sql`concat_ws(' ', g.description_fr, g.what_to_expect_fr, g.eligibility_fr, g.treatment_focus_fr)`,
        )},
      ${en(sql`g.title_en`)} || ${fr(sql`g.title_fr`)},
      ${nowTs}
    from groups g
    join organizations o on o.id = g.organization_id
    left join lateral (
      select array_agg(distinct x.id) as ids,
             string_agg(x.label_en, ' ') as labels_en,
             string_agg(x.label_fr, ' ') as labels_fr
      from (
        select t.id, t.label_en, t.label_fr from group_topics gt join topics t on t.id = gt.topic_id where gt.group_id = g.id
        union
        select p.id, p.label_en, p.label_fr from group_topics gt join topics t on t.id = gt.topic_id
          join topics p on p.id = t.parent_id where gt.group_id = g.id
      ) x
    ) tp on true
    left join lateral (
      select string_agg(f.display_name, ' ') as names
      from group_facilitators gf join facilitators f on f.id = gf.facilitator_id where gf.group_id = g.id
    ) fac on true
    left join lateral (
      select bit_or(1 << (extract(isodow from s.starts_at at time zone g.time_zone)::int - 1))::smallint as days,
             bit_or(case when ${localHour} < 12 then 1 when ${localHour} < 17 then 2 else 4 end)::smallint as times
      from sessions s
      where s.group_id = g.id and s.status <> 'cancelled' and s.starts_at >= ${nowTs} and s.starts_at < ${horizon}
    ) sched on true
    left join lateral (
      select (array_agg(x.at order by x.at))[1:${KEPT_STARTS}] as starts
      from (
        -- Drop-in: each upcoming session is a start.
        select s.starts_at as at from sessions s
        where g.format = 'drop_in' and s.group_id = g.id and s.status <> 'cancelled' and s.starts_at >= ${nowTs}
        union all
        -- Closed: the first session of each cohort still ahead and taking people.
        select coalesce(
                 (select min(s.starts_at) from sessions s where s.cohort_id = c.id and s.status <> 'cancelled'),
                 c.starts_on::timestamp at time zone g.time_zone) as at
        from cohorts c
        where g.format = 'closed' and c.group_id = g.id and c.status in ('open', 'confirmed', 'postponed')
          and c.starts_on >= (${nowTs} at time zone g.time_zone)::date
      ) x
    ) st on true
    where g.status = 'published' and ${only(sql`g.id`)}
  `);
  await db.execute(sql`
    insert into search_words (word)
    select distinct w from (
      select ${SEARCHED_TEXT} as body from groups g where g.status = 'published' and ${only(sql`g.id`)}
      union all
      select lower(unaccent(concat_ws(' ', t.label_en, t.label_fr))) from topics t
    ) x, regexp_split_to_table(x.body, '[^[:alnum:]]+') w
    where length(w) >= 3
    on conflict do nothing
  `);
  // Every process's in-memory index reads these groups again: this one at once, the others when
  // the notification arrives, which PostgreSQL delivers only if and when the change commits.
  const notices = groupIds === 'all' ? ['*'] : chunks(groupIds, IDS_PER_NOTICE).map((c) => c.join(','));
  for (const payload of notices) await db.execute(sql`select pg_notify(${SEARCH_CHANNEL}, ${payload})`);
  announceSearchChange(groupIds);
  clearSearchCaches();
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Builds the search rows of a database that has published groups but none yet (one that existed
 * before search had its own table). Cheap when there is nothing to do; called at start-up.
 */
export async function ensureGroupSearch(db: Database, now: Date): Promise<boolean> {
  const result = (await db.execute(sql`
    select exists (select 1 from group_search) as indexed, exists (select 1 from groups where status = 'published') as published`)) as unknown as {
    rows: { indexed: boolean; published: boolean }[];
  };
  const row = result.rows[0];
  if (!row || row.indexed || !row.published) return false;
  await refreshGroupSearch(db, 'all', now);
  return true;
}
