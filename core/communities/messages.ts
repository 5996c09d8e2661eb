import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import { communityBlocks, communityConversations, communityMembers, communityMessages, users } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Forbidden, NotFound } from '../errors';
import { requireUserId } from '../policy/permissions';
import { allows, requireMember, type MemberAccess } from './access';
import { countCommunityAction } from './limits';
import { announceLive } from './live';
import { communityPageUrl, tellMember } from './record';

// Private messages between two members of a community (SPEC §4). Only the two read a
// conversation. A member may turn messages off, and may block another: a blocked person can no
// longer write to them, or find them. Whoever may not be written to is told the same thing
// ("not available"), so a block is never revealed. The recipient is emailed that a message
// arrived, never what it says.

export const MESSAGE_MAX = 4000;


export const sendMessageInput = z
  .object({
    /** To start (or continue) a conversation with a member… */
    community: z.string().min(1).max(200).optional(),
    to: z.uuid().optional(),
    /** …or to answer in a conversation. */
    conversationId: z.uuid().optional(),
    body: z.string().trim().min(1).max(MESSAGE_MAX),
  })
  .refine((v) => (v.conversationId != null) !== (v.to != null && v.community != null), { message: 'a conversation, or a member to write to', path: ['to'] });

/** Writes a private message; answers the conversation's id. */
export async function sendMessage({ ctx, input }: { ctx: Context; input: z.input<typeof sendMessageInput> }) {
  const q = parseInput(sendMessageInput, input);
  let groupId: string;
  let otherId: string;
  let sender: MemberAccess;
  if (q.conversationId) {
    const { conversation, me } = await ownConversation(ctx, q.conversationId);
    groupId = conversation.groupId;
    sender = me;
    otherId = conversation.memberA === me.membership.id ? conversation.memberB : conversation.memberA;
  } else {
    sender = await requireMember(ctx, q.community!);
    groupId = sender.group.id;
    otherId = q.to!;
  }
  if (!allows(sender, 'community.post')) throw new Forbidden('muted', sender.mutedUntil ? 'muted' : 'not_a_member');
  const [other] = await ctx.db.select().from(communityMembers).where(and(eq(communityMembers.id, otherId), eq(communityMembers.groupId, groupId)));
  if (!other || other.status !== 'member' || other.id === sender.membership.id) throw new NotFound('member');
  if (other.messagesOff || (await blockedBetween(ctx, sender.membership.id, other.id))) throw new Forbidden('not available', 'unavailable');
  await countCommunityAction(ctx, sender, 'message');
  const [a, b] = [sender.membership.id, other.id].sort() as [string, string];
  return withTransaction(ctx, async (tx) => {
    const [conversation] = await tx.db
      .insert(communityConversations)
      .values({ groupId, memberA: a, memberB: b, createdAt: tx.now, lastMessageAt: tx.now })
      .onConflictDoUpdate({ target: [communityConversations.memberA, communityConversations.memberB], set: { lastMessageAt: tx.now } })
      .returning();
    const [message] = await tx.db
      .insert(communityMessages)
      .values({ conversationId: conversation!.id, senderId: sender.membership.id, body: q.body, createdAt: tx.now })
      .returning({ id: communityMessages.id });
    await announceLive(tx, conversation!.id, { kind: 'message', postId: conversation!.id });
    if (other.notifyMessages) {
      await tellMember(tx, sender.group, {
        userId: other.userId,
        template: 'community_message',
        key: `community_message:${message!.id}`,
        url: (locale) => communityPageUrl(tx, sender.group, locale, 'communityConversation', { conversation: conversation!.id }),
        unsubscribe: 'messages',
      });
    }
    return { conversationId: conversation!.id };
  });
}

export const listConversationsInput = z.object({ community: z.string().min(1).max(200) });

/** The acting member's conversations in a community, the latest first, with whom. */
export async function listConversations({ ctx, input }: { ctx: Context; input: z.input<typeof listConversationsInput> }) {
  const q = parseInput(listConversationsInput, input);
  const me = await requireMember(ctx, q.community);
  const mine = me.membership.id;
  const rows = await ctx.db
    .select()
    .from(communityConversations)
    .where(and(eq(communityConversations.groupId, me.group.id), or(eq(communityConversations.memberA, mine), eq(communityConversations.memberB, mine))))
    .orderBy(desc(communityConversations.lastMessageAt))
    .limit(200);
  const others = rows.map((c) => (c.memberA === mine ? c.memberB : c.memberA));
  const names = await nicknames(ctx, others);
  return {
    messagesOff: me.membership.messagesOff,
    notifyMessages: me.membership.notifyMessages,
    conversations: rows.map((c, i) => ({ id: c.id, with: names.get(others[i]!) ?? null, lastMessageAt: c.lastMessageAt })),
  };
}

export const getConversationInput = z.object({ conversationId: z.uuid() });

/** A conversation's messages, oldest first, for its two members only (anyone else: not found). */
export async function getConversation({ ctx, input }: { ctx: Context; input: z.input<typeof getConversationInput> }) {
  const q = parseInput(getConversationInput, input);
  const { conversation, me } = await ownConversation(ctx, q.conversationId);
  const otherId = conversation.memberA === me.membership.id ? conversation.memberB : conversation.memberA;
  const [messages, names, [other], blocks] = await Promise.all([
    ctx.db.select().from(communityMessages).where(eq(communityMessages.conversationId, conversation.id)).orderBy(asc(communityMessages.createdAt), asc(communityMessages.id)).limit(500),
    nicknames(ctx, [otherId]),
    ctx.db.select({ status: communityMembers.status, messagesOff: communityMembers.messagesOff }).from(communityMembers).where(eq(communityMembers.id, otherId)),
    blocksBetween(ctx, me.membership.id, otherId),
  ]);
  const blocked = blocks.byOne || blocks.byOther;
  return {
    id: conversation.id,
    groupId: conversation.groupId,
    with: { memberId: otherId, nickname: names.get(otherId) ?? null },
    /** Whether a message can be written now (the same answer whatever the reason it cannot). */
    canWrite: other?.status === 'member' && !other.messagesOff && !blocked && allows(me, 'community.post'),
    iBlocked: blocks.byOne,
    messages: messages.map((m) => ({ id: m.id, mine: m.senderId === me.membership.id, body: m.body, createdAt: m.createdAt })),
  };
}

