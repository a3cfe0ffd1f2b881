// Feeds of published forum messages, RSS or Atom: one per article and one for the whole site. Authors appear by
// name only (never their email); messages are rendered with the forum profile, so a feed carries nothing a
// reader could execute.
import type { Db } from '../db/connect.ts';
import type { Article } from '../db/schema.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { listFeedMessages, messageHtml } from '../forum/index.ts';
import { t } from '../kernel/i18n/index.ts';
import { typoText } from '../markup/index.ts';
import type { Feed, FeedFormat } from '../web/feed-writer.ts';

const FEED_SIZE = 50;

export async function forumFeed(db: Db, siteUrl: string, format: FeedFormat, article?: Pick<Article, 'id' | 'title' | 'slug'>, limit = FEED_SIZE): Promise<Feed> {
  const settings = await loadSiteSettings(db);
  const rows = await listFeedMessages(db, { ...(article ? { articleId: article.id } : {}), limit });
  const self = article ? `${siteUrl}/forum/article/${article.id}/${format}.xml` : `${siteUrl}/forum/${format}.xml`;
  return {
    title: article ? t('forum.feedTitle', { title: typoText(article.title) }) : t('forum.siteFeedTitle', { site: typoText(settings.name) }),
    description: typoText(settings.tagline),
    link: article ? `${siteUrl}/${article.slug}#forum` : `${siteUrl}/`,
    language: settings.lang,
    self,
    updated: rows[0] ? new Date(rows[0].created_at) : new Date(0),
    items: rows.map((row) => ({
      title: row.title ? typoText(row.title, { profile: 'forum' }) : article ? row.author_name : `${row.author_name} — ${typoText(row.articleTitle)}`,
      link: `${siteUrl}/${row.slug}#forum${row.id}`,
      html: messageHtml(row),
      authors: [row.author_name],
      published: new Date(row.created_at),
    })),
  };
}
