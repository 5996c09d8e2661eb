import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import ICAL from 'ical.js';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createMember, createOpenSession } from '../../tests/support/factories';
import { startSmtpReceiver, type SmtpReceiver } from '../../tests/support/smtp';
import { emailOutbox, organizations } from '../../db/schema';
import { createContext, TEST_SETTINGS } from '../../core/context';
import { signUpProven } from '../../tests/support/people';
import { registerForSession } from '../../core/registrations/register-for-session';
import { deliverOutbox, backoffMs } from '../../core/email/deliver-outbox';
import { queueReminders } from '../../core/worker/queue-reminders';
import { postponeSession } from '../../core/running/postpone-session';
import { messageRegistrants } from '../../core/running/message-registrants';
import { createSender } from './transport';
import { getMyRegistrations } from '../../core/participants/get-my-registrations';
import { deleteMyData, exportMyData, unsubscribe } from '../../core/participants/my-data';
import { participants } from '../../db/schema';

const NOW = new Date('2026-11-27T15:00:00Z');
let t: TestDatabase;
let smtp: SmtpReceiver;
const ctx = (now = NOW, locale: 'en' | 'fr' = 'en') => createContext(t.db, { now, locale });

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  smtp = await startSmtpReceiver();
});
afterAll(async () => {
  await smtp.stop();
  await t.close();
});

const sender = () => createSender({ smtpUrl: smtp.url, mailDir: '', from: 'Cercle <no-reply@cercle.test>', settings: TEST_SETTINGS });

