import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentLang, formatDate, formatDateTime, inLanguage, t } from './index.ts';
import { formatSize } from '../file-size.ts';

test('dates read in French, with "1er" on the first of the month', () => {
  assert.equal(formatDate('2013-04-12T08:30:00.000Z'), '12 avril 2013');
  assert.equal(formatDate('2014-08-01T09:00:00.000Z'), '1er août 2014');
  assert.equal(formatDate('2013-04-12T08:30:00.000Z', 'en'), '12 April 2013');
});

test('messages fill their placeholders in both languages', () => {
  assert.equal(t('article.printedFrom', { url: 'https://a.example/x' }), 'Imprimé depuis https://a.example/x');
  assert.equal(t('article.printedFrom', { url: 'https://a.example/x' }, 'en'), 'Printed from https://a.example/x');
  assert.equal(t('article.printedFrom'), 'Imprimé depuis {url}');
});

// Issue 16, item 13: the moderation queue wrote times in UTC ("22:52 UTC") while revisions showed Paris time.
test('times read in Paris time, winter and summer, whatever the server’s zone', () => {
  assert.equal(formatDateTime('2026-12-06T22:52:00.000Z'), '6 décembre 2026 à 23:52');
  assert.equal(formatDateTime('2013-04-12T10:30:00.000Z'), '12 avril 2013 à 12:30');
  assert.equal(formatDateTime('2014-08-01T09:00:00.000Z'), '1er août 2014 à 11:00');
  assert.equal(formatDateTime('2013-04-12T10:30:00.000Z', 'en'), '12 April 2013 at 12:30');
});

// Issue 22: the interface in English for real.
test('the English catalogue has every French key, none empty, with the same placeholders', async () => {
  const { fr } = await import('./fr.ts');
  const { en } = await import('./en.ts');
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort());
  for (const [key, french] of Object.entries(fr)) {
    const english = (en as Record<string, string>)[key]!;
    assert.ok(english.trim() !== '', `${key} is empty in English`);
    // The forum's help shows SPIP's shortcuts ({{gras}}, {italique}): words to translate, not placeholders.
    if (key === 'forum.help') continue;
    assert.deepEqual(placeholders(english), placeholders(french), `${key} has other placeholders in English`);
  }
});

test('a message or a date without a named language reads in the language of the work in progress', async () => {
  assert.equal(t('admin.form.save'), 'Enregistrer');
  assert.equal(await inLanguage('en', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return `${t('admin.form.save')} · ${formatDate('2014-08-01T09:00:00.000Z')} · ${formatSize(1_572_864)}`;
  }), 'Save · 1 August 2014 · 1.5 MB');
  assert.equal(inLanguage('fr', () => `${formatDate('2014-08-01T09:00:00.000Z')} · ${formatSize(1_572_864)}`), '1er août 2014 · 1,5 Mo');
  assert.equal(currentLang(), 'fr');
});
