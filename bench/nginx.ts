// nginx serving one HTML page as a static file on loopback: the same-run reference the page benchmarks divide by
// (the physical limit a page server can approach on this machine). Undefined when nginx is not installed.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './loopback.ts';

export interface StaticServer {
  url: string;
  stop(): Promise<void>;
}

export async function serveStaticWithNginx(html: string): Promise<StaticServer | undefined> {
  if (spawnSync('sh', ['-c', 'command -v nginx']).status !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'tisse-nginx-'));
  const port = await freePort();
  writeFileSync(join(dir, 'article.html'), html);
  // nginx workers drop root privileges: the folder must be readable by them.
  chmodSync(dir, 0o755);
  chmodSync(join(dir, 'article.html'), 0o644);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log; daemon off;
events { worker_connections 1024; }
http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000;
  server { listen 127.0.0.1:${port}; root ${dir}; location / { default_type text/html; } } }`,
  );
  const nginx = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/article.html`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  return {
    url,
    async stop() {
      nginx.kill('SIGTERM');
      await new Promise((resolve) => nginx.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
