// Revisions read back: the list of an article's revisions (who, when) and a word-level diff of every
// versioned field between any two of them (package `diff`, diffWordsWithSpace so line breaks show).
import { diffWordsWithSpace } from 'diff';
import type { Db } from '../db/connect.ts';
import { articleVersionedFields, readArticleRevision } from './revisions.ts';

export interface RevisionEntry {
  number: number;
  created_at: string;
  author: string;
  note: string;
}

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface FieldDiff {
  field: (typeof articleVersionedFields)[number];
  parts: DiffPart[];
  changed: boolean;
}

export async function listRevisions(db: Db, articleId: number): Promise<RevisionEntry[]> {
  const rows = await db.kysely
    .selectFrom('revisions')
    .leftJoin('users', 'users.id', 'revisions.user_id')
    .select(['revisions.number', 'revisions.created_at', 'revisions.author_label', 'revisions.note', 'users.name'])
    .where('revisions.object_type', '=', 'article')
    .where('revisions.object_id', '=', articleId)
    .orderBy('revisions.number', 'desc')
    .execute();
  return rows.map((r) => ({ number: r.number, created_at: r.created_at, author: r.name ?? r.author_label, note: r.note }));
}

export async function loadRevisionFields(db: Db, articleId: number, number: number): Promise<Record<string, string> | undefined> {
  const parsed = await readArticleRevision(db.kysely, articleId, number);
  if (!parsed) return undefined;
  return Object.fromEntries(articleVersionedFields.map((f) => [f, typeof parsed[f] === 'string' ? (parsed[f] as string) : '']));
}

export function diffRevisionFields(from: Record<string, string>, to: Record<string, string>): FieldDiff[] {
  return articleVersionedFields.map((field) => {
    const before = from[field] ?? '';
    const after = to[field] ?? '';
    if (before === after) return { field, parts: [{ kind: 'same', text: after }], changed: false };
    const parts = diffWordsWithSpace(before, after).map((change): DiffPart => ({ kind: change.added ? 'added' : change.removed ? 'removed' : 'same', text: change.value }));
    return { field, parts, changed: true };
  });
}
