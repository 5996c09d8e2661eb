import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import {
  communityBlocks,
  communityComments,
  communityConversations,
  communityImages,
  communityMembers,
  communityMessages,
  communityPosts,
  communityProfiles,
  communityReactions,
  emailOutbox,
  groups,
  organizationMembers,
  organizations,
  topics,
  users,
} from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, NotFound } from '../errors';
import { NOTICE_TEMPLATES } from '../email/enqueue';
import { requireUserId } from '../policy/permissions';
import { lockOwners } from '../organizations/owners';
import { storeOf } from '../communities/images';
import { nicknames } from '../communities/messages';

// What an account holds, for its owner: everything as one JSON document, and the deletion of it
// all (SPEC §8). Community writing is the person's to take with them or to leave behind.

/** What becomes of what the person wrote in communities when their account is deleted. */
export const CONTENT_CHOICES = ['erase', 'keep'] as const;
export type ContentChoice = (typeof CONTENT_CHOICES)[number];

/** What the account page shows: who the person is, where they belong. */
export async function accountSummary({ ctx }: { ctx: Context }) {
  const userId = requireUserId(ctx);
  const [user] = await ctx.db.select({ email: users.email, name: users.name, nickname: users.nickname }).from(users).where(eq(users.id, userId));
  if (!user) throw new NotFound('account');
  const [orgs, communities] = await Promise.all([
    ctx.db
      .select({ slug: organizations.slug, nameEn: organizations.nameEn, nameFr: organizations.nameFr, role: organizationMembers.role })
      .from(organizationMembers)
      .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
      .where(eq(organizationMembers.userId, userId))
      .orderBy(asc(organizations.nameEn)),
    ctx.db
      .select({ slug: groups.slug, slugFr: groups.slugFr, titleEn: groups.titleEn, titleFr: groups.titleFr, status: communityMembers.status })
      .from(communityMembers)
      .innerJoin(groups, eq(groups.id, communityMembers.groupId))
      .where(eq(communityMembers.userId, userId))
      .orderBy(asc(groups.titleEn)),
  ]);
  return { ...user, organizations: orgs, communities };
}

