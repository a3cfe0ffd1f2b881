// The Couteau Suisse glossary: the mots of a group titled "Glossaire" are terms. The title lists the forms
// separated by '/' (the first is the term, the others its variants), `descriptif` is the short definition and
// `texte` the longer presentation. A form starting with ',' is a regular expression: Tisse matches words, not
// patterns, so it is left out and reported for a person to rewrite.
import type { Insertable } from 'kysely';
import type { GlossaryTermsTable } from '../../../db/schema.ts';
import { spipDate } from '../dates.ts';
import { int, splitNumberedTitle, str, type MappingContext } from '../context.ts';
import type { SpipMot } from './keyword-rows.ts';

export function isGlossaryGroup(title: string): boolean {
  const t = title.trim().toLowerCase();
  return t === 'glossaire' || t === 'lexique';
}

export function mapGlossaryTerm(ctx: MappingContext, m: SpipMot): Insertable<GlossaryTermsTable> | undefined {
  const id = int(m.id_mot);
  const forms = splitNumberedTitle(str(m.titre)).title.split('/').map((f) => f.trim()).filter((f) => f !== '');
  const regexes = forms.filter((f) => f.startsWith(','));
  for (const r of regexes) ctx.skip('spip_mots', id, `variante en expression régulière « ${r} » non reprise (à réécrire en variantes simples)`);
  const words = forms.filter((f) => !f.startsWith(','));
  const term = words[0];
  if (term === undefined) {
    ctx.skip('spip_mots', id, 'terme de glossaire sans titre utilisable : gardé dans legacy_objects');
    ctx.legacy('mot', id, m);
    return undefined;
  }
  const at = spipDate(m.maj) ?? ctx.importedAt;
  ctx.glossaryIds.add(id);
  ctx.count('termes du glossaire');
  return {
    id,
    term,
    slug: ctx.slugFor('glossary', id, term),
    variants: JSON.stringify([...new Set(words.slice(1))].filter((v) => v !== term)),
    definition: str(m.descriptif).trim(),
    presentation: str(m.texte).trim(),
    link_url: '',
    created_at: at,
    updated_at: at,
  };
}
