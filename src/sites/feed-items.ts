// A fetched feed (RSS 0.9x/2.0, RDF, Atom) read into the items Tisse keeps, as plain text: @rowanmanning/feed-parser
// reads the XML (leniently, as feeds are in the wild); titles and summaries have their markup removed here (parse5:
// the text of the HTML, nothing of script or style), so a hostile title is words, escaped wherever it shows.
import { parseFeed } from '@rowanmanning/feed-parser';
import { parseFragment } from 'parse5';
import { FeedFetchError } from './feed-fetch.ts';

export interface FeedItem {
  guid: string;
  url: string;
  title: string;
  summary: string;
  publishedAt: string | null;
}

/** The newest items a site keeps. */
export const MAX_ITEMS = 50;

interface Node {
  nodeName: string;
  value?: string;
  childNodes?: Node[];
}

/** The text a reader would see of `html`, spaces collapsed, at most `max` characters. */
export function plainText(html: string, max: number): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === '#text') parts.push(node.value ?? '');
    if (node.nodeName === 'script' || node.nodeName === 'style' || node.nodeName === 'template') return;
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parseFragment(html.slice(0, 200_000)) as unknown as Node);
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  return text.length > max ? text.slice(0, max - 1).replace(/\s+\S*$/, '') + '…' : text;
}

function decode(body: Buffer): string {
  // The XML declaration names the encoding; UTF-8 otherwise (and for any label TextDecoder does not know).
  const declared = /^[^>]{0,200}encoding=["']([\w.:-]+)["']/.exec(body.subarray(0, 200).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

const httpUrl = (value: string | null | undefined) => (value && /^https?:\/\//i.test(value) ? value.slice(0, 2000) : '');

export function readFeedItems(body: Buffer): FeedItem[] {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(decode(body));
  } catch {
    throw new FeedFetchError('malformed', 'le flux n’est ni du RSS ni de l’Atom lisible');
  }
  const items: FeedItem[] = [];
  for (const item of feed.items.slice(0, MAX_ITEMS)) {
    const title = plainText(item.title ?? '', 300);
    const url = httpUrl(item.url);
    const guid = (item.id ?? url ?? title).slice(0, 500);
    if (!guid || (!title && !url)) continue;
    const published = item.published ?? item.updated;
    items.push({
      guid,
      url,
      title: title || url,
      summary: plainText(item.description ?? item.content ?? '', 500),
      publishedAt: published && !Number.isNaN(published.getTime()) ? published.toISOString() : null,
    });
  }
  return items;
}
