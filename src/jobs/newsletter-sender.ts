// The SMTP side of newsletter delivery: nodemailer's pooled transport (connections kept open and reused, several
// messages in flight at once), to TISSE_SMTP_URL or the server set in the back office, as every other mail.
// The pace is the newsletter's own (settings newsletter.ratePerMinute, kept by the batches), not nodemailer's.
import nodemailer, { type Transporter } from 'nodemailer';
import type { LetterMessage, LetterSender } from '../newsletter/index.ts';
import { JobDeferred } from './runner.ts';
import { smtpTransportOptions, type MailSource } from './send-mail.ts';

/** Messages in flight at once, one per pooled connection. */
export const NEWSLETTER_CONNECTIONS = 4;

export interface NewsletterSender extends LetterSender {
  /** Throws JobDeferred while no SMTP server is set: the batch waits, its deliveries untouched. */
  ready(): Promise<void>;
  close(): void;
}

function parseAddress(from: string): { name: string; address: string } {
  const match = /^\s*(.*?)\s*<([^<>\s]+)>\s*$/.exec(from);
  return match ? { name: match[1]!.replace(/^"|"$/g, ''), address: match[2]! } : { name: '', address: from.trim() };
}

export function createNewsletterSender(source: MailSource, connections = NEWSLETTER_CONNECTIONS): NewsletterSender {
  let current: { key: string; transport: Transporter } | undefined;
  const transport = async () => {
    const { smtp } = await source.settings();
    const options = smtpTransportOptions(source.smtpUrl, smtp);
    if (!options) throw new JobDeferred('aucun serveur SMTP configuré (TISSE_SMTP_URL ou Réglages > Envoi des emails)', 5 * 60_000);
    const key = JSON.stringify(options);
    if (current?.key !== key) {
      current?.transport.close();
      // A URL goes in as `url` beside the pool's options: createTransport's second argument is message defaults,
      // where `pool` does nothing (each message then opened its own connection: ~100 ms each on loopback).
      const pool = { pool: true, maxConnections: connections, maxMessages: Infinity };
      current = { key, transport: nodemailer.createTransport({ ...(typeof options === 'string' ? { url: options } : options), ...pool } as object) };
    }
    return current.transport;
  };
  return {
    concurrency: connections,
    async ready() {
      await transport();
    },
    async from() {
      return parseAddress((await source.settings()).from);
    },
    async send(message: LetterMessage) {
      const from = parseAddress((await source.settings()).from);
      await (await transport()).sendMail({
        from,
        to: message.to.name ? message.to : message.to.address,
        subject: message.subject.replace(/[\r\n]+/g, ' '),
        html: message.html,
        text: message.text,
        headers: message.headers,
        messageId: message.messageId,
      });
    },
    close: () => current?.transport.close(),
  };
}
