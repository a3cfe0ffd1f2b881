// Signing an article's petition: the article and its open petition, the honeypot, the fields, the form token
// (the forum's anti-abuse: genuine, shown at least forumMinSeconds ago, used once), then in one transaction the
// token's single use, the per-IP and per-email rate limits (the forum's thresholds), the insert of a pending
// signature and the mail that asks its address to confirm. One address signs once: a unique index holds it
// against concurrent posts, and a second signature is refused saying whether the first awaits confirmation.
// A pending signature changes no page: it shows, and counts, only once confirmed (confirm-signature.ts).
import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../../kernel/config.ts';
import type { Db } from '../../db/connect.ts';
import { loadArticle, isPublic } from '../../articles/index.ts';
import { checkFormToken, claimFormToken, loadForumPolicy } from '../../forum/index.ts';
import { bumpCounter } from '../../db/rate-counters.ts';
import { enqueueMail } from '../../outbox/index.ts';
import { loadSiteSettings } from '../../settings/index.ts';
import { typoText } from '../../markup/index.ts';
import { t, untranslated } from '../../kernel/i18n/index.ts';
import { loadPetition } from '../petitions.ts';
import { parseSignatureFields, type SignatureInput } from '../signature-input.ts';
import { PetitionRejection } from '../rejection.ts';

export const PETITION_FORM = 'p1';

export interface SignInput {
  articleId: number;
  fields: SignatureInput;
  token: string;
  honeypot: string;
  ip: string;
}

export function confirmationTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Checks everything that needs no write; returns the article, the petition and the clean fields. */
export async function checkSignature(db: Db, input: SignInput) {
  const article = Number.isSafeInteger(input.articleId) ? await loadArticle(db, input.articleId) : undefined;
  const petition = article && isPublic(article) ? await loadPetition(db, article.id) : undefined;
  if (!article || !petition) throw new PetitionRejection('not_found', 'errors.petition.notFound');
  if (petition.status !== 'open') throw new PetitionRejection('closed', 'errors.petition.closed');
  if (input.honeypot.trim() !== '') throw new PetitionRejection('honeypot', 'errors.forum.honeypot');
  const parsed = parseSignatureFields(input.fields);
  if (!parsed.ok) throw new PetitionRejection('invalid', 'errors.petition.fixFields', Object.fromEntries(Object.entries(parsed.errors).map(([name, text]) => [name, untranslated(text)])));
  return { article, petition, fields: parsed.fields };
}

export async function signPetition(db: Db, config: Pick<Config, 'forumMinSeconds' | 'siteUrl'>, input: SignInput, now = new Date()): Promise<{ id: number; email: string }> {
  const { article, petition, fields } = await checkSignature(db, input);
  const policy = await loadForumPolicy(db);
  const check = await checkFormToken(db, input.token, { kind: PETITION_FORM, articleId: article.id, parentId: null, minSeconds: config.forumMinSeconds, maxHours: policy.tokenHours }, now.getTime());
  if (!check.ok) {
    const key = check.problem === 'too_fast' ? 'errors.forum.tooFast' : check.problem === 'expired' ? 'errors.forum.expired' : 'errors.forum.badToken';
    throw new PetitionRejection('token', key);
  }
  const token = randomBytes(24).toString('base64url');
  const settings = await loadSiteSettings(db);
  const link = `${config.siteUrl}/petition/confirmer?jeton=${token}`;
  const title = typoText(article.title);
  // Held until confirmed, a signature shows on no page: committed outside db.write, no page cache drops anything.
  const id = await db.kysely.transaction().execute(async (trx) => {
    if (!(await claimFormToken(trx, check))) throw new PetitionRejection('token', 'errors.forum.tokenUsed');
    if ((await bumpCounter(trx, `petition:ip:${input.ip}`, policy.perIp.minutes, now)) > policy.perIp.count) {
      throw new PetitionRejection('rate_ip', { key: 'errors.forum.rateIp', params: { minutes: policy.perIp.minutes } });
    }
    if ((await bumpCounter(trx, `petition:email:${fields.email}`, policy.perEmail.minutes, now)) > policy.perEmail.count) {
      throw new PetitionRejection('rate_email', { key: 'errors.forum.rateEmail', params: { minutes: policy.perEmail.minutes } });
    }
    const row = await trx
      .insertInto('petition_signatures')
      .values({
        article_id: article.id, name: fields.name, email: fields.email, site_name: fields.siteName, site_url: fields.siteUrl,
        message: petition.allow_message ? fields.message : '', shown: fields.shown ? 1 : 0, status: 'pending',
        token_hash: confirmationTokenHash(token), ip: input.ip, created_at: now.toISOString(), confirmed_at: null,
      })
      .onConflict((oc) => oc.columns(['article_id', 'email']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) {
      const first = await trx.selectFrom('petition_signatures').select('status').where('article_id', '=', article.id).where('email', '=', fields.email).executeTakeFirst();
      throw new PetitionRejection('already_signed', first?.status === 'pending' ? 'errors.petition.pendingAlready' : 'errors.petition.signedAlready', { email: 'errors.petition.field.emailUsed' });
    }
    await enqueueMail(trx, {
      to: fields.email,
      subject: t('petition.mail.subject', { title }),
      text: t('petition.mail.text', { name: fields.name, title, site: settings.name, link }),
    });
    return row.id;
  });
  return { id, email: fields.email };
}
