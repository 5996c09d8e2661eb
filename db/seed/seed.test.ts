import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { count, eq, inArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import type { Database } from '../client';
import {
  communityComments,
  communityMembers,
  communityPosts,
  communityReactions,
  users,
  organizations,
  facilitators,
  groups,
  groupTopics,
  groupFacilitators,
  schedules,
  cohorts,
  modules,
  sessions,
  intakeQuestions,
  topics,
  GROUP_KINDS,
  LEADERSHIPS,
  GROUP_FORMATS,
  DROP_IN_STYLES,
  DELIVERIES,
  COST_TYPES,
  WORKSHOP_ACTIVITIES,
  ACCESSIBILITY_FEATURES,
} from '../schema';
import { seedIfEmpty, seedTopics, TOPIC_SLUGS, TOPIC_TREE } from './index';

const DAY = 24 * 60 * 60 * 1000;
// The eight-week window crosses the March daylight-saving change in Ontario and Québec.
const NOW = new Date('2026-02-24T15:00:00Z');
const WINDOW_END = new Date(NOW.getTime() + 56 * DAY);

async function counts(db: Database): Promise<Record<string, number>> {
  const tables = {
    organizations,
    facilitators,
    groups,
    groupTopics,
    groupFacilitators,
    schedules,
    cohorts,
    modules,
    sessions,
    intakeQuestions,
    topics,
  };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: count() }).from(table);
    out[name] = row?.n ?? 0;
  }
  return out;
}

function localDate(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).toFormat('yyyy-MM-dd');
}

