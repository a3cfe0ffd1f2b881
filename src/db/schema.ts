// Table types for Kysely: the whole data model of Tisse, one interface per table.
// Dates are ISO 8601 UTC strings ('2013-04-12T08:30:00.000Z') in both databases, so that
// SQLite and PostgreSQL return the same values and compare them the same way (docs/decisions/002).
// Booleans are integers 0/1 for the same reason.
import type { Generated, Insertable, Selectable, Transaction, Updateable } from 'kysely';

export type ArticleStatus = 'draft' | 'proposed' | 'published' | 'refused' | 'trash';
export type UserRole = 'administrator' | 'editor' | 'visitor' | 'disabled';
/** SPIP's forum modes: a priori, a posteriori, subscribers only, closed. */
export type ForumMode = 'pri' | 'pos' | 'abo' | 'non';
export type ForumStatus = 'pending' | 'published' | 'refused' | 'spam';
/** Public comments, or the team's private discussion of an article (SPIP's prive/privrac). */
export type ForumKind = 'public' | 'team';
export type ObjectType = 'article' | 'section' | 'keyword' | 'author' | 'document' | 'glossary' | 'page';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface SettingsTable {
  key: string;
  /** JSON-encoded value. */
  value: string;
  updated_at: string;
}

export interface SectionsTable {
  id: Generated<number>;
  parent_id: number | null;
  slug: string;
  title: string;
  description: string;
  text: string;
  position: number;
  /** The language in force: the chosen one, else the parent's, else the site's (migration 061). */
  lang: string;
  /** 1 when `lang` was set on this section, 0 when it follows its parent's (SPIP's langue_choisie). */
  lang_chosen: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  section_id: number;
  slug: string;
  surtitle: string;
  title: string;
  /** The title lower-cased without accents, for the back office's search; kept by triggers (migration 031). */
  title_folded: Generated<string>;
  subtitle: string;
  description: string;
  lead: string;
  text: string;
  postscript: string;
  status: ArticleStatus;
  /** Publication date; in the future = scheduled. Null until first published. */
  published_at: string | null;
  /** SPIP's date_redac: an earlier, free date (e.g. of the original print edition). */
  written_at: string | null;
  /** Null: the site's default forum mode. */
  forum_mode: ForumMode | null;
  /** The language in force (BCP 47): the chosen one, else its section's (migration 061). */
  lang: string;
  /** 1 when `lang` was set on this article, 0 when it follows its section's (SPIP's langue_choisie). */
  lang_chosen: Generated<number>;
  /** The original this article translates (SPIP's id_trad); null for an original or an article alone. */
  translation_of: Generated<number | null>;
  /** 0 when the article opts out of glossary annotation. */
  glossary_enabled: number;
  /** SPIP's nom_site/url_site: a "see online" link attached to the article. */
  link_title: string;
  link_url: string;
  /** SPIP's virtuel: non-empty makes the article a redirect. */
  redirect_url: string;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  slug: string;
  login: string | null;
  /** scrypt hash ('scrypt$N$r$p$salt$hash'), or null when the account must choose a password. */
  password_hash: string | null;
  role: UserRole;
  bio: string;
  website: string;
  lang: string;
  must_reset_password: number;
  created_at: string;
  last_seen_at: string | null;
}

/** Restricted administrators: the sections (and their sub-sections) an administrator manages. */
export interface UserSectionsTable {
  user_id: number;
  section_id: number;
}

export interface ArticleAuthorsTable {
  article_id: number;
  user_id: number;
  position: number;
}

export interface RelatedArticlesTable {
  article_id: number;
  related_id: number;
  position: number;
}

export interface KeywordGroupsTable {
  id: Generated<number>;
  title: string;
  description: string;
  text: string;
  /** SPIP's unseul: at most one keyword of this group per object. */
  single: number;
  /** SPIP's obligatoire. */
  required: number;
  /** Comma-separated object types the group applies to ('article,section'). */
  applies_to: string;
}

export interface KeywordsTable {
  id: Generated<number>;
  group_id: number;
  slug: string;
  title: string;
  description: string;
  text: string;
}

export interface KeywordLinksTable {
  keyword_id: number;
  object_type: ObjectType;
  object_id: number;
}

export interface GlossaryTermsTable {
  id: Generated<number>;
  term: string;
  /** Anchor on /glossaire. */
  slug: string;
  /** JSON array of variants (plural, synonyms, spelled-out form). */
  variants: string;
  /** Short definition, SPIP markup at typo level. */
  definition: string;
  /** Optional longer presentation, SPIP markup. */
  presentation: string;
  link_url: string;
  created_at: string;
  updated_at: string;
}

