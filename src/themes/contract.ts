// What Tisse promises a theme: the templates it renders (each required), and the variables each receives
// besides the ones every page gets. `tisse theme check` holds a theme to it; docs/themes.md explains it.

/** Given to every page template (and to layout.liquid through it); `theme` holds the settings theme.json declares. */
export const GLOBAL_VARIABLES = ['site', 'lang', 'page', 'meta', 'theme'] as const;

export const PAGE_TEMPLATES = {
  home: ['featured', 'latest', 'section_blocks', 'sections'],
  section: ['section', 'crumbs', 'description_html', 'text_html', 'subsections', 'articles', 'pagination', 'sites'],
  article: ['article', 'rendered', 'crumbs', 'section', 'section_articles', 'authors', 'keywords', 'gallery', 'attachments', 'related', 'show_forum_link', 'message_count', 'forum', 'forum_script', 'petition', 'translations'],
  print: ['article', 'rendered', 'authors', 'canonical_url', 'back_url', 'breadcrumb', 'glossary_terms'],
  keyword: ['crumbs', 'label', 'title', 'presentation_html', 'website', 'list_title', 'articles', 'pagination', 'feeds'],
  author: ['crumbs', 'label', 'title', 'presentation_html', 'website', 'list_title', 'articles', 'pagination', 'feeds'],
  glossary: ['crumbs', 'groups'],
  'glossary-term': ['crumbs', 'term', 'articles', 'pagination'],
  archive: ['crumbs', 'heading', 'intro', 'list_title', 'years', 'months', 'articles', 'pagination'],
  plan: ['crumbs', 'sections'],
  search: ['crumbs', 'q', 'form_name', 'notices', 'help', 'none', 'results'],
  '404': ['crumbs', 'suggestions', 'search_name'],
  error: ['title', 'message'],
  'forum-post': ['article', 'reply_to', 'login', 'form', 'notice'],
  'forum-thanks': ['article', 'pending'],
  /** A petition's form (again, with what to fix), the mailbox notice, the confirmation button and its outcome. */
  petition: ['article', 'step', 'heading', 'form', 'message', 'confirm_token'],
  newsletter: ['form', 'none'],
  'newsletter-message': ['title', 'message', 'action'],
  /** Not a page: the theme's settings as CSS (/apparence.css). */
  'theme-style': [],
} as const satisfies Record<string, readonly string[]>;

export type PageTemplate = keyof typeof PAGE_TEMPLATES;

/** Templates a theme must have besides the pages: the frame the pages extend. */
export const REQUIRED_FILES = ['layout.liquid', 'theme.json', ...Object.keys(PAGE_TEMPLATES).map((name) => `${name}.liquid`)];
