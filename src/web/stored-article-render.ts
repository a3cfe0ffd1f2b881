// An article's fields as its page shows them, read from article_renders (migration 032) rather than recomputed
// on every page: parsing, resolving the targets, the glossary and rendering cost milliseconds, reading a row a
// few microseconds. A render is made when none is stored for the current engine and settings (after a save,
// a change of what it shows, a new engine version) and stored with what it read; the database's triggers drop
// it when one of those changes. The equality of both ways is tested on every article of the SPIP import.
import type { Db } from '../db/connect.ts';
import { compiledQuery } from '../db/compiled-query.ts';
import type { Article, ArticleRender } from '../db/schema.ts';
import { articleGlossary, type GlossaryOccurrences } from '../glossary/index.ts';
import { MARKUP_ENGINE_VERSION } from '../markup/index.ts';
import { articlesOfBreves } from '../urls/index.ts';
import { renderArticle, type RenderedArticle } from './render-article.ts';

/**
 * What else than the engine decides the HTML: the resolver (image sizes, what a link shows) and the glossary's
 * annotation. Change it with them, as MARKUP_ENGINE_VERSION with the engine.
 */
const RENDER_PIPELINE_VERSION = '1';

export interface RenderSettings {
  /** The site's glossaryOccurrences: where terms are marked. */
  occurrences: GlossaryOccurrences;
}

/** The key a stored render must carry to be used: the versions that made it and the settings it followed. */
export function renderKey(settings: RenderSettings): string {
  return `${MARKUP_ENGINE_VERSION}/${RENDER_PIPELINE_VERSION}/${settings.occurrences}`;
}

const storedRenderOf = compiledQuery<[number], ArticleRender>((k, arg) => k.selectFrom('article_renders').selectAll().where('article_id', '=', arg<number>(0)));

/** The article's rendered fields: stored if a valid render is, else rendered now and stored. */
export async function articleRender(db: Db, article: Article, settings: RenderSettings, now = new Date().toISOString()): Promise<RenderedArticle> {
  const [row] = await storedRenderOf(db, article.id);
  return storedOrNewRender(db, article, settings, row, now);
}

/**
 * articleRender with the article's row of article_renders already read (undefined: none is stored), as the
 * article page's one read brings it (site/article-page-read.ts).
 */
export async function storedOrNewRender(db: Db, article: Article, settings: RenderSettings, row: ArticleRender | undefined, now = new Date().toISOString()): Promise<RenderedArticle> {
  if (row && row.render_key === renderKey(settings) && (row.valid_until === null || row.valid_until > now)) {
    return {
      surtitle: row.surtitle,
      title: row.title,
      subtitle: row.subtitle,
      lead: row.lead,
      text: row.text,
      postscript: row.postscript,
      notes: row.notes,
      brokenLinks: JSON.parse(row.broken_links) as RenderedArticle['brokenLinks'],
      placedDocumentIds: JSON.parse(row.placed_document_ids) as number[],
      references: [],
    };
  }
  return renderAndStore(db, article, settings, now);
}

/**
 * Renders the article and stores the render with its targets, unless some trigger dropped renders since the
 * data was read (the generation moved on): that render may show what the write changed, so it is returned,
 * not kept. On PostgreSQL the generation row is read in share mode, so no drop slips between check and insert.
 */
export async function renderAndStore(db: Db, article: Article, settings: RenderSettings, now = new Date().toISOString()): Promise<RenderedArticle> {
  const k = db.kysely;
  const generation = await readGeneration(db);
  const glossary = await articleGlossary(db, article, { occurrences: settings.occurrences });
  const rendered = await renderArticle(db, article, glossary.annotate, now);
  const linkedArticleIds = [...new Set(rendered.references.filter((r) => r.type === 'article').map((r) => r.id))];
  const [terms, scheduled] = await Promise.all([
    glossary.used.size ? k.selectFrom('glossary_terms').select('id').where('slug', 'in', [...glossary.used]).execute() : [],
    linkedArticleIds.length
      ? k
          .selectFrom('articles')
          .select((eb) => eb.fn.min('published_at').as('next'))
          .where('id', 'in', linkedArticleIds)
          .where('status', '=', 'published')
          .where('published_at', '>', now)
          .executeTakeFirst()
      : undefined,
  ]);
  const targets = new Map<string, { target_type: string; target_id: number }>();
  for (const r of rendered.references) targets.set(`${r.type}:${r.id}`, { target_type: r.type, target_id: r.id });
  // A brève's link shows the article it became: that article's changes are what make the render stale.
  for (const article of (await articlesOfBreves(db, rendered.references.filter((r) => r.type === 'breve').map((r) => r.id))).values()) {
    targets.set(`article:${article}`, { target_type: 'article', target_id: article });
  }
  for (const t of terms) targets.set(`glossary:${t.id}`, { target_type: 'glossary', target_id: t.id });
  const row = {
    article_id: article.id,
    render_key: renderKey(settings),
    valid_until: scheduled?.next ?? null,
    surtitle: rendered.surtitle,
    title: rendered.title,
    subtitle: rendered.subtitle,
    lead: rendered.lead,
    text: rendered.text,
    postscript: rendered.postscript,
    notes: rendered.notes,
    broken_links: JSON.stringify(rendered.brokenLinks),
    placed_document_ids: JSON.stringify(rendered.placedDocumentIds),
    rendered_at: new Date().toISOString(),
  };
  // Not db.write: storing a render changes nothing a reader sees, so no cache is told.
  await k.transaction().execute(async (trx) => {
    const current = await db.dialect.holdRows(trx.selectFrom('render_generation').select('value').where('id', '=', 1)).executeTakeFirst();
    // Any write since the reads (the article's own, a target's, its deletion) moved the generation on.
    if (Number(current?.value) !== generation) return;
    await trx
      .insertInto('article_renders')
      .values(row)
      .onConflict((oc) => oc.column('article_id').doUpdateSet(({ ref }) => Object.fromEntries(Object.keys(row).filter((c) => c !== 'article_id').map((c) => [c, ref(`excluded.${c}` as 'excluded.title')]))))
      .execute();
    await trx.deleteFrom('article_render_targets').where('article_id', '=', article.id).execute();
    if (targets.size) await trx.insertInto('article_render_targets').values([...targets.values()].map((t) => ({ article_id: article.id, ...t }))).execute();
  });
  return rendered;
}

async function readGeneration(db: Db): Promise<number> {
  const row = await db.kysely.selectFrom('render_generation').select('value').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.value);
}
