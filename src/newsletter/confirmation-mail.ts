// The double opt-in mail: plain text, in the site's language, with the confirmation link. It is queued in the
// sign-up's transaction (outbox/), so it leaves if and only if the sign-up was recorded.
import type { Trx } from '../db/connect.ts';
import { enqueueMail } from '../outbox/index.ts';
import { t, type Lang } from '../kernel/i18n/index.ts';

export interface ConfirmationMail {
  to: string;
  siteName: string;
  listNames: string[];
  link: string;
  hours: number;
  lang: Lang;
}

export async function enqueueConfirmationMail(trx: Trx, mail: ConfirmationMail): Promise<void> {
  const lists = mail.listNames.length ? mail.listNames.map((name) => `« ${name} »`).join(', ') : t('newsletter.allLists', {}, mail.lang);
  await enqueueMail(trx, {
    to: mail.to,
    subject: t('newsletter.mail.confirmSubject', { site: mail.siteName }, mail.lang),
    text: t('newsletter.mail.confirmText', { lists, site: mail.siteName, hours: Math.round(mail.hours), link: mail.link }, mail.lang),
  });
}
