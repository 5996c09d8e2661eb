import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openPostgres, migrateDatabase, type DatabaseHandle } from '../../db/client';
import { applications, articles, auditLog, groups, intakeQuestions, organizationInvitations, participants, registrations, users } from '../../db/schema';
import { atWallClock, addFacilitator, addMember, createCohort, createFacilitator, createGroup, createOrganization, createSession } from '../support/factories';
import { createAuth } from '../../server/auth';
import { PAGES } from '../../app/lib/paths';
import { seedArticles } from '../../db/seed';
import routes from '../../app/routes';
import { scratchPostgres } from '../support/db';
import { startServer, type RunningServer } from './server-process';

// Every organizer and admin page, and every organizer resource route, refuses people who have no
// business there: an anonymous visitor is sent to sign in, a member of another organization gets
// "not found" and sees none of the registrants' names, emails, answers or online links, a
// facilitator cannot manage members, and posting to them changes nothing. Runs on PostgreSQL.
const base = process.env.TEST_DATABASE_URL;
const SECRET_KEY = 'authorization-test-key-0123456789abcdef';

const SENSITIVE = ['hidden.person@example.org', 'Hidden Person', 'my very private answer', 'meet.example.org/private-room-a'];

describe.skipIf(!base)('who may see and do what in the organizer and admin areas', () => {
  let database: Awaited<ReturnType<typeof scratchPostgres>> | undefined;
  const url = () => database!.url;
  let server: RunningServer;
  let handle: DatabaseHandle;
  const ids = { org: '', group: '', session: '', cohort: '', article: '' };
  const cookies = { stranger: '', facilitator: '', owner: '' };

  async function account(email: string): Promise<string> {
    const auth = createAuth(handle.db, { publicUrl: server.url, signingKey: SECRET_KEY });
    await auth.api.signUpEmail({ body: { name: email.split('@')[0]!, email, password: 'a long enough passphrase' } });
    const [user] = await handle.db.update(users).set({ emailVerified: true }).where(eq(users.email, email)).returning();
    const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email, password: 'a long enough passphrase' }),
    });
    expect(res.status).toBe(200);
    expect(user).toBeTruthy();
    return res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  }

  beforeAll(async () => {
    database = await scratchPostgres(base!, 'cercle_authz');
    handle = await openPostgres(url());
    await migrateDatabase(handle);
    server = await startServer({ DATABASE_URL: url(), SEED_DEMO: 'false', SECRET_KEY, WORKER: 'off' });

    // Organization A, with a group, a session with a registrant, a cohort with an application.
    const orgA = await createOrganization(atWallClock(handle.db), { slug: 'authz-org-a' });
    ids.org = orgA.id;
    const group = await createGroup(atWallClock(handle.db), {
      organizationId: orgA.id,
      delivery: 'hybrid',
      onlineUrl: 'https://meet.example.org/private-room-a',
      sessionCapacity: 10,
    });
    ids.group = group.id;
    const session = await createSession(atWallClock(handle.db), { groupId: group.id, startsAt: new Date(Date.now() + 5 * 86_400_000) });
    ids.session = session.id;
    const [question] = await handle.db
      .insert(intakeQuestions)
      .values({ groupId: group.id, position: 1, type: 'text', labelEn: 'Anything we should know?', labelFr: 'Autre chose?' })
      .returning();
    const [person] = await handle.db.insert(participants).values({ email: 'hidden.person@example.org' }).returning();
    const participantId = person!.id;
    await handle.db.insert(registrations).values({
      sessionId: session.id,
      participantId,
      status: 'confirmed',
      displayName: 'Hidden Person',
      answers: { [question!.id]: 'my very private answer' },
      consentAt: new Date(),
    });
    const closed = await createGroup(atWallClock(handle.db), { organizationId: orgA.id, format: 'closed', dropInStyle: null, leadership: 'professional' });
    const cohort = await createCohort(
      atWallClock(handle.db),
      { groupId: closed.id, startsOn: '2027-01-10', endsOn: '2027-03-01', capacity: 8 },
      ['First steps'],
    );
    ids.cohort = cohort.id;
    await handle.db.insert(applications).values({
      cohortId: cohort.id,
      participantId,
      displayName: 'Hidden Person',
      answers: { note: 'my very private answer' },
      committedAt: new Date(),
      consentAt: new Date(),
    });

    // A member of another organization, a facilitator of A, an owner of A.
    cookies.stranger = await account('stranger@example.org');
    const orgB = await createOrganization(atWallClock(handle.db), { slug: 'authz-org-b' });
    const [stranger] = await handle.db.select().from(users).where(eq(users.email, 'stranger@example.org'));
    await addMember(atWallClock(handle.db), orgB.id, stranger!.id, 'owner');
    cookies.facilitator = await account('facilitator@example.org');
    const [facilitator] = await handle.db.select().from(users).where(eq(users.email, 'facilitator@example.org'));
    await addMember(atWallClock(handle.db), orgA.id, facilitator!.id, 'facilitator');
    cookies.owner = await account('owner@example.org');
    const [owner] = await handle.db.select().from(users).where(eq(users.email, 'owner@example.org'));
    await addMember(atWallClock(handle.db), orgA.id, owner!.id, 'owner');
    // An article (the admin area's editor): a shipped guide.
    await seedArticles(handle.db, { now: new Date() });
    ids.article = (await handle.db.select({ id: articles.id }).from(articles).limit(1))[0]!.id;
  });

  afterAll(async () => {
    await server?.stop();
    await handle?.close();
    await database?.drop();
  });

  /** Every organizer/admin path of organization A's objects, in both languages. */
  function protectedPaths(): string[] {
    const fill = (p: string) =>
      p.replace(/:(\w+)/g, (_, param: string) => {
        switch (param) {
          case 'org':
            return 'authz-org-a';
          case 'group':
            return ids.group;
          case 'session':
            return ids.session;
          case 'cohort':
            return ids.cohort;
          case 'article':
            return ids.article;
          case 'lang':
            return 'fr';
          default:
            throw new Error(`authorization test: no value for :${param} — add one so the new page is covered`);
        }
      });
    const pagePaths = Object.entries(PAGES)
      .filter(([key]) => (key.startsWith('org') || key.startsWith('admin')) && key !== 'orgInvitation')
      .flatMap(([, page]) => [page.en, page.fr]);
    const resourcePaths = (routes as { path?: string }[])
      .map((r) => r.path ?? '')
      .filter((p) => /^(en\/organize|fr\/organiser|en\/admin|fr\/admin)\//.test(p))
      .map((p) => `/${p}`);
    return [...new Set([...pagePaths, ...resourcePaths])].map(fill);
  }

  it('covers the organizer and admin pages', () => {
    const paths = protectedPaths();
    expect(paths.length).toBeGreaterThan(10);
    expect(paths).toContain('/en/organize/authz-org-a/members');
  });

  it('sends an anonymous visitor to sign in, from every page, and answers no POST', async () => {
    for (const path of protectedPaths()) {
      const res = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      expect([302, 303], path).toContain(res.status);
      expect(res.headers.get('location') ?? '', path).toMatch(/\/(account\/sign-in|compte\/connexion)\?next=/);
      const post = await fetch(`${server.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'intent=delete',
      });
      expect([302, 303, 403, 404, 405], `POST ${path}`).toContain(post.status);
      const text = await post.text();
      for (const secret of SENSITIVE) expect(text, `POST ${path}`).not.toContain(secret);
    }
  });

  it('shows a member of another organization nothing of organization A', async () => {
    const page = await fetch(`${server.url}/en/organize`, { headers: { cookie: cookies.stranger } });
    const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? 'none';
    // A valid token of their own: what stops them below is their role, not the CSRF check.
    expect(csrf).not.toBe('none');
    const before = await handle.db.select({ status: groups.status, title: groups.titleEn }).from(groups).where(eq(groups.id, ids.group));
    // Their own list of organizations is theirs to see; everything of organization A is not.
    for (const path of protectedPaths().filter((p) => p.includes('authz-org-a') || p.includes('/admin'))) {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie: cookies.stranger }, redirect: 'manual' });
      expect([403, 404], path).toContain(res.status);
      const body = await res.text();
      for (const secret of SENSITIVE) expect(body, path).not.toContain(secret);
      for (const intent of ['publish', 'archive', 'cancel', 'message', 'invite', 'delete']) {
        const post = await fetch(`${server.url}${path}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: cookies.stranger, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _csrf: csrf, intent, email: 'x@example.org', role: 'owner', message: 'hello', reason: 'x' }),
        });
        expect([403, 404, 405], `POST ${path} ${intent}`).toContain(post.status);
        const text = await post.text();
        for (const secret of SENSITIVE) expect(text, `POST ${path}`).not.toContain(secret);
      }
    }
    // Nothing changed in organization A.
    const after = await handle.db.select({ status: groups.status, title: groups.titleEn }).from(groups).where(eq(groups.id, ids.group));
    expect(after).toEqual(before);
    expect(await handle.db.select().from(organizationInvitations)).toEqual([]);
    const live = await handle.db.select().from(registrations).where(eq(registrations.sessionId, ids.session));
    expect(live.map((r) => r.status)).toEqual(['confirmed']);
  });

  it('lets a facilitator see the members but not manage them; the owner can', async () => {
    const members = await fetch(`${server.url}/en/organize/authz-org-a/members`, { headers: { cookie: cookies.facilitator } });
    expect(members.status).toBe(200);
    const csrf = (await members.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? 'none';
    expect(csrf).not.toBe('none');
    const invite = await fetch(`${server.url}/en/organize/authz-org-a/members`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookies.facilitator, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, intent: 'invite', email: 'newcomer@example.org', role: 'admin' }),
    });
    expect(invite.status).toBe(403);
    expect(await handle.db.select().from(organizationInvitations)).toEqual([]);
    // The audit log is for owners and admins.
    const audit = await fetch(`${server.url}/en/organize/authz-org-a/audit`, { headers: { cookie: cookies.facilitator }, redirect: 'manual' });
    expect(audit.status).toBe(403);
    const ownerAudit = await fetch(`${server.url}/en/organize/authz-org-a/audit`, { headers: { cookie: cookies.owner }, redirect: 'manual' });
    expect(ownerAudit.status).toBe(200);
  });

  it('shows a facilitator the people of the groups they facilitate only, and lets them act there only', async () => {
    const ofPeople = protectedPaths().filter((p) => p.includes(ids.session) || p.includes(ids.cohort));
    expect(ofPeople).toContain(`/en/organize/authz-org-a/sessions/${ids.session}/registrants.csv`);
    const page = await fetch(`${server.url}/en/organize/authz-org-a/members`, { headers: { cookie: cookies.facilitator } });
    const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? 'none';
    const look = async (cookie: string, path: string) => {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
      return { status: res.status, body: await res.text() };
    };
    // Not (yet) facilitating either group: nothing of their people, and nothing done.
    for (const path of ofPeople) {
      const { status, body } = await look(cookies.facilitator, path);
      expect(status, path).toBe(403);
      for (const secret of SENSITIVE) expect(body, path).not.toContain(secret);
      for (const intent of ['cancel', 'message', 'attendance', 'decide']) {
        const post = await fetch(`${server.url}${path}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: cookies.facilitator, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _csrf: csrf, intent, message: 'hello', reason: 'Room flooded' }),
        });
        expect([403, 404, 405], `POST ${path} ${intent}`).toContain(post.status);
      }
    }
    const live = await handle.db.select().from(registrations).where(eq(registrations.sessionId, ids.session));
    expect(live.map((r) => r.status)).toEqual(['confirmed']);
    // The owner sees them.
    const sessionPage = `/en/organize/authz-org-a/sessions/${ids.session}`;
    expect((await look(cookies.owner, sessionPage)).body).toContain('Hidden Person');
    // Made a facilitator of the drop-in group: its session's people, not the cohort's.
    const [facilitator] = await handle.db.select().from(users).where(eq(users.email, 'facilitator@example.org'));
    const profile = await createFacilitator(atWallClock(handle.db), { organizationId: ids.org, userId: facilitator!.id });
    await addFacilitator(atWallClock(handle.db), ids.group, profile.id);
    const mine = await look(cookies.facilitator, sessionPage);
    expect(mine.status).toBe(200);
    expect(mine.body).toContain('Hidden Person');
    const cohortPage = await look(cookies.facilitator, `/en/organize/authz-org-a/cohorts/${ids.cohort}`);
    expect(cohortPage.status).toBe(403);
    expect(cohortPage.body).toContain('you see and run the groups you facilitate only');
    expect(cohortPage.body).not.toContain('Hidden Person');
  });

  it('exports a session’s people by a POST with the CSRF token only: a GET writes nothing to the audit log', async () => {
    const sessionPage = `/en/organize/authz-org-a/sessions/${ids.session}`;
    const csvPath = `${sessionPage}/registrants.csv`;
    const audited = async () => (await handle.db.select().from(auditLog)).length;
    const before = await audited();
    const get = await fetch(`${server.url}${csvPath}`, { headers: { cookie: cookies.owner }, redirect: 'manual' });
    expect(get.status).toBe(303);
    expect(get.headers.get('location')).toBe(sessionPage);
    expect(await audited()).toBe(before);
    const page = await (await fetch(`${server.url}${sessionPage}`, { headers: { cookie: cookies.owner } })).text();
    // The page's download is a form posting to the file's address.
    expect(page).toMatch(new RegExp(`<form [^>]*action="${csvPath}" method="post"`));
    const csrf = page.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? 'none';
    const post = (body: Record<string, string>) =>
      fetch(`${server.url}${csvPath}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookies.owner, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(body),
      });
    const forged = await post({});
    expect(forged.status).toBe(403);
    expect(await audited()).toBe(before);
    const file = await post({ _csrf: csrf });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await file.text()).toContain('Hidden Person');
    expect(await audited()).toBe(before + 1);
  });

  it('keeps the admin area to platform administrators', async () => {
    for (const who of [cookies.owner, cookies.facilitator, cookies.stranger]) {
      for (const path of ['/en/admin', '/fr/admin', '/en/admin/licences']) {
        const res = await fetch(`${server.url}${path}`, { headers: { cookie: who }, redirect: 'manual' });
        expect([403, 404], path).toContain(res.status);
      }
    }
  });
});
