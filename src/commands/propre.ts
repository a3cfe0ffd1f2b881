// `tisse propre`: the markup engine on the command line. Reads SPIP text on stdin and writes HTML on
// stdout (the footnotes block after the text); with --jsonl, reads one JSON object per line
// ({"id", "text", "fn": "propre"|"typo", "profile", "lang"}) and writes one JSON line per input line,
// in order, buffered so thousands of lines a second go through.
import { createInterface } from 'node:readline';
import { Option, type Command } from 'commander';
import { TisseError } from '../kernel/errors.ts';
import { propre, typo } from '../markup/index.ts';

type Profile = 'article' | 'forum';

interface JsonlRequest {
  id?: unknown;
  text?: unknown;
  fn?: unknown;
  profile?: unknown;
  lang?: unknown;
}

function asProfile(value: unknown): Profile | null {
  return value === undefined || value === null ? 'article' : value === 'article' || value === 'forum' ? value : null;
}

/** One JSONL line → one JSON answer (an `error` field when the line cannot be rendered). */
export function renderJsonLine(line: string, defaults: { lang: string }): string {
  let req: JsonlRequest;
  try {
    req = JSON.parse(line) as JsonlRequest;
  } catch {
    return JSON.stringify({ id: null, error: 'ligne JSON invalide' });
  }
  if (req === null || typeof req !== 'object' || Array.isArray(req)) return JSON.stringify({ id: null, error: 'un objet JSON est attendu' });
  const id = req.id ?? null;
  const profile = asProfile(req.profile);
  if (!profile) return JSON.stringify({ id, error: 'profile doit valoir article ou forum' });
  const fn = req.fn ?? 'propre';
  if (fn !== 'propre' && fn !== 'typo') return JSON.stringify({ id, error: 'fn doit valoir propre ou typo' });
  const text = typeof req.text === 'string' ? req.text : '';
  const lang = typeof req.lang === 'string' && /^[a-z]{2,3}(?:[_-][a-zA-Z]{2,4})?$/.test(req.lang) ? req.lang : defaults.lang;
  if (fn === 'typo') return JSON.stringify({ id, html: typo(text, { lang, profile }) });
  const out = propre(text, { profile, lang });
  return JSON.stringify(out.notes ? { id, html: out.html, notes: out.notes } : { id, html: out.html });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function runJsonl(lang: string): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let buffer: string[] = [];
  const flush = async () => {
    if (buffer.length === 0) return;
    const data = `${buffer.join('\n')}\n`;
    buffer = [];
    if (!process.stdout.write(data)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
  };
  for await (const line of lines) {
    buffer.push(renderJsonLine(line, { lang }));
    if (buffer.length >= 256) await flush();
  }
  await flush();
}

export function registerPropreCommand(program: Command): void {
  program
    .command('propre')
    .description('transforme un texte en raccourcis SPIP (lu sur l’entrée standard) en HTML')
    .addOption(new Option('--profile <profil>', 'profil de rendu').choices(['article', 'forum']).default('article'))
    .option('--typo', 'typographie seulement (titres) : les raccourcis restent tels quels')
    .option('--jsonl', 'lit une requête JSON par ligne {"id","text","fn","profile"} et écrit une réponse JSON par ligne')
    .option('--lang <langue>', 'langue du texte (typographie)', 'fr')
    .action(async (options: { profile: Profile; typo?: boolean; jsonl?: boolean; lang: string }) => {
      if (!/^[a-z]{2,3}(?:[_-][a-zA-Z]{2,4})?$/.test(options.lang)) throw new TisseError('BAD_INPUT', { key: 'errors.cli.unknownLang', params: { lang: options.lang } });
      if (options.jsonl) return runJsonl(options.lang);
      const text = await readAll(process.stdin);
      if (options.typo) {
        process.stdout.write(`${typo(text, { lang: options.lang, profile: options.profile })}\n`);
        return;
      }
      const out = propre(text, { profile: options.profile, lang: options.lang });
      process.stdout.write(`${out.html}\n${out.notes ? `${out.notes}\n` : ''}`);
    });
}
