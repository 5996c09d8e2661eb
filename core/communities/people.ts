import { and, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { communityMembers, communityProfiles, topics, users } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { Conflict, Invalid } from '../errors';
import { bilingual, type Bilingual } from '../text';
import { requireMember } from './access';
import { blockedWith } from './messages';

// Finding people with the same experience (SPEC §4). A member may describe, in one community,
// what they went through — topics of the taxonomy, a year, a province or territory — and choose
// to be findable and which of the three to show. Others then find the people closest to their own
// description, or near them, and see only what each person chose to show. Nothing here is ever
// shown to anyone outside the community.

/** Provinces and territories of Canada, and "elsewhere". */
export const REGIONS = ['CA-AB', 'CA-BC', 'CA-MB', 'CA-NB', 'CA-NL', 'CA-NS', 'CA-NT', 'CA-NU', 'CA-ON', 'CA-PE', 'CA-QC', 'CA-SK', 'CA-YT', 'elsewhere'] as const;
export type Region = (typeof REGIONS)[number];
export const EXPERIENCE_TOPICS_MAX = 5;

export const setExperienceInput = z.object({
  community: z.string().min(1).max(200),
  findable: z.boolean(),
  topics: z.array(z.string().min(1).max(100)).max(EXPERIENCE_TOPICS_MAX).default([]),
  year: z.number().int().min(1900).max(2100).nullable().default(null),
  region: z.enum(REGIONS).nullable().default(null),
  showTopics: z.boolean().default(true),
  showYear: z.boolean().default(true),
  showRegion: z.boolean().default(false),
});

/** A member describes their experience in a community (or stops being findable). */
export async function setExperience({ ctx, input }: { ctx: Context; input: z.input<typeof setExperienceInput> }) {
  const q = parseInput(setExperienceInput, input);
  const access = await requireMember(ctx, q.community);
  if (q.year != null && q.year > ctx.now.getUTCFullYear()) throw new Invalid([{ path: 'year', message: 'in_the_future' }]);
  const found = q.topics.length ? await ctx.db.select({ id: topics.id, slug: topics.slug }).from(topics).where(inArray(topics.slug, q.topics)) : [];
  if (found.length !== new Set(q.topics).size) throw new Invalid([{ path: 'topics', message: 'unknown_topic' }]);
  const fields = {
    findable: q.findable,
    topicIds: found.map((t) => t.id),
    year: q.year,
    region: q.region,
    showTopics: q.showTopics,
    showYear: q.showYear,
    showRegion: q.showRegion,
    updatedAt: ctx.now,
  };
  await ctx.db
    .insert(communityProfiles)
    .values({ memberId: access.membership.id, groupId: access.group.id, ...fields })
    .onConflictDoUpdate({ target: communityProfiles.memberId, set: fields });
  return { findable: q.findable };
}

export interface Experience {
  findable: boolean;
  topics: string[];
  year: number | null;
  region: Region | null;
  showTopics: boolean;
  showYear: boolean;
  showRegion: boolean;
}

export const getExperienceInput = z.object({ community: z.string().min(1).max(200) });

/** The acting member's own description in a community, or null when they gave none. */
export async function getExperience({ ctx, input }: { ctx: Context; input: z.input<typeof getExperienceInput> }): Promise<Experience | null> {
  const q = parseInput(getExperienceInput, input);
  const access = await requireMember(ctx, q.community);
  const [p] = await ctx.db.select().from(communityProfiles).where(eq(communityProfiles.memberId, access.membership.id));
  if (!p) return null;
  const slugs = p.topicIds.length ? await ctx.db.select({ slug: topics.slug }).from(topics).where(inArray(topics.id, p.topicIds)) : [];
  return {
    findable: p.findable,
    topics: slugs.map((s) => s.slug),
    year: p.year,
    region: p.region as Region | null,
    showTopics: p.showTopics,
    showYear: p.showYear,
    showRegion: p.showRegion,
  };
}

export interface PersonFound {
  /** Whom to write to (a membership of this community). */
  memberId: string;
  nickname: string | null;
  /** Whether they take private messages. */
  canMessage: boolean;
  /** Only what the person chose to show. */
  topics: { slug: string; label: Bilingual; shared: boolean }[] | null;
  year: number | null;
  region: Region | null;
}

export const findPeopleInput = z.object({ community: z.string().min(1).max(200), by: z.enum(['experience', 'nearby']) });

/** How many people a search shows. */
export const PEOPLE_MAX = 50;

/**
 * The findable members of a community closest to the acting member's own description: by
 * experience (shared topics first, then the nearest year), or nearby (the same province or
 * territory). It compares only what each person shows; one's own description must say what is
 * compared (topics or a year; a region).
 */
export async function findPeople({ ctx, input }: { ctx: Context; input: z.input<typeof findPeopleInput> }): Promise<PersonFound[]> {
  const q = parseInput(findPeopleInput, input);
  const access = await requireMember(ctx, q.community);
  const [mine] = await ctx.db.select().from(communityProfiles).where(eq(communityProfiles.memberId, access.membership.id));
  const hasExperience = mine && (mine.topicIds.length > 0 || mine.year != null);
  if (q.by === 'experience' ? !hasExperience : !mine?.region) throw new Conflict('describe your own experience first', 'describe_first');
  const rows = await ctx.db
    .select({ p: communityProfiles, nickname: users.nickname, messagesOff: communityMembers.messagesOff })
    .from(communityProfiles)
    .innerJoin(communityMembers, eq(communityMembers.id, communityProfiles.memberId))
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(
      and(
        eq(communityProfiles.groupId, access.group.id),
        eq(communityProfiles.findable, true),
        eq(communityMembers.status, 'member'),
        ne(communityProfiles.memberId, access.membership.id),
      ),
    );
  // Nobody finds a person they blocked or who blocked them.
  const blocked = await blockedWith(ctx, access.membership.id);
  // The labels of the topics those people show, and of no others.
  const shown = [...new Set(rows.flatMap(({ p }) => (p.showTopics ? p.topicIds : [])))];
  const labels = new Map(
    (shown.length ? await ctx.db.select().from(topics).where(inArray(topics.id, shown)) : []).map((t) => [t.id, { slug: t.slug, label: bilingual(t.labelEn, t.labelFr) }]),
  );
  const scored = rows
    .filter(({ p }) => !blocked.has(p.memberId))
    .map(({ p, nickname, messagesOff }) => {
      const shownTopics = p.showTopics ? p.topicIds : [];
      const shared = shownTopics.filter((id) => mine!.topicIds.includes(id)).length;
      const yearGap = p.showYear && p.year != null && mine!.year != null ? Math.abs(p.year - mine!.year) : null;
      const score = q.by === 'experience' ? shared * 10 + (yearGap == null ? 0 : Math.max(0, 5 - yearGap)) : p.showRegion && p.region === mine!.region ? 1 : 0;
      const person: PersonFound = {
        memberId: p.memberId,
        nickname,
        canMessage: !messagesOff,
        topics: p.showTopics ? p.topicIds.flatMap((id) => (labels.has(id) ? [{ ...labels.get(id)!, shared: mine!.topicIds.includes(id) }] : [])) : null,
        year: p.showYear ? p.year : null,
        region: p.showRegion ? (p.region as Region | null) : null,
      };
      return { person, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || (a.person.nickname ?? '').localeCompare(b.person.nickname ?? ''));
  return scored.slice(0, PEOPLE_MAX).map((s) => s.person);
}
