// `tisse import-spip`: reads a SPIP backup, maps every table (mappers/), then writes everything in one
// transaction, so a failure part-way leaves the site as it was. Documents are copied first and removed again
// if the transaction fails. The backup's SHA-256 is recorded: importing the same backup again changes nothing.
import { createHash } from 'node:crypto';
import { copyFileSync, createReadStream, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Db, Trx } from '../../db/connect.ts';
import type { Dialect } from '../../db/dialect.ts';
import type { UserRole } from '../../db/schema.ts';
import { nowIso } from '../../db/time.ts';
import { writeSettings } from '../../settings/index.ts';
import { TisseError } from '../../kernel/errors.ts';
import { openSpipDump } from './dump.ts';
import { MappingContext, type ImportReport, type TableWrite } from './context.ts';
import { loadSpipUrls, mapUrls } from './mappers/urls.ts';
import { mapSettings, siteLangOf } from './mappers/settings.ts';
import { mapSections } from './mappers/sections.ts';
import { mapUsers, mapUserSections } from './mappers/users.ts';
import { mapArticleAuthors, mapArticles } from './mappers/articles.ts';
import { mapKeywords } from './mappers/keywords.ts';
import { mapDocuments } from './mappers/documents.ts';
import { mapForum } from './mappers/forum.ts';
import { mapRevisions } from './mappers/revisions.ts';
import { mapLegacy } from './mappers/legacy.ts';
import { mapBreves } from './mappers/breves.ts';
import { mapPetitions } from './mappers/petitions.ts';
import { mapSites } from './mappers/sites.ts';
import { suspendSearchIndex } from '../../search/index.ts';
import { documentContentType, type Storage } from '../../documents/index.ts';

export const IMPORT_MARKER_KEY = 'spipImport';

export interface ImportProgress {
  /** A table starts being written: `total` rows. */
  start(label: string, total: number): void;
  advance(rows: number): void;
  stop(): void;
}

export interface ImportOptions {
  dataDir: string;
  /** The site's document storage when it is not the data folder (S3): the IMG files are sent there. */
  storage?: Storage | undefined;
  imgDir?: string | undefined;
  dryRun?: boolean;
  progress?: ImportProgress;
}

export interface ImportResult {
  report: ImportReport;
  sha256: string;
  /** The same backup was imported before: nothing was done. */
  alreadyImported: boolean;
  dryRun: boolean;
  /** Rows written per Tisse table. */
  written: Record<string, number>;
}

