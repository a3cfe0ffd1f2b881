import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorCatalogue, TisseError, untranslated, type ErrorCode } from './errors.ts';
import { ConfigError, loadConfig } from './config.ts';
import { fr } from './i18n/fr.ts';
import { en } from './i18n/en.ts';

const src = join(fileURLToPath(import.meta.url), '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
const isKey = (text: string) => Object.hasOwn(fr, text);

/**
 * The message argument of every `new TisseError(code, …)`, `new ForumRejection(reason, …)` and `new ConfigError(…)`
 * in src/: where it is written as a literal, its opening (quote or brace and what follows), with its place.
 */
function messageArguments(): { where: string; literal: string }[] {
  const found: { where: string; literal: string }[] = [];
  // The code or reason argument is a quoted word or an expression without commas (codes[reason]).
  const call = /new (?:TisseError|ForumRejection)\(\s*(?:'[\w]+'|[\w.[\]]+)\s*,\s*|new ConfigError\(\s*/g;
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(call)) {
      const at = match.index + match[0].length;
      const line = text.slice(0, at).split('\n').length;
      found.push({ where: `${relative(src, file)}:${line}`, literal: text.slice(at, at + 200) });
    }
  }
  return found;
}

test('no error is thrown with a sentence of its own: messages are catalogue keys', () => {
  const calls = messageArguments();
  assert.ok(calls.length > 100, `the scan found only ${calls.length} calls: has the constructor been renamed?`);
  const offenders: string[] = [];
  for (const { where, literal } of calls) {
    if (literal.startsWith('`')) offenders.push(`${where}: template literal ${literal.split('\n')[0]}`);
    const quoted = /^(['"])((?:\\.|(?!\1).)*)\1/.exec(literal);
    if (quoted && !isKey(quoted[2]!)) offenders.push(`${where}: ${quoted[0]} is not a catalogue key`);
    const keyed = /^\{\s*key:\s*(['"])([^'"]*)\1/.exec(literal);
    if (keyed && !isKey(keyed[2]!)) offenders.push(`${where}: ${keyed[2]} is not a catalogue key`);
  }
  assert.deepEqual(offenders, []);
});

// A schema's own messages are what a form shows next to a field: they are catalogue keys too (parseInput and the
// forum's parsePostFields render them in the reader's language). kernel/config.ts speaks to the operator on the
// command line and is left out, as are test files.
test('no schema writes a sentence of its own: zod messages are catalogue keys', () => {
  const offenders: string[] = [];
  for (const file of sources(src)) {
    const rel = relative(src, file);
    if (/\.test\.tsx?$/.test(rel) || rel === join('kernel', 'config.ts') || rel.startsWith(join('db', 'migrations'))) continue;
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/\.(?:min|max|refine|int|email|regex|length)\(/g)) {
      const message = lastQuotedArgument(text, call.index + call[0].length);
      if (message !== undefined && !isKey(message)) offenders.push(`${rel}:${text.slice(0, call.index).split('\n').length}: '${message}'`);
    }
  }
  assert.deepEqual(offenders, []);
});

/** The call's last argument when it is a single-quoted string (a schema's message), read up to the matching `)`. */
function lastQuotedArgument(text: string, from: number): string | undefined {
  let depth = 0;
  let lastComma = -1;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return undefined;
      i = end;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) {
        if (lastComma < 0) return undefined;
        const last = /^\s*'([^']*)'\s*$/.exec(text.slice(lastComma + 1, i));
        return last?.[1];
      }
      depth--;
    } else if (c === ',' && depth === 0) lastComma = i;
  }
  return undefined;
}

