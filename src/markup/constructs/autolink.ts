// Bare URLs become links (TextWheel's "autoliens"): `http://…`, `https://…`, `ftp://…`, `www.…`.
//
//   (start | non-word) ( https?:// | ftp:// | www. ) url-chars+      minus trailing . , ; : ! ? ) '
//
// The end is found by a plain character scan; trailing punctuation belongs to the sentence.

function isUrlChar(c: number): boolean {
  // stop at whitespace, quotes, angle brackets, SPIP brackets/braces, placeholders
  if (c <= 32 || c === 34 || c === 60 || c === 62 || c === 91 || c === 93 || c === 123 || c === 125 || c === 124) return false;
  if (c === 0xe000 || c === 0xe001 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000) return false;
  return true;
}

export function autolinkStartAt(text: string, pos: number): number {
  // returns the prefix length when a URL starts here
  const c = text.charCodeAt(pos);
  if (c === 104 || c === 72) {
    if (/^https?:\/\//i.test(text.slice(pos, pos + 8))) return text.charCodeAt(pos + 4) === 58 ? 7 : 8;
    return 0;
  }
  if (c === 102 || c === 70) return /^ftp:\/\//i.test(text.slice(pos, pos + 6)) ? 6 : 0;
  if (c === 119 || c === 87) return /^www\./i.test(text.slice(pos, pos + 4)) ? 4 : 0;
  return 0;
}

/** End of the URL starting at `pos` whose scheme/prefix is `prefix` characters long; 0 when too short. */
export function readAutolink(text: string, pos: number, end: number, prefix: number): number {
  let i = pos + prefix;
  while (i < end && isUrlChar(text.charCodeAt(i))) i++;
  while (i > pos + prefix && ".,;:!?)'\u2019".includes(text[i - 1] as string)) i--;
  if (i - (pos + prefix) < 2) return 0;
  // a host needs a dot or a path
  const rest = text.slice(pos + prefix, i);
  if (prefix === 4 && !rest.includes('.')) return 0;
  return i;
}
