// Private messages (spip_messages) have no Tisse form yet: each row is kept whole in legacy_objects (so a later
// version can turn them into something). Brèves are articles (mappers/breves.ts), petitions and signatures
// (mappers/petitions.ts) and referenced sites (mappers/sites.ts) have their tables.
// Tables that are SPIP's own machinery (jobs, caches, statistics, plugin manager) are listed as skipped.
import { int, type MappingContext } from '../context.ts';

const kept: [table: string, type: string, id: string][] = [
  ['spip_messages', 'message', 'id_message'],
];

/** Tables read by the other mappers. */
const mapped = new Set([
  'spip_rubriques', 'spip_articles', 'spip_auteurs', 'spip_auteurs_liens', 'spip_groupes_mots', 'spip_mots', 'spip_mots_liens',
  'spip_forum', 'spip_documents', 'spip_documents_liens', 'spip_types_documents', 'spip_versions', 'spip_versions_fragments',
  'spip_urls', 'spip_meta', 'spip_breves', 'spip_petitions', 'spip_signatures', 'spip_syndic', 'spip_syndic_articles',
]);

const machinery: Record<string, string> = {
  spip_jobs: 'file de tâches de SPIP', spip_jobs_liens: 'file de tâches de SPIP', spip_resultats: 'cache de recherche',
  spip_visites: 'statistiques', spip_visites_articles: 'statistiques', spip_referers: 'statistiques', spip_referers_articles: 'statistiques',
  spip_depots: 'gestionnaire de plugins', spip_paquets: 'gestionnaire de plugins', spip_plugins: 'gestionnaire de plugins', spip_test: 'table de test',
};

export function mapLegacy(ctx: MappingContext, tables: string[]): void {
  for (const [table, type, idColumn] of kept) {
    for (const row of ctx.dump.each<Record<string, unknown>>(table)) ctx.legacy(type, int(row[idColumn]), row);
  }
  for (const table of tables) {
    if (mapped.has(table) || kept.some(([t]) => t === table)) continue;
    const count = ctx.dump.count(table);
    if (count === 0) continue;
    ctx.skip(table, `${count} lignes`, machinery[table] ? `${machinery[table]} : sans objet dans Tisse` : 'table d’un plugin que Tisse ne connaît pas : non importée');
  }
}
