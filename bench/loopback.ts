// Benchmarks run their servers on loopback only; this finds them a free port.
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Waits until `url` answers 200 (the server is up), or throws if the server's process exited first. */
export async function waitForAnswer(child: { exitCode: number | null }, url: string, pauseMs = 10): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error('server exited before answering');
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}
