// spip_syndic → sites with SPIP's ids (nom_site → name, url_site → url, descriptif → description, id_rubrique →
// section, statut publie / prop / refuse / poubelle → published / proposed / refused / trash, url_syndic → feed_url,
// syndication oui or sus (suspended after errors: tried again) → on); spip_syndic_articles of those sites, statut
// publie → syndicated_items (their titles and summaries as plain text, like the ones Tisse fetches). A syndicated
// site gets its first fetch when the server starts (sites/ ensureSyndicationQueued).
import type { Insertable } from 'kysely';
import type { SiteStatus, SitesTable, SyndicatedItemsTable } from '../../../db/schema.ts';
import { plainText } from '../../../sites/index.ts';
import { spipDate } from '../dates.ts';
import { int, str, type MappingContext } from '../context.ts';

interface SpipSite {
  id_syndic: number;
  id_rubrique: number;
  nom_site: string;
  url_site: string;
  url_syndic: string;
  descriptif: string;
  syndication: string;
  statut: string;
  date: string;
  date_syndic: string;
  maj: string | null;
}

interface SpipSyndicArticle {
  id_syndic_article: number;
  id_syndic: number;
  titre: string;
  url: string;
  date: string;
  statut: string;
  descriptif: string;
  maj: string | null;
}

const statuses: Record<string, SiteStatus> = { publie: 'published', prop: 'proposed', refuse: 'refused', poubelle: 'trash' };

/** Maps the sites; returns the section of each ('site:1' → 11), where SPIP's addresses of a site lead. */
export function mapSites(ctx: MappingContext): Map<string, number> {
  const sectionOf = new Map<string, number>();
  if (!ctx.dump.has('spip_syndic')) return sectionOf;
  const sites: Insertable<SitesTable>[] = [];
  const imported = new Set<number>();
  for (const s of ctx.dump.each<SpipSite>('spip_syndic')) {
    const id = int(s.id_syndic);
    const sectionId = int(s.id_rubrique);
    const status = statuses[str(s.statut)];
    if (!status || !ctx.sectionIds.has(sectionId)) {
      ctx.skip('spip_syndic', id, status ? `rubrique ${sectionId} absente : gardé dans legacy_objects` : `statut inconnu « ${s.statut} » : gardé dans legacy_objects`);
      ctx.legacy('site', id, s);
      continue;
    }
    const created = spipDate(s.date) ?? ctx.importedAt;
    const syndication = ['oui', 'sus'].includes(str(s.syndication)) && /^https?:\/\//i.test(str(s.url_syndic));
    sites.push({
      id, section_id: sectionId, name: str(s.nom_site) || str(s.url_site), url: str(s.url_site), description: str(s.descriptif), status,
      feed_url: str(s.url_syndic), syndication: syndication ? 1 : 0, syndicated_at: spipDate(s.date_syndic), syndication_error: '',
      created_at: created, updated_at: spipDate(s.maj) ?? created,
    });
    imported.add(id);
    if (status === 'published') sectionOf.set(`site:${id}`, sectionId);
    ctx.count('sites', str(s.statut));
  }
  ctx.add('sites', 'sites référencés', sites);

  const items: Insertable<SyndicatedItemsTable>[] = [];
  const guids = new Set<string>();
  for (const a of ctx.dump.each<SpipSyndicArticle>('spip_syndic_articles')) {
    const id = int(a.id_syndic_article);
    const siteId = int(a.id_syndic);
    const url = /^https?:\/\//i.test(str(a.url)) ? str(a.url) : '';
    const guid = url || `spip-${id}`;
    if (!imported.has(siteId) || str(a.statut) !== 'publie' || guids.has(`${siteId} ${guid}`)) {
      ctx.skip('spip_syndic_articles', id, 'site non importé, article syndiqué non publié ou en double');
      continue;
    }
    guids.add(`${siteId} ${guid}`);
    const date = spipDate(a.date);
    items.push({ id, site_id: siteId, guid, url, title: plainText(str(a.titre), 300) || url, summary: plainText(str(a.descriptif), 500), published_at: date, fetched_at: spipDate(a.maj) ?? date ?? ctx.importedAt });
    ctx.count('articles syndiqués');
  }
  ctx.add('syndicated_items', 'articles syndiqués', items);
  return sectionOf;
}
