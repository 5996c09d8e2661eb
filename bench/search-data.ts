import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { seedTopics } from '../db/seed/topics';
import { refreshGroupSearch } from '../core/search/refresh-group-search';

// Synthetic groups for the search benchmark, generated in bulk by the database itself
// (generate_series + hashint4 for stable pseudo-random choices): bilingual titles built from a
// topic vocabulary, every kind/format/delivery, venues around 40 Canadian and US cities, weekly
// drop-in sessions and cohorts with their sessions. Deterministic for a given count.

const CITIES: [string, string, string, number, number, string][] = [
  ['Ottawa', 'ON', 'CA', 45.4215, -75.6972, 'America/Toronto'],
  ['Gatineau', 'QC', 'CA', 45.4765, -75.7013, 'America/Toronto'],
  ['Montréal', 'QC', 'CA', 45.5019, -73.5674, 'America/Toronto'],
  ['Toronto', 'ON', 'CA', 43.6532, -79.3832, 'America/Toronto'],
  ['Québec', 'QC', 'CA', 46.8139, -71.208, 'America/Toronto'],
  ['Vancouver', 'BC', 'CA', 49.2827, -123.1207, 'America/Vancouver'],
  ['Calgary', 'AB', 'CA', 51.0447, -114.0719, 'America/Edmonton'],
  ['Edmonton', 'AB', 'CA', 53.5461, -113.4938, 'America/Edmonton'],
  ['Winnipeg', 'MB', 'CA', 49.8951, -97.1384, 'America/Winnipeg'],
  ['Halifax', 'NS', 'CA', 44.6488, -63.5752, 'America/Halifax'],
  ['Hamilton', 'ON', 'CA', 43.2557, -79.8711, 'America/Toronto'],
  ['London', 'ON', 'CA', 42.9849, -81.2453, 'America/Toronto'],
  ['Kingston', 'ON', 'CA', 44.2312, -76.486, 'America/Toronto'],
  ['Sherbrooke', 'QC', 'CA', 45.4042, -71.8929, 'America/Toronto'],
  ['Laval', 'QC', 'CA', 45.6066, -73.7124, 'America/Toronto'],
  ['Longueuil', 'QC', 'CA', 45.5312, -73.5185, 'America/Toronto'],
  ['Trois-Rivières', 'QC', 'CA', 46.343, -72.5432, 'America/Toronto'],
  ['Saskatoon', 'SK', 'CA', 52.1579, -106.6702, 'America/Regina'],
  ['Regina', 'SK', 'CA', 50.4452, -104.6189, 'America/Regina'],
  ['Victoria', 'BC', 'CA', 48.4284, -123.3656, 'America/Vancouver'],
  ['Moncton', 'NB', 'CA', 46.0878, -64.7782, 'America/Moncton'],
  ["St. John's", 'NL', 'CA', 47.5615, -52.7126, 'America/St_Johns'],
  ['Sudbury', 'ON', 'CA', 46.4917, -80.993, 'America/Toronto'],
  ['Windsor', 'ON', 'CA', 42.3149, -83.0364, 'America/Toronto'],
  ['Mississauga', 'ON', 'CA', 43.589, -79.6441, 'America/Toronto'],
  ['Brampton', 'ON', 'CA', 43.7315, -79.7624, 'America/Toronto'],
  ['Boston', 'MA', 'US', 42.3601, -71.0589, 'America/New_York'],
  ['New York City', 'NY', 'US', 40.7128, -74.006, 'America/New_York'],
  ['Chicago', 'IL', 'US', 41.8781, -87.6298, 'America/Chicago'],
  ['Seattle', 'WA', 'US', 47.6062, -122.3321, 'America/Los_Angeles'],
  ['Detroit', 'MI', 'US', 42.3314, -83.0458, 'America/Detroit'],
  ['Buffalo', 'NY', 'US', 42.8864, -78.8784, 'America/New_York'],
  ['Burlington', 'VT', 'US', 44.4759, -73.2121, 'America/New_York'],
  ['Portland', 'ME', 'US', 43.6591, -70.2568, 'America/New_York'],
  ['Minneapolis', 'MN', 'US', 44.9778, -93.265, 'America/Chicago'],
  ['Denver', 'CO', 'US', 39.7392, -104.9903, 'America/Denver'],
  ['Philadelphia', 'PA', 'US', 39.9526, -75.1652, 'America/New_York'],
  ['Cleveland', 'OH', 'US', 41.4993, -81.6944, 'America/New_York'],
  ['Pittsburgh', 'PA', 'US', 40.4406, -79.9959, 'America/New_York'],
  ['San Francisco', 'CA', 'US', 37.7749, -122.4194, 'America/Los_Angeles'],
];

