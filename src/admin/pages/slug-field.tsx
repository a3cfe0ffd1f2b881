// The editor's "Adresse (URL)" field: the article's slug, at the root of the site. Typed as it will be used or
// refused with the reason (urls/article-slug.ts); a changed address keeps the old one answering with a redirect.
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';

export const SlugField: FC<{ value: string; isNew: boolean; error?: string | undefined }> = ({ value, isNew, error }) => (
  <div class="field">
    <label for="f-slug">{t('admin.article.slug')}</label>
    <p class="hint" id="h-slug">{t(isNew ? 'admin.article.slugHintNew' : 'admin.article.slugHint')}</p>
    {error ? <p class="error" id="e-slug">{error}</p> : null}
    <input type="text" id="f-slug" name="slug" value={value} spellcheck={false} autocomplete="off" aria-describedby={error ? 'h-slug e-slug' : 'h-slug'} aria-invalid={error ? 'true' : undefined} />
  </div>
);
