// Media from the article editor in a real browser (issue 18): an editor writes, uploads a 3000 px photo with its
// alternative text without saving, inserts it at the cursor with one click, saves; once published, the page shows it
// with that alt and a srcset, and the browser loads a size made for it, never the upload. A PDF renamed .jpg is
// refused in French and the text typed stays as it was; files dropped on the editor are attached. Images left out of
// the text form the gallery. Screenshots: the editor with its portfolio at 1280 px, the article with its gallery at
// 1280 and 390 px (test-results/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import sharp from 'sharp';
import { siteInBrowser, seriousAxeViolations, resultsDir, type Page } from '../helpers/browser.ts';
import { createUser } from '../../src/users/operations/create-user.ts';

const env = siteInBrowser('the editor’s media journey', async (site) => {
  await createUser(site.db, { email: 'redac@example.org', name: 'Camille Rédactrice', role: 'editor', password: 'motdepasse-redac' });
});
const skip = env.skip;

/** A photo-like JPEG (a gradient with a band), so that its sizes are real pictures. */
async function photo(width: number, height: number, hue: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = (hue + (x * 120) / width) % 256;
      pixels[i + 1] = 60 + (y * 140) / height;
      pixels[i + 2] = y > height * 0.6 && y < height * 0.7 ? 230 : 110;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}

const fakeJpeg = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${env.site.url}/ecrire/`);
  await page.getByLabel('Adresse email').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${env.site.url}/ecrire/`);
}

async function noSeriousViolation(page: Page, what: string): Promise<void> {
  assert.deepEqual(await seriousAxeViolations(page), [], what);
}

