// What the routes hand the theme's templates: plain objects (templates read own properties only), pre-rendered
// HTML as SafeHtml, every other text left as text for the templates to escape. One function per shape.
import { t } from '../kernel/i18n/index.ts';
import { safeHtml, type SafeHtml } from '../kernel/trusted-html.ts';
import type { Article, ForumMode, GlossaryTerm } from '../db/schema.ts';
import type { RenderedArticle } from '../web/render-article.ts';
import { MAX_PAGE, MAX_QUERY_LENGTH, type SearchResults } from '../search/index.ts';
import { termVariants, type ArticleUse } from '../glossary/index.ts';
import type { ForumMessageView } from '../forum/index.ts';
import type { SectionTree } from '../sections/index.ts';
import { pageCount, paginate } from './pagination.ts';

export function articleView(article: Article) {
  return {
    id: article.id,
    slug: article.slug,
    lang: article.lang,
    title: article.title,
    description: article.description,
    published_at: article.published_at,
    updated_at: article.updated_at,
    link_url: article.link_url,
    link_title: article.link_title,
  };
}

export function renderedView(rendered: RenderedArticle): Record<'surtitle' | 'title' | 'subtitle' | 'lead' | 'text' | 'postscript' | 'notes', SafeHtml | null> {
  return {
    surtitle: safeHtml(rendered.surtitle),
    title: safeHtml(rendered.title),
    subtitle: safeHtml(rendered.subtitle),
    lead: safeHtml(rendered.lead),
    text: safeHtml(rendered.text),
    postscript: safeHtml(rendered.postscript),
    notes: safeHtml(rendered.notes),
  };
}

/** Name of the honeypot field: people never see it, naive bots fill it in. */
export const HONEYPOT_FIELD = 'site_web';

export interface ForumFormValues {
  name?: string;
  email?: string;
  title?: string;
  text?: string;
  linkUrl?: string;
  linkTitle?: string;
}

export interface ForumFormProps {
  articleId: number;
  mode: Exclude<ForumMode, 'non'>;
  action: string;
  /** Hidden fields the forum module needs: the form token of this view, on the pages that are never cached. */
  hidden?: Record<string, string>;
  /**
   * Where the form's script fetches the token of this view (a cached page never carries one): the form then has
   * an empty token field that its script fills. Without script the first answer is the preview, with a token.
   */
  tokenUrl?: string;
  parentId?: number | null;
  values?: ForumFormValues;
  /** Per-field messages, and a general one under the key ''. */
  errors?: Record<string, string>;
  /** Rendered preview of the message: the form then offers to send it for good. */
  previewHtml?: string;
  /** A logged-in poster: name and email come from the account. */
  poster?: { name: string } | undefined;
}

export interface ForumBlockProps {
  articleId: number;
  mode: ForumMode;
  threads: ForumMessageView[];
  action: string;
  tokenUrl: string;
  feedUrl?: string;
}

const FIELDS = ['name', 'email', 'title', 'text', 'linkTitle', 'linkUrl'] as const;
const HELP: Partial<Record<(typeof FIELDS)[number], string>> = { email: 'forum-email-aide', text: 'forum-aide' };

export function forumFormView(props: ForumFormProps) {
  const { articleId, mode, action, hidden = {}, tokenUrl, parentId = null, values = {}, errors = {}, previewHtml, poster } = props;
  const describedBy = Object.fromEntries(FIELDS.map((name) => [name, [...(HELP[name] ? [HELP[name]] : []), ...(errors[name] ? [`forum-erreur-${name}`] : [])].join(' ') || null]));
  return {
    article_id: articleId,
    mode,
    mode_text: t(`forum.mode.${mode}`),
    notice_text: t(`forum.notice.${mode}`),
    action,
    token_url: tokenUrl ?? null,
    parent_id: parentId,
    hidden: Object.entries(tokenUrl ? { token: '', ...hidden } : hidden).map(([name, value]) => ({ name, value })),
    values: Object.fromEntries(FIELDS.map((name) => [name, values[name] ?? ''])),
    errors: Object.fromEntries(FIELDS.map((name) => [name, errors[name] ?? null])),
    general_error: Object.keys(errors).length > 0 ? (errors[''] ?? t('forum.fixErrors')) : null,
    has_preview: previewHtml !== undefined,
    preview_html: safeHtml(previewHtml),
    poster: poster ? { name: poster.name } : null,
    described_by: describedBy,
    honeypot: HONEYPOT_FIELD,
  };
}

function messageView(message: ForumMessageView): Record<string, unknown> {
  return { ...message, html: safeHtml(message.html), replies: message.replies.map(messageView) };
}

export function forumBlockView(props: ForumBlockProps) {
  return {
    article_id: props.articleId,
    mode: props.mode,
    can_reply: props.mode !== 'non',
    threads: props.threads.map(messageView),
    feed_url: props.feedUrl ?? null,
    form: props.mode === 'non' || props.mode === 'abo' ? null : forumFormView({ articleId: props.articleId, mode: props.mode, action: props.action, tokenUrl: props.tokenUrl }),
  };
}

