// Boots the background jobs of a Tisse process: the handler of each job type and the runner polling the table.
// Other modules add their job types here (scheduled publication, search indexing…).
import type { Logger } from 'pino';
import type { Config } from '../kernel/config.ts';
import type { Db } from '../db/connect.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { MAIL_JOB, RESET_LINK_MAIL_JOB } from '../outbox/index.ts';
import { createMailHandler } from './send-mail.ts';
import { resetLinkMailHandler } from './send-reset-link-mail.ts';
import { startJobRunner, type JobHandler, type JobRunner } from './runner.ts';
import { markScheduledPublication, SCHEDULED_PUBLICATION_JOB } from '../articles/index.ts';
import { FORUM_NOTIFICATION_JOB, notifyModerators } from '../forum/index.ts';
import { BACKUP_JOB, backupJobHandler, scheduleBackups } from '../backup/index.ts';
import { SYNDICATION_JOB, ensureSyndicationQueued, syndicateSite } from '../sites/index.ts';
import { NEWSLETTER_BATCH_JOB, NEWSLETTER_START_JOB, deliverBatch, startSending, type BatchPayload } from '../newsletter/index.ts';
import { createNewsletterSender } from './newsletter-sender.ts';

export interface JobsOptions {
  pollMs?: number;
}

export function startJobs(db: Db, config: Config, log: Logger, options: JobsOptions = {}): JobRunner {
  const handlers: Record<string, JobHandler> = {};
  handlers[SCHEDULED_PUBLICATION_JOB] = (payload) => markScheduledPublication(db, payload);
  const fallbackFrom = `Tisse <tisse@${new URL(config.siteUrl).hostname || 'localhost'}>`;
  const source = {
    smtpUrl: config.smtpUrl,
    async settings() {
      const settings = await loadSiteSettings(db);
      return { smtp: settings.smtp, from: settings.emailFrom || fallbackFrom };
    },
  };
  const mail = createMailHandler(source);
  const letters = createNewsletterSender(source);
  handlers[MAIL_JOB] = mail.handler;
  handlers[RESET_LINK_MAIL_JOB] = resetLinkMailHandler(db, mail.send);
  handlers[FORUM_NOTIFICATION_JOB] = (payload) => notifyModerators(db, config.siteUrl, payload);
  handlers[BACKUP_JOB] = backupJobHandler(db, config);
  // The queue follows the backup schedule from the first start on (a setting saved through the back office does it too).
  void scheduleBackups(db).catch((error: unknown) => log.error({ err: error }, 'sauvegardes programmées : impossible de mettre la prochaine en file'));
  handlers[SYNDICATION_JOB] = async (payload, job) => {
    const outcome = await syndicateSite(db, payload, { allowLoopback: config.syndicationAllowLoopback }, job.id);
    if (outcome.error) log.warn({ job: job.id, error: outcome.error }, 'syndication : flux non lu');
  };
  // A syndicated site whose chain of fetches was lost (an import, a job that failed for good) gets one queued.
  void ensureSyndicationQueued(db).catch((error: unknown) => log.error({ err: error }, 'syndication : file non préparée'));
  handlers[NEWSLETTER_START_JOB] = (payload) => startSending(db, payload, config.siteUrl);
  handlers[NEWSLETTER_BATCH_JOB] = async (payload) => {
    await letters.ready();
    await deliverBatch(db, payload as BatchPayload, letters, config.siteUrl);
  };
  if (!config.smtpUrl) {
    void loadSiteSettings(db).then((settings) => {
      if (!settings.smtp.host) log.warn('Aucun serveur SMTP (TISSE_SMTP_URL ou Réglages) : les emails restent en file d’attente (table jobs) jusqu’à ce qu’un serveur soit configuré.');
    });
  }
  const runner = startJobRunner({ db, log, handlers, ...(options.pollMs ? { pollMs: options.pollMs } : {}) });
  return {
    runDue: runner.runDue,
    async stop() {
      await runner.stop();
      mail.close();
      letters.close();
    },
  };
}
