// The glossary page /glossaire (every term A–Z with its anchor, definition, presentation, link and the published
// articles that use it); also the list of definitions printed after an article.
import type { FC } from 'hono/jsx';
import type { GlossaryTerm } from '../../db/schema.ts';
import { typo } from '../../markup/index.ts';
import { t, type Lang } from '../../kernel/i18n/index.ts';
import { termVariants, type ArticleUse } from '../../glossary/index.ts';
import { markupHtml } from '../../kernel/trusted-html.ts';
import { Breadcrumb } from './layout.tsx';

/** The letter a term is filed under: its first letter without accent, or « # » for digits and signs. */
export function letterOf(term: string): string {
  const first = term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').charAt(0).toUpperCase();
  return first >= 'A' && first <= 'Z' ? first : '#';
}

const letterId = (letter: string) => (letter === '#' ? 'lettre-autres' : `lettre-${letter.toLowerCase()}`);

export interface GlossaryPageProps {
  terms: GlossaryTerm[];
  uses: Map<string, ArticleUse[]>;
  /** Term id → its presentation as HTML, rendered with the page's resolver (internal links resolved). */
  presentations: Map<number, string>;
  lang?: Lang;
}

export const GlossaryPage: FC<GlossaryPageProps> = ({ terms, uses, presentations, lang = 'fr' }) => {
  const groups = new Map<string, GlossaryTerm[]>();
  for (const term of terms) {
    const letter = letterOf(term.term);
    const group = groups.get(letter);
    if (group) group.push(term);
    else groups.set(letter, [term]);
  }
  return (
    <>
      <Breadcrumb
        crumbs={[
          { label: t('site.home', {}, lang), href: '/' },
          { label: t('site.glossary', {}, lang), href: '/glossaire' },
        ]}
        lang={lang}
      />
      <div class="glossary-page">
        <h1>{t('site.glossary', {}, lang)}</h1>
        {terms.length === 0 ? <p>{t('glossary.empty', {}, lang)}</p> : null}
        {groups.size > 1 ? (
          <nav class="glossary-letters" aria-label={t('glossary.letters', {}, lang)}>
            <ul>
              {[...groups.keys()].map((letter) => (
                <li>
                  <a href={`#${letterId(letter)}`}>{letter}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {[...groups].map(([letter, group]) => (
          <section class="glossary-letter" aria-labelledby={letterId(letter)}>
            <h2 id={letterId(letter)}>{letter}</h2>
            {group.map((term) => (
              <GlossaryEntry term={term} uses={uses.get(term.slug) ?? []} presentation={presentations.get(term.id)} lang={lang} />
            ))}
          </section>
        ))}
      </div>
    </>
  );
};

const GlossaryEntry: FC<{ term: GlossaryTerm; uses: ArticleUse[]; presentation: string | undefined; lang: Lang }> = ({ term, uses, presentation, lang }) => {
  const variants = termVariants(term);
  return (
    <section class="glossary-entry" aria-labelledby={term.slug}>
      <h3 id={term.slug} tabindex={-1}>
        {term.term}
      </h3>
      {variants.length > 0 ? <p class="glossary-entry__variants">{t('glossary.variants', { list: variants.join(', ') }, lang)}</p> : null}
      <p class="glossary-entry__definition">{markupHtml(typo(term.definition, { lang }))}</p>
      {presentation ? <div class="glossary-entry__presentation">{markupHtml(presentation)}</div> : null}
      {term.link_url ? (
        <p class="glossary-entry__link">
          <a href={term.link_url}>
            {t('glossary.moreAbout', {}, lang)}
            <span class="visually-hidden"> : {term.term}</span>
          </a>
        </p>
      ) : null}
      {uses.length > 0 ? (
        <>
          <h4 class="glossary-entry__articles-title">{t('glossary.articles', {}, lang)}</h4>
          <ul class="glossary-entry__articles">
            {uses.map((use) => (
              <li>
                <a href={`/${use.slug}`}>{markupHtml(typo(use.title, { lang }))}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
};

/** The definitions of the terms an article uses, listed once after it (print version). */
export const GlossaryPrintList: FC<{ terms: GlossaryTerm[]; lang?: Lang }> = ({ terms, lang = 'fr' }) =>
  terms.length === 0 ? null : (
    <section class="glossary-print" aria-labelledby="glossaire-termes">
      <h2 id="glossaire-termes">{t('glossary.termsUsed', {}, lang)}</h2>
      <dl>
        {terms.map((term) => (
          <>
            <dt>{term.term}</dt>
            <dd>{markupHtml(typo(term.definition, { lang }))}</dd>
          </>
        ))}
      </dl>
    </section>
  );
