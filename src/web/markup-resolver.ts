// Builds the markup engine's resolver for one page: every internal target the texts mention
// ([->art12], <doc5|left>…) is loaded with one query per object type, then answered synchronously.
// Only public objects resolve: a link to an unpublished article renders as a broken link.
import type { ImagePlacement, ImageSources, Resolver } from '../markup/index.ts';
import type { Db } from '../db/connect.ts';
import type { Document } from '../db/schema.ts';
import { publicArticles } from '../articles/index.ts';
import { articlesOfBreves } from '../urls/index.ts';
import { IMAGE_WIDTHS, documentContentType, documentPath, hasSizes, imageAlt } from '../documents/index.ts';
import { imageUrl, sizeCandidates, type ImageSizes } from '../kernel/responsive-images.ts';

export interface Reference {
  type: string;
  id: number;
}

type Target = { url: string; title: string };
type DocumentTarget = NonNullable<ReturnType<Resolver['document']>>;

export function documentUrl(file: string): string {
  return documentPath(file);
}

/** The address of a size of an image document (site/media-routes.ts makes it on the first request). */
export function imageSizeUrl(file: string, width: number): string {
  return `/images/${width}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** The sizes this site makes of its images, for the theme's filters and the images of texts alike. */
export const siteImageSizes: ImageSizes = {
  widths: IMAGE_WIDTHS,
  // A template may hand a bare file (a logo's): its type is then the one its extension is served with.
  sized: (file, mimeType) => hasSizes(mimeType ?? documentContentType(file)),
  url: imageSizeUrl,
};

/**
 * How wide an image of a text shows, for the browser's choice among its sizes: the reading column of the default
 * theme (site.css: --measure 44rem, its margins reached at 48rem), half of it for an image floated beside the
 * text, the whole screen on a phone (floats stop floating under 40rem). Saying more than an image's own width is
 * harmless: its srcset lists nothing wider than it.
 */
const IMAGE_SLOTS: Record<ImagePlacement, { width: number; sizes: string }> = {
  inline: { width: 704, sizes: '(min-width: 48rem) 704px, 100vw' },
  block: { width: 704, sizes: '(min-width: 48rem) 704px, 100vw' },
  float: { width: 352, sizes: '(min-width: 48rem) 352px, (min-width: 40rem) 50vw, 100vw' },
};

/** An image document as a text shows it: a size of it for its place, and the others for the browser to choose. */
function imageSources(d: Document): ((placement: ImagePlacement) => ImageSources | undefined) | undefined {
  const image = { file: d.file, width: d.width ?? undefined, mimeType: d.mime_type };
  const candidates = sizeCandidates(siteImageSizes, image);
  // Without a known width (or sizes at all: an SVG, a GIF), the file is shown as it is.
  if (candidates.length === 0) return undefined;
  return (placement) => {
    const slot = IMAGE_SLOTS[placement];
    return { src: imageUrl(siteImageSizes, image, slot.width) ?? documentUrl(d.file), candidates, sizes: slot.sizes };
  };
}

export async function loadResolver(db: Db, references: Reference[], now = new Date().toISOString()): Promise<Resolver> {
  const ids = (type: string) => [...new Set(references.filter((r) => r.type === type).map((r) => r.id))];
  const k = db.kysely;
  const links = new Map<string, Target>();
  const documents = new Map<number, DocumentTarget>();

  // SPIP's brèves became articles (decision 026): [->breve3] links to the article brève 3 became.
  const breves = await articlesOfBreves(db, ids('breve'));
  const articleIds = [...new Set([...ids('article'), ...breves.values()])];
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
  for (const [breve, article] of breves) {
    const target = links.get(`article:${article}`);
    if (target) links.set(`breve:${breve}`, target);
  }
  for (const s of sections) links.set(`section:${s.id}`, { url: `/rubrique/${s.slug}`, title: s.title });
  for (const u of authors) links.set(`author:${u.id}`, { url: `/auteur/${u.slug}`, title: u.name });
  for (const w of keywords) links.set(`keyword:${w.id}`, { url: `/mot/${w.slug}`, title: w.title });
  for (const d of docs) {
    const isImage = d.media === 'image';
    const sources = isImage ? imageSources(d) : undefined;
    const target: DocumentTarget = {
      url: documentUrl(d.file),
      // A file's link needs words, its name if nothing else; an image's caption only shows a title it was given.
      title: isImage ? d.title : d.title || d.original_name,
      ...(isImage ? { alt: imageAlt(d) } : {}),
      description: d.description,
      credits: d.credits,
      mime: d.mime_type,
      size: d.size,
      width: d.width,
      height: d.height,
      ...(sources ? { sources } : {}),
    };
    documents.set(d.id, target);
    links.set(`document:${d.id}`, { url: target.url, title: d.title || d.original_name });
  }

  return {
    link: (type, id) => links.get(`${type}:${id}`),
    document: (id) => documents.get(id),
  };
}
