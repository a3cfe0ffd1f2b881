// spip_groupes_mots, spip_mots, spip_mots_liens → keyword groups, keywords and links; the group titled
// "Glossaire" (Couteau Suisse's convention) becomes glossary terms instead (see glossary.ts).
import { int, splitNumberedTitle, str, type MappingContext } from '../context.ts';
import { mapGlossaryTerm, isGlossaryGroup } from './glossary.ts';
import type { SpipGroupe, SpipMot } from './keyword-rows.ts';

const objectTypes: Record<string, 'article' | 'section'> = { articles: 'article', rubriques: 'section', article: 'article', rubrique: 'section' };

export function mapKeywords(ctx: MappingContext): void {
  const groups = [];
  const glossaryGroups = new Set<number>();
  for (const g of ctx.dump.rows<SpipGroupe>('spip_groupes_mots')) {
    const id = int(g.id_groupe);
    const title = splitNumberedTitle(str(g.titre)).title;
    if (isGlossaryGroup(title)) {
      glossaryGroups.add(id);
      ctx.report.notes.push(`Groupe de mots ${id} « ${title} » : ses mots deviennent les termes du glossaire.`);
      continue;
    }
    const appliesTo = [...new Set(str(g.tables_liees).split(',').map((t) => objectTypes[t.trim()]).filter(Boolean))];
    groups.push({
      id,
      title,
      description: str(g.descriptif),
      text: str(g.texte),
      single: g.unseul === 'oui' ? 1 : 0,
      required: g.obligatoire === 'oui' ? 1 : 0,
      applies_to: appliesTo.join(',') || 'article',
    });
    ctx.count('groupes de mots');
  }
  const groupIds = new Set(groups.map((g) => g.id));
  ctx.add('keyword_groups', 'groupes de mots', groups);

  const keywords = [];
  const terms = [];
  for (const m of ctx.dump.rows<SpipMot>('spip_mots')) {
    const id = int(m.id_mot);
    const groupId = int(m.id_groupe);
    if (glossaryGroups.has(groupId)) {
      const term = mapGlossaryTerm(ctx, m);
      if (term) terms.push(term);
      continue;
    }
    if (!groupIds.has(groupId)) {
      ctx.skip('spip_mots', id, `groupe ${groupId} absent : gardé dans legacy_objects`);
      ctx.legacy('mot', id, m);
      continue;
    }
    const title = splitNumberedTitle(str(m.titre)).title;
    keywords.push({
      id,
      group_id: groupId,
      slug: ctx.slugFor('keyword', id, ctx.currentSpipUrl('mot', id) ?? (title || `mot-${id}`)),
      title,
      description: str(m.descriptif),
      text: str(m.texte),
    });
    ctx.keywordIds.add(id);
    ctx.count('mots-clés');
  }
  ctx.add('keywords', 'mots-clés', keywords);
  ctx.add('glossary_terms', 'termes du glossaire', terms);

  const links = [];
  for (const l of ctx.dump.each<{ id_mot: number; id_objet: number; objet: string }>('spip_mots_liens')) {
    const id = `${l.id_mot}/${l.objet}/${l.id_objet}`;
    const keywordId = int(l.id_mot);
    const objectId = int(l.id_objet);
    if (ctx.glossaryIds.has(keywordId)) {
      ctx.skip('spip_mots_liens', id, 'lien vers un terme du glossaire : Tisse repère les termes dans le texte lui-même');
      continue;
    }
    const type = objectTypes[l.objet];
    const known = type === 'article' ? ctx.articleIds.has(objectId) : type === 'section' ? ctx.sectionIds.has(objectId) : false;
    if (!type || !known || !ctx.keywordIds.has(keywordId)) {
      ctx.skip('spip_mots_liens', id, type ? 'mot ou objet absent' : `mot lié à un objet « ${l.objet} » (pas d’équivalent dans Tisse)`);
      continue;
    }
    links.push({ keyword_id: keywordId, object_type: type, object_id: objectId });
    ctx.count('liens de mots-clés', l.objet);
  }
  ctx.add('keyword_links', 'liens des mots-clés', links);
}
