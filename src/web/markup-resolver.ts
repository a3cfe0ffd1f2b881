// Builds the markup engine's resolver for one page: every internal target the texts mention
// ([->art12], <doc5|left>…) is loaded with one query per object type, then answered synchronously.
// Only public objects resolve: a link to an unpublished article renders as a broken link.
import type { Resolver } from '../markup/index.ts';
import type { Db } from '../db/connect.ts';
import { publicArticles } from '../articles/index.ts';

export interface Reference {
  type: string;
  id: number;
}

type Target = { url: string; title: string };
type DocumentTarget = NonNullable<ReturnType<Resolver['document']>>;

export function documentUrl(file: string): string {
  return `/documents/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** The address of a size of an image document (site/media-routes.ts makes it on the first request). */
export function imageSizeUrl(file: string, width: number): string {
  return `/images/${width}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

export async function loadResolver(db: Db, references: Reference[], now = new Date().toISOString()): Promise<Resolver> {
  const ids = (type: string) => [...new Set(references.filter((r) => r.type === type).map((r) => r.id))];
  const k = db.kysely;
  const links = new Map<string, Target>();
  const documents = new Map<number, DocumentTarget>();

  const articleIds = ids('article');
  const sectionIds = ids('section');
  const authorIds = ids('author');
  const keywordIds = ids('keyword');
  const documentIds = ids('document');

  const [articles, sections, authors, keywords, docs] = await Promise.all([
    articleIds.length
      ? k.selectFrom('articles').select(['id', 'slug', 'title']).where('id', 'in', articleIds).where(publicArticles(now)).execute()
      : [],
    sectionIds.length ? k.selectFrom('sections').select(['id', 'slug', 'title']).where('id', 'in', sectionIds).execute() : [],
    authorIds.length
      ? k.selectFrom('users').select(['id', 'slug', 'name']).where('id', 'in', authorIds).where('role', '!=', 'disabled').execute()
      : [],
    keywordIds.length ? k.selectFrom('keywords').select(['id', 'slug', 'title']).where('id', 'in', keywordIds).execute() : [],
    documentIds.length ? k.selectFrom('documents').selectAll().where('id', 'in', documentIds).execute() : [],
  ]);
  for (const a of articles) links.set(`article:${a.id}`, { url: `/${a.slug}`, title: a.title });
  for (const s of sections) links.set(`section:${s.id}`, { url: `/rubrique/${s.slug}`, title: s.title });
  for (const u of authors) links.set(`author:${u.id}`, { url: `/auteur/${u.slug}`, title: u.name });
  for (const w of keywords) links.set(`keyword:${w.id}`, { url: `/mot/${w.slug}`, title: w.title });
  for (const d of docs) {
    const target: DocumentTarget = {
      url: documentUrl(d.file),
      title: d.title || d.original_name,
      description: d.description,
      credits: d.credits,
      mime: d.mime_type,
      size: d.size,
      width: d.width,
      height: d.height,
    };
    documents.set(d.id, target);
    links.set(`document:${d.id}`, { url: target.url, title: target.title });
  }

  return {
    link: (type, id) => links.get(`${type}:${id}`),
    document: (id) => documents.get(id),
  };
}
