import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

/** A real SMTP receiver on loopback that parses every message it accepts. */
export interface SmtpReceiver {
  url: string;
  port: number;
  messages: ParsedMail[];
  stop(): Promise<void>;
  /** Starts again on the same port (after stop), keeping the messages received so far. */
  restart(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
}

export async function startSmtpReceiver(port = 0): Promise<SmtpReceiver> {
  const messages: ParsedMail[] = [];
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            messages.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
  let server = make();
  const listen = (p: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
    });
  const actualPort = await listen(port);
  const receiver: SmtpReceiver = {
    url: `smtp://127.0.0.1:${actualPort}`,
    port: actualPort,
    messages,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
    async restart() {
      server = make();
      await listen(actualPort);
    },
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, received ${messages.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return messages;
    },
  };
  return receiver;
}

/**
 * Waits for a message to `address` whose subject starts with `subjectStart`, among those received
 * after the first `after` messages (20 s at most).
 */
export async function waitForMail(smtp: SmtpReceiver, address: string, subjectStart: string, after = 0): Promise<ParsedMail> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = smtp.messages
      .slice(after)
      .find((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text === address && (m.subject ?? '').startsWith(subjectStart));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail "${subjectStart}" to ${address}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The link to the person's page that a message carries (the answer to a form never shows it). */
export function emailedLink(mail: ParsedMail, locale: 'en' | 'fr'): string {
  const found = new RegExp(`https?://\\S+/${locale === 'fr' ? 'fr/gerer' : 'en/manage'}/\\S+`).exec(mail.text ?? '')?.[0];
  if (!found) throw new Error(`no ${locale} manage link in "${mail.subject}"`);
  return found;
}
