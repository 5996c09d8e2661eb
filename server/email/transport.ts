import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Locale } from '../../i18n';
import type { EmailPayload, EmailTemplate } from '../../core/email/enqueue';
import type { OutboxRow, SendEmail } from '../../core/email/deliver-outbox';
import type { Settings } from '../../core/context';
import { renderEmail } from './render';
import { calendarAttachment } from './attachments';

export interface MailConfig {
  /** smtp://user:pass@host:port — when absent, messages are written as .eml files. */
  smtpUrl?: string;
  /** Folder for .eml files (the embedded default). */
  mailDir: string;
  from: string;
  settings: Settings;
}

/** The same message always gets the same Message-ID, so a retried send is recognisable. */
export function messageIdFor(row: OutboxRow, settings: Settings): string {
  const host = new URL(settings.publicUrl).hostname || 'cercle.local';
  return `<${createHash('sha256').update(row.idempotencyKey).digest('hex').slice(0, 32)}@${host}>`;
}

/**
 * The function the outbox worker sends with: SMTP through nodemailer when SMTP_URL is set,
 * otherwise one .eml file per message under the data folder (a resend overwrites its own file).
 */
export function createSender(config: MailConfig): SendEmail {
  const smtp = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  const files = smtp ? null : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (row, recipient) => {
    const payload = row.payload as EmailPayload;
    const template = row.template as EmailTemplate;
    const rendered = renderEmail(template, payload, row.locale as Locale, config.settings, recipient);
    const messageId = messageIdFor(row, config.settings);
    const attachment = calendarAttachment(template, payload, row.locale as Locale, config.settings, row.createdAt, recipient.discreet);
    const message = {
      from: config.from,
      to: row.toEmail,
      // Replies to an organizer's message reach the organization, not the no-reply sender.
      ...(row.replyTo ? { replyTo: row.replyTo } : {}),
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId,
      headers: { ...rendered.headers, 'X-Cercle-Template': template },
      attachments: attachment ? [attachment] : [],
    };
    if (smtp) {
      await smtp.sendMail(message);
    } else {
      const info = await files!.sendMail(message);
      mkdirSync(config.mailDir, { recursive: true });
      const stamp = row.createdAt.toISOString().replace(/[:.]/g, '-');
      writeFileSync(path.join(config.mailDir, `${stamp}-${row.id}.eml`), info.message as Buffer);
    }
    return { messageId };
  };
}
