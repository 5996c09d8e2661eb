import { writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createContext } from '../../core/context';
import { decideJoinRequest, requestToJoin } from '../../core/communities/membership';
import { setExperience } from '../../core/communities/people';
import { addMember, atWallClock, createGroup, createOrganization } from '../support/factories';
import { waitForMail, type SmtpReceiver } from '../support/smtp';
import { expectAccessible, hasChromium, newPage, overflow } from './browser';
import type { RunningServer } from './server-process';
import { confirmedAccounts, startStory, type Story } from '../support/story';

// One story of an online community, told in French on a phone (390 × 844), from the first request
// to a block: Sam asks to join, the moderator approves, Sam hears it by email and posts
// anonymously with a photo, Wren (a member) replies and Sam is emailed, Wren reports the post, the
// moderator removes it and Sam is told why, then Sam writes privately to Wren, who blocks Sam.
// Every page on the way passes axe and fits the screen.
const browserMissing = !hasChromium() && process.env.CI !== 'true';
const SECRET_KEY = 'phone-story-key-0123456789abcdef-xyz-0123456';
const PASSWORD = 'herons along the shore';
const SLUG = 'after-a-loss-phone';
const SLUG_FR = 'apres-une-perte-telephone';
const TITLE_FR = 'Après une perte, au téléphone';
const PHONE = { width: 390, height: 844 };
const COMMUNITY = `/fr/groupes/${SLUG_FR}/communaute`;

