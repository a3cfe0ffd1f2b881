// The editor's autosave line, under its buttons: what autosave does for this article, then what it just did. Hidden
// without script (assets/autosave.js shows it and writes in it): without script nothing is saved automatically.
// Not a live region: "saved at 14:32" every 20 seconds would interrupt a screen reader's user while they write;
// the script makes it an alert only when something needs them (a conflict, a failure).
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import type { Article } from '../../db/schema.ts';

/** A new article is saved by hand once first; a published one never automatically (articles/operations/autosave-article.ts). */
export function autosaveMode(article: Pick<Article, 'status'> | undefined): 'on' | 'new' | 'published' {
  if (!article) return 'new';
  return article.status === 'published' ? 'published' : 'on';
}

export const AutosaveStatus: FC<{ article: Pick<Article, 'status'> | undefined }> = ({ article }) => {
  const mode = autosaveMode(article);
  return (
    <div id="autosave-status" class="autosave-status" hidden data-saving={t('admin.autosave.saving')} data-failed={t('admin.autosave.failed')} data-stopped={t('admin.autosave.stopped')}>
      {t(`admin.autosave.${mode}`)}
    </div>
  );
};
