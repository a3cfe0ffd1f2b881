// Property tests (fast-check), for both profiles: any text renders without throwing, the HTML is
// well-formed (parse5 re-serialises it unchanged), and it holds only the profile's elements,
// attributes and URL schemes.
import { test } from 'node:test';
import fc from 'fast-check';
import { propre, typo } from './index.ts';
import { checkHtml } from '../../test/helpers/markup-output-check.ts';
import { oracleResolver } from '../../test/helpers/markup-conformance.ts';

const TOKENS = [
  '{{', '}}', '{', '}', '{{{', '}}}', '[', ']', '[[', ']]', '->', '<-', '[->', '|', '||', '-*', '-#', '-**', '- ', '-- ', '----', '_ ',
  '\n', '\n\n', ' ', '~', "'", '!', '?', ':', ';', '«', '»', '&', '&amp;', '&lt;', '&#x3c;', '&nbsp;', '<', '>', '"', '\\',
  '<quote>', '</quote>', '<poesie>', '</poesie>', '<code>', '</code>', '<cadre>', '</cadre>', '<html>', '</html>', '<math>$x$</math>',
  '<multi>[fr]a[en]b</multi>', '<q>', '</q>', '<del>', '</del>', '<ins>', '</ins>', '<b>', '</b>', '<i>', '</i>', '<a href="http://x.y">', '</a>',
  '<a href="javascript:alert(1)">', '<div>', '</div>', '<p>', '</p>', '<table>', '<tr>', '<td>', '</td>', '</tr>', '</table>', '<ul>', '<li>', '</ul>',
  '<h3>', '</h3>', '<pre>', '</pre>', '<script>alert(1)</script>', '<style>x</style>', '<img src=x onerror=alert(1)>', '<img src="http://x.y/i.png">',
  '<iframe src="https://www.youtube.com/embed/x"></iframe>', '<svg onload=alert(1)>', '<!-- c -->', '<br>', '<br/>', '<hr>', '<span style="color:red">',
  '</span>', '<doc5|left>', '<img1>', '<emb3>', '<modele|x=1>', '[x->http://a.b]', '[->art12]', '[->rub3]', '[a<-]', '[?SPIP]', '[!glossaire]',
  'http://a.b/c?d=1', 'www.x.org', 'mailto:a@b.c', '[t->javascript:alert(1)]', '[t->data:text/html,x]', '| a | b |', '|{{h}}|', '|<|', '|^|',
  '<dl>', '<dt>', '<dd>', '<caption>', '<thead>', '<col>', '<h2>', '<li>', '<blockquote>', '</blockquote>', '\u0000', '\uE000', '\r\n', '\t',
];

const spipText = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: 40 }).map((parts) => parts.join(''));

for (const profile of ['article', 'forum'] as const) {
  test(`${profile}: any text renders well-formed, allowed HTML`, () => {
    fc.assert(
      fc.property(spipText, (text) => {
        const out = propre(text, { profile, resolve: oracleResolver, iframeHosts: ['youtube.com'] });
        checkHtml(out.html, profile);
        checkHtml(out.notes, profile);
        checkHtml(typo(text, { profile }), profile);
      }),
      { numRuns: Number(process.env.MARKUP_PROPERTY_RUNS ?? 3000) },
    );
  });

  test(`${profile}: arbitrary unicode renders well-formed`, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const out = propre(text, { profile });
        checkHtml(out.html, profile);
      }),
      { numRuns: 1000 },
    );
  });
}
