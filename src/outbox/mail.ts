// Outgoing mail goes through the jobs table: a message is queued in the transaction that causes it, so it
// exists if and only if that change committed; jobs/send-mail.ts sends it. A mail carrying a password link
// (reset, invitation) is queued without it: its text holds a marker where the link goes, and the link is made
// when the mail leaves (users' issueResetLink), so the jobs table never holds a link that opens an account.
import { z } from 'zod';
import type { Trx } from '../db/connect.ts';
import { enqueueJob } from './queue.ts';

export const MAIL_JOB = 'mail';

export const mailSchema = z.object({
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

export const RESET_LINK_MAIL_JOB = 'mail-reset-link';

export const resetLinkMailSchema = z.object({
  /** password_resets.request_id: the request whose link the mail carries. */
  requestId: z.string().min(1),
  /** Where the link goes in mail.text (random, so no name or title typed by someone can imitate it). */
  marker: z.string().min(16),
  mail: mailSchema,
});

export type ResetLinkMail = z.infer<typeof resetLinkMailSchema>;

export async function enqueueResetLinkMail(trx: Trx, message: ResetLinkMail): Promise<number> {
  return enqueueJob(trx, RESET_LINK_MAIL_JOB, resetLinkMailSchema.parse(message));
}
