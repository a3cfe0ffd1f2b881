// wrk (C, one thread) as the load generator when installed (`apt-get install -y wrk`): autocannon, in Node, takes
// a core of its own on this two-core machine and saturates near 10,000 requests/s, so it holds nginx (and any fast
// server) far below what they reach with wrk (~40,000 for nginx here).
import { spawnSync } from 'node:child_process';

export const hasWrk = spawnSync('sh', ['-c', 'command -v wrk']).status === 0;

export interface WrkFigures {
  rps: number;
  /** Latencies in ms. */
  p50: number;
  p99: number;
  /** Non-2xx/3xx answers and socket errors. */
  errors: number;
  /** Requests completed. */
  total: number;
}

/** One wrk run against `url`; undefined when wrk is not installed. */
export function wrkLoad(url: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): WrkFigures | undefined {
  if (!hasWrk) return undefined;
  const headers = Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const out = spawnSync('wrk', ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency', ...headers, url], { encoding: 'utf8' }).stdout;
  const ms = (label: string) => {
    const match = new RegExp(`^\\s+${label}\\s+([\\d.]+)(us|ms|s)\\b`, 'm').exec(out);
    return match ? Math.round(Number(match[1]) * (match[2] === 'us' ? 0.001 : match[2] === 's' ? 1000 : 1) * 100) / 100 : NaN;
  };
  // Printed only when there were some: "Socket errors: connect 0, read 2, write 0, timeout 5".
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)?.slice(1) ?? [];
  return {
    rps: Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0)),
    p50: ms('50%'),
    p99: ms('99%'),
    errors: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0) + socketErrors.reduce((sum, n) => sum + Number(n), 0),
    total: Number(/(\d+) requests in/.exec(out)?.[1] ?? 0),
  };
}
