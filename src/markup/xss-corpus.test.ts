// The hostile-input corpus, checked statically (the browser test in test/e2e/markup-xss.test.ts runs it
// in Chromium): for both profiles, every payload renders well-formed, allow-listed HTML with nothing
// executable in it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadXssVectors } from '../../test/helpers/xss.ts';
import { executableParts } from '../../test/helpers/markup-conformance.ts';
import { propre } from './index.ts';
import { checkHtml } from '../../test/helpers/markup-output-check.ts';

for (const profile of ['forum', 'article'] as const) {
  test(`xss corpus, ${profile} profile: allow-listed, well-formed, nothing executable`, () => {
    for (const v of loadXssVectors()) {
      const out = propre(v.payload, { profile });
      for (const html of [out.html, out.notes]) {
        checkHtml(html, profile);
        assert.deepEqual(executableParts(html), [], `${v.id}: ${html}`);
      }
    }
  });
}
