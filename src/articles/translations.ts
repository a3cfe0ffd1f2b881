// Translation groups (issue 22; SPIP's id_trad): an original and the articles that translate it, each naming it in
// `translation_of` (migration 061). A group is one level deep, so it cannot loop. A translation is out of date when
// its original changed after it did (SPIP's rule: the original's date of change is newer than the translation's).
// An article's language is the one chosen on it, else its section's.
import type { Db, Trx } from '../db/connect.ts';
import { compiledQuery } from '../db/compiled-query.ts';
import type { Article, ArticleStatus } from '../db/schema.ts';
import { TisseError } from '../kernel/errors.ts';
import { sameLanguage } from '../kernel/language-tag.ts';
import { isPublic } from './visibility.ts';
import { groupMembersQuery } from './page-queries.ts';

export interface TranslationMember {
  id: number;
  title: string;
  slug: string;
  lang: string;
  status: ArticleStatus;
  published_at: string | null;
  updated_at: string;
  isOriginal: boolean;
  /** A translation whose original changed after it did. */
  outdated: boolean;
}

/** The id that names an article's group: its original's, or its own. */
export function groupIdOf(article: Pick<Article, 'id' | 'translation_of'>): number {
  return article.translation_of ?? article.id;
}

/** A member of a group as groupMembersQuery reads it. */
export type GroupMemberRow = Pick<Article, 'id' | 'title' | 'slug' | 'lang' | 'status' | 'published_at' | 'updated_at' | 'translation_of'>;

/** The articles of a group (compiled once: the back office's editor asks at every view). */
const groupMembers = compiledQuery<[number], GroupMemberRow>((k, arg) => groupMembersQuery(k, arg<number>(0)));

/** Every article of `article`'s group, itself included, the original first; empty when it has no translation. */
export async function loadTranslationGroup(db: Db | Trx, article: Pick<Article, 'id' | 'translation_of'>): Promise<TranslationMember[]> {
  return translationGroupOf(article, await groupMembers(db, groupIdOf(article)));
}

/** The group as loadTranslationGroup gives it, from its rows (groupMembersQuery's, however they were read). */
function translationGroupOf(article: Pick<Article, 'id' | 'translation_of'>, rows: GroupMemberRow[]): TranslationMember[] {
  const groupId = groupIdOf(article);
  if (rows.length < 2) return [];
  const original = rows.find((row) => row.id === groupId);
  return rows
    .map((row) => ({
      id: row.id,
      title: row.title,
      slug: row.slug,
      lang: row.lang,
      status: row.status,
      published_at: row.published_at,
      updated_at: row.updated_at,
      isOriginal: row.id === groupId,
      outdated: row.id !== groupId && original !== undefined && original.updated_at > row.updated_at,
    }))
    .sort((a, b) => Number(b.isOriginal) - Number(a.isOriginal) || a.id - b.id);
}

/** The other languages of an article a reader may open: the public members of its group but itself. */
export function publicTranslations(article: Pick<Article, 'id' | 'translation_of'>, rows: GroupMemberRow[], now = new Date().toISOString()): TranslationMember[] {
  return translationGroupOf(article, rows).filter((member) => member.id !== article.id && isPublic(member, now));
}

/**
 * The language an article saved with `chosen` has ('' : none chosen; undefined: as it was) in section `sectionId`:
 * the chosen one, else the section's.
 */
export async function articleLanguage(trx: Trx, article: Pick<Article, 'lang' | 'lang_chosen'> | undefined, sectionId: number, chosen: string | undefined): Promise<{ lang: string; chosen: boolean }> {
  const keep = chosen === undefined && article !== undefined && article.lang_chosen === 1;
  if (keep) return { lang: article.lang, chosen: true };
  if (chosen) return { lang: chosen, chosen: true };
  const section = await trx.selectFrom('sections').select('lang').where('id', '=', sectionId).executeTakeFirst();
  return { lang: section?.lang ?? article?.lang ?? 'fr', chosen: false };
}

/** Refuses a language another article of the group already has: a group holds one article per language. */
export async function checkGroupLanguage(trx: Trx, article: Pick<Article, 'id' | 'translation_of'>, lang: string): Promise<void> {
  const group = await loadTranslationGroup(trx, article);
  const taken = group.find((member) => member.id !== article.id && sameLanguage(member.lang, lang));
  if (taken) throw new TisseError('CONFLICT', { key: 'errors.translations.languageTaken', params: { lang, id: taken.id } }, { fields: { lang: 'errors.field.languageTaken' } });
}
