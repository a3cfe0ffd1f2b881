// Posts in an article's private team discussion (forum_messages, kind 'team'): never shown on the public
// site, visible to whoever may see the article in the back office.
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { ForumMessage } from '../../db/schema.ts';
import { nowIso } from '../../db/time.ts';
import { TisseError, untranslated } from '../../kernel/errors.ts';
import { can, type Actor } from '../../users/index.ts';

const messageSchema = z.object({
  text: z.string().trim().min(1, 'errors.field.emptyMessage').max(20_000, 'errors.field.atMost20000'),
  parentId: z.number().int().positive().nullable().default(null),
});

export async function postTeamMessage(db: Db, actor: Actor, articleId: number, input: z.input<typeof messageSchema>): Promise<ForumMessage> {
  const parsed = messageSchema.safeParse(input);
  if (!parsed.success) throw new TisseError('BAD_INPUT', { key: 'errors.articles.teamMessageInvalid', params: { message: parsed.error.issues[0]!.message } }, { fields: { text: untranslated(parsed.error.issues[0]!.message) } });
  const data = parsed.data;
  return db.write(async (trx) => {
    const article = await trx.selectFrom('articles').select(['section_id', 'status']).where('id', '=', articleId).executeTakeFirst();
    if (!article) throw new TisseError('NOT_FOUND', 'errors.articles.notFound');
    const authors = await trx.selectFrom('article_authors').select('user_id').where('article_id', '=', articleId).execute();
    if (!can(actor, 'article.discuss', { sectionId: article.section_id, status: article.status, authorIds: authors.map((a) => a.user_id) })) throw new TisseError('FORBIDDEN');
    const user = await trx.selectFrom('users').select(['name', 'email']).where('id', '=', actor.id).executeTakeFirstOrThrow();
    let threadId: number | null = null;
    if (data.parentId !== null) {
      const parent = await trx.selectFrom('forum_messages').select(['id', 'thread_id']).where('id', '=', data.parentId).where('article_id', '=', articleId).where('kind', '=', 'team').executeTakeFirst();
      if (!parent) throw new TisseError('BAD_INPUT', 'errors.articles.replyParentNotFound');
      threadId = parent.thread_id ?? parent.id;
    }
    const message = await trx
      .insertInto('forum_messages')
      .values({
        kind: 'team',
        article_id: articleId,
        thread_id: threadId,
        parent_id: data.parentId,
        status: 'published',
        title: '',
        text: data.text,
        author_name: user.name,
        author_email: user.email,
        author_url: '',
        user_id: actor.id,
        ip: '',
        created_at: nowIso(),
        moderated_at: null,
        moderated_by: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (threadId === null) {
      await trx.updateTable('forum_messages').set({ thread_id: message.id }).where('id', '=', message.id).execute();
      return { ...message, thread_id: message.id };
    }
    return message;
  });
}
