// Static assets (CSS, tiny scripts) shipped in src/site/assets/, served under /assets/ with a content
// hash in the URL so browsers may cache them for a year.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'assets');

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

const assets = new Map<string, Asset>();
for (const name of readdirSync(dir)) {
  const body = readFileSync(join(dir, name));
  assets.set(name, {
    body,
    contentType: contentTypes[extname(name)] ?? 'application/octet-stream',
    hash: createHash('sha1').update(body).digest('hex').slice(0, 10),
  });
}

export function getAsset(name: string): Asset | undefined {
  return assets.get(name);
}

export function assetUrl(name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`unknown asset ${name}`);
  return `/assets/${name}?v=${asset.hash}`;
}