export async function importSpip(db: Db, file: string, options: ImportOptions): Promise<ImportResult> {
  const imgDir = options.imgDir === undefined ? undefined : resolve(options.imgDir);
  if (imgDir !== undefined && !isDirectory(imgDir)) {
    throw new TisseError('BAD_INPUT', { key: 'errors.import.noImgDir', params: { dir: imgDir } });
  }
  const dump = openSpipDump(file);
  try {
    const sha256 = await hashFile(file);
    const previous = await db.kysely.selectFrom('settings').select('value').where('key', '=', IMPORT_MARKER_KEY).executeTakeFirst();
    if (previous && (JSON.parse(previous.value) as { sha256?: string }).sha256 === sha256) {
      return { report: { counts: {}, skipped: [], kept: {}, notes: ['Cette sauvegarde a déjà été importée dans ce site : rien à faire.'] }, sha256, alreadyImported: true, dryRun: !!options.dryRun, written: {} };
    }
    await refuseNonEmptySite(db, !!previous);
    const localDocuments = dump.has('spip_documents')
      ? dump.rows<{ distant: string; mode: string }>('spip_documents').filter((d) => d.distant !== 'oui' && !['logoon', 'logooff', 'vignette'].includes(d.mode)).length
      : 0;
    if (localDocuments > 0 && imgDir === undefined) {
      throw new TisseError('BAD_INPUT', { key: 'errors.import.needImgDir', params: { count: localDocuments } });
    }

    const existingUsers = await db.kysely.selectFrom('users').select(['id', 'email', 'slug', 'login', 'password_hash', 'role']).execute();
    const ctx = new MappingContext(dump, imgDir);
    for (const u of existingUsers) ctx.reserveSlug('author', u.slug);
    for (const u of await db.kysely.selectFrom('urls').select('path').execute()) ctx.takenPaths.add(u.path);
    const settings = mapSettings(ctx);
    const siteLang = siteLangOf(ctx);
    const spipUrls = loadSpipUrls(ctx);
    mapSections(ctx, siteLang);
    mapUsers(ctx, siteLang);
    const authorLinks = dump.rows<{ id_auteur: number; id_objet: number; objet: string }>('spip_auteurs_liens');
    mapUserSections(ctx, authorLinks);
    mapArticles(ctx, siteLang);
    mapArticleAuthors(ctx, authorLinks);
    mapKeywords(ctx);
    mapDocuments(ctx);
    mapForum(ctx);
    mapRevisions(ctx);
    mapPetitions(ctx);
    // Last of the objects: brèves take ids after every SPIP article, and no SPIP link may land on them by id.
    const breveArticles = mapBreves(ctx, siteLang);
    const siteSections = mapSites(ctx);
    mapLegacy(ctx, dump.tables);
    mapUrls(ctx, spipUrls, siteSections, breveArticles);
    ctx.add('legacy_objects', 'objets gardés (messages privés…)', ctx.legacyRows);
    if (Object.keys(ctx.report.kept).length) {
      ctx.report.notes.push(
        `Gardés tels quels dans legacy_objects (pas encore de forme Tisse) : ${Object.entries(ctx.report.kept).map(([t, n]) => `${t} ${n}`).join(', ')}.`,
      );
    }

    const written: Record<string, number> = {};
    for (const w of ctx.writes) written[w.table] = (written[w.table] ?? 0) + w.rows.length;
    if (options.dryRun) return { report: ctx.report, sha256, alreadyImported: false, dryRun: true, written };

    const remote = options.storage && options.storage.kind !== 'local' ? options.storage : undefined;
    const copied = remote ? [] : copyDocuments(imgDir, join(options.dataDir, 'documents'), ctx, options.progress);
    const sent = remote ? await sendDocuments(imgDir, remote, ctx, options.progress) : [];
    try {
      await db.write(async (trx) => {
        await makeRoomForImportedUsers(trx, ctx, existingUsers);
        const index = await suspendSearchIndex(db, trx);
        for (const write of ctx.writes) await insertAll(trx, db.dialect, write, options.progress);
        // Translation groups once every article is in (an original may come after its translation).
        const groups = new Map<number, number[]>();
        for (const [id, original] of ctx.translationOf) (groups.get(original) ?? groups.set(original, []).get(original)!).push(id);
        for (const [original, ids] of groups) await trx.updateTable('articles').set({ translation_of: original }).where('id', 'in', ids).execute();
        options.progress?.start('index de recherche', 1);
        await index.resume();
        options.progress?.advance(1);
        options.progress?.stop();
        await writeSettings(trx, settings);
        const marker = JSON.stringify({ sha256, file: resolve(file), importedAt: ctx.importedAt, spipSchema: dump.schemaVersion });
        await trx.insertInto('settings').values({ key: IMPORT_MARKER_KEY, value: marker, updated_at: nowIso() })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: marker, updated_at: nowIso() })).execute();
        await db.dialect.resetIdSequences(trx);
      });
    } catch (error) {
      for (const path of copied) rmSync(path, { force: true });
      for (const key of sent) await remote!.delete(key).catch(() => {});
      throw error;
    }
    return { report: ctx.report, sha256, alreadyImported: false, dryRun: false, written };
  } finally {
    dump.close();
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The import keeps SPIP's ids, so it goes into a site without content. Accounts may exist (the administrator
 * `tisse init` created): they are kept (see makeRoomForImportedUsers).
 */
async function refuseNonEmptySite(db: Db, importedBefore: boolean): Promise<void> {
  const tables = ['sections', 'articles', 'keywords', 'glossary_terms', 'forum_messages', 'documents'] as const;
  const found: string[] = [];
  for (const table of tables) {
    const row = await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const n = Number(row?.n ?? 0);
    if (n > 0) found.push(`${n} ${table}`);
  }
  if (found.length) {
    const why = importedBefore ? 'errors.import.alreadyImported' : 'errors.import.hasContent';
    throw new TisseError('CONFLICT', { key: 'errors.import.siteNotEmpty', params: { why: { key: why }, found: found.join(', ') } });
  }
}

const rank: Record<UserRole, number> = { disabled: 0, visitor: 1, editor: 2, administrator: 3 };

/**
 * Existing accounts (a fresh site has its first administrator) stay usable: one with the email of a SPIP author
 * becomes that author (keeping its password and the higher role); one whose id a SPIP author needs moves to a
 * free id. A site without content has nothing pointing at accounts but sessions and reset tokens, which go.
 */
