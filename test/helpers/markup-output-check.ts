// Checks used by the tests on any HTML the engine produced: well-formed (parse5 re-serialises it
// unchanged) and made only of the profile's elements, attributes and URL schemes.
import assert from 'node:assert/strict';
import { parseFragment, serialize, type DefaultTreeAdapterMap } from 'parse5';
import { outputAllowList, type ProfileName } from '../../src/markup/profiles.ts';

type P5Node = DefaultTreeAdapterMap['node'];

export function checkHtml(html: string, profile: ProfileName): void {
  assert.equal(serialize(parseFragment(html)), html, `not well-formed:\n${html}`);
  const allow = outputAllowList(profile);
  const walk = (nodes: P5Node[]) => {
    for (const n of nodes) {
      if (!('tagName' in n)) continue;
      const el = n as DefaultTreeAdapterMap['element'];
      const attrs = allow.get(el.tagName);
      assert.ok(attrs, `element <${el.tagName}> not allowed in ${profile}:\n${html}`);
      for (const a of el.attrs) {
        assert.ok(attrs.has(a.name), `attribute ${a.name} on <${el.tagName}> not allowed in ${profile}:\n${html}`);
        if (a.name === 'href' || a.name === 'src' || a.name === 'cite') {
          const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(a.value.replace(/[\t\n\r]/g, '').trim());
          assert.ok(!scheme || ['http', 'https', 'mailto'].includes((scheme[1] as string).toLowerCase()), `URL scheme in ${a.name}="${a.value}":\n${html}`);
        }
      }
      walk(el.childNodes);
    }
  };
  walk(parseFragment(html).childNodes);
}