// Topic words, in the order of the sub-topics they go with (cycled), English then French.
const WORDS_EN = ['grief', 'bereavement', 'loss', 'widowhood', 'mourning', 'sobriety', 'recovery', 'anxiety', 'depression',
  'trauma', 'caregivers', 'cancer', 'chronic pain', 'dementia', 'parents', 'newcomers', 'healing', 'hope'];
const WORDS_FR = ['deuil', 'perte', 'chagrin', 'veuvage', 'deuil périnatal', 'sobriété', 'rétablissement', 'anxiété',
  'dépression', 'trauma', 'proches aidants', 'cancer', 'douleur chronique', 'démence', 'parents', 'nouveaux arrivants',
  'guérison', 'espoir'];
const FORMS_EN = ['circle', 'support group', 'drop-in', 'workshop', 'evenings', 'community', 'program', 'café', 'walk', 'gathering'];
const FORMS_FR = ['cercle', 'groupe de soutien', 'rencontre libre', 'atelier', 'soirées', 'communauté', 'programme', 'café',
  'marche', 'rassemblement'];
const ADJ_EN = ['Tuesday', 'Evening', 'Weekend', 'Morning', 'Gentle', 'Open', 'Peer', 'Family', 'Women’s', 'Young adults'];
const ADJ_FR = ['du mardi', 'du soir', 'de fin de semaine', 'du matin', 'en douceur', 'ouvert', 'entre pairs', 'en famille',
  'pour femmes', 'jeunes adultes'];
const NAMES = ['Dana', 'Marie-Claude', 'Jamal', 'Priya', 'Luc', 'Grace', 'Élise', 'Robert', 'Nadia', 'Michael', 'Sophie', 'Anne'];
const SURNAMES = ['Tremblay', 'Gagnon', 'Roy', 'Smith', 'Brown', 'Côté', 'Singh', 'Nguyen', 'Martin', 'Lee', 'Wilson', 'Bouchard'];

const arr = (values: readonly string[]) => sql.raw(`(array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}])`);
/** A stable pseudo-random integer in [0, n) for row i and a salt. */
const pick = (i: string, salt: number, n: number) => sql.raw(`(abs(hashint4(${i} * 7919 + ${salt})) % ${n})`);

export type Progress = (step: string, done: number, total: number) => void;

