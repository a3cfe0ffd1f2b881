// spip_versions + spip_versions_fragments → revisions. SPIP stores each version as a map field → list of
// fragment ids, listing only the fields that changed; a fragment is a serialized map version → text,
// whose value at version v is the entry with the greatest version ≤ v (paragraphs shared across versions).
// Each Tisse revision holds the full fields at that version, so versions are replayed in order.
import { inflateSync } from 'node:zlib';
import type { Insertable } from 'kysely';
import type { ObjectType, RevisionsTable } from '../../../db/schema.ts';
import { spipDate } from '../dates.ts';
import { phpUnserialize, type PhpArray } from '../php-unserialize.ts';
import { int, str, type MappingContext } from '../context.ts';

interface SpipVersion {
  id_version: number;
  id_objet: number;
  objet: string;
  date: string;
  id_auteur: string;
  titre_version: string;
  champs: string;
}

interface SpipFragment {
  id_fragment: number;
  version_min: number;
  version_max: number;
  id_objet: number;
  objet: string;
  compress: number;
  fragment: string | Buffer | null;
}

const fieldNames: Record<string, Record<string, string>> = {
  article: {
    surtitre: 'surtitle', titre: 'title', soustitre: 'subtitle', descriptif: 'description', chapo: 'lead', texte: 'text', ps: 'postscript',
    id_rubrique: 'section_id', nom_site: 'link_title', url_site: 'link_url', jointure_auteurs: 'authors', jointure_mots: 'keywords', jointure_documents: 'documents',
  },
  rubrique: { titre: 'title', descriptif: 'description', texte: 'text', id_parent: 'parent_id', jointure_mots: 'keywords', jointure_documents: 'documents' },
};
const types: Record<string, ObjectType> = { article: 'article', rubrique: 'section' };

/** One fragment's texts by version, ascending. */
type FragmentHistory = [number, string][];

function decodeFragment(f: SpipFragment): FragmentHistory {
  let raw: Buffer = Buffer.isBuffer(f.fragment) ? f.fragment : Buffer.from(str(f.fragment), 'utf8');
  if (int(f.compress) > 0) raw = inflateSync(raw);
  const value = phpUnserialize(raw);
  if (!(value instanceof Map)) throw new Error('not an array');
  return [...(value as PhpArray)].map(([v, text]) => [int(v), str(text)] as [number, string]).sort((a, b) => a[0] - b[0]);
}

function valueAt(history: FragmentHistory | undefined, version: number): string | undefined {
  let found: string | undefined;
  for (const [v, text] of history ?? []) {
    if (v > version) break;
    found = text;
  }
  return found;
}

export function mapRevisions(ctx: MappingContext): void {
  const fragments = new Map<string, Map<number, { min: number; max: number; history: FragmentHistory }[]>>();
  const brokenObjects = new Set<string>();
  for (const f of ctx.dump.each<SpipFragment>('spip_versions_fragments')) {
    const key = `${f.objet}:${int(f.id_objet)}`;
    try {
      const byId = fragments.get(key) ?? fragments.set(key, new Map()).get(key)!;
      const list = byId.get(int(f.id_fragment)) ?? [];
      list.push({ min: int(f.version_min), max: int(f.version_max), history: decodeFragment(f) });
      byId.set(int(f.id_fragment), list);
    } catch {
      brokenObjects.add(key);
    }
  }
  const rows: Insertable<RevisionsTable>[] = [];
  const state = new Map<string, Record<string, unknown>>();
  for (const v of ctx.dump.each<SpipVersion>('spip_versions', 'objet, id_objet, id_version')) {
    const key = `${v.objet}:${int(v.id_objet)}`;
    const type = types[v.objet];
    const names = fieldNames[v.objet];
    const objectId = int(v.id_objet);
    const where = `${v.objet} ${objectId} version ${v.id_version}`;
    const exists = type === 'article' ? ctx.articleIds.has(objectId) : type === 'section' ? ctx.sectionIds.has(objectId) : false;
    if (!type || !names || !exists) {
      ctx.skip('spip_versions', where, type ? 'objet absent' : `révisions d’un objet « ${v.objet} » (pas d’équivalent dans Tisse)`);
      continue;
    }
    if (brokenObjects.has(key)) {
      ctx.skip('spip_versions', where, 'fragments illisibles (format inconnu ou compression) : version non reprise');
      continue;
    }
    let champs;
    try {
      champs = phpUnserialize(str(v.champs));
    } catch {
      ctx.skip('spip_versions', where, 'liste des champs illisible : version non reprise');
      continue;
    }
    if (!(champs instanceof Map)) {
      ctx.skip('spip_versions', where, 'liste des champs illisible : version non reprise');
      continue;
    }
    const version = int(v.id_version);
    const byFragment = fragments.get(key);
    const fields = { ...(state.get(key) ?? {}) };
    let missing = false;
    for (const [spipName, code] of champs) {
      const name = names[String(spipName)];
      if (!name) continue;
      let text = '';
      for (const id of str(code).split(' ').filter((x) => x !== '')) {
        // Several rows may hold one fragment id, one per range of versions: take the one covering this version.
        const row = byFragment?.get(int(id))?.find((h) => h.min <= version && version <= h.max);
        const value = valueAt(row?.history, version);
        if (value === undefined) missing = true;
        else text += value;
      }
      fields[name] = name === 'authors' || name === 'keywords' || name === 'documents' ? text.split(',').filter((x) => x !== '').map(Number) : name.endsWith('_id') ? int(text) : text;
    }
    if (missing) {
      ctx.skip('spip_versions', where, 'fragment manquant : version non reprise');
      continue;
    }
    state.set(key, fields);
    const author = str(v.id_auteur);
    const userId = /^\d+$/.test(author) && ctx.userIds.has(Number(author)) ? Number(author) : null;
    rows.push({
      object_type: type,
      object_id: objectId,
      number: version,
      user_id: userId,
      // SPIP records the IP when nobody was logged in; kept so the history still says who.
      author_label: userId === null ? author : '',
      fields: JSON.stringify(fields),
      note: str(v.titre_version),
      created_at: spipDate(v.date) ?? ctx.importedAt,
    });
    ctx.count('révisions', v.objet);
  }
  ctx.add('revisions', 'révisions', rows);
}