describe('email delivery through a real SMTP server', () => {
  it('sends each message once, in the recipient’s language, text + HTML, with the manage link', async () => {
    const { session } = await createOpenSession(t, {
      titleEn: 'Evening grief circle',
      titleFr: 'Cercle du deuil du soir',
      delivery: 'online',
      street: null,
      onlineUrl: 'https://meet.example.org/private-42',
    });
    await signUpProven(t, { ctx: ctx(NOW, 'fr'), input: { sessionId: session.id, name: 'Élise', email: 'elise@example.org', consent: true } });
    const before = smtp.messages.length;
    const first = await deliverOutbox(ctx(), sender());
    expect(first).toEqual({ sent: 1, failed: 0 });
    const again = await deliverOutbox(ctx(), sender());
    expect(again).toEqual({ sent: 0, failed: 0 });
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.subject).toBe('Votre inscription est confirmée : Cercle du deuil du soir');
    expect(mail!.text).toContain('Bonjour Élise,');
    expect(mail!.text).toContain('https://meet.example.org/private-42');
    expect(mail!.text).toMatch(/http:\/\/localhost:3000\/fr\/gerer\/[0-9a-f-]{36}\.[\w-]{43}/);
    expect(mail!.html).toContain('lang="fr-CA"');
    // Transactional mail carries no unsubscribe header.
    expect(mail!.headerLines.some((h) => h.key === 'list-unsubscribe')).toBe(false);
    const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'elise@example.org'));
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect(mail!.messageId).toBe(row!.messageId);

    // The confirmation carries the session as a calendar file, in the group's zone.
    const ics = mail!.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(ics?.filename).toBe('cercle.ics');
    const cal = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8')));
    ICAL.TimezoneService.register(cal.getFirstSubcomponent('vtimezone')!);
    const vevent = cal.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('America/Toronto');
    const event = new ICAL.Event(vevent);
    expect(event.startDate.toJSDate().toISOString()).toBe(session.startsAt.toISOString());
    expect(event.summary).toBe('Cercle du deuil du soir');
    expect(event.description).toContain('https://meet.example.org/private-42');
  });

  it('asks an address not yet proven to confirm its place, with no meeting link or calendar file; a second sign-up is told by email', async () => {
    const { session } = await createOpenSession(t, {
      titleEn: 'Held place group',
      titleFr: 'Groupe à place gardée',
      delivery: 'online',
      street: null,
      onlineUrl: 'https://meet.example.org/not-yet',
    });
    const input = { sessionId: session.id, name: 'Noor', email: 'noor@example.org', consent: true as const };
    await registerForSession({ ctx: ctx(), input });
    await registerForSession({ ctx: ctx(NOW, 'fr'), input });
    const before = smtp.messages.length;
    expect(await deliverOutbox(ctx(), sender())).toEqual({ sent: 2, failed: 0 });
    const mails = (await smtp.waitFor(before + 2)).slice(before);
    const held = mails.find((m) => m.subject === 'Confirm your place: Held place group')!;
    // 15:00 UTC is 10:00 in Toronto; the place is kept 30 minutes.
    expect(held.text).toContain('until 10:30');
    expect(held.text).toMatch(/Confirm my place: http:\/\/localhost:3000\/en\/manage\/[0-9a-f-]{36}\.[\w-]{43}/);
    expect(held.text).not.toContain('not-yet');
    expect(held.attachments).toEqual([]);
    const again = mails.find((m) => m.subject === 'Vous avez déjà une place : Groupe à place gardée')!;
    expect(again.text).toMatch(/\/fr\/gerer\//);
    expect(again.text).not.toContain('not-yet');
  });

  it('loses nothing and doubles nothing when the SMTP server goes away and comes back', async () => {
    const { session } = await createOpenSession(t, { titleEn: 'Outage test group' });
    for (let i = 0; i < 6; i++) {
      await signUpProven(t, { ctx: ctx(), input: { sessionId: session.id, name: `P${i}`, email: `outage${i}@example.org`, consent: true } });
    }
    const before = smtp.messages.length;
    // Deliver three, then the server stops.
    const partial = await deliverOutbox(ctx(), sender(), 3);
    expect(partial.sent).toBe(3);
    await smtp.stop();
    const down = await deliverOutbox(ctx(), sender());
    expect(down).toEqual({ sent: 0, failed: 3 });
    const waiting = await t.db.select().from(emailOutbox).where(eq(emailOutbox.status, 'pending'));
    expect(waiting).toHaveLength(3);
    expect(waiting.every((w) => w.attempts === 1 && w.lastError)).toBe(true);
    // Not retried before its backoff.
    expect(await deliverOutbox(ctx(new Date(NOW.getTime() + backoffMs(1) - 1000)), sender())).toEqual({ sent: 0, failed: 0 });

    await smtp.restart();
    const later = new Date(NOW.getTime() + backoffMs(1) + 1000);
    expect(await deliverOutbox(ctx(later), sender())).toEqual({ sent: 3, failed: 0 });
    expect(await deliverOutbox(ctx(later), sender())).toEqual({ sent: 0, failed: 0 });
    const received = (await smtp.waitFor(before + 6)).slice(before);
    const to = received.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text).sort();
    expect(to).toEqual([0, 1, 2, 3, 4, 5].map((i) => `outage${i}@example.org`));
  });

  it('adds a one-click unsubscribe to reminders (RFC 8058), and queues each reminder once', async () => {
    const startsAt = new Date(NOW.getTime() + 20 * 3_600_000);
    const { session } = await createOpenSession(t, { titleEn: 'Reminder group' }, { startsAt });
    await signUpProven(t, { ctx: ctx(), input: { sessionId: session.id, name: 'Rae', email: 'rae@example.org', consent: true } });
    await queueReminders(ctx());
    await queueReminders(ctx(new Date(NOW.getTime() + 60_000)));
    const reminders = await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'session_reminder'));
    expect(reminders.filter((r) => r.toEmail === 'rae@example.org').map((r) => r.idempotencyKey)).toEqual([
      `reminder:24h:${session.id}:${reminders[0]!.payload.participantId as string}`,
    ]);
    const before = smtp.messages.length;
    await deliverOutbox(ctx(), sender());
    const mails = (await smtp.waitFor(before + 2)).slice(before);
    const reminder = mails.find((m) => m.subject === 'Reminder: Reminder group');
    const header = (name: string) => reminder?.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/unsubscribe\/u\.[0-9a-f-]{36}\.[\w-]{43}>$/);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    // The header is read and passed on by mail systems: its token stops reminders and opens nothing else.
    const token = /\/unsubscribe\/([^>]+)>/.exec(header('list-unsubscribe')!)![1]!;
    await expect(getMyRegistrations({ ctx: ctx(), input: { token } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(exportMyData({ ctx: ctx(), input: { token } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteMyData({ ctx: ctx(), input: { token } })).rejects.toMatchObject({ code: 'not_found' });
    expect(reminder!.text).toContain(`/unsubscribe/${token}`);
    // Within the last hour, the 1 h reminder follows.
    await queueReminders(ctx(new Date(startsAt.getTime() - 30 * 60_000)));
    const keys = (await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'rae@example.org'))).map((r) => r.idempotencyKey.split(':')[1]);
    expect(keys.filter((k) => k === '24h' || k === '1h').sort()).toEqual(['1h', '24h']);
    await unsubscribe({ ctx: ctx(), input: { token } });
    const [rae] = await t.db.select().from(participants).where(eq(participants.email, 'rae@example.org'));
    expect(rae!.unsubscribedAt).not.toBeNull();
  });

  it('sends a postponement with both times, the revised calendar entry and Reply-To the organization; an organizer’s message too', async () => {
    const owner = await createMember(t, 'owner');
    await t.db.update(organizations).set({ email: 'bonjour@cercle-ami.example' }).where(eq(organizations.id, owner.organizationId));
    // Thursday 10 December 2026, 19:00 in Toronto (EST): 11 December in UTC.
    const { session } = await createOpenSession(
      t,
      { organizationId: owner.organizationId, titleEn: 'Thursday circle', titleFr: 'Cercle du jeudi' },
      { startsAt: new Date('2026-12-11T00:00:00Z'), endsAt: new Date('2026-12-11T01:30:00Z') },
    );
    await signUpProven(t, { ctx: ctx(NOW, 'fr'), input: { sessionId: session.id, name: 'Noé', email: 'noe@example.org', consent: true } });
    const organizer = createContext(t.db, { now: NOW, actor: { type: 'user', userId: owner.user.id } });
    // A week later, at 18:30.
    const startsAt = new Date('2026-12-17T23:30:00Z');
    await postponeSession({ ctx: organizer, input: { sessionId: session.id, startsAt, endsAt: new Date('2026-12-18T01:00:00Z'), reason: 'La salle est prise.' } });
    await messageRegistrants({ ctx: organizer, input: { sessionId: session.id, message: 'Apportez une tasse.' } });

    const before = smtp.messages.length;
    await deliverOutbox(ctx(), sender(), 100);
    const mine = (await smtp.waitFor(before + 3)).slice(before).filter((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text === 'noe@example.org');
    const byTemplate = (name: string) => mine.find((m) => m.headers.get('x-cercle-template') === name)!;
    const calendarOf = (m: (typeof mine)[number]) => {
      const file = m.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
      const cal = new ICAL.Component(ICAL.parse(file.content.toString('utf8')));
      ICAL.TimezoneService.register(cal.getFirstSubcomponent('vtimezone')!);
      const vevent = cal.getFirstSubcomponent('vevent')!;
      return {
        method: cal.getFirstPropertyValue('method'),
        uid: vevent.getFirstPropertyValue('uid'),
        sequence: vevent.getFirstPropertyValue('sequence'),
        tzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid'),
        start: new ICAL.Event(vevent).startDate.toJSDate().toISOString(),
      };
    };

    const confirmed = byTemplate('registration_confirmed');
    expect(confirmed.replyTo).toBeUndefined();
    const postponed = byTemplate('session_postponed');
    expect(postponed.subject).toBe('Rencontre reportée : Cercle du jeudi');
    expect(postponed.replyTo?.text).toBe('bonjour@cercle-ami.example');
    expect(postponed.text).toMatch(/Date prévue auparavant : jeudi 10 décembre à 19 h 00/);
    expect(postponed.text).toMatch(/Nouvelle date : jeudi 17 décembre à 18 h 30/);
    expect(postponed.text).toContain('La salle est prise.');
    const entry = calendarOf(postponed);
    expect(entry).toEqual({ ...calendarOf(confirmed), method: 'PUBLISH', sequence: 1, start: startsAt.toISOString() });
    expect(entry.tzid).toBe('America/Toronto');

    const message = byTemplate('organizer_message');
    expect(message.replyTo?.text).toBe('bonjour@cercle-ami.example');
    expect(message.from?.value[0]?.address).toBe('no-reply@cercle.test');
    expect(message.text).toContain('Apportez une tasse.');
    // The message says where a reply goes; the platform's own mail does not.
    for (const mail of [message, postponed]) expect(mail.text).toMatch(/répondez simplement à ce courriel : votre réponse va à .+ \(bonjour@cercle-ami\.example\)/);
    expect(confirmed.text).not.toContain('répondez simplement');
  });

  it('writes .eml files under the data folder when no SMTP server is configured', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cercle-mail-'));
    try {
      const { session } = await createOpenSession(t, { titleEn: 'File mail group' });
      await signUpProven(t, { ctx: ctx(), input: { sessionId: session.id, name: 'Fi', email: 'fi@example.org', consent: true } });
      const files = createSender({ mailDir: dir, from: 'Cercle <no-reply@cercle.test>', settings: TEST_SETTINGS });
      // Drain what earlier tests left pending into the folder too.
      await deliverOutbox(ctx(new Date(NOW.getTime() + 86_400_000)), files, 100);
      const names = readdirSync(dir).filter((n) => n.endsWith('.eml'));
      const parsed = await Promise.all(names.map((n) => simpleParser(readFileSync(path.join(dir, n)))));
      const mine = parsed.filter((m) => m.subject === 'You are registered: File mail group');
      expect(mine).toHaveLength(1);
      expect(mine[0]!.text).toContain('Hello Fi,');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