export interface ForumMessagesTable {
  id: Generated<number>;
  kind: ForumKind;
  article_id: number;
  /** Id of the first message of the thread (itself for a thread starter). */
  thread_id: number | null;
  parent_id: number | null;
  status: ForumStatus;
  title: string;
  text: string;
  author_name: string;
  author_email: string;
  author_url: string;
  /** Text of the author_url link (SPIP's nom_site); defaults to '' (migration 021), so writers may omit it. */
  author_site_name: Generated<string>;
  /** Logged-in author, if any. */
  user_id: number | null;
  ip: string;
  created_at: string;
  moderated_at: string | null;
  moderated_by: number | null;
  /**
   * Hash of (article, lowercased email, text) of a message posted through the form, unique (migration 024): two
   * identical posts cannot both be stored. Null for older and imported messages, and once the message is older
   * than the duplicate window. Writers other than forum/operations/post-message.ts may omit it.
   */
  dedupe_key: Generated<string | null>;
  /** The text as the forum profile renders it, made when posted (migration 032); null until then. */
  html: Generated<string | null>;
  /** The engine version that made `html` (forum/message-html.ts): another version renders it anew. */
  html_version: Generated<string | null>;
  /** Title, author's name and email, lower-cased without accents, for the moderation search; kept by triggers (migration 031). */
  search_folded: Generated<string>;
}

/** Per article, the highest message id its moderators were told of by email (forum/notify-moderators.ts). */
export interface ForumNotificationsTable {
  article_id: number;
  last_message_id: number;
}

/** Nonces of the form tokens stored messages used: a token posts once (forum/form-token.ts). */
export interface ForumFormUsesTable {
  nonce: string;
  /** When the token was issued: rows older than the token lifetime are purged, their token being expired. */
  issued_at: string;
}

export interface DocumentsTable {
  id: Generated<number>;
  /** Path relative to the data directory's documents folder, e.g. 'jpg/niort-maison-ess.jpg'. */
  file: string;
  original_name: string;
  title: string;
  description: string;
  credits: string;
  alt: string;
  extension: string;
  mime_type: string;
  size: number;
  width: number | null;
  height: number | null;
  /** 'image' | 'file' | 'audio' | 'video' */
  media: string;
  /** 'document' (listed as attachment) | 'image' (inline image) */
  mode: string;
  created_at: string;
}

export interface DocumentLinksTable {
  document_id: number;
  object_type: ObjectType;
  object_id: number;
  /** 1 when the document is inserted in the text with <docN>. */
  embedded: number;
  position: number;
}

export interface RevisionsTable {
  id: Generated<number>;
  object_type: ObjectType;
  object_id: number;
  /** Per-object number, 1 for the first version. */
  number: number;
  user_id: number | null;
  /** Who made it when there is no user (an imported IP address, 'import', 'système'). */
  author_label: string;
  /** JSON object of the versioned fields at that revision. */
  fields: string;
  note: string;
  created_at: string;
}

/** One action taken in the back office (audit/audit-log.ts): who, what, on what, from where. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  /** null once the account is deleted; user_name keeps who it was. */
  user_id: number | null;
  user_name: string;
  /** 'login', 'logout', 'article.publish', 'settings.save'… (audit/actions.ts). */
  action: string;
  /** What it was done to: '12' (an id), '12,13' (a bulk action), '' (the site). */
  target: string;
  /** A few words more (the list action, the keys of the settings changed). */
  detail: string;
  ip: string;
}

/** One change of the site's settings (settings/revisions.ts): values as JSON, secrets masked. */
export interface SettingsRevisionsTable {
  id: Generated<number>;
  changed_at: string;
  /** Who saved it; null from the command line, or once the account is deleted. */
  user_id: number | null;
  /** JSON array of the keys whose value changed. */
  keys: string;
  /** JSON object: each changed key's value before the change. */
  before: string;
  /** JSON object: each changed key's value after it. */
  after: string;
}

/** Every public path an object has answered at: the current one and the old ones (which redirect). */
export interface UrlsTable {
  id: Generated<number>;
  /** Path with leading slash, e.g. '/benoit-hamon-en-visite-a-niort', '/rubrique/agenda'. */
  path: string;
  object_type: ObjectType;
  object_id: number;
  is_current: number;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the session token (the token itself lives only in the cookie). */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
  /** Written at opening, then at most every few minutes of use (users/sessions.ts SEEN_EVERY_MS); migration 030. */
  last_seen_at: string | null;
}

