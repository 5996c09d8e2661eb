import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPglite, migrateDatabase } from '../../db/client';
import { applications, articles, intakeQuestions, participants, registrations } from '../../db/schema';
import { seedArticles } from '../../db/seed';
import { atWallClock, addMember, createCohort, createGroup, createOrganization, createSession } from '../support/factories';
import { PAGES } from '../../app/lib/paths';
import { expectAccessible, hasChromium, launchBrowser, newPage } from './browser';
import { startServer, type RunningServer } from './server-process';
import { confirmedAccounts } from '../support/story';

// Every organizer and admin page, in both languages, with real content on it (a group, a session
// with a registrant, a cohort with an application), passes the accessibility checks and loads
// without errors for the people allowed to see it.
const browserMissing = !hasChromium() && process.env.CI !== 'true';
const SECRET_KEY = 'organizer-pages-test-key-0123456789abcdef';
const PASSWORD = 'a long enough passphrase';

describe.skipIf(browserMissing)('organizer and admin pages', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  const ids = { group: '', session: '', cohort: '', article: '' };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cercle-organizer-pages-'));
    const handle = await openPglite(dataDir);
    await migrateDatabase(handle);
    const org = await createOrganization(atWallClock(handle.db), { slug: 'pages-org' });
    const group = await createGroup(atWallClock(handle.db), { organizationId: org.id, sessionCapacity: 6 });
    ids.group = group.id;
    ids.session = (await createSession(atWallClock(handle.db), { groupId: group.id, startsAt: new Date(Date.now() + 4 * 86_400_000) })).id;
    const [question] = await handle.db
      .insert(intakeQuestions)
      .values({ groupId: group.id, position: 1, type: 'text', labelEn: 'Anything we should know?', labelFr: 'Autre chose à savoir?' })
      .returning();
    const [person] = await handle.db.insert(participants).values({ email: 'sam@example.org' }).returning();
    await handle.db.insert(registrations).values({
      sessionId: ids.session,
      participantId: person!.id,
      status: 'confirmed',
      displayName: 'Sam',
      answers: { [question!.id]: 'First time in a group' },
      consentAt: new Date(),
    });
    const closed = await createGroup(atWallClock(handle.db), { organizationId: org.id, format: 'closed', dropInStyle: null, leadership: 'professional' });
    ids.cohort = (await createCohort(atWallClock(handle.db), { groupId: closed.id, startsOn: '2027-02-01', endsOn: '2027-03-29', capacity: 8 }, ['Beginnings'])).id;
    await handle.db.insert(applications).values({ cohortId: ids.cohort, participantId: person!.id, displayName: 'Sam', committedAt: new Date(), consentAt: new Date() });
    // The owner of the organization, who is also a platform administrator.
    const owner = await confirmedAccounts(handle, SECRET_KEY, [['Olivia Owner', 'olivia@example.org']], PASSWORD, { isPlatformAdmin: true });
    await addMember(atWallClock(handle.db), org.id, owner['olivia@example.org']!, 'owner');
    // The guides Cercle ships with: the article editor opens one of them.
    await seedArticles(handle.db, { now: new Date() });
    ids.article = (await handle.db.select({ id: articles.id }).from(articles).limit(1))[0]!.id;
    await handle.close();
    server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: 'false', SECRET_KEY, WORKER: 'off' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // About 40 pages, each checked by axe: more than the default minute on a busy machine.
  it('has no accessibility violations on any of them, in either language', { timeout: 240_000 }, async () => {
    const { page, assertClean } = await newPage(browser, server.url);
    await page.goto('/en/account/sign-in');
    await page.getByLabel('Email').first().fill('olivia@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/en/organize');

    const fill = (p: string) =>
      p.replace(/:(\w+)/g, (_, param: string) => {
        const value = { org: 'pages-org', group: ids.group, session: ids.session, cohort: ids.cohort, article: ids.article, lang: 'fr' }[param];
        if (!value) throw new Error(`no value for :${param}`);
        return value;
      });
    const pages = Object.entries(PAGES)
      .filter(([key]) => (key.startsWith('org') || key.startsWith('admin')) && key !== 'orgInvitation')
      .flatMap(([, p]) => [fill(p.en), fill(p.fr)]);
    expect(pages.length).toBeGreaterThan(30);
    for (const url of pages) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(200);
      await expectAccessible(page);
    }
    // The groups page offers the calendar of the organization's published groups.
    await page.goto('/fr/organiser/pages-org/groupes');
    expect(await page.getByRole('link', { name: 'calendrier (.ics)' }).getAttribute('href')).toBe('/fr/organismes/pages-org/calendrier.ics');
    // And the code that shows them on the organization's own site.
    expect(await page.getByLabel('Pour afficher vos groupes sur votre propre site, collez ce code dans une page :').inputValue()).toMatch(
      /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/fr\/integration\/pages-org" title="Groupes de [^"]+" width="100%" height="480" loading="lazy"><\/iframe>$/,
    );
    // The registrant's answer is there for the organization's owner.
    await page.goto(`/en/organize/pages-org/sessions/${ids.session}`);
    expect(await page.content()).toContain('First time in a group');
    await assertClean();
  });
});
