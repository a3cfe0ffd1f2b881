// `tisse forum list|validate|refuse|spam|delete`: moderating the public forums from the command line, for
// operators and scripts. The same operation as the back office; the operator has every right.
import { Option, type Command } from 'commander';
import { withDatabase } from './with-database.ts';
import type { ForumStatus } from '../db/schema.ts';
import { TisseError } from '../kernel/errors.ts';
import { moderateMessages, listMessages, type ModerationAction } from '../forum/index.ts';


/** One line of a terminal: no control character from a commenter may move the cursor or recolour it. */
function oneLine(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function parseIds(values: string[]): number[] {
  const ids = values.map((v) => (/^\d+$/.test(v) ? Number(v) : NaN));
  const bad = values.filter((_, k) => !Number.isSafeInteger(ids[k]));
  if (bad.length > 0) throw new TisseError('BAD_INPUT', { key: 'errors.cli.badMessageNumber', params: { ids: bad.join(', ') } });
  return ids;
}

const done: Record<ModerationAction, string> = { validate: 'validé(s)', refuse: 'refusé(s)', spam: 'marqué(s) comme spam', delete: 'supprimé(s)' };

export function registerForumCommand(program: Command): void {
  const forum = program.command('forum').description('modère les forums publics (messages des lecteurs)');

  forum
    .command('list')
    .description('liste les messages, un par ligne, numéro en tête (les plus récents d’abord)')
    .addOption(new Option('--status <statut>', 'seulement ce statut').choices(['pending', 'published', 'refused', 'spam']))
    .option('--limit <n>', 'nombre de messages au plus', '200')
    .action(async (options: { status?: ForumStatus; limit: string }) => {
      const limit = Number(options.limit);
      if (!Number.isSafeInteger(limit) || limit <= 0) throw new TisseError('BAD_INPUT', 'errors.cli.badLimit');
      await withDatabase(async (db) => {
        const rows = await listMessages(db, { ...(options.status ? { status: options.status } : {}), limit });
        for (const m of rows) {
          const subject = m.title ? `${m.title} — ${m.text}` : m.text;
          console.log(
            [m.id, m.status, m.createdAt.slice(0, 16).replace('T', ' '), `/${m.articleSlug}`, `${oneLine(m.authorName, 40)} <${oneLine(m.authorEmail, 60)}>`, oneLine(subject, 80)].join('\t'),
          );
        }
        if (rows.length === 0) console.error(options.status ? `Aucun message au statut ${options.status}.` : 'Aucun message.');
      });
    });

  for (const [action, description] of [
    ['validate', 'publie les messages (et leurs réponses en attente)'],
    ['refuse', 'refuse ou dépublie les messages'],
    ['spam', 'marque les messages comme spam'],
    ['delete', 'supprime définitivement les messages et leurs réponses'],
  ] as const) {
    forum
      .command(action)
      .description(description)
      .argument('<ids...>', 'numéros des messages (voir tisse forum list)')
      .action(async (values: string[]) => {
        const ids = parseIds(values);
        await withDatabase(async (db) => {
          const { changed } = await moderateMessages(db, { kind: 'operator' }, action, ids);
          console.log(`${changed.length} message(s) ${done[action]} : ${changed.join(', ')}.`);
        });
      });
  }
}
