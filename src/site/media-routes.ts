// Files of the public site that are not pages: documents as stored, sizes of their images for responsive pages
// (/images/<width>/<file>), and the site's icons (/favicon.ico, /favicon-32.png, /apple-touch-icon.png). None
// goes through the page cache (only what sendPage marks is stored there): files on disk are their own cache.
import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import type { AppContext, AppEnv } from '../web/context.ts';
import { documentUrl } from '../web/markup-resolver.ts';
import { themeEngineOf } from '../web/theme.ts';
import { ICON_SIZES, documentContentType, documentIcon, icoFromPng, imageSize, themeIcon, type DerivedFile, type IconKind } from '../documents/index.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { t } from '../kernel/i18n/index.ts';
import { notFound } from './page.ts';

export const mediaRoutes = new Hono<AppEnv>();

mediaRoutes.get('/documents/*', (c) => {
  const root = join(c.get('app').config.dataDir, 'documents');
  const relative = decodeURIComponent(new URL(c.req.url).pathname.slice('/documents/'.length));
  const file = normalize(join(root, relative));
  if (!file.startsWith(root + sep)) return notFound(c);
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return notFound(c);
    size = stat.size;
  } catch {
    return notFound(c);
  }
  const type = documentContentType(file);
  const stream = Readable.toWeb(createReadStream(file)) as ReadableStream;
  return new Response(stream, {
    headers: {
      'content-type': type,
      'content-length': String(size),
      'cache-control': 'public, max-age=86400',
      'x-content-type-options': 'nosniff',
      // A document is shown inline only when it is an image or a PDF; anything else downloads.
      ...(type.startsWith('image/') && type !== 'image/svg+xml') || type === 'application/pdf' ? {} : { 'content-disposition': 'attachment' },
    },
  });
});

/** A size's address names its content for good (a document's file is never rewritten): browsers keep it a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The icons' addresses are fixed while the icon may change in Apparence: a day. */
const DAILY = 'public, max-age=86400';

mediaRoutes.get('/images/:width/*', async (c) => {
  const { db, config, log } = c.get('app');
  const match = /^\/images\/([1-9][0-9]{0,4})\/(.+)$/.exec(new URL(c.req.url).pathname);
  if (!match) return notFound(c);
  const width = Number(match[1]);
  const file = decodeURIComponent(match[2]!);
  let size;
  try {
    size = await imageSize(db, config.dataDir, file, width);
  } catch (error) {
    log.warn({ err: error, file, width }, t('site.imageSizeFailed', { file, width }));
    return c.redirect(documentUrl(file), 302);
  }
  if (!size) return notFound(c);
  if (size.kind === 'original') return c.redirect(documentUrl(file), 302);
  return sendFile(c, size, 'image/webp', IMMUTABLE);
});

mediaRoutes.get('/favicon.ico', async (c) => {
  const icon = await siteIcon(c.get('app'), 'favicon');
  if (!icon) return notFound(c);
  // The same PNG wrapped in an icon file: its own validator, since its bytes differ.
  return sendFile(c, { ...icon, etag: icon.etag.replace(/"$/, '-ico"') }, 'image/x-icon', DAILY, (png) => icoFromPng(png, ICON_SIZES.favicon));
});

mediaRoutes.get('/favicon-32.png', async (c) => {
  const icon = await siteIcon(c.get('app'), 'favicon');
  return icon ? sendFile(c, icon, 'image/png', DAILY) : notFound(c);
});

mediaRoutes.get('/apple-touch-icon.png', async (c) => {
  const icon = await siteIcon(c.get('app'), 'touch');
  return icon ? sendFile(c, icon, 'image/png', DAILY) : notFound(c);
});

/**
 * The site's icon: made from the favicon set in Apparence, else from the logo, else from the theme's own mark
 * (assets/favicon.svg, which a site may override like any asset). A source that cannot be made into an icon
 * (its document deleted, an unreadable file) is logged and the next one is tried.
 */
async function siteIcon(app: AppContext, kind: IconKind): Promise<DerivedFile | undefined> {
  const { db, config, log } = app;
  const settings = await loadSiteSettings(db);
  for (const image of [settings.favicon, settings.logo]) {
    if (!image) continue;
    try {
      const icon = await documentIcon(db, config.dataDir, image.file, kind);
      if (icon) return icon;
    } catch (error) {
      log.warn({ err: error, file: image.file }, t('site.iconFailed', { source: image.file }));
    }
  }
  const mark = themeEngineOf(app).asset('favicon.svg');
  if (!mark) return undefined;
  try {
    return await themeIcon(config.dataDir, mark.body, mark.hash, kind);
  } catch (error) {
    log.warn({ err: error }, t('site.iconFailed', { source: 'assets/favicon.svg' }));
    return undefined;
  }
}

/** A stored file with its validator: 304 when the browser holds it already. `transform` rewrites the bytes read. */
async function sendFile(c: Context<AppEnv>, file: DerivedFile, contentType: string, cacheControl: string, transform?: (bytes: Buffer) => Buffer): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': contentType, etag: file.etag, 'cache-control': cacheControl, 'x-content-type-options': 'nosniff' };
  if (matches(c.req.header('if-none-match'), file.etag)) return new Response(null, { status: 304, headers });
  let read: Buffer;
  try {
    read = await readFile(file.path);
  } catch {
    // Removed since it was found (its document deleted meanwhile).
    return notFound(c);
  }
  const body = transform ? transform(read) : read;
  headers['content-length'] = String(body.length);
  return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), { headers });
}

/** Whether an If-None-Match header names `etag` (it may list several, weak or not, or be `*`). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}
