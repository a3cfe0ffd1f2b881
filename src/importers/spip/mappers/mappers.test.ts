// SPIP rows → Tisse rows, on small hand-made backups: what an imported site keeps (tree, numbering, dates,
// statuses, redirect articles, forum threads, SPIP's old addresses) and what it reports instead of losing silently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MappingContext } from '../context.ts';
import type { Row, SpipDump } from '../dump.ts';
import { mapSections } from './sections.ts';
import { mapArticles } from './articles.ts';
import { mapForum } from './forum.ts';
import { mapUsers } from './users.ts';
import { loadSpipUrls, mapUrls } from './urls.ts';

/** A backup held in memory: the tables the mappers read, rows in the order given. */
function dump(tables: Record<string, Row[]>, meta: Record<string, string> = {}): SpipDump {
  return {
    file: 'memoire.sqlite',
    schemaVersion: 24149,
    meta: new Map(Object.entries(meta)),
    tables: Object.keys(tables),
    has: (table) => table in tables,
    count: (table) => tables[table]?.length ?? 0,
    rows: <T>(table: string) => (tables[table] ?? []) as T[],
    each: <T>(table: string) => (tables[table] ?? []) as T[],
    close() {},
  };
}

const rubrique = (id: number, parent: number, titre: string) => ({ id_rubrique: id, id_parent: parent, titre, descriptif: '', texte: '', statut: 'publie', date: '2012-05-01 10:00:00', lang: '', maj: null });
const article = (id: number, rubriqueId: number, extra: Row = {}) => ({
  id_article: id, surtitre: '', titre: `Article ${id}`, soustitre: '', id_rubrique: rubriqueId, descriptif: '', chapo: '', texte: 'Texte', ps: '',
  date: '2013-04-12 08:30:00', statut: 'publie', date_redac: '0000-00-00 00:00:00', date_modif: '2013-04-13 09:00:00', maj: null,
  accepter_forum: '', lang: '', nom_site: '', url_site: '', ...extra,
});
const rowsOf = <T>(ctx: MappingContext, table: string) => (ctx.writes.find((w) => w.table === table)?.rows ?? []) as T[];

test('rubriques: parents before children whatever the ids, "NN. Titre" gives the position, a missing parent puts it at the top', () => {
  const ctx = new MappingContext(dump({ spip_rubriques: [rubrique(2, 5, '02. Enfant'), rubrique(5, 0, '10. Parent'), rubrique(7, 99, 'Orpheline')] }), undefined);
  mapSections(ctx, 'fr');
  const rows = rowsOf<{ id: number; parent_id: number | null; title: string; position: number; slug: string; lang: string }>(ctx, 'sections');
  assert.deepEqual(rows.map((r) => r.id), [5, 2, 7], 'the parent is written before its child');
  assert.deepEqual(rows.map((r) => [r.title, r.position, r.parent_id]), [['Parent', 10, null], ['Enfant', 2, 5], ['Orpheline', 0, null]]);
  assert.deepEqual(rows.map((r) => r.slug), ['parent', 'enfant', 'orpheline']);
  assert.equal(rows[0]!.lang, 'fr', 'an empty lang takes the site’s');
  assert.deepEqual(ctx.report.skipped.map((s) => [s.table, s.id]), [['spip_rubriques', '7']]);
});

test('articles: statuses, publication date only once published, the pre-SPIP 3 "=url" redirect, unknown ones kept aside', () => {
  const ctx = new MappingContext(
    dump({
      spip_articles: [
        article(1, 1),
        article(2, 1, { statut: 'prop', titre: 'Article 1' }),
        article(3, 1, { chapo: '=https://exemple.org/ailleurs', accepter_forum: 'abo' }),
        article(4, 9),
        article(5, 1, { statut: 'archive' }),
      ],
    }),
    undefined,
  );
  ctx.sectionIds.add(1);
  mapArticles(ctx, 'en');
  const rows = rowsOf<{ id: number; status: string; published_at: string | null; slug: string; lead: string; redirect_url: string; forum_mode: string | null; written_at: string | null; lang: string }>(ctx, 'articles');
  assert.deepEqual(rows.map((r) => [r.id, r.status]), [[1, 'published'], [2, 'proposed'], [3, 'published']]);
  assert.equal(rows[0]!.published_at, '2013-04-12T06:30:00.000Z');
  assert.equal(rows[1]!.published_at, null, 'a proposed article has no publication date yet');
  assert.equal(rows[0]!.written_at, null, 'SPIP’s zero date is no date');
  assert.deepEqual([rows[0]!.slug, rows[1]!.slug], ['article-1', 'article-1-2'], 'two articles never share a slug');
  assert.deepEqual([rows[2]!.lead, rows[2]!.redirect_url, rows[2]!.forum_mode], ['', 'https://exemple.org/ailleurs', 'abo']);
  assert.equal(rows[0]!.lang, 'en');
  assert.deepEqual(ctx.report.skipped.map((s) => s.id).sort(), ['4', '5']);
  assert.deepEqual(ctx.legacyRows.map((r) => r.source_id).sort(), [4, 5], 'nothing is lost: both are kept in legacy_objects');
});

