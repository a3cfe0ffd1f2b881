// The "Nous suivre" links as people edit them: one per line, "label | address", the kind of account guessed from
// the address (a feed, Mastodon, Bluesky…) for the theme's icons. The one reader and writer of that text.
import { TisseError } from '../kernel/errors.ts';
import { followLinkSchema, type FollowLink } from './settings.ts';

function kindOf(url: string): FollowLink['kind'] {
  if (/rss/i.test(url)) return 'rss';
  if (/atom/i.test(url)) return 'atom';
  for (const kind of ['mastodon', 'bluesky', 'linkedin', 'facebook', 'youtube'] as const) if (url.includes(kind) || (kind === 'bluesky' && url.includes('bsky'))) return kind;
  return 'other';
}

/** The links of a text, in order; a line without its bar, its label or a usable address refuses the whole text (field `followLinks`). */
export function parseFollowLinks(text: string): FollowLink[] {
  const links: FollowLink[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const params = { line: index + 1 };
    const bar = line.lastIndexOf('|');
    if (bar < 0) throw new TisseError('BAD_INPUT', { key: 'errors.settings.followLinkFormat', params }, { fields: { followLinks: { key: 'errors.field.followLinkFormat', params } } });
    const label = line.slice(0, bar).trim();
    const url = line.slice(bar + 1).trim();
    if (!label) throw new TisseError('BAD_INPUT', { key: 'errors.settings.followLinkLabel', params }, { fields: { followLinks: { key: 'errors.field.followLinkLabel', params } } });
    const link = followLinkSchema.safeParse({ label, url, kind: kindOf(url) });
    if (!link.success) throw new TisseError('BAD_INPUT', { key: 'errors.settings.followLinkAddress', params }, { fields: { followLinks: { key: 'errors.field.followLinkAddress', params } } });
    links.push(link.data);
  }
  return links;
}

/** The links as the text field shows them. */
export function followLinksText(links: readonly FollowLink[]): string {
  return links.map((link) => `${link.label} | ${link.url}`).join('\n');
}
