// spip_forum → forum_messages, threads kept (id_thread, id_parent). Public statuses map one to one;
// private messages under an article (prive, privadm, privoff) become its team discussion. Messages that
// belong to no article (the general internal forum privrac, forums on brèves or sites, moderators' copies
// 'original') have no Tisse form: they are kept in legacy_objects and reported.
import type { Insertable } from 'kysely';
import type { ForumKind, ForumMessagesTable, ForumStatus } from '../../../db/schema.ts';
import { spipDate } from '../dates.ts';
import { int, str, type MappingContext } from '../context.ts';

interface SpipForum {
  id_forum: number;
  id_objet: number;
  objet: string;
  id_parent: number;
  id_thread: number;
  date_heure: string;
  titre: string;
  texte: string;
  auteur: string;
  email_auteur: string;
  url_site: string;
  /** The text of url_site's link (« Nom de votre site »). */
  nom_site: string;
  statut: string;
  ip: string;
  id_auteur: number;
}

const statuses: Record<string, [ForumKind, ForumStatus]> = {
  publie: ['public', 'published'],
  prop: ['public', 'pending'],
  off: ['public', 'refused'],
  spam: ['public', 'spam'],
  prive: ['team', 'published'],
  privadm: ['team', 'published'],
  privoff: ['team', 'refused'],
};

export function mapForum(ctx: MappingContext, onRow?: () => void): void {
  const rows: Insertable<ForumMessagesTable>[] = [];
  const imported = new Set<number>();
  for (const f of ctx.dump.each<SpipForum>('spip_forum')) {
    onRow?.();
    const id = int(f.id_forum);
    const mapped = statuses[str(f.statut)];
    const articleId = int(f.id_objet);
    let reason: string | undefined;
    if (!mapped) reason = str(f.statut) === 'privrac' ? 'forum interne général (privrac), rattaché à aucun article' : `statut « ${f.statut} »`;
    else if (f.objet !== 'article') reason = `message sur un objet « ${f.objet || 'aucun'} »`;
    else if (!ctx.articleIds.has(articleId)) reason = `article ${articleId} absent`;
    if (reason) {
      ctx.skip('spip_forum', id, `${reason} : gardé dans legacy_objects`);
      ctx.legacy('forum', id, f);
      continue;
    }
    const [kind, status] = mapped!;
    let parent: number | null = int(f.id_parent) || null;
    if (parent !== null && !imported.has(parent)) {
      ctx.report.notes.push(`Message ${id} : son parent ${parent} n’est pas importé ; il commence un fil.`);
      parent = null;
    }
    const thread = int(f.id_thread);
    const userId = int(f.id_auteur);
    rows.push({
      id,
      kind,
      article_id: articleId,
      thread_id: parent === null ? id : imported.has(thread) ? thread : id,
      parent_id: parent,
      status,
      title: str(f.titre),
      text: str(f.texte),
      author_name: str(f.auteur),
      author_email: str(f.email_auteur),
      author_url: str(f.url_site),
      author_site_name: str(f.nom_site),
      user_id: userId && ctx.userIds.has(userId) ? userId : null,
      ip: str(f.ip),
      created_at: spipDate(f.date_heure) ?? ctx.importedAt,
      moderated_at: null,
      moderated_by: null,
    });
    imported.add(id);
    ctx.count('messages de forum', str(f.statut));
  }
  ctx.add('forum_messages', 'messages de forum', rows);
}
