// spip_urls (urls_etendues, "propres" mode) → urls. Every Tisse object gets its current path; every URL SPIP
// ever gave it becomes an old path that answers 301, written as SPIP's public URL with its type marker:
// article `Slug`, rubrique `-Slug-`, mot `+-Slug-+`, auteur `_Slug_`, brève `+Slug+`, site `@Slug@`.
// Brèves are articles (mappers/breves.ts): their URLs lead to that article, and /breveN.html is written too, for
// the legacy routes to find the article of brève N. Sites have no page of their own: their URLs lead to the section
// that lists them.
import type { Insertable } from 'kysely';
import type { ObjectType, UrlsTable } from '../../../db/schema.ts';
import { spipDate } from '../dates.ts';
import { int, str, type MappingContext } from '../context.ts';
import { breveLegacyPath } from '../../../urls/index.ts';

interface SpipUrl {
  url: string;
  type: string;
  id_objet: number;
  date: string;
}

const markers: Record<string, [string, string]> = {
  article: ['', ''], rubrique: ['-', '-'], mot: ['+-', '-+'], auteur: ['_', '_'], breve: ['+', '+'], site: ['@', '@'], syndic: ['@', '@'],
};

/** SPIP's public path for a propres URL of this type. */
export function spipPropresPath(type: string, url: string): string | undefined {
  const marker = markers[type];
  return marker ? `/${marker[0]}${url}${marker[1]}` : undefined;
}

/** Reads spip_urls first: the slugs of the imported objects start from SPIP's current URL. */
export function loadSpipUrls(ctx: MappingContext): SpipUrl[] {
  const rows = ctx.dump.rows<SpipUrl>('spip_urls', 'type, id_objet, date, url');
  for (const u of rows) {
    const key = `${u.type}:${int(u.id_objet)}`;
    const list = ctx.spipUrls.get(key) ?? ctx.spipUrls.set(key, []).get(key)!;
    list.push({ url: str(u.url), date: spipDate(u.date) });
  }
  return rows;
}

export function mapUrls(ctx: MappingContext, spipUrls: SpipUrl[], siteSections: Map<string, number>, breveArticles: Map<number, number>): void {
  const rows: Insertable<UrlsTable>[] = [];
  const paths = new Set<string>(ctx.takenPaths);
  const currentOf = (type: ObjectType, ids: Set<number>) => {
    for (const id of ids) {
      const path = ctx.path(type, id);
      if (path === undefined || paths.has(path)) continue;
      paths.add(path);
      rows.push({ path, object_type: type, object_id: id, is_current: 1, created_at: ctx.importedAt });
    }
  };
  currentOf('section', ctx.sectionIds);
  currentOf('article', ctx.articleIds);
  currentOf('keyword', ctx.keywordIds);
  currentOf('author', ctx.userIds);

  const targets: Record<string, [ObjectType, Set<number>]> = {
    article: ['article', ctx.articleIds], rubrique: ['section', ctx.sectionIds], auteur: ['author', ctx.userIds],
  };
  for (const u of spipUrls) {
    const id = int(u.id_objet);
    const path = spipPropresPath(u.type, str(u.url));
    const label = `${u.type} ${id} → ${u.url}`;
    let target: [ObjectType, number] | undefined;
    if (u.type === 'mot') {
      if (ctx.glossaryIds.has(id)) target = ['glossary', id];
      else if (ctx.keywordIds.has(id)) target = ['keyword', id];
    } else if (u.type === 'breve') {
      const article = breveArticles.get(id);
      if (article !== undefined) target = ['article', article];
    } else if (u.type === 'site' || u.type === 'syndic') {
      const section = siteSections.get(`site:${id}`);
      if (section !== undefined && ctx.sectionIds.has(section)) target = ['section', section];
    } else {
      const known = targets[u.type];
      if (known && known[1].has(id)) target = [known[0], id];
    }
    if (!path || !target || !str(u.url)) {
      ctx.skip('spip_urls', label, path ? 'objet non importé' : `type d’objet « ${u.type} » sans page dans Tisse`);
      continue;
    }
    if (paths.has(path)) {
      // The lowercase SPIP slug of an article is its Tisse path already; anything else is a real clash.
      if (path !== ctx.path(target[0], target[1])) ctx.skip('spip_urls', label, `adresse ${path} déjà prise par un autre objet`);
      continue;
    }
    paths.add(path);
    rows.push({ path, object_type: target[0], object_id: target[1], is_current: 0, created_at: spipDate(u.date) ?? ctx.importedAt });
    ctx.count('anciennes adresses SPIP', u.type);
  }
  for (const [breveId, articleId] of breveArticles) {
    const path = breveLegacyPath(breveId);
    if (paths.has(path)) continue;
    paths.add(path);
    rows.push({ path, object_type: 'article', object_id: articleId, is_current: 0, created_at: ctx.importedAt });
  }
  ctx.add('urls', 'adresses', rows);
}
