// What the benches read of the processes and trees they measure: a process's CPU time, a tree's commit.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime. */
const TICKS = 100;

/** CPU seconds process `pid` has used, user + system (Linux /proc). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

/** The same where /proc may be missing: undefined instead of an error. */
export function cpuSecondsIfKnown(pid: number | undefined): number | undefined {
  try {
    return pid === undefined ? undefined : cpuSeconds(pid);
  } catch {
    return undefined;
  }
}

/** The checked-out commit of a tree, to name it in a table (the path when git cannot tell). */
export function shortCommit(tree: string): string {
  return spawnSync('git', ['-C', tree, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || tree;
}
