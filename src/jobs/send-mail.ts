// Sends the mail queued by outbox/mail.ts: the runner hands each mail job to this handler, which sends it
// through nodemailer, to TISSE_SMTP_URL or else to the server set in the back office's
// settings. An unreachable SMTP server delays mail (the job is retried with backoff) and loses none; with no
// server configured at all, mail waits in the queue, attempts untouched, until one is.
import { mailsSent } from '../kernel/metrics.ts';
import nodemailer, { type Transporter } from 'nodemailer';
import { mailSchema, type Mail } from '../outbox/index.ts';
import { JobDeferred, type JobHandler } from './runner.ts';
import type { SmtpSettings } from '../settings/index.ts';

/** Where mail goes: TISSE_SMTP_URL wins over the back-office settings; undefined when neither is set. */
export function smtpTransportOptions(smtpUrl: string | undefined, settings: SmtpSettings): string | Record<string, unknown> | undefined {
  if (smtpUrl) return smtpUrl;
  if (!settings.host) return undefined;
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password } } : {}),
  };
}

export interface MailSource {
  smtpUrl: string | undefined;
  /** Read at each send, so a server set in the back office is used without a restart. */
  settings(): Promise<{ smtp: SmtpSettings; from: string }>;
}

/** Sends a mail; `prepare` runs once a server is known to be set, and may cancel the mail (undefined). */
export type SendMail = (mail: Mail, prepare?: (mail: Mail) => Promise<Mail | undefined>) => Promise<void>;

/** The mail job handler: one SMTP connection pool per process and per server, reused across jobs. */
export function createMailHandler(source: MailSource): { handler: JobHandler; send: SendMail; close(): void } {
  let current: { key: string; transport: Transporter } | undefined;
  const transportFor = (options: string | Record<string, unknown>) => {
    const key = JSON.stringify(options);
    if (current?.key !== key) {
      current?.transport.close();
      // A URL goes in as `url` beside the pool's options: createTransport's second argument is message defaults,
      // where `pool` did nothing (every mail opened a connection of its own).
      const transport = nodemailer.createTransport({ ...(typeof options === 'string' ? { url: options } : options), pool: true, maxConnections: 2 } as object);
      current = { key, transport };
    }
    return current.transport;
  };
  const send: SendMail = async (queued, prepare) => {
    const { smtp, from } = await source.settings();
    const options = smtpTransportOptions(source.smtpUrl, smtp);
    if (!options) throw new JobDeferred('aucun serveur SMTP configuré (TISSE_SMTP_URL ou Réglages > Envoi des emails)', 5 * 60_000);
    const mail = prepare ? await prepare(queued) : queued;
    if (!mail) return;
    // Subjects hold user text (a commenter's title): no line break may reach a header.
    const subject = mail.subject.replace(/[\r\n]+/g, ' ');
    await transportFor(options).sendMail({
      from: mail.from ?? from,
      to: mail.to,
      subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    });
    mailsSent.inc();
  };
  return {
    handler: (payload) => send(mailSchema.parse(payload)),
    send,
    close: () => current?.transport.close(),
  };
}