/** How many pages of results a reader may open: the count's pages, up to MAX_PAGE. */
export function searchPageCount(results: SearchResults): number {
  return Math.min(MAX_PAGE, pageCount(results.total, results.perPage));
}

export function searchView(q: string, results: SearchResults | undefined, onlyStopwords: boolean) {
  const pages = results ? searchPageCount(results) : 0;
  const notices = [
    ...(results?.query.notices.includes('truncated') ? [t('search.truncated', { max: MAX_QUERY_LENGTH })] : []),
    ...(results?.query.notices.includes('tooManyTerms') ? [t('search.tooManyTerms')] : []),
  ];
  const help = !q.trim() ? t('search.empty') : onlyStopwords ? t('search.onlyStopwords') : null;
  const none = !help && results && results.total === 0 ? t('search.none', { q }) : null;
  return {
    crumbs: [{ label: t('site.home'), href: '/' }, { label: t('search.title'), href: '/recherche' }],
    q,
    form_name: t('search.formName'),
    notices,
    help,
    none,
    results:
      help || none || !results
        ? null
        : {
            // The count stops at COUNT_LIMIT (search/backend.ts): past it, the page says "more than".
            count_text: results.totalCapped ? t('search.countCapped', { count: results.total.toLocaleString('fr-FR'), q }) : t('search.count', { count: results.total, q }),
            start: (results.page - 1) * results.perPage + 1,
            items: results.items.map((item) => ({
              kind: item.kind,
              kind_label: t(`search.kind.${item.kind}`),
              context: item.context,
              url: item.url,
              title_parts: item.titleMarks.length ? item.titleMarks : [{ text: item.title, hit: false }],
              snippet: item.snippet,
              date: item.date,
            })),
            pagination: pages > 1 ? paginate(`/recherche?q=${encodeURIComponent(q)}`, results.page, pages) : null,
            too_deep: results.page >= MAX_PAGE && results.total > MAX_PAGE * results.perPage ? t('search.tooDeep', { max: MAX_PAGE }) : null,
          },
  };
}

/** The letter a term is filed under: its first letter without accent, or « # » for digits and signs. */
export function letterOf(term: string): string {
  const first = term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').charAt(0).toUpperCase();
  return first >= 'A' && first <= 'Z' ? first : '#';
}

export function glossaryGroups(terms: GlossaryTerm[], uses: Map<string, ArticleUse[]>, presentations: Map<number, string>) {
  const groups = new Map<string, GlossaryTerm[]>();
  for (const term of terms) {
    const letter = letterOf(term.term);
    const group = groups.get(letter);
    if (group) group.push(term);
    else groups.set(letter, [term]);
  }
  return [...groups].map(([letter, group]) => ({
    letter,
    id: letter === '#' ? 'lettre-autres' : `lettre-${letter.toLowerCase()}`,
    terms: group.map((term) => {
      const used = uses.get(term.slug) ?? [];
      return {
        ...glossaryTermView(term, presentations),
        uses: used.slice(0, GLOSSARY_INDEX_USES).map((use) => ({ slug: use.slug, title: use.title })),
        uses_count: used.length,
      };
    }),
  }));
}

/** Articles shown under each term of /glossaire: the newest; the term's page lists them all. */
export const GLOSSARY_INDEX_USES = 5;

/** A term as /glossaire and its own page show it: definition, variants, presentation, links. */
export function glossaryTermView(term: GlossaryTerm, presentations: Map<number, string>) {
  return {
    term: term.term,
    slug: term.slug,
    url: `/glossaire/${term.slug}`,
    variants: termVariants(term).join(', '),
    definition: term.definition,
    presentation_html: safeHtml(presentations.get(term.id)),
    link_url: term.link_url,
  };
}

export interface PlanArticle {
  slug: string;
  title: string;
  section_id: number;
}

export interface PlanNode {
  title: string;
  slug: string;
  articles: { slug: string; title: string }[];
  children: PlanNode[];
}

/** The section tree with each section's public articles, each section once. */
export function planTree(tree: SectionTree, articles: PlanArticle[]): PlanNode[] {
  const bySection = new Map<number, PlanArticle[]>();
  for (const a of articles) bySection.set(a.section_id, [...(bySection.get(a.section_id) ?? []), a]);
  const seen = new Set<number>();
  const level = (parentId: number | null): PlanNode[] => {
    const sections = tree.children(parentId).filter((s) => !seen.has(s.id));
    sections.forEach((s) => seen.add(s.id));
    return sections.map((s) => ({
      title: s.title,
      slug: s.slug,
      articles: (bySection.get(s.id) ?? []).map((a) => ({ slug: a.slug, title: a.title })),
      children: level(s.id),
    }));
  };
  return level(null);
}
