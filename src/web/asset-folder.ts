// A folder of static files (CSS, tiny scripts) read once at start and served with a content hash in
// their URL, so browsers may cache them for a year. The public site and the back office each have one.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** src/, whether this module runs from its own file or from the bundle dist/tisse.mjs (scripts/build.mjs). */
export const sourceRoot = basename(here) === 'dist' ? join(here, '..', 'src') : join(here, '..');

const contentTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};

export interface Asset {
  body: Buffer;
  contentType: string;
  hash: string;
}

export interface AssetFolder {
  get(name: string): Asset | undefined;
  /** The URL of `name` with its content hash; throws for an unknown name (a typo in a template). */
  url(name: string): string;
}

/** `folder` is relative to src/, `urlPrefix` ends with a slash. */
export function loadAssetFolder(folder: string, urlPrefix: string): AssetFolder {
  const dir = join(sourceRoot, folder);
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(dir)) {
    const body = readFileSync(join(dir, name));
    assets.set(name, {
      body,
      contentType: contentTypes[extname(name)] ?? 'application/octet-stream',
      hash: createHash('sha1').update(body).digest('hex').slice(0, 10),
    });
  }
  return {
    get: (name) => assets.get(name),
    url(name) {
      const asset = assets.get(name);
      if (!asset) throw new Error(`unknown asset ${name} in ${folder}`);
      return `${urlPrefix}${name}?v=${asset.hash}`;
    },
  };
}
