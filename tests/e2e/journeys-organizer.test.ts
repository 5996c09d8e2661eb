import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openPglite, migrateDatabase } from '../../db/client';
import { addMember, atWallClock, createGroup, createOrganization, createSession } from '../support/factories';
import { expectAccessible, hasChromium, launchBrowser, newPage } from './browser';
import { startServer, type RunningServer } from './server-process';
import { confirmedAccounts } from '../support/story';

// The journeys of a person who runs groups, on a phone (390 × 844) and on a desktop, in both
// languages: signing out from any page, signing in from a French page and staying in French, a
// group editor that asks only what applies to the group, and a new organization's first steps.
const browserMissing = !hasChromium() && process.env.CI !== 'true';
const SECRET_KEY = 'journeys-organizer-test-key-0123456789abcdef';
const PASSWORD = 'a calm and long passphrase';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const ORG = 'first-light';

describe.skipIf(browserMissing)('journeys of people who run groups', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  /** The cookies of a session of the owner, for the stories that do not sign in themselves. */
  let ownerCookies: Awaited<ReturnType<BrowserContext['cookies']>> = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cercle-journeys-organizer-'));
    const handle = await openPglite(dataDir);
    await migrateDatabase(handle);
    // A new organization: a name in English only, no description, no contact, no group, one member.
    const org = await createOrganization(atWallClock(handle.db), { slug: ORG, nameEn: 'First Light Circle', nameFr: null, region: 'Colombie-Britannique' });
    const owner = await confirmedAccounts(handle, SECRET_KEY, [['Olivia Owner', 'olivia@example.org']], PASSWORD, { isPlatformAdmin: true });
    await addMember(atWallClock(handle.db), org.id, owner['olivia@example.org']!, 'owner');
    // Another organization, minutes old and not verified, with a published group.
    const harbour = await createOrganization(atWallClock(handle.db), { slug: 'harbour-trust', nameEn: 'Harbour Trust Circle', nameFr: 'Cercle de confiance du port' });
    const harbourGroup = await createGroup(atWallClock(handle.db), {
      organizationId: harbour.id,
      slug: 'harbour-trust-drop-in',
      titleEn: 'Harbour evening drop-in',
      titleFr: 'Rencontre du soir au port',
    });
    await createSession(atWallClock(handle.db), { groupId: harbourGroup.id, startsAt: new Date(Date.now() + 3 * 86_400_000) });
    await handle.close();
    server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: 'false', SECRET_KEY, WORKER: 'off' });
    browser = await launchBrowser();
    const { page, assertClean } = await newPage(browser, server.url);
    await signIn(page, 'en');
    ownerCookies = await page.context().cookies();
    await assertClean();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const pathname = (page: Page) => new URL(page.url()).pathname;
  const header = (page: Page) => page.getByRole('banner');

  async function signIn(page: Page, locale: 'en' | 'fr') {
    if (!pathname(page).includes(locale === 'en' ? '/account/sign-in' : '/compte/connexion')) await page.goto(locale === 'en' ? '/en/account/sign-in' : '/fr/compte/connexion');
    await page.getByLabel(locale === 'en' ? 'Email' : 'Courriel').first().fill('olivia@example.org');
    await page.getByLabel(locale === 'en' ? 'Password' : 'Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: locale === 'en' ? 'Sign in' : 'Me connecter', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.includes(locale === 'en' ? '/account/sign-in' : '/compte/connexion'));
  }

  /** A page of the owner's shared session, at a size. */
  async function ownerPage(size: { width: number; height: number }, options: { javaScriptEnabled?: boolean } = {}) {
    const opened = await newPage(browser, server.url, options);
    // A step that does not happen fails with its own message, well before the test's time is up.
    opened.page.setDefaultTimeout(15_000);
    await opened.page.setViewportSize(size);
    await opened.page.context().addCookies(ownerCookies);
    return opened;
  }

  describe('signing out', () => {
    it('is in the header of public, organizer and admin pages on a phone, and ends on the home page of the language', async () => {
      const { page, assertClean } = await newPage(browser, server.url);
      await page.setViewportSize(PHONE);
      await page.goto('/en/groups');
      // Nobody is signed in: no account menu.
      expect(await header(page).getByRole('button', { name: 'Sign out' }).count()).toBe(0);
      await signIn(page, 'en');
      for (const url of ['/en/groups', '/en/kinds-of-groups', `/en/organize/${ORG}`, `/en/organize/${ORG}/dashboard`, '/en/admin', '/fr/groupes', `/fr/organiser/${ORG}`]) {
        await page.goto(url);
        const button = header(page).getByRole('button', { name: url.startsWith('/fr') ? 'Se déconnecter' : 'Sign out' });
        expect(await button.isVisible(), url).toBe(true);
        expect(await header(page).textContent()).toContain(url.startsWith('/fr') ? 'Compte : Olivia Owner' : 'Signed in as Olivia Owner');
      }
      await expectAccessible(page);
      // From a French page: the French home page, signed out.
      await header(page).getByRole('button', { name: 'Se déconnecter' }).click();
      await page.waitForURL((url) => url.pathname === '/fr');
      // The address changes a moment before the new header is drawn: wait for the menu to go.
      await header(page).getByRole('button', { name: 'Se déconnecter' }).waitFor({ state: 'detached', timeout: 5_000 });
      expect(await header(page).getByRole('button').count()).toBe(0);
      await page.goto(`/fr/organiser/${ORG}`);
      expect(pathname(page)).toBe('/fr/compte/connexion');
      await assertClean();
    });

    it('works without JavaScript, from an organizer page on a desktop', async () => {
      const { page, assertClean } = await newPage(browser, server.url, { javaScriptEnabled: false });
      await page.setViewportSize(DESKTOP);
      await page.goto(`/en/organize/${ORG}/members`);
      await signIn(page, 'en');
      expect(pathname(page)).toBe(`/en/organize/${ORG}/members`);
      await header(page).getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/en');
      expect(await header(page).getByRole('button', { name: 'Sign out' }).count()).toBe(0);
      await page.goto('/en/admin');
      expect(pathname(page)).toBe('/en/account/sign-in');
      await assertClean();
    });

    it('sends a session that has already ended to the home page instead of an error', async () => {
      const res = await fetch(`${server.url}/fr/compte/deconnexion`, { method: 'POST', body: new URLSearchParams({ _csrf: 'stale' }), redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/fr');
    });
  });

  describe('signing in from the other language', () => {
    it('keeps the page to go back to in the language chosen, and lands there in that language', async () => {
      const { page, assertClean } = await newPage(browser, server.url, { locale: 'fr-CA' });
      await page.setViewportSize(PHONE);
      await page.goto(`/fr/organiser/${ORG}/tableau-de-bord`);
      expect(pathname(page)).toBe('/fr/compte/connexion');
      expect(new URL(page.url()).searchParams.get('next')).toBe(`/fr/organiser/${ORG}/tableau-de-bord`);
      // To English and back: the page to go back to follows the language each time.
      await header(page).getByRole('link', { name: 'Read this page in English' }).click();
      await page.waitForURL((url) => url.pathname === '/en/account/sign-in');
      expect(new URL(page.url()).searchParams.get('next')).toBe(`/en/organize/${ORG}/dashboard`);
      expect(await page.locator('input[name="next"]').first().inputValue()).toBe(`/en/organize/${ORG}/dashboard`);
      await header(page).getByRole('link', { name: 'Lire cette page en français' }).click();
      await page.waitForURL((url) => url.pathname === '/fr/compte/connexion');
      expect(new URL(page.url()).searchParams.get('next')).toBe(`/fr/organiser/${ORG}/tableau-de-bord`);
      await expectAccessible(page);
      await signIn(page, 'fr');
      expect(pathname(page)).toBe(`/fr/organiser/${ORG}/tableau-de-bord`);
      expect(await page.locator('html').getAttribute('lang')).toBe('fr-CA');
      await assertClean();
    });

    it('goes on in the language of the sign-in page even when the link was written in the other one', async () => {
      const res = await fetch(`${server.url}/fr/compte/connexion?next=${encodeURIComponent(`/en/organize/${ORG}/groups/new?from=x`)}`);
      const html = await res.text();
      expect(html).toContain(`value="/fr/organiser/${ORG}/groupes/nouveau?from=x"`);
    });
  });

  describe('trust', () => {
    it('shows whether a group’s organization is verified, on results and its page, and an administrator verifies it', async () => {
      const { page, assertClean } = await newPage(browser, server.url);
      await page.setViewportSize(PHONE);
      const card = () => page.locator('article.group-card', { has: page.getByRole('link', { name: 'Harbour evening drop-in' }) });
      await page.goto('/en/groups?q=harbour');
      expect(await card().textContent()).toContain('Organization not verified yet');
      await page.goto('/en/groups/harbour-trust-drop-in');
      const about = page.getByRole('region', { name: 'Organized by' });
      expect(await about.textContent()).toContain('Organization not verified yet');
      expect(await about.textContent()).toContain('have not yet checked who runs this organization');

      const admin = await ownerPage(DESKTOP);
      await admin.page.goto('/en/admin');
      await admin.page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Organizations' }).click();
      await admin.page.getByRole('heading', { level: 1, name: 'Organizations' }).waitFor();
      const harbour = admin.page.getByRole('region', { name: 'Harbour Trust Circle' });
      expect(await harbour.textContent()).toContain('Not verified');
      await harbour.getByLabel('Status', { exact: true }).selectOption({ label: 'Verified' });
      await harbour.getByRole('button', { name: /Set the status/ }).click();
      await admin.page.getByRole('status').filter({ hasText: 'The status of Harbour Trust Circle is now: Verified.' }).waitFor();
      await expectAccessible(admin.page);
      await admin.assertClean();

      // At once, in both languages.
      await page.goto('/en/groups?q=harbour');
      expect(await card().textContent()).toContain('Verified organization');
      await page.goto('/fr/groupes/harbour-trust-drop-in');
      expect(await page.getByRole('region', { name: 'Organisé par' }).textContent()).toContain('Organisme vérifié');
      await assertClean();
    });
  });

  describe('a new organization', () => {
    it('guides its first steps and explains verification, in French on a phone', async () => {
      const { page, assertClean } = await ownerPage(PHONE);
      await page.goto(`/fr/organiser/${ORG}`);
      const steps = page.getByRole('region', { name: 'Premières étapes' });
      const items = steps.getByRole('listitem');
      expect(await items.count()).toBe(3);
      expect(await items.nth(0).textContent()).toContain('À faire');
      expect(await items.nth(0).textContent()).toContain('Décrivez votre organisme.');
      expect(await items.nth(1).textContent()).toMatch(/À faire.*Créer votre premier groupe/);
      expect(await items.nth(2).textContent()).toMatch(/À faire.*Inviter un membre/);
      expect(await steps.textContent()).toContain('Il reste 3 étapes');
      // The overview no longer repeats the navigation: each area is linked once, from the menu.
      expect(await page.getByRole('link', { name: 'Membres', exact: true }).count()).toBe(1);
      const verification = page.getByRole('region', { name: 'Vérification' });
      expect(await verification.textContent()).toContain('Non vérifié');
      expect(await verification.textContent()).toContain('Ses groupes passent en premier dans les résultats de recherche');
      expect(await verification.textContent()).toContain('Pour être vérifié, complétez le profil');
      // French notices in sentence case.
      const body = (await page.locator('main').textContent()) ?? '';
      expect(body).toContain('Le profil n’est pas encore rédigé en français.');
      expect(body).not.toMatch(/En Français|Non Vérifié|Statut : Non/);
      await expectAccessible(page);

      // The first step that is done shows as done.
      await items.nth(1).getByRole('link').click();
      await page.waitForURL((url) => url.pathname === `/fr/organiser/${ORG}/groupes/nouveau`);
      await page.getByLabel('Titre (anglais)').fill('Morning walk');
      await page.getByRole('button', { name: 'Créer le brouillon' }).click();
      await page.getByRole('heading', { level: 1, name: 'Modifier Morning walk' }).waitFor();
      await page.goto(`/fr/organiser/${ORG}`);
      expect(await items.nth(1).textContent()).toMatch(/Fait.*Créer votre premier groupe/);
      expect(await steps.textContent()).toContain('Il reste 2 étapes');
      await assertClean();
    });

    it('says the dashboard has nothing yet instead of drawing empty charts, in both languages', async () => {
      const { page, assertClean } = await ownerPage(DESKTOP);
      await page.goto(`/en/organize/${ORG}/dashboard`);
      expect(await page.locator('main svg').count()).toBe(0);
      expect(await page.locator('main').textContent()).toContain('Nothing to show yet.');
      await expectAccessible(page);
      await page.setViewportSize(PHONE);
      await page.goto(`/fr/organiser/${ORG}/tableau-de-bord`);
      expect(await page.locator('main svg').count()).toBe(0);
      expect(await page.locator('main').textContent()).toContain('Rien à afficher pour l’instant.');
      await assertClean();
    });
  });

  describe('the group editor', () => {
    /** Creates a draft through the new-group page and returns the address of its editor. */
    async function newGroup(page: Page, locale: 'en' | 'fr', titles: { en?: string; fr?: string }) {
      await page.goto(locale === 'en' ? `/en/organize/${ORG}/groups/new` : `/fr/organiser/${ORG}/groupes/nouveau`);
      if (titles.en) await page.getByLabel(locale === 'en' ? 'Title (English)' : 'Titre (anglais)').fill(titles.en);
      if (titles.fr) await page.getByLabel(locale === 'en' ? 'Title (French)' : 'Titre (français)').fill(titles.fr);
      await page.getByRole('button', { name: locale === 'en' ? 'Create the draft' : 'Créer le brouillon' }).click();
      await page.waitForURL((url) => /\/groups?e?s?\/[0-9a-f-]{36}$/.test(url.pathname));
      return pathname(page);
    }

    it('asks a free peer drop-in only what applies to it, and follows new choices live (French, phone)', async () => {
      const { page, assertClean } = await ownerPage(PHONE);
      // The new group starts in the organization's zone (its province), named in words.
      await page.goto(`/fr/organiser/${ORG}/groupes/nouveau`);
      const zone = page.getByLabel('Fuseau horaire');
      expect(await zone.inputValue()).toBe('America/Vancouver');
      expect(await zone.locator('option:checked').textContent()).toBe('Heure du Pacifique (Vancouver, Victoria)');
      expect(await page.locator('input[name="timeZone"]').count()).toBe(0);
      await expectAccessible(page);
      const editor = await newGroup(page, 'fr', { en: 'Evening lantern circle', fr: 'Cercle des lanternes du soir' });

      // Languages are ticked from the titles; faith is a readable choice, "none" by default.
      const languages = page.getByRole('group', { name: 'Langues parlées' });
      expect(await languages.getByLabel('Français').isChecked()).toBe(true);
      expect(await languages.getByLabel('Anglais').isChecked()).toBe(true);
      expect(await page.locator('input[name="languages"][type="text"]').count()).toBe(0);
      const faith = page.getByLabel('Confession');
      expect(await faith.evaluate((el) => el.tagName)).toBe('SELECT');
      expect(await faith.locator('option:checked').textContent()).toBe('Aucune : non confessionnel');
      expect(await page.getByLabel('Fuseau horaire').inputValue()).toBe('America/Vancouver');

      // A free, in-person peer drop-in: no fee, no insurance receipts, no treatment focus, no online link.
      for (const label of ['Reçus pour les assurances', 'Frais (dollars)', 'Objectifs thérapeutiques (français)', 'Matériel (français)', 'Lien de la rencontre en ligne', 'Activité de l’atelier', 'Caméra facultative']) {
        expect(await page.getByLabel(label, { exact: true }).isVisible(), label).toBe(false);
      }
      for (const label of ['Style des rencontres libres', 'Adresse', 'Nombre de places par rencontre']) {
        expect(await page.getByLabel(label, { exact: true }).isVisible(), label).toBe(true);
      }
      // Of the attribute fields of the form, the ones that do not apply are hidden.
      const hidden = await page.locator('form:has(input[name="intent"][value="save"]) [hidden]').count();
      expect(hidden).toBeGreaterThanOrEqual(15);
      // The form is much shorter than with every field shown (what it was before).
      const form = page.locator('form:has(input[name="intent"][value="save"])');
      const shortened = await form.evaluate((el) => el.getBoundingClientRect().height);
      const everything = await form.evaluate((el) => {
        const hiddenParts = [...el.querySelectorAll('[hidden]')];
        for (const h of hiddenParts) h.removeAttribute('hidden');
        const height = el.getBoundingClientRect().height;
        for (const h of hiddenParts) h.setAttribute('hidden', '');
        return height;
      });
      expect(shortened).toBeLessThan(everything * 0.75);
      await expectAccessible(page);

      // New choices show and hide fields at once.
      await page.getByLabel('Coût', { exact: true }).selectOption('fee');
      expect(await page.getByLabel('Frais (dollars)').isVisible()).toBe(true);
      expect(await page.getByLabel('Reçus pour les assurances').isVisible()).toBe(true);
      await page.getByLabel('En personne ou en ligne').selectOption('online');
      expect(await page.getByLabel('Lien de la rencontre en ligne').isVisible()).toBe(true);
      expect(await page.getByLabel('Adresse', { exact: true }).isVisible()).toBe(false);
      await page.getByLabel('Type', { exact: true }).selectOption('workshop');
      expect(await page.getByLabel('Activité de l’atelier').isVisible()).toBe(true);
      expect(await page.getByLabel('Matériel (français)').isVisible()).toBe(true);
      // Back to free and in person: a fee typed meanwhile is neither checked nor kept.
      await page.getByLabel('Frais (dollars)').fill('-5');
      await page.getByLabel('Coût', { exact: true }).selectOption('free');
      await page.getByLabel('En personne ou en ligne').selectOption('in_person');
      await page.getByLabel('Type', { exact: true }).selectOption('support_group');
      await page.getByLabel('Nombre de places par rencontre').fill('8');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Modifications enregistrées.' }).waitFor();
      // With JavaScript the hint for pages without it is not shown.
      expect(await page.getByText('Après avoir changé l’un de ces choix').count()).toBe(0);
      await page.goto(editor);
      expect(await page.getByLabel('Nombre de places par rencontre').inputValue()).toBe('8');
      await page.getByLabel('Coût', { exact: true }).selectOption('fee');
      expect(await page.getByLabel('Frais (dollars)').inputValue()).toBe('');

      // A title in a language means the group is offered in it: unticking French is explained, in French.
      await page.getByLabel('Coût', { exact: true }).selectOption('free');
      await languages.getByLabel('Français').uncheck();
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Le groupe a un titre en français, il est donc offert en français');
      await page.goto(editor);
      expect(await languages.getByLabel('Français').isChecked()).toBe(true);
      // Typing a title ticks its language.
      await page.getByLabel('Titre (français)').fill('');
      await languages.getByLabel('Français').uncheck();
      await page.getByLabel('Titre (français)').fill('Cercle du soir');
      expect(await languages.getByLabel('Français').isChecked()).toBe(true);
      await assertClean();
    });

    it('works without JavaScript: the page follows the saved kind, explains what is missing, and keeps hidden values (English, desktop)', async () => {
      const { page, assertClean } = await ownerPage(DESKTOP, { javaScriptEnabled: false });
      const editor = await newGroup(page, 'en', { en: 'Tuesday drop-in' });
      // Without JavaScript the page says how to see the fields of other choices.
      expect(await page.getByText('After changing one of these choices, or the delivery or cost, save').isVisible()).toBe(true);
      expect(await page.getByRole('group', { name: 'Languages spoken' }).getByLabel('English').isChecked()).toBe(true);
      expect(await page.getByRole('group', { name: 'Languages spoken' }).getByLabel('French').isChecked()).toBe(false);
      expect(await page.getByLabel('Time zone').locator('option:checked').textContent()).toBe('Pacific Time (Vancouver, Victoria)');
      await page.getByLabel('Seats per session').fill('12');
      await page.getByLabel('Sign-up closes this many hours before a session').fill('3');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();

      // A workshop needs its activity: the answer is a 400 that shows the field, now that it applies.
      expect(await page.getByLabel('Workshop activity').isVisible()).toBe(false);
      await page.getByLabel('Kind', { exact: true }).selectOption('workshop');
      const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Save changes' }).click()]);
      expect(response.status()).toBe(400);
      expect(await page.getByRole('alert').textContent()).toContain('This field is required.');
      expect(await page.getByLabel('Workshop activity').isVisible()).toBe(true);
      expect(await page.getByLabel('Materials (English)').isVisible()).toBe(true);
      await page.getByLabel('Workshop activity').selectOption('writing');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
      expect(await page.getByLabel('Materials (English)').isVisible()).toBe(true);

      // A closed group does not ask for drop-in settings, and does not lose them either.
      await page.getByLabel('Format', { exact: true }).selectOption('closed');
      await page.getByRole('button', { name: 'Save changes' }).click();
      // A new shape is announced, so that a person without JavaScript looks at the fields that now apply.
      await page.getByRole('status').filter({ hasText: 'Changes saved. The form now asks what applies to the new choices' }).waitFor();
      expect(await page.getByLabel('Seats per session').isVisible()).toBe(false);
      expect(await page.getByLabel('Accept applications automatically up to capacity').isVisible()).toBe(true);
      await page.getByLabel('Format', { exact: true }).selectOption('drop_in');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
      await page.goto(editor);
      expect(await page.getByLabel('Seats per session').inputValue()).toBe('12');
      expect(await page.getByLabel('Sign-up closes this many hours before a session').inputValue()).toBe('3');

      // Languages that leave out a title's language are refused with the reason, and nothing is saved.
      const languages = page.getByRole('group', { name: 'Languages spoken' });
      await languages.getByLabel('English').uncheck();
      await languages.getByLabel('French').check();
      await page.getByLabel('Seats per session').fill('30');
      const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Save changes' }).click()]);
      expect(refused.status()).toBe(400);
      expect(await page.getByRole('alert').textContent()).toContain('The group has an English title, so it is offered in English');
      await page.goto(editor);
      expect(await page.getByLabel('Seats per session').inputValue()).toBe('12');
      expect(await languages.getByLabel('English').isChecked()).toBe(true);
      await assertClean();
    });
  });
});
