// A theme's static files (CSS, small scripts, images) under its assets/ folder, read once per load with a hash
// of their content. Several folders may be given: a file of an earlier one (the site's overrides) wins.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

export interface ThemeAsset {
  body: Buffer;
  contentType: string;
  hash: string;
}

const contentTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Only these kinds are served: a theme folder holding anything else (a .liquid, notes) does not publish it. */
export const ASSET_EXTENSIONS = Object.keys(contentTypes);

export function readThemeAssets(folders: string[]): Map<string, ThemeAsset> {
  const assets = new Map<string, ThemeAsset>();
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) {
      const type = contentTypes[extname(name).toLowerCase()];
      if (!type || assets.has(name) || !statSync(join(folder, name)).isFile()) continue;
      const body = readFileSync(join(folder, name));
      assets.set(name, { body, contentType: type, hash: createHash('sha1').update(body).digest('hex').slice(0, 10) });
    }
  }
  return assets;
}
