// A template's failure told the way people can act on it: which file, which line, what went wrong, in French
// (English with messageIn('en')). LiquidJS's own wording is kept as the detail.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { render, type Lang } from '../kernel/i18n/index.ts';

export interface TemplateProblem {
  /** The file at fault (relative to `root` when given), or the template name when no file is known. */
  file: string;
  line: number | undefined;
  kind: 'parse' | 'variable' | 'argument' | 'setting' | 'filter' | 'include' | 'render' | 'manifest' | 'missing';
  detail: string;
  /** For a partial's problem that one call causes (a variable it does not pass): where that call is. */
  via?: { file: string; line: number } | undefined;
}

interface LiquidLike {
  message: string;
  name?: string;
  originalError?: unknown;
  token?: { file?: string; input?: string; getPosition?: () => [number, number] };
}

/** The innermost LiquidJS error (a failure inside an included file is wrapped by each file that includes it). */
function innermost(error: unknown): LiquidLike {
  let current = error as LiquidLike;
  while (current.originalError && typeof current.originalError === 'object' && (current.originalError as LiquidLike).token) current = current.originalError as LiquidLike;
  return current;
}

/**
 * The file a failing token comes from. LiquidJS names it for most errors, not for an undefined variable met
 * while rendering: that token carries the file's text only, so the file is the one of `roots` with that text.
 */
function fileOf(token: LiquidLike['token'], roots: string[]): string | undefined {
  if (token?.file) return token.file;
  if (token?.input === undefined) return undefined;
  const walk = (dir: string): string[] => {
    try {
      return readdirSync(dir).flatMap((entry) => (statSync(join(dir, entry)).isDirectory() ? walk(join(dir, entry)) : entry.endsWith('.liquid') ? [join(dir, entry)] : []));
    } catch {
      return [];
    }
  };
  for (const root of roots) for (const path of walk(root)) if (readFileSync(path, 'utf8') === token.input) return path;
  return undefined;
}

/** A LiquidJS failure as a problem; file names are relative to the root holding them (overrides first). */
export function describeError(error: unknown, name: string, roots: string[] = []): TemplateProblem {
  const inner = innermost(error);
  const original = (inner.originalError as Error | undefined)?.message ?? inner.message;
  const detail = original.replace(/, file:.*$/s, '').replace(/, line:\d+, col:\d+$/, '');
  const path = fileOf(inner.token, roots);
  const root = path && roots.find((r) => path.startsWith(r + '/'));
  const file = path ? (root ? relative(root, path) : path) : `${name}.liquid`;
  const line = inner.token?.getPosition?.()[0];
  const kind = /undefined variable/i.test(detail)
    ? 'variable'
    : /undefined filter/i.test(detail)
      ? 'filter'
      : /Failed to lookup|ENOENT/i.test(detail)
        ? 'include'
        : inner.name === 'RenderError'
          ? 'render'
          : 'parse';
  return { file, line, kind, detail };
}

/**
 * One line for a log or a terminal: « article.liquid, ligne 3 : variable inconnue (undefined variable: foo) »,
 * « partials/listing.liquid, ligne 7 : variable que l’appel ne transmet pas (website) ; appel : author.liquid, ligne 9 ».
 */
export function problemText(problem: TemplateProblem, lang: Lang = 'fr'): string {
  const where = problem.line ? render({ key: 'themes.where', params: { file: problem.file, line: problem.line } }, lang) : problem.file;
  const what = render({ key: `themes.problem.${problem.kind}`, params: { detail: problem.detail } }, lang);
  const via = problem.via ? `${lang === 'fr' ? ' ;' : ';'} ${render({ key: 'themes.via', params: { where: { key: 'themes.where', params: problem.via } } }, lang)}` : '';
  return `${where}${lang === 'fr' ? ' :' : ':'} ${what}${via}`;
}
