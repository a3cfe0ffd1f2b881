// At start, in the background: the stored HTML another engine version made (or that was never made: an import,
// an upgrade from before migration 032) is made anew, so the first readers after an upgrade do not each pay
// for a render. Published articles first, newest first, then published forum messages; a batch at a time,
// yielding to requests between batches. Pages read meanwhile render what they need themselves.
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { Db } from '../db/connect.ts';
import { messageHtml } from '../forum/index.ts';
import { MARKUP_ENGINE_VERSION } from '../markup/index.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { renderAndStore, renderKey } from './stored-article-render.ts';

const BATCH = 50;

export interface RenderRefresh {
  /** Resolves with the counts once every stale render is made (or the refresh stopped). */
  readonly done: Promise<{ articles: number; messages: number }>;
  stop(): Promise<void>;
}

export function refreshStaleRenders(db: Db, log: { info(details: object, message: string): void; warn(details: object, message: string): void }): RenderRefresh {
  let stopped = false;
  const run = async () => {
    const counts = { articles: 0, messages: 0 };
    const settings = await loadSiteSettings(db);
    const key = renderKey({ occurrences: settings.glossaryOccurrences });
    // Newest first, by id: the articles readers are likeliest to open.
    let lastId: number | undefined;
    while (!stopped) {
      let query = db.kysely
        .selectFrom('articles')
        .leftJoin('article_renders', 'article_renders.article_id', 'articles.id')
        .selectAll('articles')
        .where('articles.status', '=', 'published')
        .where((eb) => eb.or([eb('article_renders.article_id', 'is', null), eb('article_renders.render_key', '!=', key)]));
      if (lastId !== undefined) query = query.where('articles.id', '<', lastId);
      const stale = await query.orderBy('articles.id', 'desc').limit(BATCH).execute();
      for (const article of stale) {
        if (stopped) break;
        await renderAndStore(db, article, { occurrences: settings.glossaryOccurrences });
        counts.articles++;
        lastId = article.id;
      }
      if (stale.length < BATCH) break;
      await yieldToRequests();
    }
    while (!stopped) {
      const stale = await db.kysely
        .selectFrom('forum_messages')
        .select(['id', 'text', 'html', 'html_version'])
        .where('status', '=', 'published')
        .where((eb) => eb.or([eb('html_version', 'is', null), eb('html_version', '!=', MARKUP_ENGINE_VERSION)]))
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (stale.length === 0) break;
      // Not db.write: the HTML is what readers already see, rendered when read; no page changes.
      await db.kysely.transaction().execute(async (trx) => {
        for (const row of stale) {
          await trx.updateTable('forum_messages').set({ html: messageHtml(row), html_version: MARKUP_ENGINE_VERSION }).where('id', '=', row.id).where('text', '=', row.text).execute();
        }
      });
      counts.messages += stale.length;
      await yieldToRequests();
    }
    if (counts.articles + counts.messages > 0) log.info(counts, 'stored HTML made anew');
    return counts;
  };
  const done = run().catch((error: unknown) => {
    if (!stopped) log.warn({ err: error }, 'stored HTML: refresh stopped');
    return { articles: 0, messages: 0 };
  });
  return {
    done,
    async stop() {
      stopped = true;
      await done;
    },
  };
}