/** Everything stored about the signed-in person, for them to download. */
export async function exportAccountData({ ctx }: { ctx: Context }) {
  const userId = requireUserId(ctx);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new NotFound('account');
  const [orgs, memberships, posts, comments, reactions, emails] = await Promise.all([
    ctx.db
      .select({ slug: organizations.slug, name: organizations.nameEn, nameFr: organizations.nameFr, role: organizationMembers.role, since: organizationMembers.createdAt })
      .from(organizationMembers)
      .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
      .where(eq(organizationMembers.userId, userId)),
    ctx.db
      .select({ m: communityMembers, slug: groups.slug, title: groups.titleEn, titleFr: groups.titleFr, profile: communityProfiles })
      .from(communityMembers)
      .innerJoin(groups, eq(groups.id, communityMembers.groupId))
      .leftJoin(communityProfiles, eq(communityProfiles.memberId, communityMembers.id))
      .where(eq(communityMembers.userId, userId)),
    ctx.db.select().from(communityPosts).where(eq(communityPosts.authorId, userId)).orderBy(asc(communityPosts.createdAt)),
    ctx.db
      .select({ c: communityComments, groupId: communityPosts.groupId })
      .from(communityComments)
      .innerJoin(communityPosts, eq(communityPosts.id, communityComments.postId))
      .where(eq(communityComments.authorId, userId))
      .orderBy(asc(communityComments.createdAt)),
    ctx.db
      .select({ r: communityReactions })
      .from(communityReactions)
      .where(eq(communityReactions.userId, userId))
      .orderBy(asc(communityReactions.createdAt)),
    ctx.db
      .select({ template: emailOutbox.template, status: emailOutbox.status, createdAt: emailOutbox.createdAt, sentAt: emailOutbox.sentAt })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toEmail, user.email), inArray(emailOutbox.template, [...NOTICE_TEMPLATES])))
      .orderBy(asc(emailOutbox.createdAt)),
  ]);
  const memberIds = memberships.map((r) => r.m.id);
  const [images, conversations, blocks, topicSlug] = await Promise.all([
    posts.length
      ? ctx.db
          .select({ id: communityImages.id, postId: communityImages.postId, alt: communityImages.alt, width: communityImages.width, height: communityImages.height, bytes: communityImages.bytes })
          .from(communityImages)
          .where(inArray(communityImages.postId, posts.map((p) => p.id)))
          .orderBy(asc(communityImages.position))
      : [],
    memberIds.length ? conversationsOf(ctx, memberIds) : [],
    memberIds.length
      ? ctx.db
          .select({ blocker: communityBlocks.blockerId, nickname: users.nickname, since: communityBlocks.createdAt })
          .from(communityBlocks)
          .innerJoin(communityMembers, eq(communityMembers.id, communityBlocks.blockedId))
          .innerJoin(users, eq(users.id, communityMembers.userId))
          .where(inArray(communityBlocks.blockerId, memberIds))
      : [],
    topicSlugs(ctx, memberships.flatMap((r) => r.profile?.topicIds ?? [])),
  ]);
  const imageUrl = (id: string) => new URL(`/community/images/${id}`, ctx.settings.publicUrl).toString();
  return {
    exportedAt: ctx.now.toISOString(),
    account: { email: user.email, name: user.name, nickname: user.nickname, locale: user.locale, emailVerified: user.emailVerified, createdAt: user.createdAt },
    organizations: orgs,
    communities: memberships.map(({ m, slug, title, titleFr, profile }) => ({
      community: { slug, title, titleFr },
      status: m.status,
      role: m.role,
      answers: m.answers,
      requestedAt: m.requestedAt,
      decidedAt: m.decidedAt,
      leftAt: m.leftAt,
      declineReason: m.declineReason,
      mutedUntil: m.mutedUntil,
      sanctionReason: m.sanctionReason,
      emails: { replies: m.notifyReplies, digest: m.digest, messages: m.notifyMessages },
      messagesOff: m.messagesOff,
      experience: profile
        ? {
            findable: profile.findable,
            topics: profile.topicIds.map((id) => topicSlug.get(id) ?? id),
            year: profile.year,
            region: profile.region,
            shown: { topics: profile.showTopics, year: profile.showYear, region: profile.showRegion },
          }
        : null,
      posts: posts
        .filter((p) => p.groupId === m.groupId)
        .map((p) => ({
          id: p.id,
          anonymous: p.anonymous,
          body: p.body,
          createdAt: p.createdAt,
          editedAt: p.editedAt,
          deletedAt: p.deletedAt,
          removed: p.removedAt ? { at: p.removedAt, reason: p.removalReason } : null,
          images: images.filter((i) => i.postId === p.id).map(({ postId: _p, ...i }) => ({ ...i, url: imageUrl(i.id) })),
        })),
      comments: comments
        .filter((c) => c.groupId === m.groupId)
        .map(({ c }) => ({
          id: c.id,
          postId: c.postId,
          anonymous: c.anonymous,
          body: c.body,
          createdAt: c.createdAt,
          editedAt: c.editedAt,
          deletedAt: c.deletedAt,
          removed: c.removedAt ? { at: c.removedAt, reason: c.removalReason } : null,
        })),
      conversations: conversations
        .filter((c) => c.me === m.id)
        .map((c) => ({ with: c.withNickname, startedAt: c.createdAt, messages: c.messages })),
      blocked: blocks.filter((b) => b.blocker === m.id).map((b) => ({ nickname: b.nickname, since: b.since })),
    })),
    /** Reactions given, in any community, to the post or comment they name. */
    reactions: reactions.map(({ r }) => ({ postId: r.postId, commentId: r.commentId, kind: r.kind, at: r.createdAt })),
    emails,
  };
}

/** The slugs of some topics, by id. */
async function topicSlugs(ctx: Context, ids: string[]): Promise<Map<string, string>> {
  const rows = ids.length ? await ctx.db.select({ id: topics.id, slug: topics.slug }).from(topics).where(inArray(topics.id, [...new Set(ids)])) : [];
  return new Map(rows.map((t) => [t.id, t.slug]));
}

