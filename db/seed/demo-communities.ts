import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client';
import { communityComments, communityMembers, communityPosts, communityReactions, groups, intakeQuestions, users, REACTION_KINDS } from '../schema';
import { renderMemberText } from '../../core/communities/markdown';
import { hasCrisisLanguage } from '../../core/communities/crisis';
import { COMMUNITY_POSTS, CRISIS_POST, DEMO_NICKNAMES, GENERAL_POSTS, PENDING_REQUEST, REPLIES, type DemoText } from './demo/communities';
import { bilingualDocument } from '../../core/search/bilingual-text';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Gives each demo online community its people and what they wrote: ten members (one a
 * moderator), a request waiting for a decision, fourteen or so posts in both languages (every
 * third anonymous) with three to five replies each (some answering a reply), and reactions. The
 * same rows on every start, dated before `now`. The demo accounts have no password: they hold
 * content, nobody signs in as them.
 */
export async function seedDemoCommunities(db: Database, now: Date): Promise<number> {
  const communities = await db
    .select({ id: groups.id, slug: groups.slug })
    .from(groups)
    .where(eq(groups.kind, 'online_community'))
    .orderBy(asc(groups.slug));
  if (communities.length === 0) return 0;

  const people = [...DEMO_NICKNAMES, PENDING_REQUEST.nickname].map((nickname, i) => ({
    id: `demo-member-${String(i + 1).padStart(2, '0')}`,
    email: `${nickname.toLowerCase()}@members.example.org`,
    name: nickname,
    nickname,
    emailVerified: true,
    locale: i % 2 === 0 ? ('en' as const) : ('fr' as const),
    createdAt: new Date(now.getTime() - 120 * DAY),
  }));
  await db.insert(users).values(people).onConflictDoNothing();
  const newcomer = people.at(-1)!;
  const members = people.slice(0, -1);

  const firstQuestions = await db
    .select({ groupId: intakeQuestions.groupId, id: intakeQuestions.id, position: intakeQuestions.position })
    .from(intakeQuestions)
    .where(inArray(intakeQuestions.groupId, communities.map((c) => c.id)))
    .orderBy(asc(intakeQuestions.position));

  let written = 0;
  for (const [ci, community] of communities.entries()) {
    // Ten members, a different ten in each community; the first is its moderator.
    const mine = Array.from({ length: 10 }, (_, k) => members[(ci * 3 + k) % members.length]!);
    await db.insert(communityMembers).values(
      mine.map((m, k) => ({
        groupId: community.id,
        userId: m.id,
        status: 'member' as const,
        role: k === 0 ? ('moderator' as const) : ('member' as const),
        locale: m.locale,
        rulesAcceptedAt: new Date(now.getTime() - (90 - k) * DAY),
        requestedAt: new Date(now.getTime() - (90 - k) * DAY),
        decidedAt: new Date(now.getTime() - (89 - k) * DAY),
        decidedBy: k === 0 ? null : mine[0]!.id,
      })),
    );
    const question = firstQuestions.find((q) => q.groupId === community.id);
    await db.insert(communityMembers).values({
      groupId: community.id,
      userId: newcomer.id,
      status: 'pending',
      locale: ci % 2 === 0 ? 'en' : 'fr',
      answers: question ? { [question.id]: ci % 2 === 0 ? PENDING_REQUEST.answer.en : PENDING_REQUEST.answer.fr } : {},
      rulesAcceptedAt: new Date(now.getTime() - 6 * HOUR),
      requestedAt: new Date(now.getTime() - 6 * HOUR),
    });

    const texts: DemoText[] = [
      ...(COMMUNITY_POSTS[community.slug] ?? []),
      ...Array.from({ length: 8 }, (_, k) => GENERAL_POSTS[(ci * 5 + k) % GENERAL_POSTS.length]!),
      ...(CRISIS_POST.community === community.slug ? [CRISIS_POST.text] : []),
    ];
    for (const [pi, text] of texts.entries()) {
      const lang = text.en ? 'en' : 'fr';
      const body = (text.en ?? text.fr)!;
      const author = mine[(pi * 7 + 1) % mine.length]!;
      const createdAt = new Date(now.getTime() - (texts.length - pi) * 3 * DAY - (pi % 5) * HOUR);
      const replies = 3 + (pi % 3);
      const bank = REPLIES[lang];
      const [post] = await db
        .insert(communityPosts)
        .values({
          groupId: community.id,
          authorId: author.id,
          anonymous: pi % 3 === 2,
          body,
          html: renderMemberText(body),
          search: bilingualDocument(body),
          crisis: hasCrisisLanguage(body),
          commentCount: replies,
          createdAt,
          lastActivityAt: new Date(createdAt.getTime() + replies * 2 * HOUR),
        })
        .returning({ id: communityPosts.id });
      written++;
      let first: string | null = null;
      for (let r = 0; r < replies; r++) {
        const replyBody = bank[(pi * 5 + r * 3 + ci) % bank.length]!;
        const [comment]: { id: string }[] = await db
          .insert(communityComments)
          .values({
            postId: post!.id,
            // The last reply of every other post answers the first comment.
            parentId: r === replies - 1 && pi % 2 === 0 ? first : null,
            authorId: mine[(pi + r * 3 + 2) % mine.length]!.id,
            anonymous: (pi + r) % 5 === 4,
            body: replyBody,
            html: renderMemberText(replyBody),
            search: bilingualDocument(replyBody),
            crisis: false,
            createdAt: new Date(createdAt.getTime() + (r + 1) * 2 * HOUR),
          })
          .returning({ id: communityComments.id });
        first ??= comment!.id;
        written++;
      }
      const reacting = mine.filter((_, k) => (k + pi) % 3 !== 0);
      await db.insert(communityReactions).values(
        reacting.map((m, k) => ({
          postId: post!.id,
          userId: m.id,
          kind: REACTION_KINDS[(k + pi) % REACTION_KINDS.length]!,
          createdAt: new Date(createdAt.getTime() + HOUR),
        })),
      );
    }
  }
  // A reaction to a first comment too, so that comment counts show.
  const someComments = await db.select({ id: communityComments.id }).from(communityComments).where(and(eq(communityComments.anonymous, false))).limit(20);
  await db
    .insert(communityReactions)
    .values(someComments.map((c) => ({ commentId: c.id, userId: members[0]!.id, kind: 'thanks' as const, createdAt: now })))
    .onConflictDoNothing();
  return written;
}
