// A jobs runner in a process of its own, for the test that kills one (src/jobs/runner.test.ts): it opens the
// database given on its command line, runs jobs of type 'hang' (which never finish), says "claimed <id>" on
// stdout when it has one, and waits to be killed.
import pino from 'pino';
import { openDatabase } from '../../src/db/connect.ts';
import { startJobRunner } from '../../src/jobs/runner.ts';

const [dataDir = '', databaseUrl, heartbeatMs = '200'] = process.argv.slice(2);
const db = await openDatabase({ dataDir, databaseUrl: databaseUrl || undefined });
startJobRunner({
  db,
  log: pino({ level: 'silent' }),
  pollMs: 20,
  heartbeatMs: Number(heartbeatMs),
  handlers: {
    hang: (_payload, job) => {
      process.stdout.write(`claimed ${job.id}\n`);
      return new Promise(() => {});
    },
  },
});
setInterval(() => {}, 1000);
