// Outgoing mail goes through the jobs table: a message is queued in the transaction that causes it, so it
// exists if and only if that change committed; jobs/send-mail.ts sends it.
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
