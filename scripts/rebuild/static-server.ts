import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { inlineScriptHashes } from './inline-script-hashes.ts';
import { contentTypeOf, isText } from './mime-types.ts';
import { cacheControlFor, contentSecurityPolicy, REVALIDATE, securityHeaders } from './response-headers.ts';

export interface StaticServerOptions {
  /** The `current` symlink; resolved on every request, so a swap takes effect at once. */
  currentLink: string;
  https?: boolean;
}

const UNAVAILABLE_HTML = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Cổng thông tin đang được dựng</title>
<p>Cổng thông tin xã Thanh Thủy đang được dựng lần đầu. Vui lòng thử lại sau ít phút.</p></html>`;

type Found = { path: string; size: number; mtime: Date };

async function statFile(path: string): Promise<(Found & { dir: boolean }) | null> {
  try {
    const s = await stat(path);
    return { path, size: s.size, mtime: s.mtime, dir: s.isDirectory() };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return accepted;
}

const etagOf = (data: Buffer, suffix = '') => `"${createHash('sha1').update(data).digest('base64url')}${suffix}"`;

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}

/**
 * Serves DATA_DIR/site/current: the one build that is live. Looks up /a/b/ as
 * /a/b/index.html, redirects a directory without its slash, answers 404 with the site's own
 * Vietnamese 404 page, and sends the `.br`/`.gz` copy of a file when one exists and the
 * browser accepts it.
 */
export function createStaticServer(options: StaticServerOptions): Server {
  const base = securityHeaders({ https: options.https ?? false });
  const csp = new Map<string, string>(); // per HTML file (path:mtime:size): its inline script hashes

  async function send(req: IncomingMessage, res: ServerResponse, file: Found, urlPath: string, status = 200): Promise<void> {
    const type = contentTypeOf(file.path);
    const headers: Record<string, string> = { ...base, 'Content-Type': type, 'Cache-Control': status === 200 ? cacheControlFor(urlPath) : REVALIDATE };
    let body = await readFile(file.path);
    if (type.startsWith('text/html')) {
      const key = `${file.path}:${file.mtime.getTime()}:${file.size}`;
      let policy = csp.get(key);
      if (!policy) {
        policy = contentSecurityPolicy(inlineScriptHashes(body.toString('utf8')));
        if (csp.size > 5_000) csp.clear();
        csp.set(key, policy);
      }
      headers['Content-Security-Policy'] = policy;
    }
    let etag = etagOf(body);
    if (isText(type)) {
      headers.Vary = 'Accept-Encoding';
      const accepted = acceptedEncodings(req.headers['accept-encoding']);
      for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']] as const) {
        if (!accepted.has(encoding)) continue;
        const variant = await statFile(file.path + ext);
        if (!variant || variant.dir) continue;
        body = await readFile(variant.path);
        headers['Content-Encoding'] = encoding;
        etag = etag.replace(/"$/, `-${encoding}"`);
        break;
      }
    }
    headers.ETag = etag;
    headers['Last-Modified'] = file.mtime.toUTCString();
    if (status === 200 && matchesEtag(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    headers['Content-Length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...base, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed');
      return;
    }
    let root: string;
    try {
      root = await realpath(options.currentLink);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      res.writeHead(503, { ...base, 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '10', 'Cache-Control': 'no-store', 'Content-Security-Policy': contentSecurityPolicy() });
      res.end(req.method === 'HEAD' ? undefined : UNAVAILABLE_HTML);
      return;
    }
    const url = new URL(req.url ?? '/', 'http://portal.invalid');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { ...base, 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    const segments = path.split('/');
    // No way out of the build directory and no dotfiles (the precompressor's temp files, .git…).
    const forbidden = path.includes('\0') || segments.some((s) => s === '..' || s.startsWith('.'));
    const found = forbidden ? null : await statFile(join(root, path, path.endsWith('/') ? 'index.html' : ''));
    if (found?.dir) {
      res.writeHead(301, { ...base, Location: `${url.pathname}/${url.search}`, 'Cache-Control': REVALIDATE }).end();
      return;
    }
    if (found) return send(req, res, found, url.pathname);
    const notFound = await statFile(join(root, '404.html'));
    if (notFound) return send(req, res, notFound, '/404.html', 404);
    res.writeHead(404, { ...base, 'Content-Type': 'text/plain; charset=utf-8' }).end('Không tìm thấy trang');
  }

  return createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      console.error(`Portal server: ${req.method} ${req.url} failed: ${error.message}`);
      if (!res.headersSent) res.writeHead(500, { ...base, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end();
    });
  });
}
