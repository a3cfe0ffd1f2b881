// The ordered list of migrations. A new migration is a new file here, never an edit of an old one.
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';
import * as initial from './001-initial.ts';
import * as search from './010-search.ts';
import * as searchStems from './011-search-stems.ts';
import * as forumSiteName from './021-forum-site-name.ts';
import * as forumDuplicateIndex from './022-forum-duplicate-index.ts';
import * as loginThrottle from './023-login-throttle.ts';
import * as forumSingleUse from './024-forum-single-use.ts';
import * as dateBounds from './025-date-bounds.ts';
import * as jobWorkers from './026-job-workers.ts';
import * as settingsRevisions from './027-settings-revisions.ts';
import * as articlesPublicOrder from './028-articles-public-order.ts';
import * as archivesSlug from './029-archives-slug.ts';
import * as sessionLastSeen from './030-session-last-seen.ts';
import * as backOfficeLists from './031-back-office-lists.ts';
import * as articleRenders from './032-article-renders.ts';
import * as changeScopes from './033-change-scopes.ts';
import * as auditLog from './055-audit-log.ts';
import * as operationsSlugs from './056-operations-slugs.ts';
import * as petitions from './065-petitions.ts';
import * as sites from './066-sites.ts';
import * as forumNotifications from './067-forum-notifications.ts';
import * as newsletter from './040-newsletter.ts';
import * as newsletterChangeScopes from './041-newsletter-change-scopes.ts';
import * as usersFollowSiteLang from './060-users-follow-site-lang.ts';
import * as translations from './061-translations.ts';
import * as searchLanguages from './062-search-languages.ts';

export interface TisseMigration {
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

export const migrations: Record<string, TisseMigration> = {
  '001-initial': initial,
  '010-search': search,
  '011-search-stems': searchStems,
  '021-forum-site-name': forumSiteName,
  '022-forum-duplicate-index': forumDuplicateIndex,
  '023-login-throttle': loginThrottle,
  '024-forum-single-use': forumSingleUse,
  '025-date-bounds': dateBounds,
  '026-job-workers': jobWorkers,
  '027-settings-revisions': settingsRevisions,
  '028-articles-public-order': articlesPublicOrder,
  '029-archives-slug': archivesSlug,
  '030-session-last-seen': sessionLastSeen,
  '031-back-office-lists': backOfficeLists,
  '032-article-renders': articleRenders,
  '033-change-scopes': changeScopes,
  '055-audit-log': auditLog,
  '056-operations-slugs': operationsSlugs,
  '065-petitions': petitions,
  '066-sites': sites,
  '067-forum-notifications': forumNotifications,
  '040-newsletter': newsletter,
  '041-newsletter-change-scopes': newsletterChangeScopes,
  '060-users-follow-site-lang': usersFollowSiteLang,
  '061-translations': translations,
  '062-search-languages': searchLanguages,
};
