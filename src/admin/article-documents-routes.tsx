// Uploading a document from the article editor: POST /ecrire/articles/:id/documents, for whoever may edit the
// article. The editor's script sends the file alone and gets back the portfolio's list (with the upload's message),
// the article's text untouched in the page. Without script, the article form itself is sent here (its text as
// typed, and the file): the editor comes back with that text, not saved, and the message. Either way a refused
// upload writes nothing (documents/ uploadDocument) and says why in French.
import { Hono } from 'hono';
import { mustUser, type AdminEnv } from '../web/auth.ts';
import { field, formFields, refusedForm } from '../web/form-action.ts';
import { can } from '../users/index.ts';
import { uploadDocument } from '../documents/index.ts';
import { TisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';
import { loadEditable, renderEditor, valuesFromForm, valuesOf } from './articles-routes.tsx';
import { EDITOR_MAX_UPLOAD_BYTES, loadPortfolio } from './article-portfolio.ts';
import { PORTFOLIO_FRAGMENT_HEADER, PortfolioContent, type PortfolioProps } from './pages/article-portfolio.tsx';
import { uploadedFile } from './uploaded-file.ts';

export const articleDocumentRoutes = new Hono<AdminEnv>();

articleDocumentRoutes.post('/:id{[0-9]+}/documents', async (c) => {
  const user = mustUser(c);
  const { db } = c.get('app');
  const { article, target } = await loadEditable(c, user);
  if (!can(user.actor, 'article.edit', target)) throw new TisseError('FORBIDDEN', 'errors.articles.cannotEdit');
  // The text fields are read strictly first (UTF-8, no NUL); the file comes from the same parsed body.
  const fields = await formFields(c);
  const body = await c.req.parseBody();
  // Without script the article's fields come along: the editor shows them back as typed.
  const typed = 'text' in fields;
  let notice: NonNullable<PortfolioProps['notice']>;
  // Undefined when the document was attached.
  let status: number | undefined;
  try {
    const file = await uploadedFile(body.documentFile, EDITOR_MAX_UPLOAD_BYTES);
    const doc = await uploadDocument(
      db,
      { originalName: file.name, bytes: file.bytes, title: field(fields, 'documentTitle'), alt: field(fields, 'documentAlt'), articleId: article.id },
      { storage: c.get('app').storage, maxBytes: EDITOR_MAX_UPLOAD_BYTES },
    );
    notice = { kind: 'info', text: t(typed ? 'admin.portfolio.addedUnsaved' : 'admin.portfolio.added', { id: doc.id }) };
  } catch (error) {
    // A refused permission or a failure of ours goes on to the error pages; a refused file is told here.
    const refused = refusedForm(fields, error);
    notice = { kind: 'error', text: refused.message ?? t('admin.portfolio.failed', { status: refused.status }) };
    status = refused.status;
  }
  if (c.req.header(PORTFOLIO_FRAGMENT_HEADER) === 'portfolio') return portfolioFragment({ ...(await loadPortfolio(db, user.actor, article, target)), notice }, status);
  const values = typed ? valuesFromForm(fields) : await valuesOf(db, article, target);
  return renderEditor(c, { article, target, values, portfolioNotice: notice, ...(status ? { status } : {}) });
});

/** The portfolio's list alone, marked so that the script knows it is one (an error page is not). */
async function portfolioFragment(portfolio: PortfolioProps, status: number | undefined): Promise<Response> {
  const html = await (<PortfolioContent documents={portfolio.documents} canAttach={portfolio.canAttach} notice={portfolio.notice} />).toString();
  return new Response(html, {
    status: status ?? 201,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', [PORTFOLIO_FRAGMENT_HEADER]: 'portfolio' },
  });
}
