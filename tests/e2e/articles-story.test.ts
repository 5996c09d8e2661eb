import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedTopics } from '../../db/seed';
import { expectAccessible, hasChromium, newPage } from './browser';
import { confirmedAccounts, startStory, type Story } from '../support/story';
import { waitForMail } from '../support/smtp';

// The story of an article: an administrator writes a French article in the admin area, previews
// it, fixes what the editor refuses, publishes it; visitors read it.
const browserMissing = !hasChromium() && process.env.CI !== 'true';
const SECRET_KEY = 'articles-story-test-key-0123456789abcdef';
const PASSWORD = 'a quiet and long passphrase';

describe.skipIf(browserMissing)('the story of an article', () => {
  let story: Story;

  async function signIn(page: Page) {
    await page.goto('/fr/compte/connexion');
    await page.getByLabel('Courriel').first().fill('ada@example.org');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Me connecter', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.includes('/compte/connexion'));
  }

  beforeAll(async () => {
    story = await startStory('articles', {
      env: { SECRET_KEY },
      prepare: async (handle) => {
        await seedTopics(handle.db);
        await confirmedAccounts(handle, SECRET_KEY, [['Ada Admin', 'ada@example.org']], PASSWORD, { isPlatformAdmin: true });
      },
    });
  });
  afterAll(async () => {
    await story?.stop();
  });

  it('a visitor subscribes to new articles in French and confirms from the email', { timeout: 120_000 }, async () => {
    const { page, assertClean } = await newPage(story.browser, story.server.url);
    await page.goto('/fr/articles');
    const form = page.getByRole('region', { name: 'Les nouveaux articles par courriel' });
    await form.getByLabel('Votre adresse courriel').fill('pas-une-adresse');
    await form.getByRole('button', { name: 'M’abonner' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Entrez une adresse courriel comme nom@exemple.org.' }).waitFor();
    await page.getByLabel('Votre adresse courriel').fill('lecteur@example.org');
    await page.getByRole('button', { name: 'M’abonner' }).click();
    await page.getByRole('status').filter({ hasText: 'nous avons envoyé un lien pour confirmer votre abonnement' }).waitFor();
    await expectAccessible(page);
    const mail = await waitForMail(story.smtp, 'lecteur@example.org', 'Confirmez votre abonnement');
    const link = /https?:\/\/\S+\/fr\/articles\/abonnement\/\S+/.exec(mail.text ?? '')![0];
    await page.goto(link);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Confirmer mon abonnement' }).click();
    await page.getByRole('status').filter({ hasText: 'Votre abonnement est confirmé.' }).waitFor();
    await page.getByText('Les nouveaux articles sont envoyés à lecteur@example.org.').waitFor();
    await expectAccessible(page);
    await assertClean();
  });

  it('an administrator writes, previews and publishes a French article, which visitors then read', { timeout: 120_000 }, async () => {
    const { page, assertClean } = await newPage(story.browser, story.server.url);
    await signIn(page);

    await page.goto('/fr/admin');
    await page.getByRole('navigation', { name: /admin/i }).getByRole('link', { name: 'Articles' }).click();
    await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Rédiger un nouvel article' }).click();
    await page.getByLabel('Langue').selectOption('fr');
    await page.getByLabel('Titre').fill('Le deuil d’un parent au travail');
    await page.getByLabel('Adresse').fill('Pas Une Adresse!');
    await page.getByLabel('Résumé').fill('Retourner au travail après la mort d’un père ou d’une mère.');
    await page.getByLabel('Texte', { exact: true }).fill('## Les premières semaines\n\nParlez-en à **une personne de confiance**.\n\n<script>alert(1)</script>');
    await page.getByRole('checkbox', { name: "Deuil › Perte d'un parent" }).check();
    await page.getByRole('checkbox', { name: 'Groupe de soutien' }).check();
    // The preview shows the text as visitors will see it, without saving it.
    await page.getByRole('button', { name: 'Aperçu' }).click();
    const preview = page.getByRole('region', { name: 'Aperçu' });
    await preview.getByRole('heading', { level: 2, name: 'Les premières semaines' }).waitFor();
    expect(await preview.locator('strong').textContent()).toBe('une personne de confiance');
    expect(await preview.locator('script').count()).toBe(0);
    await expectAccessible(page);
    // A wrong address is refused, in French, and nothing is saved.
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByRole('alert').getByRole('link', { name: /lettres minuscules, des chiffres et des traits d’union/ }).waitFor();
    await page.getByLabel('Adresse').fill('');
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByRole('status').filter({ hasText: 'Publié.' }).waitFor();
    await expectAccessible(page);
    expect(new URL(page.url()).pathname).toMatch(/^\/fr\/admin\/articles\/[0-9a-f-]{36}\/fr$/);
    // The article's history, from the audit log: written, then published, by Ada.
    const history = page.getByRole('region', { name: 'Historique' });
    await history.getByText(/A publié un article \(Français\) · Ada Admin/).waitFor();
    await history.getByText(/A rédigé un nouvel article \(Français\) · Ada Admin$/).waitFor();
    await page.getByRole('link', { name: 'Voir la page publiée' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Le deuil d’un parent au travail', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/fr/articles/le-deuil-d-un-parent-au-travail');
    await page.getByText('Par Ada Admin').waitFor();
    // Not translated: the language switch leads to the English articles.
    expect(await page.getByRole('link', { name: 'Read this page in English' }).getAttribute('href')).toBe('/en/articles');
    await assertClean();
  });

  it('the subscriber receives the new article by email and stops with one click', { timeout: 60_000 }, async () => {
    const mail = await waitForMail(story.smtp, 'lecteur@example.org', 'Nouveau sur Cercle : Le deuil d’un parent au travail');
    expect(mail.text).toContain(`${story.server.url}/fr/articles/le-deuil-d-un-parent-au-travail`);
    // The mail client's one-click unsubscribe (RFC 8058): a POST to the List-Unsubscribe address.
    const header = (key: string) => mail.headerLines.find((h) => h.key === key)?.line ?? '';
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const target = /<([^>]+)>/.exec(header('list-unsubscribe'))![1]!;
    expect(new URL(target).origin).toBe(story.server.url);
    const res = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(200);
    // Following the same link shows the subscription, stopped.
    const { page, assertClean } = await newPage(story.browser, story.server.url, { locale: 'fr-CA' });
    await page.goto(target);
    await page.getByText('Les courriels à lecteur@example.org sont arrêtés.').waitFor();
    await expectAccessible(page);
    await assertClean();
  });

  it('a visitor comments under a nickname; the comment shows once an administrator approves it', { timeout: 120_000 }, async () => {
    const visitor = await newPage(story.browser, story.server.url);
    const article = '/fr/articles/le-deuil-d-un-parent-au-travail';
    await visitor.page.goto(article);
    await visitor.page.getByText('Aucun commentaire pour l’instant.').waitFor();
    await visitor.page.getByLabel('Votre nom ou un pseudonyme').fill('Camille');
    await visitor.page.getByLabel('Votre commentaire').fill('Voir https://a.example, https://b.example et https://c.example');
    // The form must be open a few seconds: a person reads before writing; a bot does not.
    await visitor.page.waitForTimeout(4500);
    await visitor.page.getByRole('button', { name: 'Envoyer le commentaire' }).click();
    await visitor.page.getByRole('alert').getByRole('link', { name: 'Un commentaire peut contenir au plus deux liens.' }).waitFor();
    await visitor.page.getByLabel('Votre commentaire').fill('Merci. Je retourne au bureau lundi et ce texte m’aide.');
    await visitor.page.getByRole('button', { name: 'Envoyer le commentaire' }).click();
    await visitor.page.getByRole('status').filter({ hasText: 'Votre commentaire paraîtra quand notre équipe l’aura lu.' }).waitFor();
    await expectAccessible(visitor.page);
    expect(await visitor.page.getByText('Camille, le').count()).toBe(0);

    const admin = await newPage(story.browser, story.server.url);
    await signIn(admin.page);
    await admin.page.goto('/fr/admin/commentaires');
    const item = admin.page.getByRole('listitem').filter({ hasText: 'Merci. Je retourne au bureau lundi' });
    await expectAccessible(admin.page);
    await item.getByRole('button', { name: 'Approuver' }).click();
    await admin.page.getByRole('status').filter({ hasText: 'Approuvé' }).waitFor();
    expect(await admin.page.getByText('Aucun commentaire ici.').count()).toBe(1);

    await visitor.page.goto(article);
    await visitor.page.getByRole('region', { name: 'Commentaires' }).getByText('Merci. Je retourne au bureau lundi et ce texte m’aide.').waitFor();
    await visitor.page.getByText(/^Camille, le /).waitFor();
    await visitor.assertClean();
    await admin.assertClean();
  });
});

