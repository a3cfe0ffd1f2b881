// The article's documents beside its text, as SPIP's portfolio: each with its thumbnail, title, number and what
// its image will be read as, and buttons that insert `<imgN>` / `<docN|left>`… at the cursor (portfolio.js);
// above them, the upload (a file, its title, its alternative text). Without script the upload is a button of the
// article form itself, sent to the upload route with the text as typed, so the text comes back as it was; the
// insert buttons stay hidden and the codes show as text to copy. With script, the upload goes alone by fetch and
// only the list below it is replaced (PortfolioContent).
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import { formatSize, imageAlt, type DocumentSummary } from '../../documents/index.ts';
import { documentUrl } from '../../web/markup-resolver.ts';
import { Notice } from './layout.tsx';

/** The id of the article form the upload's fields belong to without script (article-editor.tsx). */
const ARTICLE_FORM = 'article-form';

/** The header a script's upload sends to get the list alone, and which its answer carries back. */
export const PORTFOLIO_FRAGMENT_HEADER = 'x-tisse-fragment';

export interface PortfolioProps {
  /** Undefined for an article not yet saved: nothing can be attached to it. */
  articleId: number | undefined;
  documents: DocumentSummary[];
  /** Whether the person may edit the article, hence attach to it and insert into its text. */
  canAttach: boolean;
  maxBytes: number;
  acceptedExtensions: readonly string[];
  notice?: { kind: 'info' | 'error'; text: string } | undefined;
}

export const ArticlePortfolio: FC<PortfolioProps> = (p) => (
  <section
    class="portfolio"
    id="portfolio"
    aria-labelledby="portfolio-titre"
    data-upload-url={p.articleId !== undefined && p.canAttach ? `/ecrire/articles/${p.articleId}/documents` : undefined}
    data-max-bytes={String(p.maxBytes)}
    data-too-large={t('errors.documents.tooLarge', { size: formatSize(p.maxBytes) })}
    data-uploading={t('admin.portfolio.uploading')}
    data-failed={t('admin.portfolio.failed')}
    data-offline={t('admin.portfolio.offline')}
    data-drop-here={t('admin.portfolio.dropHere')}
  >
    <h2 id="portfolio-titre">{t('admin.portfolio.title')}</h2>
    <p class="hint">{t('admin.portfolio.hint')}</p>
    {p.articleId === undefined ? <p>{t('admin.portfolio.saveFirst')}</p> : p.canAttach ? <UploadFields articleId={p.articleId} maxBytes={p.maxBytes} acceptedExtensions={p.acceptedExtensions} /> : null}
    <p class="portfolio__progress" id="portfolio-progress" role="status"></p>
    <div id="portfolio-content">
      <PortfolioContent documents={p.documents} canAttach={p.canAttach} notice={p.notice} />
    </div>
  </section>
);

const UploadFields: FC<{ articleId: number; maxBytes: number; acceptedExtensions: readonly string[] }> = ({ articleId, maxBytes, acceptedExtensions }) => (
  <div class="portfolio__upload">
    <div class="field">
      <label for="f-documentFile">{t('admin.portfolio.file')}</label>
      <p class="hint" id="h-documentFile">
        {t('admin.documents.limits', { types: acceptedExtensions.join(', '), size: formatSize(maxBytes) })} <span class="portfolio__script-only">{t('admin.portfolio.dropHint')}</span>
      </p>
      <input type="file" id="f-documentFile" name="documentFile" form={ARTICLE_FORM} accept={acceptedExtensions.map((x) => `.${x}`).join(',')} aria-describedby="h-documentFile" />
    </div>
    <div class="field">
      <label for="f-documentTitle">{t('admin.portfolio.docTitle')}</label>
      <input type="text" id="f-documentTitle" name="documentTitle" form={ARTICLE_FORM} maxlength={500} />
    </div>
    <div class="field">
      <label for="f-documentAlt">{t('admin.portfolio.alt')}</label>
      <p class="hint" id="h-documentAlt">{t('admin.portfolio.altHint')}</p>
      <input type="text" id="f-documentAlt" name="documentAlt" form={ARTICLE_FORM} maxlength={500} aria-describedby="h-documentAlt" />
    </div>
    {/* The article form's own button, sent elsewhere and as multipart: without script the text travels with the file. */}
    <button type="submit" id="portfolio-attach" class="secondary" form={ARTICLE_FORM} formaction={`/ecrire/articles/${articleId}/documents`} formenctype="multipart/form-data" formmethod="post" formnovalidate>
      {t('admin.portfolio.attach')}
    </button>
  </div>
);

/** The list and the last upload's message: what a script's upload replaces. */
export const PortfolioContent: FC<Pick<PortfolioProps, 'documents' | 'canAttach' | 'notice'>> = ({ documents, canAttach, notice }) => (
  <>
    {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
    {documents.length === 0 ? (
      <p>{t('admin.portfolio.empty')}</p>
    ) : (
      <ul class="portfolio__list">
        {documents.map((doc) => (
          <PortfolioItem doc={doc} canAttach={canAttach} />
        ))}
      </ul>
    )}
  </>
);

/** The codes that place a document in a text: an image alone, or a block on the left, centred, on the right. */
function insertCodes(doc: DocumentSummary): string[] {
  const blocks = ['left', 'center', 'right'].map((align) => `<doc${doc.id}|${align}>`);
  return doc.media === 'image' ? [`<img${doc.id}>`, ...blocks] : blocks;
}

const PortfolioItem: FC<{ doc: DocumentSummary; canAttach: boolean }> = ({ doc, canAttach }) => {
  const name = doc.title || doc.original_name;
  const codes = insertCodes(doc);
  return (
    <li class="portfolio__item" data-document-id={String(doc.id)}>
      {doc.thumbnail ? <img class="portfolio__thumb" src={documentUrl(doc.thumbnail)} alt="" width={96} loading="lazy" /> : <span class="doc-ext portfolio__thumb">{doc.extension.toUpperCase()}</span>}
      <div class="portfolio__about">
        <p class="portfolio__name">
          <strong>{name}</strong> <span class="portfolio__meta">· {t('admin.portfolio.number', { id: doc.id })} · {doc.width && doc.height ? t('admin.documents.dimensions', { width: doc.width, height: doc.height }) : formatSize(doc.size)}</span>
        </p>
        {doc.media === 'image' ? <p class="portfolio__alt">{altSummary(doc)}</p> : null}
        {canAttach ? (
          <>
            <div class="portfolio__insert" role="group" aria-label={t('admin.portfolio.insertLabel')}>
              {codes.map((code) => (
                <button type="button" class="secondary small" data-insert={code}>
                  <span class="visually-hidden">{t('admin.portfolio.insert')} </span>
                  <code>{code}</code>
                </button>
              ))}
            </div>
            <p class="portfolio__codes">
              {t('admin.portfolio.inText')} <code>{codes.join(' ')}</code>
            </p>
          </>
        ) : null}
        <p class="portfolio__links">
          <a href={`/ecrire/documents/${doc.id}`}>
            {t('admin.portfolio.open')}
            <span class="visually-hidden"> {t('admin.portfolio.number', { id: doc.id })}</span>
          </a>
        </p>
      </div>
    </li>
  );
};

/** What the image will be read as on the page (documents/ imageAlt): its alt, its title, or nothing. */
function altSummary(doc: DocumentSummary): string {
  const alt = imageAlt(doc);
  if (!alt) return t('admin.portfolio.decorative');
  return doc.alt.trim() ? t('admin.portfolio.altShown', { alt }) : t('admin.portfolio.altFromTitle');
}