export const writeTargetInput = z.object({ community: z.string().min(1).max(200), memberId: z.uuid() });

/** Whom a new message would go to: their nickname, and whether they can be written to now. */
export async function writeTarget({ ctx, input }: { ctx: Context; input: z.input<typeof writeTargetInput> }) {
  const q = parseInput(writeTargetInput, input);
  const me = await requireMember(ctx, q.community);
  const [other] = await ctx.db
    .select({ id: communityMembers.id, status: communityMembers.status, messagesOff: communityMembers.messagesOff })
    .from(communityMembers)
    .where(and(eq(communityMembers.id, q.memberId), eq(communityMembers.groupId, me.group.id)));
  if (!other || other.status !== 'member' || other.id === me.membership.id) throw new NotFound('member');
  const blocked = await blockedBetween(ctx, me.membership.id, other.id);
  return { memberId: other.id, nickname: (await nicknames(ctx, [other.id])).get(other.id) ?? null, canWrite: !other.messagesOff && !blocked && allows(me, 'community.post') };
}

export const blockInput = z.object({ community: z.string().min(1).max(200), memberId: z.uuid(), blocked: z.boolean() });

/** Blocks (or unblocks) another member of the community: they can no longer write to or find the one who blocked. */
export async function setBlock({ ctx, input }: { ctx: Context; input: z.input<typeof blockInput> }) {
  const q = parseInput(blockInput, input);
  const me = await requireMember(ctx, q.community);
  const [other] = await ctx.db.select({ id: communityMembers.id }).from(communityMembers).where(and(eq(communityMembers.id, q.memberId), eq(communityMembers.groupId, me.group.id)));
  if (!other || other.id === me.membership.id) throw new NotFound('member');
  if (q.blocked) {
    await ctx.db.insert(communityBlocks).values({ blockerId: me.membership.id, blockedId: other.id, createdAt: ctx.now }).onConflictDoNothing();
  } else {
    await ctx.db.delete(communityBlocks).where(and(eq(communityBlocks.blockerId, me.membership.id), eq(communityBlocks.blockedId, other.id)));
  }
  return { blocked: q.blocked };
}

export const messageSettingsInput = z.object({ community: z.string().min(1).max(200), messagesOff: z.boolean(), notifyMessages: z.boolean() });

/** A member turns private messages off (nobody may write to them) and chooses whether new ones are emailed. */
export async function setMessageSettings({ ctx, input }: { ctx: Context; input: z.input<typeof messageSettingsInput> }) {
  const q = parseInput(messageSettingsInput, input);
  const me = await requireMember(ctx, q.community);
  await ctx.db.update(communityMembers).set({ messagesOff: q.messagesOff, notifyMessages: q.notifyMessages }).where(eq(communityMembers.id, me.membership.id));
  return { messagesOff: q.messagesOff, notifyMessages: q.notifyMessages };
}

/** Who of two members blocked the other: `one`, `other`, both or neither. */
async function blocksBetween(ctx: Context, one: string, other: string): Promise<{ byOne: boolean; byOther: boolean }> {
  const rows = await ctx.db
    .select({ blocker: communityBlocks.blockerId })
    .from(communityBlocks)
    .where(
      or(and(eq(communityBlocks.blockerId, one), eq(communityBlocks.blockedId, other)), and(eq(communityBlocks.blockerId, other), eq(communityBlocks.blockedId, one))),
    );
  return { byOne: rows.some((r) => r.blocker === one), byOther: rows.some((r) => r.blocker === other) };
}

/** Whether either of two members blocked the other. */
export async function blockedBetween(ctx: Context, one: string, other: string): Promise<boolean> {
  const { byOne, byOther } = await blocksBetween(ctx, one, other);
  return byOne || byOther;
}

/** The members a member blocked or was blocked by. */
export async function blockedWith(ctx: Context, memberId: string): Promise<Set<string>> {
  const rows = await ctx.db
    .select({ blocker: communityBlocks.blockerId, blocked: communityBlocks.blockedId })
    .from(communityBlocks)
    .where(or(eq(communityBlocks.blockerId, memberId), eq(communityBlocks.blockedId, memberId)));
  return new Set(rows.map((r) => (r.blocker === memberId ? r.blocked : r.blocker)));
}

/** A conversation of the acting member, or not found (for anyone else, whoever they are). */
async function ownConversation(ctx: Context, id: string) {
  requireUserId(ctx);
  const [conversation] = await ctx.db.select().from(communityConversations).where(eq(communityConversations.id, id));
  if (!conversation) throw new NotFound('conversation');
  const me = await requireMember(ctx, conversation.groupId).catch(() => null);
  if (!me || (conversation.memberA !== me.membership.id && conversation.memberB !== me.membership.id)) throw new NotFound('conversation');
  return { conversation, me };
}

/** The nicknames of some members of communities, by membership. */
export async function nicknames(ctx: Context, memberIds: string[]): Promise<Map<string, string | null>> {
  if (memberIds.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: communityMembers.id, nickname: users.nickname })
    .from(communityMembers)
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(inArray(communityMembers.id, memberIds));
  return new Map(rows.map((r) => [r.id, r.nickname]));
}
