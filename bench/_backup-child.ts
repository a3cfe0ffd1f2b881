// One backup or restore in a process of its own, so that its peak RSS is its own (bench/backup.ts):
//   node --import tsx bench/_backup-child.ts backup DATA_DIR DATABASE_URL|- FILE
//   node --import tsx bench/_backup-child.ts restore DATA_DIR DATABASE_URL|- FILE
//   node --import tsx bench/_backup-child.ts vacuum DATA_DIR - FILE   (the same-run reference on SQLite: VACUUM INTO)
//   node --import tsx bench/_backup-child.ts idle        (the process alone: node, tsx and Tisse's modules loaded)
// Prints one JSON line: { ms, maxRssMb }.
import BetterSqlite3 from 'better-sqlite3';
import { createBackup, restoreBackup } from '../src/backup/index.ts';

const [command, dataDir, url, file] = process.argv.slice(2);
const site = { dataDir: dataDir ?? '', databaseUrl: url && url !== '-' ? url : undefined };
const began = performance.now();
if (command === 'backup') await createBackup(site, { to: file });
else if (command === 'restore') await restoreBackup(site, file!);
else if (command === 'vacuum') new BetterSqlite3(`${dataDir}/tisse.sqlite`, { readonly: true }).exec(`VACUUM INTO '${file!.replaceAll("'", "''")}'`);
else if (command !== 'idle') throw new Error(`unknown command ${command}`);
const ms = performance.now() - began;
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
