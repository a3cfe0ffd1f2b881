// The appearance operations below the forms: a logo or favicon is shaped before the library sees it (an SVG
// drawn to a PNG, a huge logo scaled down, what is not an image refused by what it is); a logo whose settings
// write fails leaves neither document nor file; a revision naming a document since deleted is not restored.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import type { Db } from '../db/connect.ts';
import { isTisseError } from '../kernel/errors.ts';
import type { Actor } from '../users/index.ts';
import { deleteDocument } from '../documents/index.ts';
import { listSettingsRevisions, loadSiteSettings } from '../settings/index.ts';
import { prepareBrandImage, restoreAppearance, saveAppearance, setBrandImage } from './index.ts';
import { readManifest } from '../themes/index.ts';

const svg = (body: string, size = 'width="24" height="12"') => new TextEncoder().encode(`<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" ${size}>${body}</svg>`);
const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } }).png().toBuffer();

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isTisseError(error), String(error));
    return { code: error.code, message: error.message };
  }
  assert.fail('accepted');
}

test('an SVG logo is drawn as a PNG 400 pixels high, a vector never blurred; an SVG favicon as a 512-pixel square', async () => {
  const logo = await prepareBrandImage('logo', 'Logo Labo.svg', svg('<rect width="24" height="12" fill="#0f5e56"/>'));
  assert.equal(logo.originalName, 'Logo Labo.png');
  const meta = await sharp(logo.bytes).metadata();
  assert.deepEqual([meta.format, meta.width, meta.height], ['png', 800, 400]);
  const icon = await sharp((await prepareBrandImage('favicon', 'icone.svg', svg('<circle cx="6" cy="6" r="6"/>', 'viewBox="0 0 12 12"'))).bytes).metadata();
  assert.deepEqual([icon.format, icon.width, icon.height], ['png', 512, 512]);
});

test('an SVG is drawn from its own content only: a file it names on the server is not read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tisse-svg-'));
  try {
    const red = join(dir, 'rouge.png');
    await sharp({ create: { width: 12, height: 12, channels: 3, background: { r: 255, g: 0, b: 0 } } }).png().toFile(red);
    const drawn = await prepareBrandImage('logo', 'espion.svg', svg(`<image href="file://${red}" width="24" height="12"/><image href="${red}" width="24" height="12"/>`));
    const { data } = await sharp(drawn.bytes).raw().toBuffer({ resolveWithObject: true });
    assert.equal(data[3], 0, 'the drawing stays transparent where the named file would have been');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an SVG declaring entities (an XML bomb) or that is no SVG at all is refused before any parsing', async () => {
  const bomb = new TextEncoder().encode('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&b;</text></svg>');
  assert.equal((await refusal(prepareBrandImage('logo', 'bombe.svg', bomb))).code, 'UNSUPPORTED_MEDIA');
  assert.match((await refusal(prepareBrandImage('logo', 'page.svg', new TextEncoder().encode('<html><body>pas une image</body></html>')))).message, /SVG ne peut pas être lu/);
});

test('what is not an image is refused with what it is; a huge logo is scaled down; a PNG named .jpg keeps its content’s name', async () => {
  const text = await refusal(prepareBrandImage('logo', 'notes.txt', new TextEncoder().encode('Bonjour.\n')));
  assert.deepEqual(text, { code: 'UNSUPPORTED_MEDIA', message: 'Le logo doit être une image (JPEG, PNG, WebP, GIF, AVIF ou SVG) : « notes.txt » est un fichier TXT.' });
  const pdf = await refusal(prepareBrandImage('favicon', 'icone.png', new TextEncoder().encode('%PDF-1.7\n%%EOF\n')));
  assert.match(pdf.message, /« icone\.png » est un document PDF/);
  const huge = await prepareBrandImage('logo', 'bandeau.png', await png(4000, 1000));
  assert.deepEqual([(await sharp(huge.bytes).metadata()).width, (await sharp(huge.bytes).metadata()).height], [1600, 400]);
  const small = await png(300, 100);
  const kept = await prepareBrandImage('logo', 'logo.jpg', small);
  assert.equal(kept.originalName, 'logo.png');
  assert.equal(kept.bytes, small, 'a logo of a sensible size is stored as sent');
});

forEachDatabase('appearance operations', (dialect) => {
  let site: TestDatabase;
  let admin: Actor;
  before(async () => {
    site = await openTestDatabase(dialect);
    admin = { id: site.adminId, role: 'administrator', sections: null };
  });
  after(() => site.close());

  const files = () => {
    try {
      return readdirSync(join(site.dataDir, 'documents'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
    } catch {
      return 0;
    }
  };
  const documents = async () => (await site.db.kysely.selectFrom('documents').select('id').execute()).length;

  test('when the settings refuse the new logo, its document and files are deleted again', async () => {
    // The second write (the settings, after the document's own) fails as a lost connection would.
    let writes = 0;
    const failing: Db = Object.create(site.db, {
      write: { value: (work: Parameters<Db['write']>[0]) => (++writes === 2 ? Promise.reject(new Error('connexion perdue')) : site.db.write(work)) },
    });
    const [rows, stored, before] = [await documents(), files(), await loadSiteSettings(site.db)];
    await assert.rejects(setBrandImage(failing, admin, 'logo', { name: 'logo.png', bytes: await png(300, 100) }, { dataDir: site.dataDir }), /connexion perdue/);
    assert.equal(writes, 3, 'upload, settings (failed), deletion');
    assert.equal(await documents(), rows);
    assert.equal(files(), stored);
    assert.deepEqual(await loadSiteSettings(site.db), before);
  });

  test('an editor may not save the appearance, even below the forms', async () => {
    const editor: Actor = { id: site.adminId, role: 'editor', sections: null };
    assert.equal((await refusal(saveAppearance(site.db, editor, { mainMenu: [] }))).code, 'FORBIDDEN');
    assert.equal((await refusal(setBrandImage(site.db, editor, 'logo', { name: 'logo.png', bytes: await png(300, 100) }, { dataDir: site.dataDir }))).code, 'FORBIDDEN');
  });

  test('restoring a logo whose document was deleted since is refused, and changes nothing', async () => {
    const manifest = readManifest(join(import.meta.dirname, '..', '..', 'themes', 'default'));
    assert.ok(manifest.ok);
    await setBrandImage(site.db, admin, 'logo', { name: 'premier.png', bytes: await png(300, 100) }, { dataDir: site.dataDir });
    const first = (await loadSiteSettings(site.db)).logo!;
    await setBrandImage(site.db, admin, 'logo', { name: 'second.png', bytes: await png(320, 100) }, { dataDir: site.dataDir });
    const [change] = await listSettingsRevisions(site.db, 1);
    assert.equal((change!.before.logo as { documentId: number }).documentId, first.documentId);
    await deleteDocument(site.db, admin, first.documentId, { dataDir: site.dataDir });
    const settings = await loadSiteSettings(site.db);
    assert.match((await refusal(restoreAppearance(site.db, admin, change!.id, manifest.manifest))).message, new RegExp(`document n° ${first.documentId} n’existe plus`));
    assert.deepEqual(await loadSiteSettings(site.db), settings);
  });
});
