// The values of a theme's settings as an administrator sends them: a colour is #rrggbb and readable on its
// background, a choice is one of the options, and anything else refuses the whole set with a message per field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseThemeValues, readManifest, themeValues, type ThemeManifest } from './index.ts';
import { isTisseError } from '../kernel/errors.ts';

const read = readManifest(join(import.meta.dirname, '..', '..', 'themes', 'default'));
if (!read.ok) throw new Error(read.problem);
const manifest: ThemeManifest = read.manifest;
const valid = { accent_color: '#0F5E56', heading_color: '#1b2a2f', heading_font: 'sans', body_font: 'serif', logo_placement: 'alone', show_tagline: 'on' };

function fieldsOf(input: Record<string, unknown>): Record<string, string> {
  try {
    parseThemeValues(manifest, input);
  } catch (error) {
    assert.ok(isTisseError(error) && error.code === 'BAD_INPUT');
    return error.fields ?? {};
  }
  assert.fail('accepted');
}

test('a valid set is kept, colours in lower case, an absent checkbox is no', () => {
  assert.deepEqual(parseThemeValues(manifest, valid), { ...valid, accent_color: '#0f5e56', show_tagline: true });
  assert.equal(parseThemeValues(manifest, { ...valid, show_tagline: undefined }).show_tagline, false);
});

test('CSS written in a colour field is refused, with the field named', () => {
  const fields = fieldsOf({ ...valid, accent_color: 'red;}</style><script>alert(1)</script>' });
  assert.deepEqual(Object.keys(fields), ['theme.accent_color']);
  assert.match(fields['theme.accent_color']!, /#rrggbb/);
});

test('a colour too pale to read on the theme’s light background is refused with its ratio, long or short', () => {
  assert.match(fieldsOf({ ...valid, accent_color: '#ffff00' })['theme.accent_color']!, /contraste trop faible \(1,0:1/);
  // #fff is #ffffff: the short form does not skip the floor.
  assert.match(fieldsOf({ ...valid, heading_color: '#fff' })['theme.heading_color']!, /contraste trop faible \(1,1:1/);
  assert.equal(parseThemeValues(manifest, { ...valid, accent_color: '#036' }).accent_color, '#003366');
});

test('a choice outside the options is refused; stored values that no longer fit read as the defaults', () => {
  assert.deepEqual(Object.keys(fieldsOf({ ...valid, heading_font: 'comic', body_font: '' })), ['theme.heading_font', 'theme.body_font']);
  const read = themeValues(manifest, { accent_color: 'red', heading_font: 'comic', logo_placement: 'alone' });
  assert.equal(read.accent_color, '#0f5e56');
  assert.equal(read.heading_font, 'serif');
  assert.equal(read.logo_placement, 'alone');
});
