// Footnotes: `[[…]]`, a container of blocks; `[[<label>…]]` gives the call its own label, `[[<>…]]`
// has no call. Notes do not nest. A run of two `]` or more closes an open note (`…[->url]]]`: the last
// two close it); an unclosed note is folded back into the text.
//
//   [[ ( <label> )? blocks… ]]
import type { ScanConstruct } from '../construct.ts';

export const footnote: ScanConstruct = {
  name: 'footnote',
  starts: '[]',
  container: true,
  tokenize(scanner, p) {
    const src = scanner.src;
    if (src.charCodeAt(p) === 91) {
      if (src.charCodeAt(p + 1) !== 91 || scanner.openNotes !== 0 || !scanner.canOpen()) return -1;
      scanner.flushText(p);
      let j = p + 2;
      while (src.charCodeAt(j) === 32) j++;
      let label: string | null = null;
      if (src.charCodeAt(j) === 60) {
        let k = j + 1;
        while (k < src.length && k - j < 60) {
          const d = src.charCodeAt(k);
          if (d === 62 || d === 60 || d === 34 || d === 39 || d === 10) break;
          k++;
        }
        if (src.charCodeAt(k) === 62) {
          label = src.slice(j + 1, k).trim();
          j = k + 1;
        } else {
          j = p + 2;
        }
      } else {
        j = p + 2;
      }
      scanner.open('note', p, j, label);
      return (scanner.textStart = j);
    }
    // `]`: the whole run is read at once, so a long run costs its length once
    let k = p;
    while (src.charCodeAt(k) === 93) k++;
    if (k - p < 2 || scanner.openNotes === 0) return k;
    scanner.flushText(k - 2);
    while (scanner.top().kind !== 'note') scanner.dissolve();
    const b = scanner.close();
    scanner.add({ kind: 'note', inner: b.finish(), label: b.label, start: b.openStart, end: k });
    return (scanner.textStart = k);
  },
};