test('forum: public and team messages, threads kept, a reply whose parent is not imported starts its own thread', () => {
  const message = (id: number, extra: Row) => ({
    id_forum: id, id_objet: 1, objet: 'article', id_parent: 0, id_thread: id, date_heure: '2013-04-12 12:00:00', titre: '', texte: `Message ${id}`,
    auteur: 'Anne', email_auteur: 'anne@example.org', url_site: '', nom_site: '', statut: 'publie', ip: '', id_auteur: 0, ...extra,
  });
  const ctx = new MappingContext(
    dump({
      spip_forum: [
        message(10, {}),
        message(11, { id_parent: 10, id_thread: 10, statut: 'prop' }),
        message(12, { statut: 'prive' }),
        message(13, { id_parent: 99, id_thread: 99 }),
        message(14, { statut: 'privrac', objet: '', id_objet: 0 }),
        message(15, { id_objet: 42 }),
      ],
    }),
    undefined,
  );
  ctx.articleIds.add(1);
  mapForum(ctx);
  const rows = rowsOf<{ id: number; kind: string; status: string; parent_id: number | null; thread_id: number }>(ctx, 'forum_messages');
  assert.deepEqual(
    rows.map((r) => [r.id, r.kind, r.status, r.parent_id, r.thread_id]),
    [
      [10, 'public', 'published', null, 10],
      [11, 'public', 'pending', 10, 10],
      [12, 'team', 'published', null, 12],
      [13, 'public', 'published', null, 13],
    ],
  );
  assert.deepEqual(ctx.legacyRows.map((r) => r.source_id), [14, 15]);
});

test('authors: SPIP roles, a duplicate or empty email gets a placeholder, everyone must choose a password', () => {
  const auteur = (id: number, statut: string, email: string) => ({ id_auteur: id, nom: `Auteur ${id}`, bio: '', email, url_site: '', login: null, statut, lang: '', en_ligne: '0000-00-00 00:00:00', maj: null });
  const ctx = new MappingContext(
    dump({ spip_auteurs: [auteur(1, '0minirezo', 'Admin@Example.org'), auteur(2, '1comite', 'admin@example.org'), auteur(3, '6forum', ''), auteur(4, 'nouveau', 'x@example.org')] }),
    undefined,
  );
  mapUsers(ctx, 'fr');
  const rows = rowsOf<{ id: number; role: string; email: string; password_hash: string | null; must_reset_password: number }>(ctx, 'users');
  assert.deepEqual(rows.map((r) => [r.id, r.role, r.email]), [
    [1, 'administrator', 'admin@example.org'],
    [2, 'editor', 'auteur-2@import-spip.invalid'],
    [3, 'visitor', 'auteur-3@import-spip.invalid'],
  ]);
  assert.ok(rows.every((r) => r.password_hash === null && r.must_reset_password === 1));
  assert.deepEqual(ctx.legacyRows.map((r) => r.source_id), [4], 'an unconfirmed sign-up is kept aside');
});

test('SPIP’s propres URLs: the current one gives the slug, every one becomes an old address with its type marker', () => {
  const ctx = new MappingContext(
    dump({
      spip_rubriques: [rubrique(1, 0, 'Actualités')],
      spip_articles: [article(5, 1)],
      spip_urls: [
        { url: 'Ancien-titre', type: 'article', id_objet: 5, date: '2012-01-01 00:00:00' },
        { url: 'benoit-hamon-a-niort', type: 'article', id_objet: 5, date: '2013-01-01 00:00:00' },
        { url: 'l-actu', type: 'rubrique', id_objet: 1, date: '2012-01-01 00:00:00' },
        { url: 'perdu', type: 'article', id_objet: 77, date: '2012-01-01 00:00:00' },
      ],
    }),
    undefined,
  );
  const urls = loadSpipUrls(ctx);
  mapSections(ctx, 'fr');
  mapArticles(ctx, 'fr');
  mapUrls(ctx, urls, new Map(), new Map());
  const rows = rowsOf<{ path: string; object_type: string; object_id: number; is_current: number }>(ctx, 'urls');
  const byPath = Object.fromEntries(rows.map((r) => [r.path, [r.object_type, r.object_id, r.is_current]]));
  assert.deepEqual(byPath['/benoit-hamon-a-niort'], ['article', 5, 1], 'the latest SPIP URL is the current Tisse path');
  assert.deepEqual(byPath['/rubrique/l-actu'], ['section', 1, 1]);
  assert.deepEqual(byPath['/Ancien-titre'], ['article', 5, 0], 'an older SPIP URL redirects');
  assert.deepEqual(byPath['/-l-actu-'], ['section', 1, 0], 'a rubrique’s SPIP address keeps its -marker-');
  assert.equal(byPath['/perdu'], undefined);
  assert.ok(ctx.report.skipped.some((s) => s.table === 'spip_urls' && s.id.includes('77')), 'the URL of an object not imported is reported');
});
