import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createMember, createUser } from '../../tests/support/factories';
import { communityTestDatabase, createCommunity, joinedMember } from '../../tests/support/communities';
import { emailOutbox } from '../../db/schema';
import { renderEmail } from '../../server/email/render';
import { unsubscribe } from '../participants/my-data';
import { getConversation, listConversations, sendMessage, setBlock, setMessageSettings } from './messages';
import { findPeople, setExperience } from './people';
import { dismissReports, listQueue, reportMessage, sanctionMember } from './moderation';

const NOW = new Date('2026-12-06T15:00:00Z');
const { db, as } = communityTestDatabase(NOW);

async function setting() {
  const { user: owner, organizationId } = await createMember(db(), 'owner');
  const g = await createCommunity(db(), { organizationId, titleFr: 'Proches en deuil' });
  const before = new Date(NOW.getTime() - 30 * 86_400_000);
  const ana = await joinedMember(db(), g.id, owner.id, 'Ana', before, 'fr');
  const bo = await joinedMember(db(), g.id, owner.id, 'Birchwood', before);
  const cy = await joinedMember(db(), g.id, owner.id, 'Cy', before);
  return { owner, organizationId, g, ana, bo, cy };
}

describe('private messages', () => {
  it('only the two members read a conversation; the other is emailed without the text, and may stop those emails', async () => {
    const { owner, g, ana, bo, cy } = await setting();
    const { conversationId } = await sendMessage({ ctx: as(bo.id), input: { community: g.id, to: ana.memberId, body: 'Your post helped me. Thank you.' } });
    // Writing again to the same person continues the same conversation; answering too.
    const later = (m: number) => new Date(NOW.getTime() + m * 60_000);
    expect((await sendMessage({ ctx: as(bo.id, later(1)), input: { community: g.id, to: ana.memberId, body: 'And good night.' } })).conversationId).toBe(conversationId);
    await sendMessage({ ctx: as(ana.id, later(2)), input: { conversationId, body: 'Merci à vous.' } });

    const seen = await getConversation({ ctx: as(ana.id), input: { conversationId } });
    expect(seen.messages.map((m) => [m.mine, m.body])).toEqual([
      [false, 'Your post helped me. Thank you.'],
      [false, 'And good night.'],
      [true, 'Merci à vous.'],
    ]);
    expect([seen.with.nickname, seen.canWrite]).toEqual(['Birchwood', true]);
    expect((await listConversations({ ctx: as(bo.id), input: { community: g.id } })).conversations.map((c) => c.with)).toEqual(['Ana']);
    // Nobody else reads it: another member, the organization's owner, a stranger.
    for (const who of [cy.id, owner.id, (await createUser(db())).id]) {
      await expect(getConversation({ ctx: as(who), input: { conversationId } })).rejects.toMatchObject({ code: 'not_found' });
      await expect(sendMessage({ ctx: as(who), input: { conversationId, body: 'hi' } })).rejects.toMatchObject({ code: 'not_found' });
    }

    const mails = await db().db.select().from(emailOutbox).where(and(eq(emailOutbox.toEmail, ana.email), eq(emailOutbox.template, 'community_message')));
    expect(mails).toHaveLength(2);
    const mail = renderEmail('community_message', mails[0]!.payload as never, 'fr', as(ana.id).settings);
    expect(mail.subject).toBe('Un message privé dans Proches en deuil');
    expect(mail.text).not.toContain('helped');
    expect(mail.text).not.toContain('Birchwood');
    expect(mail.text).toContain(`/communaute/messages/${conversationId}`);
    const token = /\/unsubscribe\/([^>]+)>/.exec(mail.headers['List-Unsubscribe']!)![1]!;
    await unsubscribe({ ctx: as(ana.id), input: { token } });
    await sendMessage({ ctx: as(bo.id), input: { conversationId, body: 'One more.' } });
    expect(await db().db.select().from(emailOutbox).where(and(eq(emailOutbox.toEmail, ana.email), eq(emailOutbox.template, 'community_message')))).toEqual([]);
  });

  it('a block stops messages and the finder both ways, told as “not available”; messages off too; muted members do not write', async () => {
    const { owner, organizationId, g, ana, bo, cy } = await setting();
    const { conversationId } = await sendMessage({ ctx: as(bo.id), input: { community: g.id, to: ana.memberId, body: 'Hello' } });
    for (const who of [ana, bo]) await setExperience({ ctx: as(who.id), input: { community: g.id, findable: true, year: 2024 } });
    expect((await findPeople({ ctx: as(ana.id), input: { community: g.id, by: 'experience' } })).map((p) => p.nickname)).toEqual(['Birchwood']);

    await setBlock({ ctx: as(ana.id), input: { community: g.id, memberId: bo.memberId, blocked: true } });
    await expect(sendMessage({ ctx: as(bo.id), input: { conversationId, body: 'Why?' } })).rejects.toMatchObject({ code: 'forbidden', reason: 'unavailable' });
    await expect(sendMessage({ ctx: as(bo.id), input: { community: g.id, to: ana.memberId, body: 'Why?' } })).rejects.toMatchObject({ reason: 'unavailable' });
    expect((await getConversation({ ctx: as(bo.id), input: { conversationId } })).canWrite).toBe(false);
    expect(await findPeople({ ctx: as(bo.id), input: { community: g.id, by: 'experience' } })).toEqual([]);
    expect(await findPeople({ ctx: as(ana.id), input: { community: g.id, by: 'experience' } })).toEqual([]);
    await setBlock({ ctx: as(ana.id), input: { community: g.id, memberId: bo.memberId, blocked: false } });
    await sendMessage({ ctx: as(bo.id), input: { conversationId, body: 'Thanks for unblocking.' } });

    await setMessageSettings({ ctx: as(cy.id), input: { community: g.id, messagesOff: true, notifyMessages: true } });
    await expect(sendMessage({ ctx: as(ana.id), input: { community: g.id, to: cy.memberId, body: 'Hi' } })).rejects.toMatchObject({ reason: 'unavailable' });
    await sanctionMember({ ctx: as(owner.id), input: { memberId: bo.memberId, sanction: 'mute', days: 2, reason: 'Pause.' } });
    await expect(sendMessage({ ctx: as(bo.id), input: { conversationId, body: 'Still here' } })).rejects.toMatchObject({ code: 'forbidden', reason: 'muted' });
    // Not a member of the community, or oneself: no such member.
    const other = await createCommunity(db(), { organizationId });
    const stranger = await joinedMember(db(), other.id, owner.id, 'Far', NOW);
    await expect(sendMessage({ ctx: as(ana.id), input: { community: g.id, to: stranger.memberId, body: 'Hi' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(sendMessage({ ctx: as(ana.id), input: { community: g.id, to: ana.memberId, body: 'Hi' } })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('limits how many messages a new member writes in an hour', async () => {
    const { owner, g, ana } = await setting();
    const fresh = await joinedMember(db(), g.id, owner.id, 'Fresh', NOW);
    for (let i = 0; i < 10; i++) await sendMessage({ ctx: as(fresh.id), input: { community: g.id, to: ana.memberId, body: `m${i}` } });
    await expect(sendMessage({ ctx: as(fresh.id), input: { community: g.id, to: ana.memberId, body: 'again' } })).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('reach the moderators only when the person who received one reports it', async () => {
    const { owner, g, ana, bo, cy } = await setting();
    const { conversationId } = await sendMessage({ ctx: as(bo.id), input: { community: g.id, to: ana.memberId, body: 'Send me <b>money</b>\nnow.' } });
    const [message] = (await getConversation({ ctx: as(ana.id), input: { conversationId } })).messages;
    expect(await listQueue({ ctx: as(owner.id), input: { community: g.id } })).toEqual([]);
    // Its sender, another member, the organization's owner: not found.
    for (const who of [bo.id, cy.id, owner.id]) {
      await expect(reportMessage({ ctx: as(who), input: { messageId: message!.id, reason: 'spam' } })).rejects.toMatchObject({ code: 'not_found' });
    }
    await reportMessage({ ctx: as(ana.id), input: { messageId: message!.id, reason: 'spam', details: 'Asks for money.' } });
    const [item] = await listQueue({ ctx: as(owner.id), input: { community: g.id } });
    expect(item).toMatchObject({ kind: 'message', id: message!.id, html: '<p>Send me &lt;b&gt;money&lt;/b&gt;<br>now.</p>', author: { nickname: 'Birchwood', memberId: bo.memberId } });
    // The moderators see who sent it (to mute or ban them from there), or leave it as it is.
    expect(await dismissReports({ ctx: as(owner.id), input: { messageId: message!.id } })).toEqual({ dismissed: 1 });
    expect(await listQueue({ ctx: as(owner.id), input: { community: g.id } })).toEqual([]);
  });
});