/** Attaches a file from the portfolio's own field, and waits for the list to come back. */
async function attach(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, fields: { title?: string; alt?: string } = {}): Promise<void> {
  await page.locator('#f-documentFile').setInputFiles(file);
  if (fields.title) await page.getByLabel('Titre du document (facultatif)').fill(fields.title);
  if (fields.alt) await page.getByLabel('Texte alternatif de l’image').fill(fields.alt);
  const answer = page.waitForResponse((r) => r.url().endsWith('/documents') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Joindre à l’article' }).click();
  await answer;
}

test('upload from the editor, insert at the cursor, save: the page shows the image with its alt and a srcset', { skip }, async () => {
  const context = await env.browser.browser.browser()!.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await logIn(page, 'redac@example.org', 'motdepasse-redac');

  // A new article must be saved once before anything can be attached to it.
  await page.goto(`${env.site.url}/ecrire/articles/nouveau`);
  assert.match(await page.locator('#portfolio').innerText(), /Enregistrez l’article une première fois/);
  await page.getByLabel('Titre', { exact: true }).fill('La Maison de l’ESS ouvre ses portes');
  const section = await page.locator('#f-sectionId option').nth(1).getAttribute('value');
  await page.getByLabel('Rubrique').selectOption(section!);
  await page.getByLabel('Texte', { exact: true }).fill('Premier paragraphe.');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.waitForURL(/\/ecrire\/articles\/\d+\?enregistre=1/);
  const editorUrl = page.url().replace(/\?.*$/, '');
  const articleId = Number(/(\d+)$/.exec(editorUrl)![1]);

  // Typed, not saved: the uploads below must leave it as it is.
  const text = page.getByLabel('Texte', { exact: true });
  const typed = 'Premier paragraphe.\n\nLa façade, côté gare :\n\nDernier paragraphe, écrit avant tout envoi.';
  await text.fill(typed);

  // A PDF renamed .jpg: refused in French, the text untouched, the page not left.
  const address = page.url();
  await attach(page, { name: 'photo-facade.jpg', mimeType: 'image/jpeg', buffer: fakeJpeg }, { alt: 'ne doit pas rester' });
  const refusal = page.locator('#portfolio [role="alert"]');
  await refusal.waitFor();
  assert.equal(await refusal.innerText(), 'Le contenu de ce fichier ne correspond pas à son extension .jpg : il est refusé.');
  assert.equal(await text.inputValue(), typed);
  assert.equal(page.url(), address);

  // The photo, 3000 px wide, with its alternative text.
  const alt = 'Façade en bois de la Maison de l’ESS, côté gare';
  await attach(page, { name: 'IMG_2034.jpg', mimeType: 'image/jpeg', buffer: await photo(3000, 2000, 20) }, { title: 'La Maison de l’ESS', alt });
  const item = page.locator('.portfolio__item').first();
  await item.waitFor();
  const documentId = Number(await item.getAttribute('data-document-id'));
  assert.match(await item.innerText(), new RegExp(`Texte alternatif : « ${alt} »`));
  assert.equal(await page.locator('#f-documentAlt').inputValue(), '', 'the fields are emptied for the next file');
  assert.equal(await text.inputValue(), typed);

  // Two more images, left out of the text: the gallery. One is dropped on the editor, with neither title nor alt.
  await attach(page, { name: 'atelier.jpg', mimeType: 'image/jpeg', buffer: await photo(1600, 1200, 140) }, { title: 'L’atelier vélo', alt: 'Des vélos en réparation sur des pieds d’atelier' });
  const dropped = (await photo(1200, 900, 200)).toString('base64');
  const droppedAnswer = page.waitForResponse((r) => r.url().endsWith('/documents') && r.status() === 201);
  await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'ambiance.jpg', { type: 'image/jpeg' }));
    const area = document.getElementById('f-text')!;
    for (const type of ['dragenter', 'dragover', 'drop']) area.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, dropped);
  await droppedAnswer;
  await page.locator('.portfolio__item').nth(2).waitFor();
  assert.match(await page.locator('.portfolio__item').nth(2).innerText(), /ambiance\.jpg[\s\S]*image décorative/);
  assert.equal(await text.inputValue(), typed, 'a drop does not write the file’s name into the text');

  // One click inserts the code at the cursor: after "côté gare :" and its blank line.
  const cursor = typed.indexOf('Dernier paragraphe');
  await text.evaluate((area: HTMLTextAreaElement, at: number) => {
    area.focus();
    area.setSelectionRange(at, at);
  }, cursor);
  await page.locator(`.portfolio__item[data-document-id="${documentId}"] button[data-insert="<doc${documentId}|left>"]`).click();
  const withImage = `${typed.slice(0, cursor)}<doc${documentId}|left>${typed.slice(cursor)}`;
  assert.equal(await text.inputValue(), withImage);
  // The live preview follows the insertion, at a size made for it.
  await page.locator(`#preview img[alt="${alt}"]`).waitFor({ timeout: 10_000 });

  await page.screenshot({ path: join(resultsDir(), 'editor-portfolio-1280.png'), fullPage: true });
  await noSeriousViolation(page, 'editor with its portfolio');

  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.waitForURL(/\?enregistre=1/);
  assert.equal(await text.inputValue(), withImage);
  await page.getByRole('button', { name: 'Proposer à la publication' }).click();
  await page.waitForURL(/statut=1/);
  assert.deepEqual(pageErrors, []);
  await context.close();

  // An administrator publishes; a reader sees the image with its alt, from a size made for it.
  const adminContext = await env.browser.browser.browser()!.newContext();
  const adminPage = await adminContext.newPage();
  await logIn(adminPage, 'admin@example.org', 'motdepasse-admin');
  await adminPage.goto(`${env.site.url}/ecrire/articles/${articleId}`);
  await adminPage.getByRole('button', { name: 'Publier en ligne' }).click();
  await adminPage.waitForURL(/statut=1/);
  await adminContext.close();

  const slug = (await env.site.db.kysely.selectFrom('articles').select('slug').where('id', '=', articleId).executeTakeFirstOrThrow()).slug;
  for (const width of [1280, 390]) {
    const readerContext = await env.browser.browser.browser()!.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: width === 390 ? 3 : 1 });
    const reader = await readerContext.newPage();
    const loaded: string[] = [];
    reader.on('request', (request) => {
      if (request.resourceType() === 'image') loaded.push(new URL(request.url()).pathname);
    });
    assert.equal((await reader.goto(`${env.site.url}/${slug}`))?.status(), 200);
    const image = reader.locator(`.article__text img[alt="${alt}"]`);
    await image.scrollIntoViewIfNeeded();
    await reader.waitForFunction((selector) => {
      const img = document.querySelector<HTMLImageElement>(selector);
      return !!img && img.complete && img.naturalWidth > 0;
    }, `.article__text img[alt="${alt}"]`);
    assert.match((await image.getAttribute('srcset')) ?? '', /\/images\/320\/.+ 320w, .+\/images\/1920\/.+ 1920w$/);
    const current = await image.evaluate((img: HTMLImageElement) => new URL(img.currentSrc).pathname);
    assert.match(current, /^\/images\/(640|1280)\//, `${width} px: a size made for the page (${current})`);
    const gallery = reader.locator('.article__gallery img');
    assert.equal(await gallery.count(), 2);
    assert.deepEqual(await gallery.evaluateAll((imgs) => imgs.map((img) => img.getAttribute('alt'))), ['Des vélos en réparation sur des pieds d’atelier', '']);
    await reader.locator('.article__gallery').scrollIntoViewIfNeeded();
    await reader.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.article__gallery img')].every((img) => img.complete && img.naturalWidth > 0));
    assert.deepEqual(loaded.filter((path) => path.startsWith('/documents/')), [], `${width} px: no upload sent whole`);
    await noSeriousViolation(reader, `article with its gallery at ${width} px`);
    await reader.screenshot({ path: join(resultsDir(), `article-gallery-${width}.png`), fullPage: true });
    await readerContext.close();
  }
});
