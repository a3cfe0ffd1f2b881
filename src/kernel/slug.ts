// URL slugs: lowercase ASCII words joined by hyphens, as readable in a French address bar.
const ligatures: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };

export function slugify(text: string, maxLength = 80): string {
  const ascii = text
    .replace(/[œŒæÆß]/g, (c) => ligatures[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  let slug = '';
  let pendingHyphen = false;
  for (const char of ascii) {
    if ((char >= 'a' && char <= 'z') || (char >= '0' && char <= '9')) {
      if (pendingHyphen && slug !== '') slug += '-';
      slug += char;
      pendingHyphen = false;
    } else {
      pendingHyphen = true;
    }
    if (slug.length >= maxLength) break;
  }
  return slug.replace(/-+$/, '') || 'sans-titre';
}

/** What slugify makes: lowercase ASCII letters and digits in words joined by single hyphens, at most `maxLength`. */
export function isSlug(text: string, maxLength = 80): boolean {
  return text.length <= maxLength && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(text);
}
