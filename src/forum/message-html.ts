// A message's text as readers see it (the forum profile of the markup engine), made once when the message is
// posted and kept with the engine version that made it (migration 032): threads are read far more often than
// written. A message kept by another version, or imported without its HTML, is rendered when read.
import { MARKUP_ENGINE_VERSION, propre } from '../markup/index.ts';

export interface StoredMessageHtml {
  html: string;
  html_version: string;
}

/** The columns a message is stored with. */
export function renderMessageHtml(text: string): StoredMessageHtml {
  return { html: propre(text, { profile: 'forum' }).html, html_version: MARKUP_ENGINE_VERSION };
}

/** The message's HTML: the stored one when this engine made it, else rendered now. */
export function messageHtml(row: { text: string; html: string | null; html_version: string | null }): string {
  return row.html !== null && row.html_version === MARKUP_ENGINE_VERSION ? row.html : propre(row.text, { profile: 'forum' }).html;
}
