// spip_petitions → petitions (one per article: texte → text, message oui/non → allow_message, statut publie →
// open, anything else → closed) and spip_signatures → petition_signatures with SPIP's ids: publie → confirmed
// (SPIP showed every confirmed signature: shown), poubelle → trash, any other statut (SPIP's pending signature
// holds its confirmation key there) → pending, never shown, its SPIP link not ours to honour. An address that
// signed a petition twice (SPIP allowed it when email_unique was off) keeps its first signature; the others are
// reported.
import type { Insertable } from 'kysely';
import type { PetitionSignaturesTable, PetitionsTable, SignatureStatus } from '../../../db/schema.ts';
import { spipDate } from '../dates.ts';
import { int, str, type MappingContext } from '../context.ts';

interface SpipPetition {
  id_petition: number;
  id_article: number;
  message: string;
  texte: string;
  statut: string;
  maj: string | null;
}

interface SpipSignature {
  id_signature: number;
  id_petition: number;
  date_time: string;
  nom_email: string;
  ad_email: string;
  nom_site: string;
  url_site: string;
  message: string;
  statut: string;
  maj: string | null;
}

export function mapPetitions(ctx: MappingContext): void {
  if (!ctx.dump.has('spip_petitions')) return;
  const petitions: Insertable<PetitionsTable>[] = [];
  const articleOf = new Map<number, number>();
  for (const p of ctx.dump.each<SpipPetition>('spip_petitions')) {
    const id = int(p.id_petition);
    const articleId = int(p.id_article);
    if (!ctx.articleIds.has(articleId) || [...articleOf.values()].includes(articleId)) {
      ctx.skip('spip_petitions', id, `article ${articleId} absent ou déjà pourvu d’une pétition : gardée dans legacy_objects`);
      ctx.legacy('petition', id, p);
      continue;
    }
    const at = spipDate(p.maj) ?? ctx.importedAt;
    petitions.push({ article_id: articleId, text: str(p.texte), status: str(p.statut) === 'publie' ? 'open' : 'closed', allow_message: str(p.message) === 'non' ? 0 : 1, created_at: at, updated_at: at });
    articleOf.set(id, articleId);
    ctx.count('pétitions', str(p.statut));
  }
  ctx.add('petitions', 'pétitions', petitions);

  const signatures: Insertable<PetitionSignaturesTable>[] = [];
  const seen = new Set<string>();
  if (!ctx.dump.has('spip_signatures')) return;
  for (const s of ctx.dump.each<SpipSignature>('spip_signatures')) {
    const id = int(s.id_signature);
    const articleId = articleOf.get(int(s.id_petition));
    if (articleId === undefined) {
      ctx.skip('spip_signatures', id, `pétition ${s.id_petition} non importée : gardée dans legacy_objects`);
      ctx.legacy('signature', id, s);
      continue;
    }
    const email = str(s.ad_email).trim().toLowerCase() || `signature-${id}@import-spip.invalid`;
    const key = `${articleId}:${email}`;
    if (seen.has(key)) {
      ctx.skip('spip_signatures', id, `${email} a déjà signé cette pétition : seule la première signature est gardée (legacy_objects)`);
      ctx.legacy('signature', id, s);
      continue;
    }
    seen.add(key);
    const spipStatus = str(s.statut);
    const status: SignatureStatus = spipStatus === 'publie' ? 'confirmed' : spipStatus === 'poubelle' ? 'trash' : 'pending';
    const date = spipDate(s.date_time) ?? spipDate(s.maj) ?? ctx.importedAt;
    signatures.push({
      id, article_id: articleId, name: str(s.nom_email), email, site_name: str(s.nom_site), site_url: str(s.url_site), message: str(s.message),
      shown: 1, status, token_hash: null, ip: '', created_at: date, confirmed_at: status === 'confirmed' ? date : null,
    });
    ctx.count('signatures', spipStatus === 'publie' || spipStatus === 'poubelle' ? spipStatus : 'en attente');
  }
  ctx.add('petition_signatures', 'signatures', signatures);
}
