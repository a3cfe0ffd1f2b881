// <dataDir>/tisse.pid: the process serving this data directory, so that `tisse theme reload` can tell it.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const pidFileOf = (dataDir: string) => join(dataDir, 'tisse.pid');

export function writePidFile(dataDir: string): void {
  try {
    writeFileSync(pidFileOf(dataDir), `${process.pid}\n`);
  } catch {
    // A read-only data directory only loses `tisse theme reload`: a restart reloads too.
  }
}

/** The pid written by a server, when it is still running. */
export function runningServerPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidFileOf(dataDir), 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** Removes the pid file when it is this process's own. */
export function removePidFile(dataDir: string): void {
  try {
    if (Number(readFileSync(pidFileOf(dataDir), 'utf8').trim()) === process.pid) rmSync(pidFileOf(dataDir));
  } catch {
    // Already gone.
  }
}