export async function generateGroups(db: Database, count: number, progress: Progress, now = new Date()): Promise<void> {
  await seedTopics(db);
  const orgs = Math.max(5, Math.round(count / 500));
  const facilitators = Math.max(10, Math.round(count / 200));
  await db.execute(sql`
    insert into organizations (slug, name_en, name_fr, city, verification)
    select 'bench-org-' || k, ${arr(ADJ_EN)}[1 + k % 10] || ' ' || ${arr(WORDS_EN)}[1 + k % 18] || ' Network ' || k,
           'Réseau ' || ${arr(WORDS_FR)}[1 + k % 18] || ' ' || k, 'Ottawa', 'verified'
    from generate_series(0, ${orgs - 1}::int) k`);
  await db.execute(sql`
    insert into facilitators (display_name, leadership, credentials_en, credentials_fr, licence_number, licence_body, licence_jurisdiction, licence_status)
    select ${arr(NAMES)}[1 + k % 12] || ' ' || ${arr(SURNAMES)}[1 + (k / 12) % 12] || ' ' || k, 'licensed', 'Psychotherapist', 'Psychothérapeute',
           'L' || k, 'College of Registered Psychotherapists', 'ON', 'verified'
    from generate_series(0, ${facilitators - 1}::int) k`);

  const chunk = 10_000;
  const cities = sql.raw(
    `(values ${CITIES.map((c, n) => `(${n}, '${c[0].replace(/'/g, "''")}', '${c[1]}', '${c[2]}', ${c[3]}, ${c[4]}, '${c[5]}')`).join(',')}) as city(n, name, region, country, lat, lon, zone)`,
  );
  for (let from = 0; from < count; from += chunk) {
    const to = Math.min(count, from + chunk) - 1;
    await db.execute(sql`
      insert into groups (slug, organization_id, status, kind, leadership, format, drop_in_style, delivery, cost_type, fee_cents,
        fee_currency, fee_per, suggested_donation_cents, insurance_receipts, workshop_activity, no_need_to_talk,
        title_en, title_fr, summary_en, summary_fr, description_en, description_fr, age_min, age_max, gender, languages, faith,
        accessibility, time_zone, street, city, province, country, latitude, longitude, session_capacity, signup_cutoff_minutes,
        published_at, created_at)
      select 'bench-' || i, o.id, case when ${pick('i', 1, 20)} = 0 then 'draft' else 'published' end::group_status,
        k.kind::group_kind, k.leadership::leadership, k.format::group_format,
        case when k.format = 'drop_in' then (array['open_forum','topic','speaker'])[1 + ${pick('i', 2, 3)}] end::drop_in_style,
        k.delivery::delivery, k.cost::cost_type,
        case when k.cost = 'fee' then 1000 + 500 * ${pick('i', 3, 16)} end, case when k.cost = 'fee' then 'CAD' end,
        case when k.cost = 'fee' then (case when k.format = 'closed' then 'program' else 'session' end) end::fee_per,
        case when k.cost = 'pay_what_you_can' then 1000 end,
        k.kind = 'group_therapy' or ${pick('i', 4, 10)} = 0,
        case when k.kind = 'workshop' then (array['art','writing','music','movement','mindfulness','gardening','walking','other'])[1 + ${pick('i', 5, 8)}] end::workshop_activity,
        k.kind = 'workshop',
        case when ${pick('i', 6, 10)} <> 9 then adj_en || ' ' || w_en || ' ' || form_en end,
        case when ${pick('i', 6, 10)} <> 8 then initcap(form_fr) || ' ' || adj_fr || ' : ' || w_fr end,
        'A ' || lower(form_en) || ' for people living with ' || w_en || ', near ' || coalesce(city.name, 'you') || '.',
        'Un ' || form_fr || ' pour les personnes qui vivent : ' || w_fr || '.',
        'We meet to share what ' || w_en || ' is like, listen to each other and find ways through ' || w2_en
          || '. Newcomers are welcome; you can listen without speaking. Facilitated by trained volunteers with lived experience.',
        'Nous nous réunissons pour parler de ' || w_fr || ', nous écouter et traverser ' || w2_fr
          || '. Les nouvelles personnes sont bienvenues; vous pouvez écouter sans parler.',
        case when ${pick('i', 7, 8)} = 0 then 18 end, case when ${pick('i', 7, 8)} = 0 then 30 end,
        (array['any','any','any','any','any','any','women','men','nonbinary','women_and_nonbinary'])[1 + ${pick('i', 8, 10)}],
        (array['{en}','{en}','{en}','{fr}','{fr}','{en,fr}','{en,fr}','{en,es}'])[1 + ${pick('i', 9, 8)}]::text[],
        (array['non_denominational','non_denominational','non_denominational','non_denominational','non_denominational',
               'non_denominational','non_denominational','non_denominational','Christian','Jewish'])[1 + ${pick('i', 10, 10)}],
        case when k.delivery = 'online' then '{captions}'::text[] else
          (array['{}','{step_free}','{step_free,accessible_washroom}','{step_free,hearing_loop}','{scent_free}','{asl}','{lsq,step_free}','{}'])[1 + ${pick('i', 11, 8)}]::text[] end,
        coalesce(city.zone, 'America/Toronto'),
        case when k.delivery <> 'online' then (1 + ${pick('i', 12, 900)}) || ' Main Street' end,
        case when k.delivery <> 'online' then city.name end, case when k.delivery <> 'online' then city.region end,
        case when k.delivery <> 'online' then city.country end,
        case when k.delivery <> 'online' then city.lat + (${pick('i', 13, 2001)} - 1000) / 10000.0 end,
        case when k.delivery <> 'online' then city.lon + (${pick('i', 14, 2001)} - 1000) / 7000.0 end,
        case when ${pick('i', 15, 3)} = 0 then 12 end, 60,
        ${now.toISOString()}::timestamptz - make_interval(days => ${pick('i', 16, 365)}::int),
        ${now.toISOString()}::timestamptz - make_interval(days => 400)
      from generate_series(${from}::int, ${to}::int) i
      join organizations o on o.slug = 'bench-org-' || (i % ${orgs})
      cross join lateral (select
        ${arr(WORDS_EN)}[1 + i % 18] as w_en, ${arr(WORDS_FR)}[1 + i % 18] as w_fr,
        ${arr(WORDS_EN)}[1 + (i / 18) % 18] as w2_en, ${arr(WORDS_FR)}[1 + (i / 18) % 18] as w2_fr,
        ${arr(FORMS_EN)}[1 + ${pick('i', 17, 10)}] as form_en, ${arr(FORMS_FR)}[1 + ${pick('i', 17, 10)}] as form_fr,
        ${arr(ADJ_EN)}[1 + ${pick('i', 18, 10)}] as adj_en, ${arr(ADJ_FR)}[1 + ${pick('i', 18, 10)}] as adj_fr) words
      cross join lateral (select case
          when i % 20 < 10 then 'support_group' when i % 20 < 14 then 'workshop' when i % 20 < 17 then 'group_therapy'
          else 'online_community' end as kind) k0
      cross join lateral (select k0.kind,
        case k0.kind when 'group_therapy' then 'licensed' when 'online_community' then 'peer'
          else (case when ${pick('i', 19, 3)} = 0 then 'professional' else 'peer' end) end as leadership,
        case k0.kind when 'group_therapy' then 'closed' when 'online_community' then 'ongoing'
          else (case when ${pick('i', 20, 10)} < 7 then 'drop_in' else 'closed' end) end as format,
        case when k0.kind = 'online_community' then 'online'
          else (array['in_person','in_person','in_person','in_person','in_person','hybrid','hybrid','online','online','online'])[1 + ${pick('i', 21, 10)}] end as delivery,
        case when k0.kind = 'group_therapy' then 'fee'
          else (array['free','free','free','free','free','free','free','pay_what_you_can','pay_what_you_can','fee'])[1 + ${pick('i', 22, 10)}] end as cost) k
      left join ${cities} on city.n = ${pick('i', 23, CITIES.length)} and k.delivery <> 'online'`);
    progress('groups', to + 1, count);
  }

  await db.execute(sql`
    insert into group_topics (group_id, topic_id)
    select g.id, t.id from groups g
    cross join lateral (select substring(g.slug from 7)::int as i) n
    join lateral (select array_agg(id order by position) as ids from topics where parent_id is not null) c on true
    join topics t on t.id = c.ids[1 + abs(hashint4(n.i)) % array_length(c.ids, 1)] or (n.i % 3 = 0 and t.id = c.ids[1 + (n.i / 18) % array_length(c.ids, 1)])
    where g.slug like 'bench-%'
    on conflict do nothing`);
  await db.execute(sql`
    insert into group_facilitators (group_id, facilitator_id, position)
    select g.id, f.id, 0 from groups g
    join lateral (select id from facilitators order by id offset (abs(hashint4(length(g.slug) + ascii(right(g.slug, 1)))) % ${facilitators}) limit 1) f on true
    where g.slug like 'bench-%'`);
  progress('topics and facilitators', count, count);

  // Drop-in groups: six weekly sessions from a day in the coming week, morning, afternoon or evening.
  await db.execute(sql`
    insert into sessions (group_id, starts_at, ends_at)
    select g.id, x.at, x.at + interval '90 minutes' from groups g
    cross join lateral (select substring(g.slug from 7)::int as i) n
    cross join generate_series(0, 5) w
    cross join lateral (select ((date_trunc('day', ${now.toISOString()}::timestamptz at time zone g.time_zone)
        + make_interval(days => 1 + ${pick('n.i', 24, 7)} + 7 * w, hours => (array[10, 14, 19])[1 + ${pick('n.i', 25, 3)}]))
        at time zone g.time_zone) as at) x
    where g.format = 'drop_in' and g.slug like 'bench-%'`);
  progress('drop-in sessions', count, count);
  // Closed groups: one cohort within two months, eight weekly sessions.
  await db.execute(sql`
    insert into cohorts (group_id, starts_on, ends_on, session_count, capacity)
    select g.id, d.day, d.day + 49, 8, 12 from groups g
    cross join lateral (select (${now.toISOString()}::timestamptz at time zone g.time_zone)::date + 3 + ${pick('substring(g.slug from 7)::int', 26, 60)} as day) d
    where g.format = 'closed' and g.slug like 'bench-%'`);
  await db.execute(sql`
    insert into sessions (group_id, cohort_id, starts_at, ends_at)
    select c.group_id, c.id, x.at, x.at + interval '2 hours' from cohorts c
    join groups g on g.id = c.group_id
    cross join generate_series(0, 7) w
    cross join lateral (select ((c.starts_on + 7 * w)::timestamp + interval '18 hours 30 minutes') at time zone g.time_zone as at) x
    where g.slug like 'bench-%'`);
  progress('cohorts', count, count);

  // Fresh statistics first: without them the per-group subqueries of the refresh plan badly.
  await db.execute(sql`analyze`);
  const ids = (await db.execute(sql`select id from groups where slug like 'bench-%' order by id`)) as unknown as { rows: { id: string }[] };
  const all = ids.rows.map((r) => r.id);
  for (let i = 0; i < all.length; i += 5000) {
    await refreshGroupSearch(db, all.slice(i, i + 5000), now);
    progress('search rows', Math.min(all.length, i + 5000), all.length);
  }
  await db.execute(sql`analyze`);
}
