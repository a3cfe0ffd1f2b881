import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime, t } from './index.ts';

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