export interface PasswordResetsTable {
  /** SHA-256 of the emailed token. */
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** Named by the mail job (migration 023): the token itself is made when the mail leaves. Null for older rows. */
  request_id: string | null;
}

/** SPIP's edit flag: who has which article open for editing, and since when. */
export interface EditLocksTable {
  article_id: number;
  user_id: number;
  opened_at: string;
}

/** Fixed-window counters for rate limits (login throttling, forum anti-spam). */
export interface RateLimitsTable {
  key: string;
  window_start: string;
  count: number;
}

/** Login throttling (users/login-throttle.ts): attempts reserved per key, and until when the key must wait. */
export interface LoginThrottleTable {
  key: string;
  attempts: number;
  last_at: string;
  blocked_until: string;
}

export interface JobsTable {
  id: Generated<number>;
  type: string;
  /** JSON payload. */
  payload: string;
  status: JobStatus;
  run_at: string;
  attempts: number;
  max_attempts: number;
  last_error: string;
  locked_at: string | null;
  created_at: string;
  /** The runner (job_workers.id) that claimed it while running; null otherwise, and for rows from before 026. */
  worker_id: Generated<string | null>;
}

/** One row per running jobs runner, beating every few seconds: a runner that stopped beating is dead. */
export interface JobWorkersTable {
  id: string;
  started_at: string;
  beat_at: string;
}

/** Objects imported from another system that Tisse keeps without a native form yet (brèves, sites, petitions). */
export interface LegacyObjectsTable {
  source: string;
  source_type: string;
  source_id: number;
  /** JSON of the original row. */
  data: string;
  imported_at: string;
}

/** An article's petition (migration 065): one per article. */
export interface PetitionsTable {
  article_id: number;
  text: string;
  status: PetitionStatus;
  allow_message: number;
  created_at: string;
  updated_at: string;
}

export type PetitionStatus = 'open' | 'closed';
export type SignatureStatus = 'pending' | 'confirmed' | 'trash';

/** A signature: shown (if the signer chose to appear) and counted only once its email is confirmed. */
export interface PetitionSignaturesTable {
  id: Generated<number>;
  article_id: number;
  /** Lowercased: one signature per address and petition. */
  email: string;
  name: string;
  site_name: string;
  site_url: string;
  message: string;
  shown: number;
  status: SignatureStatus;
  /** SHA-256 (hex) of the confirmation link's token, while pending. */
  token_hash: string | null;
  ip: string;
  created_at: string;
  confirmed_at: string | null;
}

/** A referenced site of the links directory (migration 066), in a section. */
export interface SitesTable {
  id: Generated<number>;
  section_id: number;
  name: string;
  url: string;
  description: string;
  status: SiteStatus;
  feed_url: string;
  /** 1: its feed is fetched on a schedule (jobs/ syndicate-site). */
  syndication: number;
  syndicated_at: string | null;
  syndication_error: string;
  created_at: string;
  updated_at: string;
}

export type SiteStatus = 'proposed' | 'published' | 'refused' | 'trash';

/** An item of a site's feed, as plain text. */
export interface SyndicatedItemsTable {
  id: Generated<number>;
  site_id: number;
  guid: string;
  url: string;
  title: string;
  summary: string;
  published_at: string | null;
  fetched_at: string;
}

/** An article's fields as the markup engine renders them for its page (migration 032, web/stored-article-render.ts). */
export interface ArticleRendersTable {
  article_id: number;
  /** The engine's version and the settings the render followed: another key means render anew. */
  render_key: string;
  /** When a linked article scheduled for later is published: the render is stale from then on. */
  valid_until: string | null;
  surtitle: string;
  title: string;
  subtitle: string;
  lead: string;
  text: string;
  postscript: string;
  notes: string;
  /** JSON array of { type, id }. */
  broken_links: string;
  /** JSON array of document ids. */
  placed_document_ids: string;
  rendered_at: string;
}

/** What a stored render read: triggers drop the render when one of these changes. */
export interface ArticleRenderTargetsTable {
  article_id: number;
  /** A markup reference's type ('article', 'section', 'author', 'keyword', 'document') or 'glossary'. */
  target_type: string;
  target_id: number;
}

/** One row, moved on by every trigger that drops renders: a render made from older reads is not stored. */
export interface RenderGenerationTable {
  id: number;
  value: number;
}

