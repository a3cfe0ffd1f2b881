// The back office's own static files (CSS, the editor's small script), served under /ecrire/assets/ with a
// content hash in the URL, like the public site's.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'assets');
const types: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

const assets = new Map<string, { body: Buffer; contentType: string; hash: string }>();
for (const name of readdirSync(dir)) {
  const body = readFileSync(join(dir, name));
  assets.set(name, { body, contentType: types[extname(name)] ?? 'application/octet-stream', hash: createHash('sha1').update(body).digest('hex').slice(0, 10) });
}

export function getAdminAsset(name: string) {
  return assets.get(name);
}

export function adminAssetUrl(name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`unknown admin asset ${name}`);
  return `/ecrire/assets/${name}?v=${asset.hash}`;
}
