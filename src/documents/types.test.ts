// The one list of document types: what an upload may be and what the public site serves a document as.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptedExtensions, documentContentType } from './types.ts';
import { sniff } from './sniff.ts';

test('every uploadable type is served with its own Content-Type, not as bytes to download', () => {
  const served = {
    'a/rapport.ods': 'application/vnd.oasis.opendocument.spreadsheet',
    'a/note.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'a/chiffres.csv': 'text/csv; charset=utf-8',
    'a/lisez-moi.txt': 'text/plain; charset=utf-8',
    'a/entretien.ogg': 'audio/ogg',
    'a/photo.JPEG': 'image/jpeg',
    'a/affiche.avif': 'image/avif',
  };
  for (const [file, type] of Object.entries(served)) assert.equal(documentContentType(file), type, file);
  for (const ext of acceptedExtensions) assert.notEqual(documentContentType(`x/f.${ext}`), 'application/octet-stream', ext);
});

test('a stored file of a type outside the list is served as bytes (the route makes it a download)', () => {
  assert.equal(documentContentType('html/page.html'), 'application/octet-stream');
  assert.equal(documentContentType('svg/logo.svg'), 'application/octet-stream');
  assert.equal(documentContentType('sans-extension'), 'application/octet-stream');
});

test('an AVIF image is told from an MP4 video by its ftyp brand', () => {
  const box = (brand: string) => new Uint8Array([0, 0, 0, 0x1c, ...Buffer.from('ftyp' + brand), 0, 0, 0, 0]);
  assert.equal(sniff(box('avif')), 'avif');
  assert.equal(sniff(box('isom')), 'mp4');
});
