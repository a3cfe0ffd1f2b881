import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalLanguageTag, interfaceLangOf, languageName, sameLanguage } from './language-tag.ts';

test('language tags are BCP 47, canonicalised; SPIP codes become tags', () => {
  assert.equal(canonicalLanguageTag('fr'), 'fr');
  assert.equal(canonicalLanguageTag('EN-gb'), 'en-GB');
  assert.equal(canonicalLanguageTag('pt_br'), 'pt-BR');
  for (const bad of ['', 'français', 'e', 'en--GB', 'en GB', '12', 'x-private', 'en-GB-<script>']) assert.equal(canonicalLanguageTag(bad), undefined, bad);
});

test('a regional variant is the same language; the interface falls back to the site’s', () => {
  assert.ok(sameLanguage('en', 'en-GB'));
  assert.ok(!sameLanguage('fr', 'en'));
  assert.equal(interfaceLangOf('en-GB', 'fr'), 'en');
  assert.equal(interfaceLangOf('de', 'fr'), 'fr');
  assert.equal(languageName('en'), 'English');
  assert.equal(languageName('fr'), 'Français');
});
