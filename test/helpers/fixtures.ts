// The data the tests read, in test/fixtures/ (copies of files of the team's shared folder, made and refreshed by
// scripts/refresh-fixtures.mjs; test/fixtures/README.md says where each file comes from). Paths are resolved
// from this file, not from the working directory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The path of a file or folder under test/fixtures/ (`fixturePath('spip-site', 'labo-ess.sqlite')`). */
export function fixturePath(...path: string[]): string {
  return join(root, ...path);
}

/** Every record of a JSON-lines file under test/fixtures/ (`readFixtureJsonLines('security', 'xss-vectors.jsonl')`). */
export function readFixtureJsonLines<T>(...path: string[]): T[] {
  return readFileSync(fixturePath(...path), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
