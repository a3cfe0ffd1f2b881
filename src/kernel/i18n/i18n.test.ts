import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, t } from './index.ts';

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
