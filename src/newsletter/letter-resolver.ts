// The markup engine's resolver for a letter: the same targets as a page's ([->art12], <doc5>…), but every
// address absolute (a mail client has no site to be relative to) and every image the file itself, at its own
// width (mail clients ignore srcset). Only public articles resolve, as on the site.
import type { Db } from '../db/connect.ts';
import type { Resolver } from '../markup/index.ts';
import { publicArticles } from '../articles/index.ts';
import { documentPath, imageAlt } from '../documents/index.ts';

export async function letterResolver(db: Db, siteUrl: string, references: { type: string; id: number }[], now = new Date().toISOString()): Promise<Resolver> {
  const ids = (type: string) => [...new Set(references.filter((r) => r.type === type).map((r) => r.id))];
  const k = db.kysely;
  const [articles, sections, docs] = await Promise.all([
    ids('article').length ? k.selectFrom('articles').select(['id', 'slug', 'title']).where('id', 'in', ids('article')).where(publicArticles(now)).execute() : [],
    ids('section').length ? k.selectFrom('sections').select(['id', 'slug', 'title']).where('id', 'in', ids('section')).execute() : [],
    ids('document').length ? k.selectFrom('documents').selectAll().where('id', 'in', ids('document')).execute() : [],
  ]);
  const links = new Map<string, { url: string; title: string }>();
  for (const a of articles) links.set(`article:${a.id}`, { url: `${siteUrl}/${a.slug}`, title: a.title });
  for (const s of sections) links.set(`section:${s.id}`, { url: `${siteUrl}/rubrique/${s.slug}`, title: s.title });
  const documents = new Map(
    docs.map((d) => [
      d.id,
      {
        url: siteUrl + documentPath(d.file),
        title: d.media === 'image' ? d.title : d.title || d.original_name,
        ...(d.media === 'image' ? { alt: imageAlt(d) } : {}),
        description: d.description,
        credits: d.credits,
        mime: d.mime_type,
        size: d.size,
        width: d.width,
        height: d.height,
      },
    ]),
  );
  for (const d of docs) links.set(`document:${d.id}`, { url: siteUrl + documentPath(d.file), title: d.title || d.original_name });
  return { link: (type, id) => links.get(`${type}:${id}`), document: (id) => documents.get(id) };
}
