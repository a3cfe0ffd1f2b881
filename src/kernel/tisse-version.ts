// The version of Tisse running, from its package.json: archives record it. Found by walking up from this file,
// which is src/kernel/ under tsx and dist/ in the bundle.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      const found = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (found.name === 'tisse' && found.version) return found.version;
    } catch {
      // not here: one level up
    }
    if (dirname(dir) === dir) return 'inconnue';
  }
}

export const TISSE_VERSION = findVersion();
