// A referenced site as the theme receives it: its description rendered by the markup engine (SPIP's descriptif is
// markup), its address and its items' only if http(s); names and titles are plain text, escaped by the template.
import { propre } from '../markup/index.ts';
import { safeHtml } from '../kernel/trusted-html.ts';
import type { PublicSite } from '../sites/index.ts';

const httpUrl = (url: string) => (/^https?:\/\//i.test(url) ? url : '');

export function siteView(site: PublicSite) {
  return {
    id: site.id,
    name: site.name,
    url: httpUrl(site.url),
    description_html: safeHtml(propre(site.description).html),
    items: site.items.map((i) => ({ title: i.title, url: httpUrl(i.url), published_at: i.publishedAt })),
  };
}
