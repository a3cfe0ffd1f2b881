// Files of the public site that are not pages: documents as stored, sizes of their images for responsive pages
// (/images/<width>/<file>), and the site's icons (/favicon.ico, /favicon-32.png, /apple-touch-icon.png). None
// goes through the page cache (only what sendPage marks is stored there): files on disk are their own cache.
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import type { AppContext, AppEnv } from '../web/context.ts';
import { documentUrl } from '../web/markup-resolver.ts';
import { themeEngineOf } from '../web/theme.ts';
import { ICON_SIZES, StorageUnavailable, documentContentType, documentIcon, icoFromPng, imageSize, readWhole, safeKey, themeIcon, type ByteRange, type DerivedFile, type IconKind, type StoredFile } from '../documents/index.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { t } from '../kernel/i18n/index.ts';
import { errorPage, notFound } from './page.ts';

export const mediaRoutes = new Hono<AppEnv>();

mediaRoutes.get('/documents/*', async (c) => {
  const { storage, log } = c.get('app');
  let key: string;
  try {
    key = decodeURIComponent(new URL(c.req.url).pathname.slice('/documents/'.length));
  } catch {
    return notFound(c);
  }
  if (!safeKey(key)) return notFound(c);
  const type = documentContentType(key);
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': 'public, max-age=86400',
    'x-content-type-options': 'nosniff',
    'accept-ranges': 'bytes',
    // A document is shown inline only when it is an image or a PDF; anything else downloads.
    ...((type.startsWith('image/') && type !== 'image/svg+xml') || type === 'application/pdf' ? {} : { 'content-disposition': 'attachment' }),
  };
  try {
    const found = await storage.stat(key);
    if (!found) return notFound(c);
    headers.etag = found.etag;
    if (matches(c.req.header('if-none-match'), found.etag)) return new Response(null, { status: 304, headers });
    const range = byteRange(c.req.header('range'), c.req.header('if-range'), found);
    if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${found.size}` } });
    if (c.req.method === 'HEAD') return new Response(null, { headers: { ...headers, 'content-length': String(found.size) } });
    const read = await storage.read(key, range);
    if (!read) return notFound(c);
    const body = Readable.toWeb(read.body) as ReadableStream;
    if (!range) return new Response(body, { headers: { ...headers, 'content-length': String(read.size) } });
    return new Response(body, { status: 206, headers: { ...headers, 'content-length': String(range.end - range.start + 1), 'content-range': `bytes ${range.start}-${range.end}/${read.size}` } });
  } catch (error) {
    if (!(error instanceof StorageUnavailable)) throw error;
    // That document only: the page that shows it, and every other document already sent, are unaffected.
    log.warn({ err: error, key }, 'document storage unavailable');
    return storageDown(c);
  }
});

/**
 * The one range a `Range: bytes=…` header asks for (several ranges, or a validator in If-Range that is not the
 * file's, get the whole file, as RFC 9110 allows); 'unsatisfiable' when it starts past the end.
 */
function byteRange(header: string | undefined, ifRange: string | undefined, file: StoredFile): ByteRange | 'unsatisfiable' | undefined {
  if (!header || (ifRange !== undefined && ifRange !== file.etag)) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (file.size === 0) return 'unsatisfiable';
  if (match[1] === '') {
    const suffix = Math.min(Number(match[2]), file.size);
    if (suffix === 0) return 'unsatisfiable';
    return { start: file.size - suffix, end: file.size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? file.size - 1 : Math.min(Number(match[2]), file.size - 1);
  if (start >= file.size) return 'unsatisfiable';
  if (end < start) return undefined;
  return { start, end };
}

/** 503 for the one file the storage could not give: the browser may ask again in half a minute. */
async function storageDown(c: Context<AppEnv>): Promise<Response> {
  const page = await errorPage(c, 503, t('error.title'), t('errors.storage.readUnavailable'));
  page.headers.set('retry-after', '30');
  return page;
}

/** A size's address names its content for good (a document's file is never rewritten): browsers keep it a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The icons' addresses are fixed while the icon may change in Apparence: a day. */
const DAILY = 'public, max-age=86400';

mediaRoutes.get('/images/:width/*', async (c) => {
  const { db, storage, log } = c.get('app');
  const match = /^\/images\/([1-9][0-9]{0,4})\/(.+)$/.exec(new URL(c.req.url).pathname);
  if (!match) return notFound(c);
  const width = Number(match[1]);
  const file = decodeURIComponent(match[2]!);
  let size;
  try {
    size = await imageSize(db, storage, file, width);
  } catch (error) {
    if (error instanceof StorageUnavailable) {
      log.warn({ err: error, file }, 'document storage unavailable');
      return storageDown(c);
    }
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
  const { db, storage, log } = app;
  const settings = await loadSiteSettings(db);
  for (const image of [settings.favicon, settings.logo]) {
    if (!image) continue;
    try {
      const icon = await documentIcon(db, storage, image.file, kind);
      if (icon) return icon;
    } catch (error) {
      log.warn({ err: error, file: image.file }, t('site.iconFailed', { source: image.file }));
    }
  }
  const mark = themeEngineOf(app).asset('favicon.svg');
  if (!mark) return undefined;
  try {
    return await themeIcon(storage, mark.body, mark.hash, kind);
  } catch (error) {
    log.warn({ err: error }, t('site.iconFailed', { source: 'assets/favicon.svg' }));
    return undefined;
  }
}

/** A stored file with its validator: 304 when the browser holds it already. `transform` rewrites the bytes read. */
async function sendFile(c: Context<AppEnv>, file: DerivedFile, contentType: string, cacheControl: string, transform?: (bytes: Buffer) => Buffer): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': contentType, etag: file.etag, 'cache-control': cacheControl, 'x-content-type-options': 'nosniff' };
  if (matches(c.req.header('if-none-match'), file.etag)) return new Response(null, { status: 304, headers });
  let read: Buffer | undefined;
  try {
    read = await readWhole(c.get('app').storage, file.key);
  } catch (error) {
    if (!(error instanceof StorageUnavailable)) throw error;
    return storageDown(c);
  }
  // Removed since it was found (its document deleted meanwhile).
  if (!read) return notFound(c);
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
