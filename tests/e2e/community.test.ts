import { writeFileSync } from 'node:fs';
import sharp from 'sharp';
import exifr from 'exifr';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { intakeQuestions } from '../../db/schema';
import { addMember, atWallClock, createGroup, createOrganization } from '../support/factories';
import { waitForMail, type SmtpReceiver } from '../support/smtp';
import { expectAccessible, hasChromium, newPage } from './browser';
import type { RunningServer } from './server-process';
import { confirmedAccounts, startStory, type Story } from '../support/story';

// An online community as its people live it: a person asks to join with a nickname, answering its
// question and accepting its rules; a moderator approves; the decision arrives by email; the
// person posts anonymously; another member replies. Nothing of it shows to people outside.
const browserMissing = !hasChromium() && process.env.CI !== 'true';
const SECRET_KEY = 'community-test-key-0123456789abcdef-xyz-0123';
const PASSWORD = 'lanterns over the river';
const SLUG = 'after-a-loss-online';
const SLUG_FR = 'apres-une-perte-en-ligne';

describe.skipIf(browserMissing)('an online community', () => {
  let smtp: SmtpReceiver;
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  let story: Story;
  let samId = '';
  /** Pages signed in by one test and used by the next (sign-ins from one address are limited per minute). */
  const still: Partial<Record<'sam' | 'kit', Awaited<ReturnType<typeof signedIn>>>> = {};

  beforeAll(async () => {
    story = await startStory('community', {
      env: { SECRET_KEY },
      prepare: async (handle) => {
        const f = atWallClock(handle.db);
        const org = await createOrganization(f, { slug: 'river-lanterns', nameEn: 'River Lanterns', nameFr: 'Lanternes de la rivière' });
        const ids = await confirmedAccounts(handle, SECRET_KEY, [['Mod Erator', 'owner@example.org'], ['Sam Realname', 'sam@example.org'], ['Kit Othername', 'kit@example.org']], PASSWORD);
        samId = ids['sam@example.org']!;
        await addMember(f, org.id, ids['owner@example.org']!, 'owner');
        const group = await createGroup(f, {
          organizationId: org.id,
          slug: SLUG,
          slugFr: SLUG_FR,
          kind: 'online_community',
          format: 'ongoing',
          dropInStyle: null,
          delivery: 'online',
          street: null,
          titleEn: 'After a loss, online',
          titleFr: 'Après une perte, en ligne',
          summaryEn: 'A place to write about grief at any hour.',
          summaryFr: 'Un lieu pour écrire son deuil à toute heure.',
          rulesEn: 'Be gentle. What is written here stays here.',
          rulesFr: 'Douceur avant tout. Ce qui s’écrit ici reste ici.',
        });
        await handle.db.insert(intakeQuestions).values({ groupId: group.id, position: 1, type: 'text', labelEn: 'Whom did you lose?', labelFr: 'Qui avez-vous perdu?', required: true });
      },
    });
    ({ smtp, server, browser, dataDir } = story);
  });

  afterAll(() => story?.stop());

  async function signedIn(email: string, locale: 'en' | 'fr' = 'en') {
    const opened = await newPage(browser, server.url, { locale: locale === 'fr' ? 'fr-CA' : 'en-CA' });
    opened.page.setDefaultTimeout(15_000);
    await opened.page.goto(locale === 'fr' ? '/fr/compte/connexion' : '/en/account/sign-in');
    await opened.page.getByLabel(locale === 'fr' ? 'Courriel' : 'Email').first().fill(email);
    await opened.page.getByLabel(locale === 'fr' ? 'Mot de passe' : 'Password').fill(PASSWORD);
    await opened.page.getByRole('button', { name: locale === 'fr' ? 'Me connecter' : 'Sign in', exact: true }).click();
    await opened.page.waitForURL((url) => !url.pathname.includes('/sign-in') && !url.pathname.includes('/connexion'));
    return opened;
  }

  it('shows outsiders the description, rules and how to join — never what members write', async () => {
    const { page, assertClean } = await newPage(browser, server.url);
    await page.goto(`/en/groups/${SLUG}`);
    await page.getByRole('link', { name: 'Open the community' }).click();
    await page.waitForURL((url) => url.pathname === `/en/groups/${SLUG}/community`);
    await page.getByRole('heading', { name: 'How to join' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('What is written here stays here.');
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await expectAccessible(page);
    // Creating an account from here speaks to a future member (a nickname), and comes back here.
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
    await page.getByLabel('Nickname', { exact: true }).waitFor();
    await page.getByLabel('Nickname', { exact: true }).waitFor();
    expect(await page.locator('input[name="next"]').getAttribute('value')).toBe(`/en/groups/${SLUG}/community`);
    await page.goto(`/en/groups/${SLUG}/community`);
    await page.goto(`/fr/groupes/${SLUG_FR}/communaute`);
    await page.getByRole('heading', { name: 'Comment se joindre' }).waitFor();
    await expectAccessible(page);
    await assertClean();
  });

  it('asks to join in French, is approved, hears it by email, posts anonymously, and another member replies', async () => {
    // Sam asks, in French, with a nickname and an answer, accepting the rules.
    const sam = await signedIn('sam@example.org', 'fr');
    await sam.page.goto(`/fr/groupes/${SLUG_FR}/communaute`);
    await sam.page.getByLabel('Pseudonyme', { exact: true }).fill('Héron');
    await sam.page.getByLabel('Qui avez-vous perdu?').fill('Ma sœur');
    await sam.page.getByLabel(/J’ai lu les règles/).check();
    await expectAccessible(sam.page);
    await sam.page.getByRole('button', { name: 'Demander à me joindre' }).click();
    await sam.page.getByText('Votre demande est envoyée.').waitFor();

    // The owner approves from the requests page, seeing the answer.
    const owner = await signedIn('owner@example.org');
    await owner.page.goto(`/en/groups/${SLUG}/community`);
    await owner.page.getByRole('link', { name: '1 request to join is waiting' }).click();
    await owner.page.getByRole('heading', { level: 1, name: 'Join requests' }).waitFor();
    expect(await owner.page.locator('main').textContent()).toContain('Ma sœur');
    await expectAccessible(owner.page);
    await owner.page.getByRole('button', { name: 'Approve · Héron' }).click();
    await owner.page.getByText('The request is approved').waitFor();

    // The decision arrives by email, in French, by nickname only, with the community's link.
    const mail = await waitForMail(smtp, 'sam@example.org', 'Bienvenue dans Après une perte, en ligne');
    expect(mail.text).toContain('Bonjour Héron,');
    expect(mail.text).not.toContain('Realname');
    const link = /http:\/\/\S+\/fr\/groupes\/\S+\/communaute/.exec(mail.text ?? '')?.[0];
    expect(new URL(link!).pathname).toBe(`/fr/groupes/${SLUG_FR}/communaute`);

    // Sam posts anonymously.
    await sam.page.goto(new URL(link!).pathname);
    await sam.page.getByLabel('Votre publication', { exact: true }).fill('Je n’arrive pas à dire son nom à voix haute. **Pas encore.**');
    await sam.page.getByLabel('Publier anonymement').check();
    // With a photo from a phone, which says where it was taken.
    const photo = path.join(dataDir, 'jardin.jpg');
    writeFileSync(
      photo,
      await sharp({ create: { width: 2400, height: 1600, channels: 3, background: { r: 90, g: 140, b: 70 } } })
        .jpeg()
        .withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 30/1 17/1', GPSLongitudeRef: 'W', GPSLongitude: '73/1 34/1 2/1' } })
        .toBuffer(),
    );
    expect((await exifr.gps(photo))?.latitude).toBeGreaterThan(45);
    await sam.page.getByLabel('Ajouter une image (facultatif)').setInputFiles(photo);
    await sam.page.getByLabel(/Décrivez l’image/).fill('Le jardin de ma sœur au printemps');
    await sam.page.getByRole('button', { name: 'Publier', exact: true }).click();
    await sam.page.getByText('Votre publication est en ligne.').waitFor();
    await expectAccessible(sam.page);

    // Kit joins (automatic approval is off: the owner approves), then reads and replies.
    const kit = await signedIn('kit@example.org');
    await kit.page.goto(`/en/groups/${SLUG}/community`);
    await kit.page.getByLabel('Nickname', { exact: true }).fill('Wren');
    await kit.page.getByLabel('Whom did you lose?').fill('My father');
    await kit.page.getByLabel(/I have read the rules/).check();
    await kit.page.getByRole('button', { name: 'Ask to join' }).click();
    await kit.page.getByText('Your request is sent.').waitFor();
    await owner.page.goto(`/en/groups/${SLUG}/community/requests`);
    await owner.page.getByRole('button', { name: 'Approve · Wren' }).click();
    await owner.page.getByText('The request is approved').waitFor();

    await kit.page.goto(`/en/groups/${SLUG}/community`);
    await expectAccessible(kit.page);
    const post = kit.page.locator('article.post').first();
    expect(await post.textContent()).toContain('Anonymous member');
    // The photo shows, described; what Kit's browser gets carries no EXIF, no GPS, no camera.
    const img = post.getByRole('img', { name: 'Le jardin de ma sœur au printemps' });
    await img.waitFor();
    expect(await img.evaluate((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth)).toBe(1600);
    const served = await kit.page.request.get((await img.getAttribute('src'))!);
    expect([served.status(), served.headers()['content-type'], served.headers()['cache-control']]).toEqual([200, 'image/webp', 'private, max-age=31536000, immutable']);
    const bytes = await served.body();
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
    // Someone signed out (or not a member) gets 404 for the same address.
    expect((await fetch(`${server.url}${await img.getAttribute('src')}`)).status).toBe(404);
    expect(await post.locator('strong').allTextContents()).toContain('Pas encore.');
    await post.getByRole('link', { name: /Read and reply/ }).click();
    await kit.page.getByLabel('Add a comment').fill('I could not say my father’s name for months. It comes back.');
    await kit.page.getByRole('button', { name: 'Add a comment' }).click();
    await kit.page.getByText('Your reply is published.').waitFor();
    // Sam is told by email, in French, without the reply's words, with a one-click stop (RFC 8058).
    const replied = await waitForMail(smtp, 'sam@example.org', 'Wren a répondu dans Après une perte, en ligne');
    expect(replied.text).not.toContain('father');
    const header = (key: string) => replied.headerLines.find((h) => h.key === key)?.line ?? '';
    const stop = /<([^>]+)>/.exec(header('list-unsubscribe'))?.[1];
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const oneClick = await fetch(stop!.replace(/^http:\/\/[^/]+/, server.url), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(oneClick.status).toBe(200);
    await kit.page.getByRole('button', { name: /^Support/ }).first().click();
    await kit.page.locator('button.reaction[aria-pressed="true"]').first().waitFor();
    await expectAccessible(kit.page);
    // Nowhere on what Kit sees is Sam's name, nickname or email.
    const seen = (await kit.page.content()) + (await kit.page.goto(`/en/groups/${SLUG}/community`).then(() => kit.page.content()));
    for (const trace of ['Héron', 'Realname', 'sam@example.org', samId]) expect(seen).not.toContain(trace);

    // The owner sees who wrote it, and makes Kit a moderator.
    await owner.page.goto(`/en/groups/${SLUG}/community`);
    expect(await owner.page.locator('article.post').first().textContent()).toContain('written by Héron');
    await owner.page.goto(`/fr/groupes/${SLUG_FR}/communaute/demandes`);
    await owner.page.getByRole('button', { name: 'Confier la modération · Wren' }).click();
    await owner.page.getByRole('button', { name: 'Retirer de la modération · Wren' }).waitFor();
    await expectAccessible(owner.page);
    // Now a moderator, Kit sees who wrote the anonymous post, on the French post page too.
    await kit.page.goto(`/fr/groupes/${SLUG_FR}/communaute`);
    await kit.page.locator('article.post').first().getByRole('link', { name: /Lire et répondre/ }).click();
    await kit.page.getByText('écrit par Héron').waitFor();
    await expectAccessible(kit.page);
    for (const opened of [sam, owner, kit]) await opened.assertClean();
  });

  it('answers crisis words at once with the resources, in the writer’s language', async () => {
    const sam = await signedIn('sam@example.org', 'fr');
    await sam.page.goto(`/fr/groupes/${SLUG_FR}/communaute`);
    // An empty post (the browser's own check skipped) is refused with a message in French.
    await sam.page.locator('form:has(textarea[name="body"])').evaluate((form) => ((form as HTMLFormElement).noValidate = true));
    await sam.page.getByLabel('Votre publication', { exact: true }).fill('   ');
    await sam.page.getByRole('button', { name: 'Publier', exact: true }).click();
    await sam.page.getByText('Écrivez quelque chose').first().waitFor();
    // A body larger than a post with its images can be is refused before it is read.
    const tooBig = await sam.page.request.post(`/fr/groupes/${SLUG_FR}/communaute/nouvelle-publication`, {
      multipart: { body: 'x', image: { name: 'big.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(40 * 1024 * 1024) } },
    });
    expect(tooBig.status()).toBe(413);
    expect(await tooBig.text()).toContain('Mo');
    await sam.page.getByLabel('Votre publication', { exact: true }).fill('Ce soir j’ai envie d’en finir.');
    await sam.page.getByRole('button', { name: 'Publier', exact: true }).click();
    const crisis = sam.page.getByRole('heading', { name: /Si vous pensez à mettre fin à vos jours|aide/ });
    await crisis.first().waitFor();
    expect(await sam.page.locator('.crisis-now').textContent()).toContain('988');
    await sam.assertClean();
  });

  it('takes a report to the moderators, who remove the reply with a reason its author is emailed, and keep the rules', async () => {
    // Sam reports Kit's reply, in French.
    const sam = await signedIn('sam@example.org', 'fr');
    await sam.page.goto(`/fr/groupes/${SLUG_FR}/communaute`);
    await sam.page.locator('article.post').filter({ hasText: 'voix haute' }).getByRole('link', { name: /Lire et répondre/ }).click();
    await sam.page.getByText('I could not say my father’s name').waitFor();
    const comment = sam.page.locator('article.comment').first();
    await comment.locator('details.report > summary').click();
    await comment.getByLabel('Harcèlement ou insultes').check();
    await comment.getByLabel(/Précisions/).fill('Ce commentaire me blesse.');
    await expectAccessible(sam.page);
    await comment.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await sam.page.getByText('Merci. L’équipe de modération va s’en occuper.').waitFor();

    // The owner's queue: the crisis post first, then the report, with its words.
    const owner = await signedIn('owner@example.org');
    await owner.page.goto(`/en/groups/${SLUG}/community`);
    await owner.page.getByRole('link', { name: /Moderation: 2 reports waiting/ }).click();
    await owner.page.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
    const items = owner.page.locator('article.queue-item');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain('Crisis words were found');
    expect(await items.nth(1).textContent()).toContain('Ce commentaire me blesse.');
    await expectAccessible(owner.page);
    await items.nth(1).getByLabel('Reason (sent to the person)').fill('Please keep replies gentle.');
    await items.nth(1).getByRole('button', { name: 'Remove', exact: true }).click();
    await owner.page.getByText('Removed; its author is told why by email.').waitFor();
    // The crisis post stays as it is (its author was shown help); the queue is then empty.
    await owner.page.locator('article.queue-item').first().getByRole('button', { name: /Leave it as it is/ }).click();
    await owner.page.getByText('Nothing is waiting.').waitFor();

    // Kit is told, by email, with the reason; Sam no longer sees the reply; Kit still does, marked.
    const mail = await waitForMail(smtp, 'kit@example.org', 'Something you wrote in After a loss, online was removed');
    expect(mail.text).toContain('Please keep replies gentle.');
    expect(mail.text).not.toContain('Ce commentaire me blesse.');
    await sam.page.reload();
    await sam.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await sam.page.locator('main').textContent()).not.toContain('I could not say my father’s name');
    const kit = await signedIn('kit@example.org');
    await kit.page.goto(sam.page.url().replace(`/fr/groupes/${SLUG_FR}/communaute/publications/`, `/en/groups/${SLUG}/community/posts/`));
    await kit.page.getByText('Removed by the moderators: Please keep replies gentle.').waitFor();

    // Sam chooses this community's emails: replies stopped by the link above, a daily digest on.
    await sam.page.goto(`/fr/groupes/${SLUG_FR}/communaute`);
    expect(await sam.page.getByLabel('M’écrire quand quelqu’un répond à ce que j’écris').isChecked()).toBe(false);
    await sam.page.getByLabel(/résumé quotidien/).check();
    await sam.page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await sam.page.getByText('Vos choix sont enregistrés.').waitFor();
    expect(await sam.page.getByLabel(/résumé quotidien/).isChecked()).toBe(true);
    await expectAccessible(sam.page);

    // The rules, kept by the moderators in both languages.
    await owner.page.goto(`/fr/groupes/${SLUG_FR}/communaute/moderation`);
    await owner.page.getByLabel('Règles en français').fill('Douceur avant tout. Aucun conseil sur les médicaments.');
    await owner.page.getByRole('button', { name: 'Enregistrer les règles' }).click();
    await owner.page.getByText('Les règles sont enregistrées.').waitFor();
    await expectAccessible(owner.page);
    // The organization's queue, in its organizer area.
    await owner.page.goto('/en/organize/river-lanterns/moderation');
    await owner.page.getByRole('heading', { level: 1, name: /Moderation of River Lanterns/ }).waitFor();
    await owner.page.getByText('Nothing is waiting.').waitFor();
    await expectAccessible(owner.page);
    for (const opened of [sam, owner, kit]) await opened.assertClean();
  });

  it('shows a new post and a new reply live, without reloading the page', async () => {
    const kit = await signedIn('kit@example.org');
    await kit.page.goto(`/en/groups/${SLUG}/community`);
    await kit.page.getByRole('heading', { name: 'Posts' }).waitFor();
    // A mark on this very page: it is still there afterwards only if the page was not reloaded.
    await kit.page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    // Give the live connection a moment to open.
    await kit.page.waitForTimeout(500);

    const sam = await signedIn('sam@example.org', 'fr');
    await sam.page.goto(`/fr/groupes/${SLUG_FR}/communaute`);
    await sam.page.getByLabel('Votre publication', { exact: true }).fill('Une pensée en direct pour vous tous.');
    await sam.page.getByRole('button', { name: 'Publier', exact: true }).click();
    await sam.page.getByText('Votre publication est en ligne.').waitFor();

    await kit.page.locator('article.post').filter({ hasText: 'Une pensée en direct pour vous tous.' }).waitFor({ timeout: 10_000 });
    expect(await kit.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(await kit.page.getByRole('status').filter({ hasText: 'A new post or reply has arrived.' }).count()).toBe(1);

    // On the post's page, a reply arrives the same way.
    await kit.page.locator('article.post').filter({ hasText: 'Une pensée en direct' }).getByRole('link', { name: /Read and reply/ }).click();
    await kit.page.getByRole('heading', { name: /0 comments/ }).waitFor();
    await kit.page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await kit.page.waitForTimeout(500);
    await sam.page.goto(kit.page.url().replace(`/en/groups/${SLUG}/community/posts/`, `/fr/groupes/${SLUG_FR}/communaute/publications/`));
    await sam.page.getByLabel('Ajouter un commentaire').fill('Et merci d’être là.');
    await sam.page.getByRole('button', { name: 'Ajouter un commentaire' }).click();
    await sam.page.getByText('Votre réponse est en ligne.').waitFor();
    await kit.page.getByText('Et merci d’être là.').waitFor({ timeout: 10_000 });
    expect(await kit.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    // Searching the community, in English or French words: the reply's words find its post.
    await kit.page.goto(`/en/groups/${SLUG}/community`);
    await kit.page.getByLabel('Search this community').fill('merci');
    await kit.page.getByRole('button', { name: 'Search', exact: true }).click();
    await kit.page.getByRole('heading', { name: 'Posts matching “merci”' }).waitFor();
    expect(await kit.page.locator('article.post').count()).toBe(1);
    expect(await kit.page.locator('article.post').textContent()).toContain('Une pensée en direct');
    expect(await kit.page.locator('main').textContent()).toContain('found in 1 reply');
    await expectAccessible(kit.page);
    // People with a similar experience: Kit describes theirs, findable, in French.
    await kit.page.goto(`/fr/groupes/${SLUG_FR}/communaute/personnes`);
    await kit.page.getByRole('heading', { level: 1, name: 'Personnes au vécu semblable' }).waitFor();
    await kit.page.getByLabel('Permettre aux autres membres de me trouver').check();
    await kit.page.getByLabel('L’année où c’est arrivé').fill('2023');
    await kit.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await kit.page.getByText('C’est enregistré.').waitFor();
    expect(await kit.page.getByLabel('L’année où c’est arrivé').inputValue()).toBe('2023');
    await expectAccessible(kit.page);
    // The page that takes new posts, opened on its own.
    await kit.page.goto(`/en/groups/${SLUG}/community/new-post`);
    await kit.page.getByRole('heading', { level: 1, name: 'Write a post' }).waitFor();
    await expectAccessible(kit.page);
    // The news are for members only.
    const res = await fetch(`${server.url}/community/live/${await kit.page.evaluate(() => location.pathname.split('/')[3])}`);
    expect(res.status).toBe(404);
    // Their pages go on in the next test, which checks them clean.
    Object.assign(still, { sam, kit });
  });

  it('finds a member with a close experience, writes privately, and the other blocks', async () => {
    // Sam describes a close experience and finds Wren (Kit), who made themself findable above.
    const sam = still.sam ?? (await signedIn('sam@example.org', 'fr'));
    await sam.page.goto(`/fr/groupes/${SLUG_FR}/communaute/personnes`);
    await sam.page.getByLabel('Permettre aux autres membres de me trouver').check();
    await sam.page.getByLabel('L’année où c’est arrivé').fill('2024');
    await sam.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await sam.page.getByText('C’est enregistré.').waitFor();
    await sam.page.getByRole('link', { name: 'Écrire à Wren' }).click();
    await sam.page.getByRole('heading', { name: 'Un message à Wren' }).waitFor();
    await expectAccessible(sam.page);
    await sam.page.getByLabel('Votre message').fill('Merci pour votre réponse de l’autre jour.');
    await sam.page.getByRole('button', { name: 'Envoyer' }).click();
    await sam.page.getByRole('heading', { level: 1, name: 'Conversation avec Wren' }).waitFor();
    await expectAccessible(sam.page);

    // Kit is emailed without the text, reads it in the conversation, and the answer arrives live.
    const mail = await waitForMail(smtp, 'kit@example.org', 'A private message in After a loss, online');
    expect(mail.text).not.toContain('Merci pour votre réponse');
    const kit = still.kit ?? (await signedIn('kit@example.org'));
    await kit.page.goto(new URL(/http:\/\/\S+\/community\/messages\/\S+/.exec(mail.text ?? '')![0]).pathname);
    await kit.page.getByText('Merci pour votre réponse de l’autre jour.').waitFor();
    await expectAccessible(kit.page);
    await sam.page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await sam.page.waitForTimeout(500);
    await kit.page.getByLabel('Your message').fill('You are welcome.');
    await kit.page.getByRole('button', { name: 'Send' }).click();
    await sam.page.getByText('You are welcome.').waitFor({ timeout: 10_000 });
    expect(await sam.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

    // Kit may report what Sam wrote: only then do the moderators see it.
    const theirs = kit.page.locator('.messages li.theirs').first();
    await theirs.locator('details.report > summary').click();
    await theirs.getByLabel('Spam or advertising').check();
    await theirs.getByRole('button', { name: 'Send the report' }).click();
    await kit.page.getByText('Thank you. The moderators will look at it.').waitFor();
    // Kit blocks Héron (Sam's nickname): Sam can no longer write, and no longer finds Kit.
    await kit.page.getByRole('button', { name: 'Block Héron' }).click();
    await kit.page.getByRole('button', { name: 'Unblock Héron' }).waitFor();
    await sam.page.reload();
    await sam.page.getByText('Ce membre ne peut pas recevoir vos messages pour le moment.').waitFor();
    await sam.page.goto(`/fr/groupes/${SLUG_FR}/communaute/personnes`);
    await sam.page.getByRole('heading', { level: 1, name: 'Personnes au vécu semblable' }).waitFor();
    expect(await sam.page.locator('main').textContent()).not.toContain('Wren');
    for (const opened of [sam, kit]) await opened.assertClean();
  });
});