test('every errors.* key written in src/ exists in both catalogues', () => {
  const missing: string[] = [];
  for (const file of sources(src)) {
    if (file.includes(`${join('kernel', 'i18n')}`) || file.endsWith('errors.test.ts')) continue;
    for (const [, key] of readFileSync(file, 'utf8').matchAll(/['"`](errors\.[\w.]+)['"`]/g)) {
      if (!Object.hasOwn(fr, key!) || !Object.hasOwn(en, key!)) missing.push(`${relative(src, file)}: ${key}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('the French and English catalogues have the same keys, with the same placeholders', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort());
  // forum.help shows SPIP's {{bold}} and {italic} shortcuts, translated, not placeholders.
  const differ = Object.entries(fr)
    .filter(([key]) => key !== 'forum.help')
    .filter(([key, text]) => placeholders(text).join() !== placeholders(en[key as keyof typeof fr]).join())
    .map(([key]) => key);
  assert.deepEqual(differ, []);
});

test('every error code has a default message in both languages', () => {
  for (const code of Object.keys(errorCatalogue) as ErrorCode[]) {
    const error = new TisseError(code);
    assert.equal(error.status, errorCatalogue[code].status);
    assert.notEqual(error.message, '');
    assert.notEqual(error.messageIn('en'), error.message, `${code} has no English message`);
  }
  assert.equal(new TisseError('NOT_FOUND').message, 'Cette page n’existe pas ou plus.');
  assert.equal(new TisseError('NOT_FOUND').messageIn('en'), 'This page does not exist, or no longer does.');
  assert.equal(new TisseError('INTERNAL').status, 500);
});

test('an error reads in French by default and in English on demand, placeholders and fields included', () => {
  const error = new TisseError('CONFLICT', { key: 'errors.users.emailTaken', params: { email: 'a@b.example' } }, { fields: { email: 'errors.field.alreadyUsedFem' } });
  assert.equal(error.code, 'CONFLICT');
  assert.equal(error.status, 409);
  assert.equal(error.message, 'Un compte existe déjà pour a@b.example.');
  assert.equal(error.messageIn('en'), 'An account already exists for a@b.example.');
  assert.deepEqual(error.fields, { email: 'déjà utilisée' });
  assert.deepEqual(error.fieldsIn('en'), { email: 'already used' });
  assert.deepEqual(error.text, { key: 'errors.users.emailTaken', params: { email: 'a@b.example' } });
  assert.equal(new TisseError('NOT_FOUND', 'errors.articles.notFound').fields, undefined);
});

test('a message given as a placeholder value is translated with its host; untranslated text stays as it is', () => {
  const error = new TisseError('CONFLICT', { key: 'errors.articles.statusForbids', params: { status: { key: 'admin.status.trash' } } });
  assert.equal(error.message, 'Cet article est à la poubelle : cette action n’est plus possible.');
  assert.equal(error.messageIn('en'), 'This article is in the trash: this action is no longer possible.');
  const field = new TisseError('BAD_INPUT', { key: 'errors.invalidField', params: { label: { key: 'errors.label.title' }, message: 'titre obligatoire' } }, { fields: { title: untranslated('titre obligatoire') } });
  assert.equal(field.message, 'titre : titre obligatoire');
  assert.equal(field.messageIn('en'), 'title: titre obligatoire');
  assert.deepEqual(field.fieldsIn('en'), { title: 'titre obligatoire' });
});

test('a configuration error names the variable, in French by default', () => {
  let caught: unknown;
  try {
    loadConfig({ TISSE_DATABASE_URL: 'mysql://nope' });
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof ConfigError);
  assert.match(caught.message, /^Configuration invalide : TISSE_DATABASE_URL /);
  assert.match(caught.messageIn('en'), /^Invalid configuration: TISSE_DATABASE_URL /);
});

test('a schema message reaches the reader in their language, with the field’s label', async () => {
  const { z } = await import('zod');
  const { parseInput } = await import('./validation.ts');
  const schema = z.object({ title: z.string().trim().min(1, 'errors.field.titleRequired') });
  const refused = (() => {
    try {
      parseInput(schema, { title: '  ' }, { title: 'errors.label.title' });
    } catch (error) {
      return error as TisseError;
    }
    throw new Error('accepted');
  })();
  assert.equal(refused.code, 'BAD_INPUT');
  assert.equal(refused.message, 'titre : titre obligatoire');
  assert.equal(refused.messageIn('en'), `${en['errors.label.title']}: ${en['errors.field.titleRequired']}`);
  assert.deepEqual(refused.fieldsIn('en'), { title: en['errors.field.titleRequired'] });
});

test('a field whose schema gives no message gets the catalogue’s, never zod’s English sentence', async () => {
  const { z } = await import('zod');
  const { parseInput } = await import('./validation.ts');
  const schema = z.object({ security: z.enum(['starttls', 'tls', 'none']), host: z.string().max(3) });
  for (const [input, field, key] of [
    [{ security: 'ssl', host: 'a' }, 'security', 'errors.field.invalidValue'],
    [{ security: 'tls', host: 'abcd' }, 'host', 'errors.field.tooLong'],
  ] as const) {
    try {
      parseInput(schema, input);
      assert.fail('accepted');
    } catch (error) {
      const refused = error as TisseError;
      assert.equal(refused.fields?.[field], fr[key]);
      assert.equal(refused.fieldsIn('en')?.[field], en[key]);
      assert.doesNotMatch(refused.message, /Invalid|expected/);
    }
  }
});
