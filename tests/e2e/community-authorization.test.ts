import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, migrateDatabase } from '../../db/client';
import { communityImages, intakeQuestions, users } from '../../db/schema';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { diskStore } from '../../core/files/store';
import { addMember, atWallClock, createGroup, createOrganization } from '../support/factories';
import { createContext } from '../../core/context';
import { decideJoinRequest, requestToJoin, setModerator } from '../../core/communities/membership';
import { createComment, createPost } from '../../core/communities/posts';
import { report, sanctionMember } from '../../core/communities/moderation';
import { sendMessage } from '../../core/communities/messages';
import { createAuth } from '../../server/auth';
import { PAGES } from '../../app/lib/paths';
import { startServer, type RunningServer } from './server-process';

// Every community page and action, as each kind of outsider: an anonymous visitor, a signed-in
// person who is not a member, one whose request is pending, a member of another community and a
// moderator of another community, and a person banned from A. None of them sees what community A's
// members wrote, who they are, or a request's answers, and none of their posts changes anything.
// A muted member of A reads but writes nothing. Nor does any of it reach search, the public API or
// a group page, and the organization's moderation queue is its owners' and admins' only.
const SECRET_KEY = 'community-authz-key-0123456789abcdef-xyz';
const PASSWORD = 'a long enough passphrase';
const SENSITIVE = ['a private message', 'a very private post', 'a private reply', 'my private answer', 'SecretAuthor', 'secret.author@example.org', 'Anonymous member'];
const OUTSIDERS = ['anonymous', 'stranger', 'pending', 'memberOfB', 'moderatorOfB', 'banned'] as const;
type Outsider = (typeof OUTSIDERS)[number];

