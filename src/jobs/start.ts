// Boots the background jobs of a Tisse process: the handler of each job type and the runner polling the table.
// Other modules add their job types here (scheduled publication, search indexing…).
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { loadSiteSettings } from '../content/settings.ts';
import { createMailHandler, MAIL_JOB } from './mail.ts';
import { startJobRunner, type JobHandler, type JobRunner } from './runner.ts';
import { markScheduledPublication } from '../content/operations/mark-scheduled-publication.ts';
import { SCHEDULED_PUBLICATION_JOB } from '../content/operations/change-article-status.ts';

export interface JobsOptions {
  pollMs?: number;
}

export function startJobs(db: Db, config: Config, log: Logger, options: JobsOptions = {}): JobRunner {
  const handlers: Record<string, JobHandler> = {};
  handlers[SCHEDULED_PUBLICATION_JOB] = (payload) => markScheduledPublication(db, payload);
  let closeMail = () => {};
  if (config.smtpUrl) {
    const fallbackFrom = `Tisse <tisse@${new URL(config.siteUrl).hostname || 'localhost'}>`;
    const mail = createMailHandler(config.smtpUrl, async () => (await loadSiteSettings(db)).emailFrom || fallbackFrom);
    handlers[MAIL_JOB] = mail.handler;
    closeMail = mail.close;
  } else {
    log.warn('TISSE_SMTP_URL n’est pas réglé : les emails restent en file d’attente (table jobs) jusqu’à ce qu’un serveur SMTP soit configuré.');
  }
  const runner = startJobRunner({ db, log, handlers, ...(options.pollMs ? { pollMs: options.pollMs } : {}) });
  return {
    runDue: runner.runDue,
    async stop() {
      await runner.stop();
      closeMail();
    },
  };
}
