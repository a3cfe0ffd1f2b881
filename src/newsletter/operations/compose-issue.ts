// An issue composed in the back office: a list, a subject, a body in SPIP markup and articles picked to follow
// it. Saved as a draft (changed as often as needed), then scheduled or sent now (schedule-issue.ts).
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { nowIso } from '../../db/time.ts';
import { TisseError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';

export const issueInputSchema = z.object({
  listId: z.number().int().positive(),
  subject: z.string().trim().min(1, 'errors.field.required').max(200, 'errors.field.tooLong'),
  body: z.string().max(200_000, 'errors.field.tooLong').default(''),
  articleIds: z.array(z.number().int().positive()).max(30).default([]),
});

export type IssueInput = z.input<typeof issueInputSchema>;

export async function saveIssue(db: Db, input: IssueInput, authorId: number | null, id?: number): Promise<number> {
  const values = parseInput(issueInputSchema, input, { subject: 'admin.newsletter.subject', listId: 'admin.newsletter.list' });
  const now = nowIso();
  return db.write(async (trx) => {
    if (!(await trx.selectFrom('newsletter_lists').select('id').where('id', '=', values.listId).executeTakeFirst())) {
      throw new TisseError('BAD_INPUT', 'errors.newsletter.listUnknown', { fields: { listId: 'errors.newsletter.listUnknown' } });
    }
    const row = { list_id: values.listId, subject: values.subject, body: values.body, article_ids: JSON.stringify([...new Set(values.articleIds)]), updated_at: now };
    if (id === undefined) {
      return (
        await trx
          .insertInto('newsletter_issues')
          .values({ ...row, kind: 'issue', status: 'draft', scheduled_at: null, started_at: null, finished_at: null, html: '', text: '', recipients: 0, covers_until: null, created_by: authorId, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    const updated = await trx.updateTable('newsletter_issues').set(row).where('id', '=', id).where('status', 'in', ['draft', 'scheduled']).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new TisseError('CONFLICT', 'errors.newsletter.alreadySent');
    return id;
  });
}
