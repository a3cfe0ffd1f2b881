// Finds interface text written in place instead of taken from the catalogue (kernel/i18n): such a string stays
// French when the site or the person reads in English (issue 22). Checked by `npm run lint`:
// - back-office pages and routes (src/admin, src/site, src/web, src/forum *.tsx): text between JSX tags, the
//   literal value of an attribute people read (title, placeholder, aria-label, alt, label), and any string
//   literal that reads as French (an accented letter or a French apostrophe between letters);
// - the default theme's templates: text between tags outside {{ }} and {% %}, and the same attributes.
// What is meant to stay as written (a language's own name, a brand) is listed in ALLOWED.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@babel/parser';

/** Text that is the same in every language: language names in themselves, symbols. */
const ALLOWED = new Set(['Français', 'English', 'https://']);

/** Templates that write CSS, not text for people. */
const NOT_TEXT = /(^|\/)(theme-style|font-stack)\.liquid$/;

const READ_ATTRIBUTES = new Set(['title', 'placeholder', 'aria-label', 'alt', 'label']);

/** Letters of two or more in a row: words, not punctuation or symbols. */
const WORDS = /\p{L}{2,}/u;
/** What only French text has among the project's literals: an accented letter, or ’ between letters. */
const FRENCH = /[àâçéèêëîïôûùüÿœÀÂÇÉÈÊÔŒ]|\p{L}’\p{L}/u;

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, pattern) : pattern.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** A node of Babel's syntax tree, as far as this walk reads it. */
interface SyntaxNode {
  type: string;
  loc?: { start: { line: number } } | null;
  [key: string]: unknown;
}

/** Hard-coded interface strings of one TypeScript source, as "file:line: « text »". */
export function hardCodedInSource(fileName: string, text: string): string[] {
  const tree = parse(text, { sourceType: 'module', plugins: fileName.endsWith('.tsx') ? ['typescript', 'jsx'] : ['typescript'] });
  const found: string[] = [];
  const report = (node: SyntaxNode, value: string) => {
    const trimmed = value.trim().replace(/\s+/g, ' ');
    if (!ALLOWED.has(trimmed)) found.push(`${fileName}:${node.loc?.start.line ?? 0}: « ${trimmed.slice(0, 60)} »`);
  };
  const visit = (node: SyntaxNode, parent: SyntaxNode | undefined): void => {
    if (node.type === 'JSXText' && WORDS.test(String(node.value))) report(node, String(node.value));
    else if (node.type === 'StringLiteral' && parent?.type === 'JSXAttribute' && READ_ATTRIBUTES.has(String((parent.name as SyntaxNode).name)) && WORDS.test(String(node.value))) {
      report(node, String(node.value));
    } else if (node.type === 'StringLiteral' && FRENCH.test(String(node.value))) report(node, String(node.value));
    else if (node.type === 'TemplateElement' && FRENCH.test(String((node.value as { cooked?: string }).cooked ?? ''))) report(node, String((node.value as { cooked?: string }).cooked));
    for (const [key, child] of Object.entries(node)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments') continue;
      if (Array.isArray(child)) for (const item of child) if (item && typeof item === 'object' && 'type' in item) visit(item as SyntaxNode, node);
      if (child && typeof child === 'object' && 'type' in child) visit(child as SyntaxNode, node);
    }
  };
  visit(tree.program as unknown as SyntaxNode, undefined);
  return found;
}

/** Hard-coded interface strings of one Liquid template. */
export function hardCodedInTemplate(fileName: string, text: string): string[] {
  const found: string[] = [];
  // Blanks of the same length keep the line numbers: comments, raw blocks, scripts and styles, then the tags.
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  let rest = text
    .replace(/{%-?\s*comment\s*-?%}[\s\S]*?{%-?\s*endcomment\s*-?%}/g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, blank);
  for (const match of rest.matchAll(/\s(title|placeholder|aria-label|alt|label)="([^"{]*)"/g)) {
    if (WORDS.test(match[2]!) && !ALLOWED.has(match[2]!.trim())) found.push(`${fileName}:${lineAt(rest, match.index!)}: « ${match[2]} »`);
  }
  rest = rest.replace(/{{[\s\S]*?}}|{%[\s\S]*?%}/g, blank).replace(/<[^>]*>/g, blank);
  for (const match of rest.matchAll(/[^\s][^\n]*/g)) {
    const words = match[0].trim();
    if (WORDS.test(words) && !ALLOWED.has(words)) found.push(`${fileName}:${lineAt(rest, match.index!)}: « ${words.slice(0, 60)} »`);
  }
  return found;
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Every hard-coded interface string of the project, relative to `root`. */
export function hardCodedInterfaceStrings(root: string): string[] {
  const src = join(root, 'src');
  const sources = [
    ...['admin', 'site', 'web'].flatMap((dir) => filesUnder(join(src, dir), /\.tsx?$/)),
    ...filesUnder(join(src, 'forum'), /\.tsx$/),
  ];
  const templates = filesUnder(join(root, 'themes'), /\.liquid$/).filter((file) => !NOT_TEXT.test(file));
  return [
    ...sources.flatMap((file) => hardCodedInSource(relative(root, file), readFileSync(file, 'utf8'))),
    ...templates.flatMap((file) => hardCodedInTemplate(relative(root, file), readFileSync(file, 'utf8'))),
  ];
}
