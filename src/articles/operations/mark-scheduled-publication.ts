// The scheduled-publication job: at the article's publication time, one write makes every process drop
// its cached pages (lists, feeds, section pages), so the article appears everywhere at once. Visibility
// itself needs no job (visibility.ts compares published_at with now); a rescheduled or unpublished
// article makes this job a no-op.
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { nowIso } from '../../db/time.ts';

const payloadSchema = z.object({ articleId: z.number().int().positive(), at: z.string() });

export async function markScheduledPublication(db: Db, payload: unknown): Promise<void> {
  const { articleId, at } = payloadSchema.parse(payload);
  await db.write(async (trx) => {
    await trx
      .updateTable('articles')
      .set({ updated_at: nowIso() })
      .where('id', '=', articleId)
      .where('status', '=', 'published')
      .where('published_at', '=', at)
      .execute();
  });
}
