// Outgoing mail goes through the jobs table: a message is queued in the transaction that causes it and sent
// by the runner through nodemailer to TISSE_SMTP_URL. An unreachable SMTP server delays mail (the job is
// retried with backoff) and loses none; without TISSE_SMTP_URL, mail stays queued until one is configured.
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Trx } from '../db/connect.ts';
import { enqueueJob } from './queue.ts';
import type { JobHandler } from './runner.ts';

export const MAIL_JOB = 'mail';

const mailSchema = z.object({
  to: z.union([z.string().min(3), z.array(z.string().min(3)).min(1)]),
  subject: z.string().min(1),
  text: z.string(),
  html: z.string().optional(),
  from: z.string().optional(),
  replyTo: z.string().optional(),
});

export type Mail = z.infer<typeof mailSchema>;

export async function enqueueMail(trx: Trx, mail: Mail): Promise<number> {
  return enqueueJob(trx, MAIL_JOB, mailSchema.parse(mail));
}

/** The mail job handler: one SMTP connection pool per process, reused across jobs. */
export function createMailHandler(smtpUrl: string, defaultFrom: () => Promise<string>): { handler: JobHandler; close(): void } {
  const transport = nodemailer.createTransport(smtpUrl, { pool: true, maxConnections: 2 } as object);
  return {
    async handler(payload) {
      const mail = mailSchema.parse(payload);
      // Subjects hold user text (a commenter's title): no line break may reach a header.
      const subject = mail.subject.replace(/[\r\n]+/g, ' ');
      await transport.sendMail({
        from: mail.from ?? (await defaultFrom()),
        to: mail.to,
        subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      });
    },
    close: () => transport.close(),
  };
}
