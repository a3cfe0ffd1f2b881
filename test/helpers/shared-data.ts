// The team's shared test data (../shared beside the repository: SPIP's fixtures and oracle corpus, the
// hostile-input corpus), read as JSON lines. Paths are relative to the repository root, where `npm test`
// runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every record of a JSON-lines file under ../shared (`readSharedJsonLines('security', 'xss-vectors.jsonl')`). */
export function readSharedJsonLines<T>(...path: string[]): T[] {
  return readFileSync(join(process.cwd(), '..', 'shared', ...path), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
