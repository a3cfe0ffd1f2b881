// Which moderation mode applies to an article (its own, else the site's) and what it means for a new message.
import type { Article, ForumMode, ForumStatus } from '../db/schema.ts';

export function forumModeOf(article: Pick<Article, 'forum_mode'>, siteDefault: ForumMode): ForumMode {
  return article.forum_mode ?? siteDefault;
}

/** The status a new message takes; undefined when the mode takes no message. */
export function initialStatus(mode: ForumMode): ForumStatus | undefined {
  switch (mode) {
    case 'pri':
      return 'pending';
    case 'pos':
    case 'abo':
      return 'published';
    case 'non':
      return undefined;
  }
}
