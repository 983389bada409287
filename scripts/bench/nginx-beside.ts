import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchError } from './bench-error.ts';

export interface NginxOptions {
  nginx: string;
  /** A directory of its own for the configuration, logs and temp files. */
  dir: string;
  /** The directory to serve: the portal's `current` link, as our server does. */
  root: string;
  port: number;
  workers: number;
  /** Headers to add to every answer, as our server sends them (security headers, page policy). */
  headers: Record<string, string>;
}

export interface RunningNginx {
  url: string;
  /** The master process; its workers are its children. */
  pid: number;
  stop: () => Promise<void>;
}

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * nginx configured like the portal server for one page: the precompressed `.gz` copies
 * (gzip_static), ETags, the site's 404 page, the same headers, keep-alive without a
 * request limit (Node's server has none), no access log (ours keeps none), open files and
 * their metadata cached (ours keeps them in memory), `workers` worker processes. Runs in the foreground as our child, so it stops with us.
 */
export function nginxConfig(options: NginxOptions): string {
  const mimeTypes = '/etc/nginx/mime.types';
  const types = existsSync(mimeTypes) ? `include ${mimeTypes};` : 'types { text/html html; text/css css; application/javascript js; }';
  const added = Object.entries(options.headers)
    .map(([name, value]) => `      add_header ${name} ${quote(value)} always;`)
    .join('\n');
  return `daemon off;
worker_processes ${options.workers};
pid ${join(options.dir, 'nginx.pid')};
error_log ${join(options.dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  ${types}
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  # Our server keeps what it knows of each file; nginx's nearest equivalent is this cache.
  open_file_cache max=10000 inactive=60s;
  open_file_cache_valid 60s;
  client_body_temp_path ${join(options.dir, 'client_body')};
  proxy_temp_path ${join(options.dir, 'proxy')};
  fastcgi_temp_path ${join(options.dir, 'fastcgi')};
  uwsgi_temp_path ${join(options.dir, 'uwsgi')};
  scgi_temp_path ${join(options.dir, 'scgi')};
  server {
    listen 127.0.0.1:${options.port};
    root ${options.root};
    index index.html;
    gzip_static on;
    gzip_vary on;
    etag on;
    error_page 404 /404.html;
    location / {
${added}
    }
  }
}
`;
}

/** Starts nginx with nginxConfig() and waits until it answers. */
export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  mkdirSync(options.dir, { recursive: true });
  const conf = join(options.dir, 'nginx.conf');
  writeFileSync(conf, nginxConfig(options));
  const child: ChildProcess = spawn(options.nginx, ['-p', options.dir, '-c', conf, '-e', join(options.dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new BenchError(`nginx exited at start (${child.exitCode}): ${stderr.trim() || readFileSync(join(options.dir, 'error.log'), 'utf8').trim()}`);
    const up = await fetch(`${url}/`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (attempt > 100) throw new BenchError(`nginx did not answer on ${url} within 5 s: ${stderr.trim()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}
