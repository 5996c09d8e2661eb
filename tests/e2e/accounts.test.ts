import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { waitForMail, type SmtpReceiver } from '../support/smtp';
import { expectAccessible, hasChromium, newPage } from './browser';
import type { RunningServer } from './server-process';
import { startStory, type Story } from '../support/story';

// Organizer accounts as a person uses them: sign up, confirm the address from the real email,
// sign out and in, reset a forgotten password (in French). A server of its own, with an SMTP receiver.
const browserMissing = !hasChromium() && process.env.CI !== 'true';

describe.skipIf(browserMissing)('organizer accounts', () => {
  let smtp: SmtpReceiver;
  let server: RunningServer;
  let browser: Browser;
  let story: Story;

  beforeAll(async () => {
    story = await startStory('accounts');
    ({ smtp, server, browser } = story);
  });

  afterAll(() => story?.stop());

  async function linkIn(address: string, subjectStart: string, after = 0): Promise<string> {
    const found = await waitForMail(smtp, address, subjectStart, after);
    const url = (found.text ?? '').match(/https?:\/\/\S+/)?.[0];
    if (!url) throw new Error(`no link in "${found.subject}"`);
    return url;
  }

  it('signs up, confirms the address from the email, signs out and back in', async () => {
    const { page, assertClean } = await newPage(browser, server.url, { javaScriptEnabled: false });
    // The organizer area sends a visitor to sign in, and back afterwards.
    await page.goto('/en/organize');
    expect(new URL(page.url()).pathname).toBe('/en/account/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/en/organize');
    await page.getByRole('link', { name: 'Create an organizer account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create an organizer account' }).waitFor();

    // Bad input: every problem said next to its field, nothing created.
    await page.getByLabel('Your name').fill('Rosa Organizer');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.locator('#f-email-error').textContent()).toBe('Enter a valid email address.');
    expect(await page.locator('#f-password-error').textContent()).toBe('Use at least 10 characters.');

    await page.getByLabel('Email').fill('rosa@example.org');
    await page.getByLabel('Password').fill('three calm rivers');
    const before = smtp.messages.length;
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('rosa@example.org');

    // Signing in before confirming is refused, and a new link is sent.
    await page.goto('/en/account/sign-in');
    await page.getByLabel('Email').first().fill('rosa@example.org');
    await page.getByLabel('Password').fill('three calm rivers');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Confirm your email address first');

    const verify = await linkIn('rosa@example.org', 'Confirm your email address', before);
    expect(verify.startsWith(`${server.url}/api/auth/verify-email?token=`)).toBe(true);
    await page.goto(verify);
    expect(new URL(page.url()).pathname).toBe('/en/organize');

    // Signing out ends the session: the organizer area asks to sign in again.
    await page.goto('/en/account/sign-out');
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(new URL(page.url()).pathname).toBe('/en');
    await page.goto('/en/organize');
    expect(new URL(page.url()).pathname).toBe('/en/account/sign-in');

    await page.getByLabel('Email').first().fill('rosa@example.org');
    await page.getByLabel('Password').fill('the wrong words');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    expect(await page.getByRole('alert').textContent()).toContain('do not match an account');
    await page.getByLabel('Password').fill('three calm rivers');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/en/organize');
    await assertClean();
  });

  it('resets a forgotten password in French, from the emailed link', async () => {
    // An account made (and confirmed) through the English pages above is used here in French.
    const { page, assertClean } = await newPage(browser, server.url, { javaScriptEnabled: true, locale: 'fr-CA' });
    // The account pages, in both languages, pass the accessibility checks.
    for (const path of ['/en/account/sign-in', '/en/account/sign-up', '/fr/compte/creer', '/en/account/forgot-password']) {
      await page.goto(path);
      await expectAccessible(page);
    }
    await page.goto('/fr/compte/connexion');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Mot de passe oublié?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié?' }).waitFor();
    await expectAccessible(page);
    const before = smtp.messages.length;
    await page.getByLabel('Courriel').fill('rosa@example.org');
    await page.getByRole('button', { name: 'M’envoyer un lien' }).click();
    await page.getByText('un lien pour choisir un nouveau mot de passe est en route').waitFor();
    const link = await linkIn('rosa@example.org', 'Choisissez un nouveau mot de passe', before);
    await page.goto(link);
    expect(new URL(page.url()).pathname).toBe('/fr/compte/nouveau-mot-de-passe');
    await expectAccessible(page);
    await page.getByLabel('Nouveau mot de passe').fill('four quiet mountains');
    await page.getByRole('button', { name: 'Enregistrer mon nouveau mot de passe' }).click();
    await page.getByText('Votre mot de passe est changé.').waitFor();

    await page.goto('/fr/compte/connexion?next=/fr/organiser');
    await page.getByLabel('Courriel').first().fill('rosa@example.org');
    await page.getByLabel('Mot de passe', { exact: true }).fill('four quiet mountains');
    await page.getByRole('button', { name: 'Me connecter', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/fr/organiser');
    // The reset link works once.
    await page.goto(link);
    expect(await page.getByRole('alert').textContent()).toContain('n’est plus valide');
    await assertClean();
  });

  it('downloads the account’s data and deletes the account from the account page', async () => {
    const { page, assertClean } = await newPage(browser, server.url, { javaScriptEnabled: true });
    await page.goto('/en/account/sign-up');
    await page.getByLabel('Your name').fill('Sam Leaving');
    await page.getByLabel('Email').fill('sam@example.org');
    await page.getByLabel('Password').fill('a long quiet road');
    const before = smtp.messages.length;
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    await page.goto(await linkIn('sam@example.org', 'Confirm your email address', before));
    expect(new URL(page.url()).pathname).toBe('/en/organize');

    // From any page, the header leads to the account page; it reads well in both languages.
    await page.getByRole('link', { name: 'My account' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await expectAccessible(page);
    expect(await page.locator('dl.facts').textContent()).toContain('sam@example.org');
    const file = await page.request.get('/account/data.json');
    expect(file.headers()['content-disposition']).toContain('attachment');
    expect(file.headers()['cache-control']).toBe('no-store');
    const json = (await file.json()) as { account: { email: string; name: string }; communities: unknown[] };
    expect([json.account.email, json.account.name, json.communities]).toEqual(['sam@example.org', 'Sam Leaving', []]);

    // Nothing is deleted without a choice and a confirmation.
    await page.getByRole('button', { name: 'Delete my account' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Choose what becomes of what you wrote.');
    expect(await alert.textContent()).toContain('Tick the box to confirm.');
    await expectAccessible(page);

    await page.goto('/fr/compte');
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Le laisser').check();
    await page.getByLabel('Je comprends que mon compte ne pourra pas être récupéré.').check();
    await page.getByRole('button', { name: 'Supprimer mon compte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Votre compte est supprimé' }).waitFor();
    expect(await page.getByText('signé « Membre supprimé »').count()).toBe(1);
    await expectAccessible(page);
    // Signed out, and the account no longer exists.
    expect(await page.getByRole('link', { name: 'Mon compte' }).count()).toBe(0);
    expect((await page.request.get('/account/data.json', { maxRedirects: 0 })).status()).toBe(302);
    await page.goto('/en/account/sign-in');
    await page.getByLabel('Email').first().fill('sam@example.org');
    await page.getByLabel('Password').fill('a long quiet road');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    expect(await page.getByRole('alert').textContent()).toContain('do not match an account');
    await assertClean();
  });

  it('refuses a form posted without its CSRF token, and never follows a foreign "next"', async () => {
    const res = await fetch(`${server.url}/en/account/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'rosa@example.org', password: 'four quiet mountains', intent: 'password' }),
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie') ?? '').not.toContain('session_token');

    const { page } = await newPage(browser, server.url, { javaScriptEnabled: false });
    await page.goto('/en/account/sign-in?next=//evil.example/steal');
    await page.getByLabel('Email').first().fill('rosa@example.org');
    await page.getByLabel('Password').fill('four quiet mountains');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    expect(new URL(page.url()).origin).toBe(server.url);
    expect(new URL(page.url()).pathname).toBe('/en/organize');
  });
});