export interface Database {
  settings: SettingsTable;
  sections: SectionsTable;
  articles: ArticlesTable;
  users: UsersTable;
  user_sections: UserSectionsTable;
  article_authors: ArticleAuthorsTable;
  related_articles: RelatedArticlesTable;
  keyword_groups: KeywordGroupsTable;
  keywords: KeywordsTable;
  keyword_links: KeywordLinksTable;
  glossary_terms: GlossaryTermsTable;
  forum_messages: ForumMessagesTable;
  forum_form_uses: ForumFormUsesTable;
  forum_notifications: ForumNotificationsTable;
  documents: DocumentsTable;
  document_links: DocumentLinksTable;
  revisions: RevisionsTable;
  settings_revisions: SettingsRevisionsTable;
  audit_log: AuditLogTable;
  urls: UrlsTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  edit_locks: EditLocksTable;
  rate_limits: RateLimitsTable;
  login_throttle: LoginThrottleTable;
  jobs: JobsTable;
  job_workers: JobWorkersTable;
  legacy_objects: LegacyObjectsTable;
  petitions: PetitionsTable;
  petition_signatures: PetitionSignaturesTable;
  sites: SitesTable;
  syndicated_items: SyndicatedItemsTable;
  article_renders: ArticleRendersTable;
  article_render_targets: ArticleRenderTargetsTable;
  render_generation: RenderGenerationTable;
  newsletter_lists: NewsletterListsTable;
  newsletter_subscribers: NewsletterSubscribersTable;
  newsletter_subscriptions: NewsletterSubscriptionsTable;
  newsletter_issues: NewsletterIssuesTable;
  newsletter_deliveries: NewsletterDeliveriesTable;
}

export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed' | 'bounced';
export type NewsletterIssueStatus = 'draft' | 'scheduled' | 'sending' | 'sent';
/** 'uncertain': in flight when its process died; never sent again (docs/decisions/021). */
export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'bounced' | 'uncertain' | 'cancelled';

/** A newsletter list; its digest covers the whole site (section_id null) or a section and those below it. */
export interface NewsletterListsTable {
  id: Generated<number>;
  name: string;
  description: string;
  section_id: number | null;
  /** How many articles a first digest carries. */
  digest_size: number;
  last_digest_at: string | null;
  /** 1: offered on the public sign-up form. */
  public: number;
  created_at: string;
}

/** One address (lower-cased), with its consent proof. */
export interface NewsletterSubscribersTable {
  id: Generated<number>;
  email: string;
  name: string;
  status: SubscriberStatus;
  consent_at: string | null;
  /** Where consent was given: a form's path ('/lettre'), or the import that vouched for it. */
  consent_source: string;
  /** The consent sentence the person was shown. */
  consent_text: string;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  bounced_at: string | null;
  bounce_reason: string;
}

export interface NewsletterSubscriptionsTable {
  subscriber_id: number;
  list_id: number;
  created_at: string;
  /** A subscription is active when confirmed and not unsubscribed. */
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

export interface NewsletterIssuesTable {
  id: Generated<number>;
  list_id: number;
  kind: 'issue' | 'digest';
  subject: string;
  /** SPIP markup. */
  body: string;
  /** JSON array of article ids. */
  article_ids: string;
  status: NewsletterIssueStatus;
  scheduled_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  /** The letter as it left, made once when the send started. */
  html: string;
  text: string;
  recipients: number;
  covers_until: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** One (issue, subscriber) pair, unique: the ledger that makes a send exactly once. */
export interface NewsletterDeliveriesTable {
  id: Generated<number>;
  issue_id: number;
  subscriber_id: number;
  status: DeliveryStatus;
  attempts: number;
  last_error: string;
  updated_at: string;
  sent_at: string | null;
}

export type Section = Selectable<SectionsTable>;
export type Article = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type ArticleUpdate = Updateable<ArticlesTable>;
export type User = Selectable<UsersTable>;
export type GlossaryTerm = Selectable<GlossaryTermsTable>;
export type ForumMessage = Selectable<ForumMessagesTable>;
export type Document = Selectable<DocumentsTable>;
export type Keyword = Selectable<KeywordsTable>;
export type KeywordGroup = Selectable<KeywordGroupsTable>;
export type Revision = Selectable<RevisionsTable>;
export type SettingsRevision = Selectable<SettingsRevisionsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Job = Selectable<JobsTable>;
export type ArticleRender = Selectable<ArticleRendersTable>;
export type NewsletterList = Selectable<NewsletterListsTable>;
export type NewsletterSubscriber = Selectable<NewsletterSubscribersTable>;
export type NewsletterIssue = Selectable<NewsletterIssuesTable>;
export type NewsletterDelivery = Selectable<NewsletterDeliveriesTable>;

/** A transaction over the whole schema: what `Db.write()` hands to its work. */
export type Trx = Transaction<Database>;