describe('seedIfEmpty on an empty database', () => {
  let t: TestDatabase;
  let seeded: boolean;
  let G: (typeof groups.$inferSelect)[];
  let S: (typeof sessions.$inferSelect)[];
  let C: (typeof cohorts.$inferSelect)[];
  let M: (typeof modules.$inferSelect)[];
  let F: (typeof facilitators.$inferSelect)[];
  let GF: (typeof groupFacilitators.$inferSelect)[];
  let GT: (typeof groupTopics.$inferSelect)[];
  let SCH: (typeof schedules.$inferSelect)[];
  let Q: (typeof intakeQuestions.$inferSelect)[];
  let T: (typeof topics.$inferSelect)[];

  beforeAll(async () => {
    t = await createTestDatabase({ now: NOW });
    seeded = await seedIfEmpty(t.db, { now: NOW });
    [G, S, C, M, F, GF, GT, SCH, Q, T] = await Promise.all([
      t.db.select().from(groups),
      t.db.select().from(sessions),
      t.db.select().from(cohorts),
      t.db.select().from(modules),
      t.db.select().from(facilitators),
      t.db.select().from(groupFacilitators),
      t.db.select().from(groupTopics),
      t.db.select().from(schedules),
      t.db.select().from(intakeQuestions),
      t.db.select().from(topics),
    ]);
  });

  afterAll(async () => {
    await t?.close();
  });

  const byKind = (kind: string) => G.filter((g) => g.kind === kind);
  const sessionsOf = (groupId: string) => S.filter((s) => s.groupId === groupId);

  it('reports that it seeded, with three verified organizations', async () => {
    expect(seeded).toBe(true);
    const orgs = await t.db.select().from(organizations);
    expect(orgs).toHaveLength(3);
    for (const o of orgs) {
      expect(o.verification).toBe('verified');
      expect(o.nameFr && o.descriptionEn && o.descriptionFr).toBeTruthy();
    }
  });

  it('stores the two-level topic taxonomy with English and French labels', () => {
    expect(T.map((x) => x.slug).sort()).toEqual([...TOPIC_SLUGS].sort());
    const bySlug = new Map(T.map((x) => [x.slug, x]));
    for (const parent of TOPIC_TREE) {
      const p = bySlug.get(parent.slug);
      expect(p?.parentId).toBeNull();
      for (const child of parent.children) {
        const c = bySlug.get(child.slug);
        expect(c?.parentId).toBe(p?.id);
        expect(c?.slug.startsWith(`${parent.slug}-`)).toBe(true);
        expect(c?.labelFr).toBeTruthy();
      }
    }
    expect(bySlug.get('grief-loss-of-a-child')?.labelFr).toBe("Perte d'un enfant");
  });

  it('publishes between 55 and 70 groups with unique readable slugs', () => {
    expect(G.length).toBeGreaterThanOrEqual(55);
    expect(G.length).toBeLessThanOrEqual(70);
    expect(G.every((g) => g.status === 'published' && g.publishedAt && g.publishedAt < NOW)).toBe(true);
    expect(new Set(G.map((g) => g.slug)).size).toBe(G.length);
    for (const g of G) expect(g.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('covers every value of every axis', () => {
    const values = <K extends keyof (typeof G)[number]>(key: K) => new Set(G.map((g) => g[key]));
    expect([...values('kind')].sort()).toEqual([...GROUP_KINDS].sort());
    expect([...values('leadership')].sort()).toEqual([...LEADERSHIPS].sort());
    expect([...values('format')].sort()).toEqual([...GROUP_FORMATS].sort());
    expect([...values('delivery')].sort()).toEqual([...DELIVERIES].sort());
    expect([...values('costType')].sort()).toEqual([...COST_TYPES].sort());
    expect([...values('reach')].sort()).toEqual(['anywhere', 'local']);
    const styles = new Set(G.filter((g) => g.format === 'drop_in').map((g) => g.dropInStyle));
    expect([...styles].sort()).toEqual([...DROP_IN_STYLES].sort());
    const activities = new Set(byKind('workshop').map((g) => g.workshopActivity));
    expect([...activities].sort()).toEqual([...WORKSHOP_ACTIVITIES].sort());
    const features = new Set(G.flatMap((g) => g.accessibility));
    for (const f of features) expect(ACCESSIBILITY_FEATURES as readonly string[]).toContain(f);
    expect(features.size).toBe(ACCESSIBILITY_FEATURES.length);
  });

  it('fills in cost details consistently', () => {
    const fees = G.filter((g) => g.costType === 'fee');
    expect(fees.every((g) => g.feeCents! > 0 && g.feeCurrency === 'CAD' && g.feePer)).toBe(true);
    expect(new Set(fees.map((g) => g.feePer))).toEqual(new Set(['session', 'program']));
    const pwyc = G.filter((g) => g.costType === 'pay_what_you_can');
    expect(pwyc.every((g) => g.suggestedDonationCents! > 0 && g.feeCents === null)).toBe(true);
    expect(G.filter((g) => g.costType === 'free').every((g) => g.feeCents === null)).toBe(true);
    expect(G.some((g) => g.insuranceReceipts)).toBe(true);
    expect(G.filter((g) => g.reach === 'local').every((g) => g.regions.length > 0)).toBe(true);
  });

  it('places groups in Ottawa, Gatineau, Montréal, Toronto and online, with coherent addresses', () => {
    const inCity = (city: string) => G.filter((g) => g.city === city);
    for (const [city, province, lat, lon] of [
      ['Ottawa', 'ON', 45.42, -75.69],
      ['Gatineau', 'QC', 45.46, -75.73],
      ['Montréal', 'QC', 45.51, -73.59],
      ['Toronto', 'ON', 43.69, -79.37],
    ] as const) {
      const here = inCity(city);
      expect(here.length, city).toBeGreaterThanOrEqual(5);
      for (const g of here) {
        expect(g.province).toBe(province);
        expect(g.street && g.postalCode && g.venueName).toBeTruthy();
        expect(Math.abs(g.latitude! - lat)).toBeLessThan(0.15);
        expect(Math.abs(g.longitude! - lon)).toBeLessThan(0.2);
        expect(g.timeZone).toBe(province === 'ON' ? 'America/Toronto' : 'America/Montreal');
      }
    }
    const online = G.filter((g) => g.delivery === 'online');
    expect(online.length).toBeGreaterThanOrEqual(5);
    for (const g of online) {
      expect(g.street).toBeNull();
      expect(g.city).toBeNull();
      expect(g.latitude).toBeNull();
    }
    for (const g of G.filter((x) => x.delivery !== 'in_person' && x.kind !== 'online_community')) {
      expect(g.onlineUrl, g.slug).toMatch(/^https:\/\/meet\.example\.org\//);
    }
    for (const g of G.filter((x) => x.delivery === 'hybrid')) expect(g.street, g.slug).toBeTruthy();
    expect(G.filter((g) => g.delivery === 'online').some((g) => g.cameraOptional)).toBe(true);
  });

  it('is bilingual for most groups, with a few French-only and English-only listings', () => {
    const both = G.filter((g) => g.titleEn && g.titleFr);
    expect(both.length / G.length).toBeGreaterThanOrEqual(0.75);
    const frOnly = G.filter((g) => !g.titleEn);
    const enOnly = G.filter((g) => !g.titleFr);
    expect(frOnly.length).toBeGreaterThanOrEqual(3);
    expect(enOnly.length).toBeGreaterThanOrEqual(3);
    for (const g of frOnly) expect(['Gatineau', 'Montréal', null]).toContain(g.city);
    for (const g of both) expect(g.summaryEn && g.summaryFr && g.descriptionEn && g.descriptionFr, g.slug).toBeTruthy();
    const langs = G.map((g) => [...g.languages].sort().join(','));
    expect(langs).toContain('en');
    expect(langs).toContain('fr');
    expect(langs).toContain('en,fr');
    expect(G.some((g) => g.languages.some((l) => l !== 'en' && l !== 'fr'))).toBe(true);
  });

  it('describes audiences, ages, gender, faith and eligibility on some groups', () => {
    expect(G.some((g) => g.ageMin === 13 && g.ageMax === 17)).toBe(true);
    expect(G.filter((g) => g.gender !== 'any').length).toBeGreaterThanOrEqual(2);
    const faiths = G.map((g) => g.faith);
    expect(faiths.filter((f) => f === 'non_denominational').length).toBeGreaterThan(G.length * 0.9);
    expect(faiths.some((f) => f !== 'non_denominational')).toBe(true);
    expect(G.filter((g) => g.eligibilityEn || g.eligibilityFr).length).toBeGreaterThanOrEqual(10);
    expect(G.filter((g) => g.audienceEn || g.audienceFr).length).toBeGreaterThanOrEqual(10);
    expect(G.filter((g) => g.whatToExpectEn || g.whatToExpectFr).length).toBeGreaterThan(G.length * 0.7);
    expect(byKind('workshop').every((g) => g.materialsEn || g.materialsFr)).toBe(true);
    expect(byKind('workshop').some((g) => g.noNeedToTalk)).toBe(true);
  });

  it('gives every group topics from the taxonomy and at least one facilitator', () => {
    for (const g of G) {
      expect(GT.some((x) => x.groupId === g.id), g.slug).toBe(true);
      expect(GF.some((x) => x.groupId === g.id), g.slug).toBe(true);
    }
  });

  it('has a verified licensed facilitator leading every group therapy group', () => {
    const therapy = byKind('group_therapy');
    expect(therapy.length).toBeGreaterThanOrEqual(5);
    const facilitatorById = new Map(F.map((f) => [f.id, f]));
    for (const g of therapy) {
      expect(g.leadership).toBe('licensed');
      expect(g.intakeScreening && g.attendanceTracked).toBe(true);
      expect(g.treatmentFocusEn || g.treatmentFocusFr).toBeTruthy();
      const lead = GF.filter((x) => x.groupId === g.id).sort((a, b) => a.position - b.position)[0];
      const f = lead ? facilitatorById.get(lead.facilitatorId) : undefined;
      expect(f?.leadership, g.slug).toBe('licensed');
      expect(f?.licenceStatus, g.slug).toBe('verified');
      expect(f?.licenceNumber && f.licenceBody && f.licenceJurisdiction && f.licenceReviewedAt).toBeTruthy();
      if (g.delivery === 'online') expect(g.regions).toEqual([f?.licenceJurisdiction]);
    }
    const bodies = new Set(F.filter((f) => f.licenceStatus === 'verified').map((f) => f.licenceBody));
    expect(bodies).toContain('Ordre des psychologues du Québec');
    expect(bodies).toContain('College of Registered Psychotherapists of Ontario');
    const pending = F.filter((f) => f.licenceStatus === 'pending');
    expect(pending).toHaveLength(1);
    expect(pending[0]?.licenceReviewedAt).toBeNull();
    expect(F.length).toBeGreaterThanOrEqual(10);
    expect(F.every((f) => f.userId === null && f.bioEn && f.bioFr && f.credentialsEn && f.credentialsFr)).toBe(true);
  });

  it('gives every drop-in group a schedule and sessions in the next eight weeks', () => {
    const dropIns = G.filter((g) => g.format === 'drop_in');
    for (const g of dropIns) {
      expect(SCH.some((s) => s.groupId === g.id), g.slug).toBe(true);
      const upcoming = sessionsOf(g.id).filter((s) => s.status === 'scheduled' && s.startsAt >= NOW && s.startsAt < WINDOW_END);
      expect(upcoming.length, g.slug).toBeGreaterThanOrEqual(1);
    }
    for (const s of S.filter((x) => x.cohortId === null)) {
      expect(s.startsAt.getTime()).toBeGreaterThan(NOW.getTime());
      expect(s.startsAt.getTime()).toBeLessThan(WINDOW_END.getTime());
      expect(s.endsAt.getTime()).toBeGreaterThan(s.startsAt.getTime());
    }
  });

  it('keeps the wall-clock time of recurring sessions across the daylight-saving change', () => {
    const groupById = new Map(G.map((g) => [g.id, g]));
    let crossed = 0;
    for (const sch of SCH) {
      const zone = groupById.get(sch.groupId)!.timeZone;
      const mine = S.filter((s) => s.scheduleId === sch.id && s.status !== 'postponed');
      const times = new Set(mine.map((s) => DateTime.fromJSDate(s.startsAt, { zone }).toFormat('HH:mm')));
      expect(times.size, sch.rrule).toBeLessThanOrEqual(1);
      expect([...times][0]).toBe(sch.startsLocal.slice(11, 16));
      const offsets = new Set(mine.map((s) => DateTime.fromJSDate(s.startsAt, { zone }).offset));
      if (offsets.size > 1) crossed++;
    }
    expect(crossed).toBeGreaterThan(0);
  });

  it('varies drop-in sessions: topics, speakers, capacities, cancellations, a move online', () => {
    for (const g of G.filter((x) => x.dropInStyle === 'topic')) {
      const mine = sessionsOf(g.id).filter((s) => !s.isExtra);
      expect(mine.every((s) => s.topicEn || s.topicFr), g.slug).toBe(true);
    }
    for (const g of G.filter((x) => x.dropInStyle === 'speaker')) {
      const mine = sessionsOf(g.id);
      expect(mine.every((s) => s.speakerName && (s.speakerBioEn || s.speakerBioFr)), g.slug).toBe(true);
    }
    const cancelled = S.filter((s) => s.status === 'cancelled');
    expect(cancelled.length).toBeGreaterThanOrEqual(1);
    expect(cancelled.every((s) => s.statusReason)).toBe(true);
    const moved = S.filter((s) => s.status === 'moved_online');
    expect(moved).toHaveLength(1);
    expect(G.find((g) => g.id === moved[0]!.groupId)?.onlineUrl).toBeTruthy();
    expect(S.some((s) => s.capacity !== null)).toBe(true);
    const postponed = S.filter((s) => s.status === 'postponed');
    expect(postponed.every((s) => s.originalStartsAt && s.statusReason)).toBe(true);
  });

  it('runs closed groups as cohorts with ordered modules', () => {
    const closed = G.filter((g) => g.format === 'closed');
    expect(closed.length).toBeGreaterThanOrEqual(10);
    const groupById = new Map(G.map((g) => [g.id, g]));
    for (const g of closed) {
      const mine = C.filter((c) => c.groupId === g.id);
      expect(mine.length, g.slug).toBeGreaterThanOrEqual(1);
      expect(mine.length, g.slug).toBeLessThanOrEqual(2);
    }
    for (const c of C) {
      const g = groupById.get(c.groupId)!;
      expect(g.format).toBe('closed');
      const startsInDays = (Date.parse(`${c.startsOn}T12:00:00Z`) - NOW.getTime()) / DAY;
      expect(startsInDays).toBeGreaterThanOrEqual(6);
      expect(startsInDays).toBeLessThanOrEqual(42);
      expect(c.sessionCount).toBeGreaterThanOrEqual(6);
      expect(c.sessionCount).toBeLessThanOrEqual(10);
      expect(c.capacity).toBeGreaterThanOrEqual(8);
      expect(c.capacity).toBeLessThanOrEqual(12);
      expect(c.lateJoinUntilSession).toBeLessThanOrEqual(2);
      if (c.minimumParticipants !== null) {
        expect(c.decisionAt).not.toBeNull();
        expect(c.decisionAt!.getTime()).toBeGreaterThan(NOW.getTime());
        expect(localDate(c.decisionAt!, g.timeZone) < c.startsOn).toBe(true);
      }
      const mods = M.filter((m) => m.cohortId === c.id).sort((a, b) => a.position - b.position);
      expect(mods.map((m) => m.position)).toEqual(Array.from({ length: c.sessionCount }, (_, i) => i + 1));
      expect(mods.every((m) => m.titleEn && m.titleFr && m.summaryEn && m.summaryFr)).toBe(true);
      const mine = S.filter((s) => s.cohortId === c.id).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      expect(mine).toHaveLength(c.sessionCount);
      expect(mine.map((s) => s.moduleId)).toEqual(mods.map((m) => m.id));
      expect(localDate(mine[0]!.startsAt, g.timeZone)).toBe(c.startsOn);
      expect(localDate(mine[mine.length - 1]!.startsAt, g.timeZone)).toBe(c.endsOn);
      for (const s of mine) {
        expect(s.startsAt.getTime()).toBeGreaterThan(NOW.getTime());
        expect(s.groupId).toBe(c.groupId);
      }
    }
    expect(S.filter((s) => s.cohortId !== null).every((s) => C.some((c) => c.id === s.cohortId))).toBe(true);
  });

  it('shapes online communities as ongoing online spaces with rules and no sessions', () => {
    const communities = byKind('online_community');
    expect(communities.length).toBeGreaterThanOrEqual(4);
    for (const g of communities) {
      expect(g.format).toBe('ongoing');
      expect(g.delivery).toBe('online');
      expect(g.rulesEn || g.rulesFr).toBeTruthy();
      expect(sessionsOf(g.id)).toHaveLength(0);
    }
  });

  it('gives every online community members, a moderator, a waiting request and a few hundred posts and comments in both languages', async () => {
    const communities = byKind('online_community');
    const posts = await t.db.select().from(communityPosts);
    const comments = await t.db.select().from(communityComments);
    expect(posts.length + comments.length).toBeGreaterThanOrEqual(300);
    for (const g of communities) {
      const people = await t.db.select().from(communityMembers).where(eq(communityMembers.groupId, g.id));
      expect(people.filter((m) => m.status === 'member').length, g.slug).toBeGreaterThanOrEqual(5);
      expect(people.filter((m) => m.role === 'moderator'), g.slug).toHaveLength(1);
      expect(people.filter((m) => m.status === 'pending'), g.slug).toHaveLength(1);
      const own = posts.filter((p) => p.groupId === g.id);
      expect(own.length, g.slug).toBeGreaterThanOrEqual(10);
      // Both languages: accented French words in some, plain English in others.
      expect(own.some((p) => /[éèàçù’]/.test(p.body)), g.slug).toBe(true);
      expect(own.some((p) => /\b(the|and|I)\b/.test(p.body)), g.slug).toBe(true);
      expect(own.some((p) => p.anonymous), g.slug).toBe(true);
      // Every comment counted on its post.
      for (const p of own) expect(comments.filter((c) => c.postId === p.id).length, p.body).toBe(p.commentCount);
    }
    expect(comments.some((c) => c.anonymous)).toBe(true);
    expect(comments.some((c) => c.parentId !== null)).toBe(true);
    expect((await t.db.select().from(communityReactions)).length).toBeGreaterThan(100);
    // One post in distress, flagged for its moderators; nothing else flagged.
    expect(posts.filter((p) => p.crisis)).toHaveLength(1);
    // No real name: every member's account name is their nickname.
    const ids = [...new Set(posts.map((p) => p.authorId))].filter((id): id is string => id !== null);
    for (const u of await t.db.select().from(users).where(inArray(users.id, ids))) expect(u.name).toBe(u.nickname);
  });

  it('asks intake questions of every type, on closed groups and one drop-in', () => {
    expect(new Set(Q.map((q) => q.type))).toEqual(new Set(['text', 'choice', 'yes_no']));
    for (const q of Q.filter((x) => x.type === 'choice')) {
      expect(q.options.length).toBeGreaterThanOrEqual(2);
      expect(q.options.every((o) => o.value && o.labelEn && o.labelFr)).toBe(true);
    }
    const formats = new Set(Q.map((q) => G.find((g) => g.id === q.groupId)?.format));
    expect(formats).toEqual(new Set(['closed', 'drop_in']));
  });

  it('does nothing the second time', async () => {
    const before = await counts(t.db);
    expect(await seedIfEmpty(t.db, { now: new Date(NOW.getTime() + DAY) })).toBe(false);
    expect(await counts(t.db)).toEqual(before);
  });

  it('seedTopics is idempotent and keeps what administrators changed', async () => {
    await t.db.update(topics).set({ labelFr: 'Deuil et perte' }).where(eq(topics.slug, 'grief'));
    await seedTopics(t.db);
    await seedTopics(t.db);
    const [grief] = await t.db.select().from(topics).where(eq(topics.slug, 'grief'));
    expect(grief?.labelFr).toBe('Deuil et perte');
    const [n] = await t.db.select({ n: count() }).from(topics);
    expect(n?.n).toBe(TOPIC_SLUGS.length);
  });
});

describe('seedIfEmpty on a database that already has data', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase({ now: NOW });
    await t.db.insert(organizations).values({ slug: 'existing-org', nameEn: 'Existing organization' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('returns false and seeds nothing but the topics', async () => {
    expect(await seedIfEmpty(t.db, { now: NOW })).toBe(false);
    const after = await counts(t.db);
    expect(after).toEqual({
      organizations: 1,
      facilitators: 0,
      groups: 0,
      groupTopics: 0,
      groupFacilitators: 0,
      schedules: 0,
      cohorts: 0,
      modules: 0,
      sessions: 0,
      intakeQuestions: 0,
      topics: TOPIC_SLUGS.length,
    });
  });
});
