// An article someone may read in the back office but not edit (users/permissions.ts: article.view without
// article.edit): its fields shown as text and its text rendered, no form and no Save button that would fail
// afterwards, a notice saying who may edit it, and only the workflow actions and discussion this person may use.
import { SeeOnlineInline } from './see-online.tsx';
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import { formatDateTimeIn } from '../../kernel/time-zone.ts';
import { useTimeZone } from './dates.tsx';
import type { Article } from '../../db/schema.ts';
import type { RenderedArticle } from '../../web/render-article.ts';
import { Notice } from './layout.tsx';
import { StatusBadge, statusLabel } from './home.tsx';
import { PreviewBlock, TeamDiscussion, WorkflowActions, type EditorProps } from './article-editor.tsx';

export type ReadOnlyProps = Pick<EditorProps, 'user' | 'choices' | 'actions' | 'discussion' | 'canDiscuss' | 'info' | 'error' | 'othersEditing'> & {
  article: Article;
  /** The article's authors' names, in their order. */
  authors: string[];
  keywordIds: readonly number[];
  relatedIds: readonly number[];
  /** The saved text rendered, or undefined when it is too long to render on request. */
  preview: RenderedArticle | undefined;
};

/**
 * Why this person may not edit. Its authors may while it is a draft or proposed (so the reader is not one of them),
 * administrators of its section always; in any other status, only the administrators may.
 */
function readOnlyReason(article: Article, zone: string): string {
  if (article.status === 'draft' || article.status === 'proposed') return t('admin.article.readOnly');
  return t('admin.article.readOnlyStatus', { status: statusLabel(article.status, article.published_at, zone) });
}

const Detail: FC<{ label: string; value: string }> = ({ label, value }) =>
  value ? (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  ) : null;

export const ArticleReadOnly: FC<ReadOnlyProps> = (p) => {
  const a = p.article;
  const zone = useTimeZone();
  const keywordTitles = p.choices.keywordGroups.flatMap((group) => group.keywords.filter((k) => p.keywordIds.includes(k.id)).map((k) => k.title));
  const relatedTitles = p.relatedIds.map((id) => p.choices.articles.find((choice) => choice.id === id)?.title ?? t('admin.article.hiddenRelated', { id }));
  return (
    <>
      <h1>{a.title}</h1>
      <p>
        <StatusBadge status={a.status} publishedAt={a.published_at} /> · <a href={`/ecrire/articles/${a.id}/revisions`}>{t('admin.article.history')}</a>
        <SeeOnlineInline article={a} />
      </p>
      {p.info ? <Notice>{p.info}</Notice> : null}
      {p.error ? <Notice kind="error">{p.error}</Notice> : null}
      <Notice>{readOnlyReason(a, zone)}</Notice>
      {p.othersEditing?.length ? <Notice kind="warning">{t('admin.article.editing', { names: p.othersEditing.join(', ') })}</Notice> : null}
      <dl class="article-details">
        <Detail label={t('admin.article.surtitle')} value={a.surtitle} />
        <Detail label={t('admin.article.subtitle')} value={a.subtitle} />
        <Detail label={t('admin.article.section')} value={p.choices.tree.byId.get(a.section_id)?.title ?? ''} />
        <Detail label={t('admin.article.slug')} value={`/${a.slug}`} />
        <Detail label={t('admin.article.authors')} value={p.authors.join(', ')} />
        <Detail label={t('admin.article.description')} value={a.description} />
        <Detail label={t('admin.article.keywords')} value={keywordTitles.join(', ')} />
        <Detail label={t('admin.article.related')} value={relatedTitles.join(', ')} />
        <Detail label={t('admin.article.publishedAt')} value={a.published_at ? formatDateTimeIn(a.published_at, zone) : ''} />
        <Detail label={t('admin.article.writtenAt')} value={a.written_at ? formatDateTimeIn(a.written_at, zone) : ''} />
        <Detail label={t('admin.article.forumMode')} value={a.forum_mode ? t(`forum.mode.${a.forum_mode}`) : t('admin.article.forumDefault')} />
      </dl>
      <section aria-labelledby="texte-lecture" class="preview">
        <h2 id="texte-lecture">{t('admin.article.text')}</h2>
        {p.preview ? <PreviewBlock preview={p.preview} /> : <pre class="article-source">{a.text}</pre>}
      </section>
      {p.actions?.length ? <WorkflowActions user={p.user} article={a} actions={p.actions} /> : null}
      {p.discussion ? <TeamDiscussion user={p.user} articleId={a.id} messages={p.discussion} canPost={p.canDiscuss ?? false} /> : null}
    </>
  );
};