describe.skipIf(browserMissing)('an online community, in French, on a phone', () => {
  let smtp: SmtpReceiver;
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  let story: Story;
  const visited: string[] = [];

  beforeAll(async () => {
    story = await startStory('phone-story', {
      env: { SECRET_KEY },
      prepare: async (handle) => {
        const f = atWallClock(handle.db);
        const org = await createOrganization(f, { slug: 'herons', nameEn: 'Herons', nameFr: 'Les Hérons' });
        const ids = await confirmedAccounts(handle, SECRET_KEY, [['Mod Erator', 'moderator@example.org'], ['Sam Realname', 'sam@example.org'], ['Kit Othername', 'kit@example.org']], PASSWORD, { locale: 'fr' });
        const [owner, kit] = [ids['moderator@example.org']!, ids['kit@example.org']!];
        await addMember(f, org.id, owner, 'owner');
        const group = await createGroup(f, {
          organizationId: org.id,
          slug: SLUG,
          slugFr: SLUG_FR,
          kind: 'online_community',
          format: 'ongoing',
          dropInStyle: null,
          delivery: 'online',
          street: null,
          titleEn: 'After a loss, on the phone',
          titleFr: TITLE_FR,
          rulesEn: 'Be gentle. What is written here stays here.',
          rulesFr: 'Douceur avant tout. Ce qui s’écrit ici reste ici.',
        });
        // Wren has been a member for a while, and can be found by people with a close experience.
        const as = (userId: string) => createContext(handle.db, { now: new Date(), locale: 'fr', actor: { type: 'user', userId } });
        const asked = await requestToJoin({ ctx: as(kit), input: { community: group.id, nickname: 'Wren', acceptRules: true } });
        await decideJoinRequest({ ctx: as(owner), input: { memberId: asked.memberId, decision: 'approve' } });
        await setExperience({ ctx: as(kit), input: { community: group.id, findable: true, year: 2023 } });
      },
    });
    ({ smtp, server, browser, dataDir } = story);
  });

  afterAll(() => story?.stop());

  async function onPhone(email: string) {
    const opened = await newPage(browser, server.url, { locale: 'fr-CA' });
    await opened.page.setViewportSize(PHONE);
    opened.page.setDefaultTimeout(15_000);
    await opened.page.goto('/fr/compte/connexion');
    await opened.page.getByLabel('Courriel').first().fill(email);
    await opened.page.getByLabel('Mot de passe').fill(PASSWORD);
    await opened.page.getByRole('button', { name: 'Me connecter', exact: true }).click();
    await opened.page.waitForURL((url) => !url.pathname.includes('/connexion'));
    return opened;
  }

  /** The page as it stands passes axe and is no wider than the phone. */
  async function check(page: Page) {
    await page.locator('h1').first().waitFor();
    await expectAccessible(page);
    const { extra, wide } = await overflow(page);
    expect(extra, `${page.url()} is wider than the phone: ${wide.join(', ')}`).toBeLessThanOrEqual(0);
    visited.push(new URL(page.url()).pathname);
  }

  it('goes from a request to join to a removed post, a private message and a block', async () => {
    // Sam asks to join, with a nickname, accepting the rules.
    const sam = await onPhone('sam@example.org');
    await sam.page.goto(COMMUNITY);
    await check(sam.page);
    await sam.page.getByLabel('Pseudonyme', { exact: true }).fill('Héron');
    await sam.page.getByLabel(/J’ai lu les règles/).check();
    await sam.page.getByRole('button', { name: 'Demander à me joindre' }).click();
    await sam.page.getByText('Votre demande est envoyée.').waitFor();
    await check(sam.page);

    // The moderator approves, on their phone too.
    const mod = await onPhone('moderator@example.org');
    await mod.page.goto(`${COMMUNITY}/demandes`);
    await check(mod.page);
    await mod.page.getByRole('button', { name: 'Accepter · Héron' }).click();
    await mod.page.getByText('La demande est acceptée').waitFor();
    await check(mod.page);

    // The decision arrives by email, in French; its link opens the community.
    const welcome = await waitForMail(smtp, 'sam@example.org', `Bienvenue dans ${TITLE_FR}`);
    const link = /http:\/\/\S+\/communaute\b/.exec(welcome.text ?? '')?.[0];
    expect(new URL(link!).pathname).toBe(COMMUNITY);
    await sam.page.goto(new URL(link!).pathname);
    await check(sam.page);

    // Sam posts anonymously, with a photo taken by the phone.
    const photo = path.join(dataDir, 'bord-de-l-eau.jpg');
    writeFileSync(photo, await sharp({ create: { width: 1200, height: 1600, channels: 3, background: { r: 70, g: 110, b: 150 } } }).jpeg().toBuffer());
    await sam.page.getByLabel('Votre publication', { exact: true }).fill('Un an déjà. Je suis retourné au bord de l’eau où il aimait marcher.');
    await sam.page.getByLabel('Publier anonymement').check();
    await sam.page.getByLabel('Ajouter une image (facultatif)').setInputFiles(photo);
    await sam.page.getByLabel(/Décrivez l’image/).fill('Le bord de l’eau au matin');
    await sam.page.getByRole('button', { name: 'Publier', exact: true }).click();
    await sam.page.getByText('Votre publication est en ligne.').waitFor();
    await check(sam.page);

    // Wren reads it (anonymous, with the photo) and replies.
    const kit = await onPhone('kit@example.org');
    await kit.page.goto(COMMUNITY);
    const post = kit.page.locator('article.post').filter({ hasText: 'Un an déjà' });
    expect(await post.textContent()).toContain('Membre anonyme');
    await post.getByRole('img', { name: 'Le bord de l’eau au matin' }).waitFor();
    await check(kit.page);
    await post.getByRole('link', { name: /Lire et répondre/ }).click();
    await check(kit.page);
    await kit.page.getByLabel('Ajouter un commentaire').fill('Merci de nous le partager. Le bord de l’eau, c’est un beau lieu pour lui.');
    await kit.page.getByRole('button', { name: 'Ajouter un commentaire' }).click();
    await kit.page.getByText('Votre réponse est en ligne.').waitFor();
    await check(kit.page);

    // Sam is told by email, without the reply's words.
    const replied = await waitForMail(smtp, 'sam@example.org', `Wren a répondu dans ${TITLE_FR}`);
    expect(replied.text).not.toContain('beau lieu');
    await sam.page.goto(new URL(/http:\/\/\S+\/publications\/\S+/.exec(replied.text ?? '')![0]).pathname);
    await sam.page.getByText('Merci de nous le partager.').waitFor();
    await check(sam.page);

    // Wren reports the post to the moderators.
    const report = kit.page.locator('article.post details.report').first();
    await report.locator('summary').click();
    await report.getByLabel('Renseignements personnels d’une personne').check();
    await report.getByLabel(/Précisions/).fill('Je crois qu’on peut reconnaître le lieu.');
    await check(kit.page);
    await report.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await kit.page.getByText('Merci. L’équipe de modération va s’en occuper.').waitFor();

    // The moderator removes it, with a reason; Sam is told by email.
    await mod.page.goto(`${COMMUNITY}/moderation`);
    const item = mod.page.locator('article.queue-item').first();
    expect(await item.textContent()).toContain('Je crois qu’on peut reconnaître le lieu.');
    await check(mod.page);
    const removal = item.locator('form', { has: mod.page.getByRole('button', { name: 'Retirer', exact: true }) });
    await removal.getByLabel('Raison (envoyée à la personne)').fill('Par prudence, sans photo d’un lieu reconnaissable.');
    await removal.getByRole('button', { name: 'Retirer', exact: true }).click();
    await mod.page.getByText('C’est retiré; la personne en reçoit la raison par courriel.').waitFor();
    await check(mod.page);
    const removed = await waitForMail(smtp, 'sam@example.org', `Un de vos messages dans ${TITLE_FR} a été retiré`);
    expect(removed.text).toContain('Par prudence');
    await kit.page.goto(COMMUNITY);
    await kit.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await kit.page.locator('main').textContent()).not.toContain('Un an déjà');

    // Sam finds Wren by a close experience and writes privately.
    await sam.page.goto(`${COMMUNITY}/personnes`);
    await check(sam.page);
    await sam.page.getByLabel('Permettre aux autres membres de me trouver').check();
    await sam.page.getByLabel('L’année où c’est arrivé').fill('2025');
    await sam.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await sam.page.getByText('C’est enregistré.').waitFor();
    await sam.page.getByRole('link', { name: 'Écrire à Wren' }).click();
    await sam.page.getByRole('heading', { name: 'Un message à Wren' }).waitFor();
    await check(sam.page);
    await sam.page.getByLabel('Votre message').fill('Merci pour votre réponse. Je ne savais pas à qui le dire.');
    await sam.page.getByRole('button', { name: 'Envoyer' }).click();
    await sam.page.getByRole('heading', { level: 1, name: 'Conversation avec Wren' }).waitFor();
    await check(sam.page);

    // Wren is emailed without the text, opens the conversation, and blocks Sam.
    const message = await waitForMail(smtp, 'kit@example.org', `Un message privé dans ${TITLE_FR}`);
    expect(message.text).not.toContain('Je ne savais pas');
    await kit.page.goto(new URL(/http:\/\/\S+\/messages\/\S+/.exec(message.text ?? '')![0]).pathname);
    await kit.page.getByText('Je ne savais pas à qui le dire.').waitFor();
    await check(kit.page);
    await kit.page.getByRole('button', { name: 'Bloquer Héron' }).click();
    await kit.page.getByRole('button', { name: 'Débloquer Héron' }).waitFor();
    await check(kit.page);
    // Sam can no longer write to Wren, nor find them.
    await sam.page.reload();
    await sam.page.getByText('Ce membre ne peut pas recevoir vos messages pour le moment.').waitFor();
    await check(sam.page);
    await sam.page.goto(`${COMMUNITY}/personnes`);
    await sam.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await sam.page.locator('main').textContent()).not.toContain('Wren');

    // Every kind of page of the story was checked.
    for (const part of ['/communaute', '/demandes', '/publications/', '/moderation', '/personnes', '/messages/']) {
      expect(visited.some((p) => p.includes(part)), part).toBe(true);
    }
    for (const opened of [sam, mod, kit]) await opened.assertClean();
  }, 180_000);
});
