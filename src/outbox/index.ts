// Work queued for later inside the transaction that calls for it: a job or a mail exists if and only if
// that change committed. Domain modules enqueue here; jobs/ runs what is queued. The only door into this module.
export { MAIL_JOB, RESET_LINK_MAIL_JOB, enqueueMail, enqueueResetLinkMail, mailSchema, resetLinkMailSchema } from './mail.ts';
export type { Mail, ResetLinkMail } from './mail.ts';
export { enqueueJob, enqueueJobOnce } from './queue.ts';
