// spip_documents + spip_documents_liens → documents + document_links. Files are copied from the site's IMG/
// folder into <dataDir>/documents/ under the same relative path, so <docN> and [->docN] keep working and
// old /IMG/… addresses map one to one. Remote documents and SPIP 4 logos have no Tisse form yet.
import { statSync } from 'node:fs';
import { basename, join, normalize, isAbsolute } from 'node:path';
import type { Insertable } from 'kysely';
import type { DocumentsTable } from '../../../db/schema.ts';
import { spipDate } from '../dates.ts';
import { int, str, type MappingContext } from '../context.ts';

interface SpipDocument {
  id_document: number;
  extension: string;
  titre: string;
  descriptif: string;
  credits?: string;
  alt?: string;
  date: string;
  fichier: string;
  taille: number | null;
  largeur: number | null;
  hauteur: number | null;
  media?: string;
  mode: string;
  distant: string;
}

export function mapDocuments(ctx: MappingContext): void {
  const mimeTypes = new Map<string, string>();
  for (const t of ctx.dump.rows<{ extension: string; mime_type: string }>('spip_types_documents')) mimeTypes.set(str(t.extension).toLowerCase(), str(t.mime_type));
  const rows: Insertable<DocumentsTable>[] = [];
  for (const d of ctx.dump.rows<SpipDocument>('spip_documents')) {
    const id = int(d.id_document);
    const file = str(d.fichier).replace(/^IMG\//, '');
    if (d.distant === 'oui' || /^[a-z]+:\/\//i.test(file)) {
      ctx.skip('spip_documents', id, `document distant (${file}) : gardé dans legacy_objects`);
      ctx.legacy('document', id, d);
      continue;
    }
    if (d.mode === 'logoon' || d.mode === 'logooff' || d.mode === 'vignette') {
      ctx.skip('spip_documents', id, `${d.mode === 'vignette' ? 'vignette' : 'logo'} (${file}) : Tisse n’a pas encore de logos, gardé dans legacy_objects`);
      ctx.legacy('document', id, d);
      continue;
    }
    const relative = normalize(file);
    if (!file || isAbsolute(relative) || relative.startsWith('..')) {
      ctx.skip('spip_documents', id, `chemin de fichier invalide « ${file} » : gardé dans legacy_objects`);
      ctx.legacy('document', id, d);
      continue;
    }
    if (ctx.imgDir) {
      try {
        const stat = statSync(join(ctx.imgDir, relative));
        ctx.files.push({ relative, size: stat.size });
      } catch {
        ctx.skip('spip_documents', id, `fichier IMG/${relative} absent du dossier IMG : fiche importée, fichier manquant`);
      }
    }
    const extension = str(d.extension).toLowerCase();
    const width = int(d.largeur);
    const height = int(d.hauteur);
    rows.push({
      id,
      file: relative,
      original_name: basename(relative),
      title: str(d.titre),
      description: str(d.descriptif),
      credits: str(d.credits),
      alt: str(d.alt),
      extension,
      mime_type: mimeTypes.get(extension) ?? 'application/octet-stream',
      size: int(d.taille),
      width: width > 0 ? width : null,
      height: height > 0 ? height : null,
      media: str(d.media) || 'file',
      mode: d.mode === 'image' ? 'image' : 'document',
      created_at: spipDate(d.date) ?? ctx.importedAt,
    });
    ctx.documentIds.add(id);
    ctx.count('documents', str(d.mode));
  }
  ctx.add('documents', 'documents', rows);

  const links = [];
  for (const l of ctx.dump.rows<{ id_document: number; id_objet: number; objet: string; vu: string; rang_lien?: number }>('spip_documents_liens')) {
    const documentId = int(l.id_document);
    const objectId = int(l.id_objet);
    const type = l.objet === 'article' ? ('article' as const) : l.objet === 'rubrique' ? ('section' as const) : undefined;
    const known = type === 'article' ? ctx.articleIds.has(objectId) : type === 'section' ? ctx.sectionIds.has(objectId) : false;
    if (!type || !known || !ctx.documentIds.has(documentId)) {
      ctx.skip('spip_documents_liens', `${documentId}/${l.objet}/${objectId}`, type ? 'document ou objet absent' : `document lié à un objet « ${l.objet} » (pas d’équivalent dans Tisse)`);
      continue;
    }
    links.push({ document_id: documentId, object_type: type, object_id: objectId, embedded: l.vu === 'oui' ? 1 : 0, position: int(l.rang_lien) });
    ctx.count('liens de documents', l.objet);
  }
  ctx.add('document_links', 'liens des documents', links);
}
