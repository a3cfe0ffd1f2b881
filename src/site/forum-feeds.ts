// RSS of published forum messages: one feed per article and one for the whole site. Authors appear by
// name only (never their email); messages are rendered with the forum profile, so a feed carries nothing
// a reader could execute.
import type { Db } from '../db/connect.ts';
import type { Article } from '../db/schema.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { listFeedMessages } from '../forum/index.ts';
import { t } from '../kernel/i18n/index.ts';
import { propre } from '../markup/index.ts';
import { renderRss } from '../web/feed-writer.ts';

const FEED_SIZE = 50;

export async function forumFeed(db: Db, siteUrl: string, article?: Pick<Article, 'id' | 'title' | 'slug'>, limit = FEED_SIZE): Promise<string> {
  const settings = await loadSiteSettings(db);
  const rows = await listFeedMessages(db, { ...(article ? { articleId: article.id } : {}), limit });
  const link = article ? `${siteUrl}/${article.slug}#forum` : `${siteUrl}/`;
  const self = article ? `${siteUrl}/forum/article/${article.id}/rss.xml` : `${siteUrl}/forum/rss.xml`;
  return renderRss({
    title: article ? t('forum.feedTitle', { title: article.title }) : t('forum.siteFeedTitle', { site: settings.name }),
    description: settings.tagline,
    link,
    language: settings.lang,
    self,
    updated: rows[0] ? new Date(rows[0].created_at) : new Date(0),
    items: rows.map((row) => {
      const url = `${siteUrl}/${row.slug}#forum${row.id}`;
      return {
        title: row.title || (article ? row.author_name : `${row.author_name} — ${row.articleTitle}`),
        link: url,
        descriptionHtml: propre(row.text, { profile: 'forum' }).html,
        creator: row.author_name,
        date: new Date(row.created_at),
      };
    }),
  });
}
