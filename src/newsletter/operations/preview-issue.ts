// What an issue will look like, before it leaves: in the browser (the back office's preview) and as a test
// mail to the person composing it. Both are made from the issue as saved, by the same renderer as the send;
// the unsubscribe link leads to /lettre (a test copy unsubscribes nobody).
import type { Db } from '../../db/connect.ts';
import { TisseError } from '../../kernel/errors.ts';
import { t } from '../../kernel/i18n/index.ts';
import { enqueueMail } from '../../outbox/index.ts';
import { renderLetter, UNSUBSCRIBE_MARKER, type RenderedLetter } from '../letter.ts';

export async function previewIssue(db: Db, issueId: number, siteUrl: string): Promise<RenderedLetter & { subject: string }> {
  const issue = await db.kysely.selectFrom('newsletter_issues').selectAll().where('id', '=', issueId).executeTakeFirst();
  if (!issue) throw new TisseError('NOT_FOUND', 'errors.newsletter.issueNotFound');
  const list = await db.kysely.selectFrom('newsletter_lists').select('name').where('id', '=', issue.list_id).executeTakeFirstOrThrow();
  // A sent issue shows the letter as it left.
  const letter = issue.html ? { html: issue.html, text: issue.text } : await renderLetter(db, siteUrl, list, { subject: issue.subject, body: issue.body, articleIds: JSON.parse(issue.article_ids) as number[] });
  const unsubscribe = `${siteUrl}/lettre`;
  return { subject: issue.subject, html: letter.html.replaceAll(UNSUBSCRIBE_MARKER, unsubscribe), text: letter.text.replaceAll(UNSUBSCRIBE_MARKER, unsubscribe) };
}

/** Queues the test copy to `to` (the composer's own address), through the outbox like every mail. */
export async function sendTestLetter(db: Db, issueId: number, to: string, siteUrl: string): Promise<void> {
  const letter = await previewIssue(db, issueId, siteUrl);
  await db.write((trx) => enqueueMail(trx, { to, subject: t('newsletter.testSubject', { subject: letter.subject }), text: letter.text, html: letter.html }));
}
