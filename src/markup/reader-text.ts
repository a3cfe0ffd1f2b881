// Text as readers see it, for the places that cannot hold HTML: a page's <title>, a search snippet, a meta
// description. It is the engine's own rendering (French typography applied, shortcuts gone) with its tags
// removed and its entities decoded, so a title reads `L’ESS` and never `L'ESS` or `{{L'ESS}}`.
// Only the engine's output is read here: its tags are well formed and `>` never appears inside an attribute.
import { decodeHTML } from 'entities';

/** Block boundaries become a space, so that two paragraphs or two cells do not run into one word. */
const BLOCK_TAG = /<\/?(?:p|br|li|ul|ol|h[1-6]|div|blockquote|table|thead|tbody|tr|td|th|caption|dl|dt|dd|hr|pre|textarea)\b[^>]*>/g;
/** A note call (`[1]`) and a model the page could not resolve (`<doc1|left>`) say nothing out of their page. */
const NOISE = /<span class="spip_note_ref">.*?<\/span>|<tt class="spip_lien_invalide">.*?<\/tt>/g;
const TAG = /<[^>]*>/g;
/** Ordinary white space only: U+00A0 is typography (`«&nbsp;ok&nbsp;»`) and stays. */
const SPACES = /[ \t\n\r\f]+/g;

/** The text of HTML written by the engine, tags removed, entities decoded, spaces collapsed. */
export function textOfHtml(html: string): string {
  return decodeHTML(html.replace(NOISE, '').replace(BLOCK_TAG, ' ').replace(TAG, '')).replace(SPACES, ' ').trim();
}