describe('who may see and do what in a community', () => {
  let server: RunningServer;
  let dataDir: string;
  const ids = { a: '', b: '', post: '', image: '', conversation: '', comment: '', pendingMember: '', mutedMember: '', org: '', slugA: 'authz-community-a', slugB: 'authz-community-b' };
  const cookies: Record<string, string> = {};
  let before = '';

  /** What the owner of A sees of it (posts, comments, reactions, requests): equal before and after means nothing changed (the CSRF token and the scripts' nonce differ on every answer). */
  async function ownerView() {
    const pages = [
      `/en/groups/${ids.slugA}/community`,
      `/en/groups/${ids.slugA}/community/posts/${ids.post}`,
      `/en/groups/${ids.slugA}/community/requests`,
      `/en/groups/${ids.slugA}/community/moderation`,
      `/en/groups/${ids.slugB}/community`,
      `/en/organize/${ids.org}/moderation`,
    ];
    const bodies = await Promise.all(pages.map(async (p) => (await get('owner', p)).body.replace(/name="_csrf" value="[^"]+"/g, '').replace(/ nonce="[^"]+"/g, '')));
    return bodies.join('\n');
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cercle-community-authz-'));
    const handle = await openPglite(dataDir);
    await migrateDatabase(handle);
    const f = atWallClock(handle.db);
    const org = await createOrganization(f);
    const auth = createAuth(handle.db, { publicUrl: 'http://127.0.0.1', signingKey: SECRET_KEY });
    ids.org = org.slug;
    const people = ['owner', 'author', 'stranger', 'pending', 'memberOfB', 'moderatorOfB', 'muted', 'banned'] as const;
    const userIds: Record<string, string> = {};
    for (const p of people) {
      await auth.api.signUpEmail({ body: { name: p === 'author' ? 'SecretAuthor Realname' : p, email: p === 'author' ? 'secret.author@example.org' : `${p}@example.org`, password: PASSWORD } });
    }
    await handle.db.update(users).set({ emailVerified: true });
    for (const u of await handle.db.select().from(users)) userIds[u.email === 'secret.author@example.org' ? 'author' : u.email.split('@')[0]!.toLowerCase()] = u.id;
    await addMember(f, org.id, userIds['owner']!, 'owner');
    const community = (slug: string) =>
      createGroup(f, { organizationId: org.id, slug, kind: 'online_community', format: 'ongoing', dropInStyle: null, delivery: 'online', street: null, rulesEn: 'Be kind.', rulesFr: 'Soyez bienveillants.' });
    const a = await community(ids.slugA);
    const b = await community(ids.slugB);
    ids.a = a.id;
    ids.b = b.id;
    const [q] = await handle.db.insert(intakeQuestions).values({ groupId: a.id, position: 1, type: 'text', labelEn: 'Why?', labelFr: 'Pourquoi?', required: true }).returning();
    const as = (who: string) => createContext(handle.db, { now: new Date(), actor: { type: 'user', userId: userIds[who.toLowerCase()]! } });
    const join = async (who: string, groupId: string, nickname: string, answers: Record<string, string> = {}) => {
      const r = await requestToJoin({ ctx: as(who), input: { community: groupId, nickname, acceptRules: true, answers } });
      return r.memberId;
    };
    const approve = (memberId: string) => decideJoinRequest({ ctx: as('owner'), input: { memberId, decision: 'approve' } });
    const authorMember = await join('author', a.id, 'SecretAuthor', { [q!.id]: 'because' });
    await approve(authorMember);
    ids.pendingMember = await join('pending', a.id, 'Waiting', { [q!.id]: 'my private answer' });
    await approve(await join('memberOfB', b.id, 'Bee'));
    const modId = await join('moderatorOfB', b.id, 'Warden');
    await approve(modId);
    await setModerator({ ctx: as('owner'), input: { memberId: modId, moderator: true } });
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#884422' } }).jpeg().toBuffer();
    ids.post = (
      await createPost({ ctx: { ...as('author'), files: diskStore(path.join(dataDir, 'files')) }, input: { community: a.id, body: 'a very private post', anonymous: true, images: [{ data: photo }] } })
    ).postId;
    ids.image = (await handle.db.select({ id: communityImages.id }).from(communityImages).where(eq(communityImages.postId, ids.post)))[0]!.id;
    ids.comment = (await createComment({ ctx: as('author'), input: { postId: ids.post, body: 'a private reply' } })).commentId;
    // A member who reported the reply and was then muted; another who was banned.
    ids.mutedMember = await join('muted', a.id, 'Hushed', { [q!.id]: 'x' });
    await approve(ids.mutedMember);
    await report({ ctx: as('muted'), input: { commentId: ids.comment, reason: 'spam' } });
    ids.conversation = (await sendMessage({ ctx: as('muted'), input: { community: a.id, to: authorMember, body: 'a private message' } })).conversationId;
    await sanctionMember({ ctx: as('owner'), input: { memberId: ids.mutedMember, sanction: 'mute', days: 30, reason: 'Cooling off.' } });
    const bannedMember = await join('banned', a.id, 'Gone', { [q!.id]: 'x' });
    await approve(bannedMember);
    await sanctionMember({ ctx: as('owner'), input: { memberId: bannedMember, sanction: 'ban', reason: 'Insults.' } });
    await handle.close();

    server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: 'false', SECRET_KEY, WORKER: 'off' });
    for (const who of ['stranger', 'pending', 'memberOfB', 'moderatorOfB', 'owner', 'muted', 'banned']) {
      const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ email: `${who}@example.org`, password: PASSWORD }),
      });
      expect(res.status).toBe(200);
      cookies[who] = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    }
    cookies.anonymous = '';
  });

  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Every community page of community A, in both languages. */
  function communityPaths(): string[] {
    return Object.entries(PAGES)
      .filter(([key]) => key.startsWith('community'))
      .flatMap(([, page]) => [page.en, page.fr])
      .map((p) =>
        p.replace(/:(\w+)/g, (_, param: string) => {
          if (param === 'slug') return ids.slugA;
          if (param === 'post') return ids.post;
          if (param === 'conversation') return ids.conversation;
          throw new Error(`community authorization test: no value for :${param} — add one so the new page is covered`);
        }),
      );
  }

  const get = async (who: Outsider | 'owner' | 'muted', p: string) => {
    const res = await fetch(`${server.url}${p}`, { headers: cookies[who] ? { cookie: cookies[who]! } : {}, redirect: 'manual' });
    return { status: res.status, location: res.headers.get('location') ?? '', body: await res.text() };
  };

  it('covers every community page', () => {
    expect(communityPaths()).toContain(`/fr/groupes/${ids.slugA}/communaute/publications/${ids.post}`);
    expect(communityPaths()).toContain(`/fr/groupes/${ids.slugA}/communaute/moderation`);
    expect(communityPaths()).toContain(`/en/groups/${ids.slugA}/community/new-post`);
    expect(communityPaths()).toContain(`/fr/groupes/${ids.slugA}/communaute/personnes`);
    expect(communityPaths()).toContain(`/fr/groupes/${ids.slugA}/communaute/messages/${ids.conversation}`);
    expect(communityPaths().length).toBe(16);
  });

  it('shows outsiders how to join, and nothing members wrote, who they are, or anyone’s answers', async () => {
    for (const who of OUTSIDERS) {
      for (const p of communityPaths()) {
        const { status, location, body } = await get(who, p);
        for (const secret of SENSITIVE) expect(body, `${who} ${p}`).not.toContain(secret);
        if (p.endsWith('/community') || p.endsWith('/communaute')) expect(status, `${who} ${p}`).toBe(200);
        else if (who === 'anonymous' && /\/(requests|demandes)$/.test(p)) expect(location, p).toMatch(/\/(account\/sign-in|compte\/connexion)\?next=/);
        else expect([302, 303, 404], `${who} ${p}`).toContain(status);
        if (status === 302 || status === 303) expect(location, `${who} ${p}`).not.toContain(ids.post);
      }
    }
    // The control: a moderator of A (its owner) sees it all, and who wrote the anonymous post.
    const owner = await get('owner', `/en/groups/${ids.slugA}/community/posts/${ids.post}`);
    expect(owner.body).toContain('a very private post');
    expect(owner.body).toContain('SecretAuthor');
    expect((await get('owner', `/en/groups/${ids.slugA}/community/requests`)).body).toContain('my private answer');
    // The moderation queues: the community's and the organization's, for those who moderate only.
    for (const p of [`/en/groups/${ids.slugA}/community/moderation`, `/fr/organiser/${ids.org}/moderation`]) {
      expect((await get('owner', p)).body, p).toContain('a private reply');
      for (const who of [...OUTSIDERS, 'muted'] as const) {
        const { status, body } = await get(who, p);
        expect([302, 303, 404], `${who} ${p}`).toContain(status);
        for (const secret of SENSITIVE) expect(body, `${who} ${p}`).not.toContain(secret);
      }
    }
    // A private conversation: its two members only — not the organization's owner either.
    const talk = `/en/groups/${ids.slugA}/community/messages/${ids.conversation}`;
    expect((await get('owner', talk)).status).toBe(404);
    expect((await get('muted', talk)).body).toContain('a private message');
    expect((await get('owner', `/community/conversations/${ids.conversation}/live`)).status).toBe(404);
    for (const who of OUTSIDERS) expect((await get(who, `/community/conversations/${ids.conversation}/live`)).status, who).toBe(404);
    // The post's image: for members and the organization; anyone else gets the same 404 as for no image.
    const image = `/community/images/${ids.image}`;
    expect((await get('owner', image)).status).toBe(200);
    expect((await get('muted', image)).status).toBe(200);
    for (const who of OUTSIDERS) expect((await get(who, image)).status, who).toBe(404);
    expect((await get('owner', '/community/images/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // Searching the community finds nothing for them (they see how to join), and the muted member reads.
    for (const who of OUTSIDERS) {
      const { body } = await get(who, `/en/groups/${ids.slugA}/community?q=private`);
      for (const secret of SENSITIVE) expect(body, `${who} search`).not.toContain(secret);
    }
    expect((await get('muted', `/en/groups/${ids.slugA}/community?q=private`)).body).toContain('a very private post');
    // The live news: members only (the stream is opened, its headers read, and closed).
    for (const who of OUTSIDERS) expect((await get(who, `/community/live/${ids.a}`)).status, who).toBe(404);
    for (const who of ['owner', 'muted'] as const) {
      const stop = new AbortController();
      const res = await fetch(`${server.url}/community/live/${ids.a}`, { headers: { cookie: cookies[who]! }, signal: stop.signal });
      expect([res.status, res.headers.get('content-type')], who).toEqual([200, 'text/event-stream; charset=utf-8']);
      stop.abort();
    }
    // The banned person is told why, in their language.
    expect((await get('banned', `/fr/groupes/${ids.slugA}/communaute`)).body).toContain('Insults.');
  });

  it('lets a muted member read, and neither write, react nor moderate, telling them until when and why', async () => {
    const page = await get('muted', `/en/groups/${ids.slugA}/community/posts/${ids.post}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('a very private post');
    // (The reply is signed with its author's nickname; their name and email show nowhere.)
    for (const secret of ['secret.author@example.org', 'Realname']) expect(page.body).not.toContain(secret);
    const home = await get('muted', `/fr/groupes/${ids.slugA}/communaute`);
    expect(home.body).toContain('Cooling off.');
    expect(home.body).not.toContain('name="intent" value="post"');
    const csrf = home.body.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? 'none';
    expect(csrf).not.toBe('none');
    const before = await ownerView();
    const forms: [string, Record<string, string>][] = [
      [`/en/groups/${ids.slugA}/community/new-post`, { intent: 'post', body: 'a muted post' }],
      [`/en/groups/${ids.slugA}/community`, { intent: 'react', postId: ids.post, reaction: 'support:on' }],
      [`/en/groups/${ids.slugA}/community/posts/${ids.post}`, { intent: 'comment', body: 'a muted comment' }],
      [`/en/groups/${ids.slugA}/community/moderation`, { intent: 'reinstate', memberId: ids.mutedMember }],
      [`/en/groups/${ids.slugA}/community/moderation`, { intent: 'remove', commentId: ids.comment, reason: 'x' }],
      [`/en/organize/${ids.org}/moderation`, { intent: 'reinstate', memberId: ids.mutedMember }],
    ];
    for (const [p, form] of forms) {
      const res = await fetch(`${server.url}${p}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookies.muted!, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, ...form }),
      });
      expect([403, 404, 302, 303], `muted POST ${p} ${JSON.stringify(form)}`).toContain(res.status);
      // The page that takes new posts sends them back to the community, which says they are muted.
      if (res.status === 302 || res.status === 303) expect(res.headers.get('location'), p).toBe(`/en/groups/${ids.slugA}/community`);
    }
    expect(await ownerView()).toBe(before);
  });

  it('lets no outsider write, react, edit, delete or decide anything', async () => {
    before = await ownerView();
    expect(before).toContain('a private reply');
    expect(before).toContain('my private answer');
    const csrfOf = async (who: Outsider) => (await get(who, `/en/groups/${ids.slugB}/community`)).body.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? 'none';
    for (const who of OUTSIDERS) {
      // A token of their own (from a page they may use): what stops them is their standing, not the CSRF check.
      const csrf = who === 'anonymous' ? 'none' : await csrfOf(who);
      if (who !== 'anonymous') expect(csrf, who).not.toBe('none');
      const forms: Record<string, string>[] = [
        { intent: 'post', body: 'an intruder post' },
        { intent: 'react', postId: ids.post, reaction: 'support:on' },
        { intent: 'react', commentId: ids.comment, reaction: 'thanks:on' },
        { intent: 'comment', body: 'an intruder comment' },
        { intent: 'comment', parentId: ids.comment, body: 'an intruder reply' },
        { intent: 'edit-post', body: 'rewritten' },
        { intent: 'delete-post' },
        { intent: 'edit-comment', commentId: ids.comment, body: 'rewritten' },
        { intent: 'delete-comment', commentId: ids.comment },
        { memberId: ids.pendingMember, decision: 'approve' },
        { memberId: ids.pendingMember, decision: 'decline', reason: 'no' },
        { intent: 'report', postId: ids.post, reason: 'spam' },
        { intent: 'remove', postId: ids.post, reason: 'gone' },
        { intent: 'remove', commentId: ids.comment, reason: 'gone' },
        { intent: 'dismiss', commentId: ids.comment },
        { intent: 'mute', memberId: ids.mutedMember, days: '1', reason: 'x' },
        { intent: 'ban', memberId: ids.mutedMember, reason: 'x' },
        { intent: 'reinstate', memberId: ids.mutedMember },
        { intent: 'rules', rulesEn: 'Anything goes.', rulesFr: 'Tout est permis.' },
        { intent: 'emails', replies: 'on', digest: 'on' },
        { findable: 'on', year: '2020' },
        { body: 'an intruder message', to: ids.mutedMember },
        { intent: 'block', memberId: ids.mutedMember, blocked: 'true' },
      ];
      for (const p of [...communityPaths(), `/en/organize/${ids.org}/moderation`]) {
        for (const form of forms) {
          const res = await fetch(`${server.url}${p}`, {
            method: 'POST',
            redirect: 'manual',
            headers: { ...(cookies[who] ? { cookie: cookies[who]! } : {}), 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ _csrf: csrf, ...form }),
          });
          const text = await res.text();
          expect([302, 303, 400, 403, 404, 405], `${who} POST ${p} ${JSON.stringify(form)}`).toContain(res.status);
          // Sent to sign in, or (the page's loader refusing them after the action did) to the community's outside page.
          if (res.status === 302 || res.status === 303) expect(res.headers.get('location') ?? '', `${who} POST ${p}`).toMatch(/sign-in|connexion|\/(community|communaute)$/);
          for (const secret of SENSITIVE) expect(text, `${who} POST ${p}`).not.toContain(secret);
        }
      }
    }
    expect(await ownerView()).toBe(before);
  });

  it('keeps community content out of search, the public API and the group page', async () => {
    for (const p of [
      `/en/groups/${ids.slugA}`,
      `/fr/groupes/${ids.slugA}`,
      `/api/v1/groups/${ids.a}`,
      '/api/v1/groups?q=private',
      '/en/groups?q=private%20post',
      `/en/groups/${ids.slugA}/calendar.ics`,
    ]) {
      const { body } = await get('anonymous', p);
      for (const secret of SENSITIVE) expect(body, p).not.toContain(secret);
    }
  });
});