/** The person's conversations, each with the other member's nickname and every message, oldest first. */
async function conversationsOf(ctx: Context, memberIds: string[]) {
  const convs = await ctx.db
    .select()
    .from(communityConversations)
    .where(or(inArray(communityConversations.memberA, memberIds), inArray(communityConversations.memberB, memberIds)));
  if (convs.length === 0) return [];
  const others = convs.map((c) => (memberIds.includes(c.memberA) ? c.memberB : c.memberA));
  const [names, messages] = await Promise.all([
    nicknames(ctx, others),
    ctx.db
      .select()
      .from(communityMessages)
      .where(inArray(communityMessages.conversationId, convs.map((c) => c.id)))
      .orderBy(asc(communityMessages.createdAt), asc(communityMessages.id)),
  ]);
  return convs.map((c, i) => {
    const me = memberIds.includes(c.memberA) ? c.memberA : c.memberB;
    return {
      me,
      createdAt: c.createdAt,
      withNickname: names.get(others[i]!) ?? null,
      messages: messages.filter((x) => x.conversationId === c.id).map((x) => ({ fromMe: x.senderId === me, body: x.body, at: x.createdAt })),
    };
  });
}

export const deleteAccountInput = z.object({
  /** erase: posts' and comments' text and images go; keep: they stay, signed "Deleted member". */
  content: z.enum(CONTENT_CHOICES),
  /** The person ticked "I understand this cannot be undone". */
  confirm: z.literal(true),
});

/**
 * Deletes the signed-in person's account and what it holds: sessions, organization memberships,
 * community memberships, experience, reactions, blocks, and their private conversations (both
 * sides: a conversation is not kept with one voice missing). What they wrote in communities is
 * erased or kept as "Deleted member", as they chose. The last owner of an organization must hand
 * it over first.
 */
export async function deleteAccount({ ctx, input }: { ctx: Context; input: z.input<typeof deleteAccountInput> }) {
  const userId = requireUserId(ctx);
  const q = parseInput(deleteAccountInput, input);
  const files = await withTransaction(ctx, async (tx) => {
    const [user] = await tx.db.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new NotFound('account');
    const owned = await tx.db
      .select({ id: organizations.id, name: organizations.nameEn })
      .from(organizationMembers)
      .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
      .where(and(eq(organizationMembers.userId, userId), eq(organizationMembers.role, 'owner')))
      .orderBy(asc(organizations.nameEn));
    const lastOwnerOf: string[] = [];
    for (const org of owned) {
      const owners = await lockOwners(tx, org.id);
      if (owners.every((id) => id === userId)) lastOwnerOf.push(org.name);
    }
    if (lastOwnerOf.length) throw new Conflict(`the last owner of ${lastOwnerOf.join(', ')} must make someone else owner first`, 'last_owner');
    let keys: string[] = [];
    if (q.content === 'erase') {
      const erased = { deletedAt: tx.now, body: '', html: '', search: null };
      const gone = await tx.db
        .update(communityPosts)
        .set(erased)
        .where(and(eq(communityPosts.authorId, userId), isNull(communityPosts.deletedAt)))
        .returning({ id: communityPosts.id });
      // Posts deleted earlier already lost their images; these lose theirs now.
      if (gone.length) {
        const images = await tx.db
          .delete(communityImages)
          .where(inArray(communityImages.postId, gone.map((p) => p.id)))
          .returning({ key: communityImages.storageKey });
        keys = images.map((i) => i.key);
      }
      await tx.db.update(communityComments).set(erased).where(and(eq(communityComments.authorId, userId), isNull(communityComments.deletedAt)));
    }
    // Messages go with the memberships (conversations are deleted with either member).
    const members = await tx.db.select({ id: communityMembers.id }).from(communityMembers).where(eq(communityMembers.userId, userId));
    if (members.length) {
      const ids = members.map((m) => m.id);
      await tx.db.delete(communityConversations).where(or(inArray(communityConversations.memberA, ids), inArray(communityConversations.memberB, ids)));
    }
    await tx.db.delete(emailOutbox).where(and(eq(emailOutbox.toEmail, user.email), inArray(emailOutbox.template, [...NOTICE_TEMPLATES])));
    // Sessions, sign-in methods, memberships, experience, reactions and blocks go with the
    // account (ON DELETE CASCADE); what it wrote keeps no author (ON DELETE SET NULL).
    await tx.db.delete(users).where(eq(users.id, userId));
    return keys;
  });
  // The files go once the rows are gone for good.
  await Promise.all(files.map((key) => storeOf(ctx).remove(key)));
  return { deleted: true, content: q.content };
}