async function makeRoomForImportedUsers(
  trx: Trx,
  ctx: MappingContext,
  existing: { id: number; email: string; login: string | null; password_hash: string | null; role: UserRole }[],
): Promise<void> {
  const write = ctx.writes.find((w) => w.table === 'users') as TableWrite<'users'> | undefined;
  const imported = write?.rows ?? [];
  if (!existing.length || !imported.length) return;
  const byEmail = new Map(imported.map((u) => [u.email, u]));
  let nextId = Math.max(...imported.map((u) => Number(u.id)), ...existing.map((u) => u.id)) + 1;
  for (const user of existing) {
    const same = byEmail.get(user.email.toLowerCase());
    const idTaken = ctx.userIds.has(user.id);
    if (!same && !idTaken) continue;
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('password_resets').where('user_id', '=', user.id).execute();
    if (same) {
      await trx.deleteFrom('users').where('id', '=', user.id).execute();
      await trx.deleteFrom('urls').where('object_type', '=', 'author').where('object_id', '=', user.id).execute();
      same.password_hash = user.password_hash;
      same.must_reset_password = user.password_hash ? 0 : 1;
      if (rank[user.role] > rank[same.role as UserRole]) same.role = user.role;
      if (user.login && !same.login) same.login = user.login;
      ctx.report.notes.push(`Le compte existant ${user.email} est devenu l’auteur SPIP ${same.id} (${same.name}) : il garde son mot de passe.`);
    } else {
      await trx.updateTable('users').set({ id: nextId }).where('id', '=', user.id).execute();
      await trx.updateTable('urls').set({ object_id: nextId }).where('object_type', '=', 'author').where('object_id', '=', user.id).execute();
      ctx.report.notes.push(`Le compte existant ${user.email} passe du numéro ${user.id} au numéro ${nextId} (le ${user.id} est celui d’un auteur SPIP) ; ses sessions sont fermées.`);
      nextId++;
    }
  }
  const logins = new Set(existing.filter((u) => !byEmail.has(u.email.toLowerCase())).map((u) => u.login?.toLowerCase()).filter(Boolean));
  for (const u of imported) if (u.login && logins.has(u.login.toLowerCase())) u.login = null;
}

async function insertAll(trx: Trx, dialect: Dialect, write: TableWrite, progress?: ImportProgress): Promise<void> {
  const rows = write.rows as Record<string, unknown>[];
  if (!rows.length) return;
  progress?.start(write.label, rows.length);
  await dialect.insertRows(trx, write.table, rows, (n) => progress?.advance(n));
  // Written: its rows need not stay in memory while the next tables are.
  rows.length = 0;
  progress?.stop();
}

/** Sends the documents' files to the site's storage (S3); returns the keys this run wrote, to remove if the import fails. */
async function sendDocuments(imgDir: string | undefined, storage: Storage, ctx: MappingContext, progress?: ImportProgress): Promise<string[]> {
  const created: string[] = [];
  if (!imgDir || !ctx.files.length) return created;
  progress?.start('fichiers des documents', ctx.files.length);
  try {
    for (const file of ctx.files) {
      const key = file.relative.split('\\').join('/');
      if ((await storage.stat(key))?.size !== file.size) {
        await storage.put(key, readFileSync(join(imgDir, file.relative)), documentContentType(key));
        created.push(key);
      }
      progress?.advance(1);
    }
  } catch (error) {
    for (const key of created) await storage.delete(key).catch(() => {});
    throw new TisseError('STORAGE_UNAVAILABLE', { key: 'errors.storage.unavailable', params: { reason: (error as Error).message } }, { cause: error });
  } finally {
    progress?.stop();
  }
  return created;
}

/** Copies the documents' files; returns the ones this run created, to remove if the import fails. */
function copyDocuments(imgDir: string | undefined, target: string, ctx: MappingContext, progress?: ImportProgress): string[] {
  const created: string[] = [];
  if (!imgDir || !ctx.files.length) return created;
  progress?.start('fichiers des documents', ctx.files.length);
  try {
    for (const file of ctx.files) {
      const to = join(target, file.relative);
      let present = false;
      try {
        present = statSync(to).size === file.size;
      } catch {
        present = false;
      }
      if (!present) {
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(join(imgDir, file.relative), to);
        created.push(to);
      }
      progress?.advance(1);
    }
  } catch (error) {
    for (const path of created) rmSync(path, { force: true });
    throw new TisseError('DATA_DIR_UNWRITABLE', { key: 'errors.import.copyFailed', params: { target, reason: (error as Error).message } }, { cause: error });
  } finally {
    progress?.stop();
  }
  return created;
}
