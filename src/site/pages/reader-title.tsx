// A title as readers see it, the one way every public page writes one: SPIP's typo() applied (French
// typography: `L’ESS`, non-breaking spaces before `:` and inside « »), so a list, a breadcrumb, a menu and the
// article's own heading show the same title. Where no HTML may go (`<title>`, an attribute) the same text is
// given as text (markup's typoText).
import type { FC } from 'hono/jsx';
import { typo } from '../../markup/index.ts';
import { markupHtml } from '../../kernel/trusted-html.ts';

export { typoText as titleText } from '../../markup/index.ts';

export const Title: FC<{ text: string; lang?: string; profile?: 'article' | 'forum' }> = ({ text, lang, profile }) =>
  markupHtml(typo(text, { ...(lang ? { lang } : {}), ...(profile ? { profile } : {}) }));
