// The image filters: `image_url` picks the size that holds a box without enlarging the image, `srcset` lists the
// sizes narrower than the image and the one holding it whole with its real width, and both leave an SVG or a
// GIF to its original address; `tisse theme check` knows them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkTheme, createThemeEngine } from './index.ts';

const WIDTHS = [320, 640, 960, 1280, 1920];
const hosts = {
  assetUrl: (name: string) => `/assets/${name}`,
  documentUrl: (file: string) => `/documents/${file}`,
  images: {
    widths: WIDTHS,
    sized: (file: string, mimeType: string | undefined) => (mimeType ?? (file.endsWith('.jpg') ? 'image/jpeg' : 'image/svg+xml')) !== 'image/svg+xml' && mimeType !== 'image/gif',
    url: (file: string, width: number) => `/images/${width}/${file}`,
  },
};

async function render(template: string, data: Record<string, unknown>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tisse-filters-'));
  writeFileSync(join(dir, 'page.liquid'), template);
  try {
    return await createThemeEngine({ themeDir: dir, hosts }).render('page', data);
  } finally {
    rmSync(dir, { recursive: true });
  }
}

const photo = (width: number | null) => ({ file: 'jpg/photo.jpg', width, mime_type: 'image/jpeg' });

test('image_url: the size holding the box, never more than the image needs; the original for an SVG or a GIF', async () => {
  const cases: [unknown, string, string][] = [
    [photo(3000), '640', '/images/640/jpg/photo.jpg'],
    [photo(3000), '600', '/images/640/jpg/photo.jpg'],
    [photo(3000), '5000', '/images/1920/jpg/photo.jpg'],
    [photo(500), '960', '/images/640/jpg/photo.jpg'],
    [photo(300), '640', '/images/320/jpg/photo.jpg'],
    [photo(null), '960', '/images/960/jpg/photo.jpg'],
    [{ file: 'svg/logo.svg', width: 400, mime_type: 'image/svg+xml' }, '640', '/documents/svg/logo.svg'],
    [{ file: 'gif/anime.gif', width: 400, mime_type: 'image/gif' }, '320', '/documents/gif/anime.gif'],
    ['jpg/photo.jpg', '320', '/images/320/jpg/photo.jpg'],
  ];
  for (const [doc, width, expected] of cases) {
    assert.equal(await render(`{{ doc | image_url: ${width} }}`, { doc }), expected, `${JSON.stringify(doc)} at ${width}`);
  }
  assert.equal(await render('{{ doc | image_url }}', { doc: photo(1000) }), '/images/1280/jpg/photo.jpg', 'no width: the image whole');
  assert.equal(await render('[{{ doc | image_url: 640 }}]', { doc: null }), '[]');
});

test('srcset: the sizes below the image, then the one holding it whole with its real width, capped at the largest', async () => {
  const cases: [number | null, string][] = [
    [3000, '/images/320/jpg/photo.jpg 320w, /images/640/jpg/photo.jpg 640w, /images/960/jpg/photo.jpg 960w, /images/1280/jpg/photo.jpg 1280w, /images/1920/jpg/photo.jpg 1920w'],
    [1920, '/images/320/jpg/photo.jpg 320w, /images/640/jpg/photo.jpg 640w, /images/960/jpg/photo.jpg 960w, /images/1280/jpg/photo.jpg 1280w, /images/1920/jpg/photo.jpg 1920w'],
    [1000, '/images/320/jpg/photo.jpg 320w, /images/640/jpg/photo.jpg 640w, /images/960/jpg/photo.jpg 960w, /images/1280/jpg/photo.jpg 1000w'],
    [640, '/images/320/jpg/photo.jpg 320w, /images/640/jpg/photo.jpg 640w'],
    [200, '/images/320/jpg/photo.jpg 200w'],
    [null, ''],
  ];
  for (const [width, expected] of cases) assert.equal(await render('{{ doc | srcset }}', { doc: photo(width) }), expected, String(width));
  assert.equal(await render('[{{ doc | srcset }}]', { doc: { file: 'svg/logo.svg', width: 400, mime_type: 'image/svg+xml' } }), '[]');
  assert.equal(await render('[{{ doc | srcset }}]', { doc: { file: 'gif/anime.gif', width: 400, mime_type: 'image/gif' } }), '[]');
});

test('tisse theme check knows the image filters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tisse-filters-'));
  writeFileSync(join(dir, 'essai.liquid'), '<img src="{{ doc | image_url: 640 }}" srcset="{{ doc | srcset }}">{{ doc | vignette }}');
  const problems = checkTheme(dir).problems.filter((p) => p.kind === 'filter');
  rmSync(dir, { recursive: true });
  assert.deepEqual(problems.map((p) => p.detail.match(/vignette|image_url|srcset/)?.[0]), ['vignette']);
});
