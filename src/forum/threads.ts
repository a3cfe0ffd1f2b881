// Published public messages of an article, rendered with the forum profile and nested as threads.
import { messageHtml } from './message-html.ts';
import type { QueryCreator } from 'kysely';
import type { Database, ForumMessage } from '../db/schema.ts';

/** A published message as readers see it, with its replies. */
export interface ForumMessageView {
  id: number;
  parentId: number | null;
  title: string;
  /** Rendered with the forum profile of the markup engine. */
  html: string;
  authorName: string;
  authorUrl: string;
  /** The link's text (« Nom de votre site »); empty: the author's name carries the link. */
  authorSiteName: string;
  createdAt: string;
  replies: ForumMessageView[];
}

/** Replies deeper than this are shown at this depth, so a long exchange stays readable on a phone. */
export const MAX_THREAD_DEPTH = 4;

/**
 * An article's published public messages, oldest first, as a query not yet run: the article page nests it in its
 * one read (site/article-page-read.ts) and hands the rows to threadsOf.
 */
export function publishedMessagesQuery(k: QueryCreator<Database>, articleId: number) {
  return k
    .selectFrom('forum_messages')
    .select(['id', 'parent_id', 'title', 'text', 'html', 'html_version', 'author_name', 'author_url', 'author_site_name', 'created_at'])
    .where('article_id', '=', articleId)
    .where('kind', '=', 'public')
    .where('status', '=', 'published')
    .orderBy('created_at')
    .orderBy('id');
}

export type PublishedMessageRow = Pick<ForumMessage, 'id' | 'parent_id' | 'title' | 'text' | 'html' | 'html_version' | 'author_name' | 'author_url' | 'author_site_name' | 'created_at'>;

/** The messages (publishedMessagesQuery's rows, oldest first) nested as the threads readers see. */
export function threadsOf(rows: readonly PublishedMessageRow[]): ForumMessageView[] {
  type Placed = ForumMessageView & { depth: number; holder: Placed | undefined };
  const views = new Map<number, Placed>();
  const roots: ForumMessageView[] = [];
  for (const row of rows) {
    const view: Placed = {
      id: row.id,
      parentId: row.parent_id,
      title: row.title,
      html: messageHtml(row),
      authorName: row.author_name,
      authorUrl: /^https?:\/\//i.test(row.author_url) ? row.author_url : '',
      authorSiteName: row.author_site_name,
      createdAt: row.created_at,
      replies: [],
      depth: 0,
      holder: undefined,
    };
    // A reply whose parent is not shown (unpublished, or deeper than the limit) attaches to the nearest shown ancestor.
    let parent = row.parent_id === null ? undefined : views.get(row.parent_id);
    // At the limit, a reply goes beside its parent: under the message that parent is shown under.
    if (parent && parent.depth >= MAX_THREAD_DEPTH) parent = parent.holder ?? parent;
    if (parent) {
      view.holder = parent;
      view.depth = Math.min(parent.depth + 1, MAX_THREAD_DEPTH);
      parent.replies.push(view);
    } else {
      roots.push(view);
    }
    views.set(row.id, view);
  }
  return roots;
}
