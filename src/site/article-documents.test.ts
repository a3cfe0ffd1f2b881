// An article's documents on its public page, on both databases (issue 18): an image the text places is written
// with the alternative text entered for it and at a size made for the page, never the 3000 px upload; the images
// the text does not place form the gallery after it (decorative when they have neither alt nor title), the other
// files it does not place are its attachments, and its cover in lists stays its first image.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { uploadDocument } from '../documents/index.ts';
import type { Document } from '../db/schema.ts';

const jpeg = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#3a6f8f' } }).jpeg().toBuffer();
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The attributes of each `<img>` of an HTML fragment. */
function images(html: string): Record<string, string>[] {
  return [...html.matchAll(/<img\s([^>]*)>/g)].map((m) => Object.fromEntries([...m[1]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
}

/** The part of a page between an opening tag's marker and the end of that block (the next marker after it). */
function between(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  assert.ok(from >= 0, `${start} on the page`);
  const to = html.indexOf(end, from + start.length);
  return html.slice(from, to < 0 ? undefined : to);
}

forEachDialect('an article’s documents on its page', (dialect) => {
  let site: TestSite;
  let slug: string;
  let sectionSlug: string;
  const docs = {} as Record<'placed' | 'decorative' | 'titled' | 'report' | 'annex', Document>;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const section = await createSection(site.db, { title: 'Reportages' });
    sectionSlug = section.slug;
    const article = await createArticle(site.db, { sectionId: section.id, title: 'La Maison de l’ESS', status: 'published' });
    const upload = async (originalName: string, bytes: Uint8Array, fields: { title?: string; alt?: string } = {}) =>
      uploadDocument(site.db, { originalName, bytes, articleId: article.id, ...fields }, { dataDir: site.config.dataDir });
    docs.placed = await upload('IMG_2034.jpg', await jpeg(3000, 2000), { title: 'La Maison', alt: 'Façade de la Maison de l’ESS, rue de la gare' });
    docs.decorative = await upload('IMG_2035.jpg', await jpeg(1200, 800));
    docs.titled = await upload('IMG_2036.jpg', await jpeg(800, 600), { title: 'L’atelier vélo' });
    docs.report = await upload('rapport.pdf', pdf, { title: 'Le rapport' });
    docs.annex = await upload('annexe.pdf', pdf, { title: 'L’annexe' });
    const text = `Avant.\n\n<doc${docs.placed.id}|left>\n\nLe rapport : <doc${docs.report.id}|center>\n\nVoir aussi [l’annexe->doc${docs.annex.id}].`;
    await site.db.kysely.updateTable('articles').set({ text }).where('id', '=', article.id).execute();
    slug = article.slug;
  });
  after(() => site.close());

  const page = async () => {
    const response = await site.get(`/${slug}`);
    assert.equal(response.status, 200);
    return response.text();
  };

  test('an image the text places has the alt entered for it, and a size made for the page with its srcset', async () => {
    const html = await page();
    const [img, ...others] = images(between(html, '<div class="article__text texte">', '</div>\n'));
    assert.equal(others.length, 0);
    assert.equal(img!.alt, 'Façade de la Maison de l’ESS, rue de la gare');
    assert.equal(img!.src, `/images/640/${docs.placed.file}`);
    assert.deepEqual([img!.width, img!.height], ['3000', '2000']);
    assert.match(img!.sizes!, /352px/);
    const candidates = img!.srcset!.split(', ').map((c) => c.split(' '));
    assert.deepEqual(candidates.map(([, w]) => w), ['320w', '640w', '960w', '1280w', '1920w']);
    // Each size named is made and is as wide as it says; the 3000 px upload itself is nowhere in the page's images.
    for (const [url, w] of [candidates[0]!, candidates.at(-1)!]) {
      const size = await site.get(url!);
      assert.equal(size.status, 200, String(url));
      assert.equal((await sharp(Buffer.from(await size.arrayBuffer())).metadata()).width, Number.parseInt(w!, 10));
    }
    assert.doesNotMatch(html, new RegExp(`(src|srcset)="[^"]*/documents/${docs.placed.file}`));
  });

  test('the images the text does not place form the gallery: alt entered, else title, else decorative', async () => {
    const html = await page();
    const gallery = between(html, '<section class="article__gallery gallery"', '</section>');
    const shown = images(gallery);
    assert.deepEqual(shown.map((i) => i.src), [`/images/640/${docs.decorative.file}`, `/images/640/${docs.titled.file}`]);
    assert.deepEqual(shown.map((i) => i.alt), ['', 'L’atelier vélo']);
    assert.ok(shown.every((i) => i.srcset && !i.srcset.includes('/documents/')));
    // A decorative image in a link: the link still says where it goes.
    assert.match(gallery, /alt="" loading="lazy" decoding="async"><span class="visually-hidden">Voir l’image en grand<\/span><\/a>/);
    assert.match(gallery, new RegExp(`href="/images/1280/${docs.decorative.file}"`), 'the link opens the largest size, not the upload');
    assert.match(gallery, /<span class="gallery__title">L’atelier vélo<\/span>/);
    assert.doesNotMatch(gallery, /IMG_2035/);
  });

  test('attachments are the files the text does not place; a link to one does not place it', async () => {
    const attachments = between(await page(), '<section class="article__documents"', '</section>');
    assert.match(attachments, /L’annexe/);
    assert.doesNotMatch(attachments, /Le rapport/);
  });

  test('in lists the article’s cover stays its first image, the one its text places', async () => {
    const response = await site.get(`/rubrique/${sectionSlug}`);
    const covers = images(await response.text()).filter((i) => i.class === 'card__image');
    assert.deepEqual(covers.map((i) => i.src), [`/images/640/${docs.placed.file}`]);
  });
});
