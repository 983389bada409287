import type { Stats } from 'node:fs';
import { open, realpath, stat, type FileHandle } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { answerRange } from './byte-range.ts';
import { ENCODINGS, ReleaseFiles, type Encoding, type ReleaseFile, type StoredFile } from './release-files.ts';
import { parseRequestPath, sameSiteLocation } from './request-path.ts';
import { isText } from './mime-types.ts';
import { cacheControlFor, contentSecurityPolicy, REVALIDATE, securityHeaders } from './response-headers.ts';

export interface StaticServerOptions {
  /** The `current` symlink; resolved on every request, so a swap takes effect at once. */
  currentLink: string;
  https?: boolean;
}

const UNAVAILABLE_HTML = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Cổng thông tin đang được dựng</title>
<p>Cổng thông tin xã Thanh Thủy đang được dựng lần đầu. Vui lòng thử lại sau ít phút.</p></html>`;

// Smaller files are read in one go and sent with end(): a stream costs more than the read.
const STREAM_ABOVE_BYTES = 64 * 1024;

async function statOf(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

/** Sends bytes start..end (inclusive) of an open file, then closes it. */
async function sendBytes(res: ServerResponse, handle: FileHandle, start: number, end: number): Promise<void> {
  try {
    const length = end - start + 1;
    if (length <= STREAM_ABOVE_BYTES) {
      const buffer = Buffer.allocUnsafe(length);
      let read = 0;
      while (read < length) {
        const { bytesRead } = await handle.read(buffer, read, length - read, start + read);
        if (bytesRead === 0) throw new Error(`the file ended after ${start + read} of ${end + 1} bytes`);
        read += bytesRead;
      }
      res.end(buffer);
      return;
    }
    // A visitor who goes away mid-download is not an error of ours.
    await pipeline(handle.createReadStream({ start, end, autoClose: false }), res).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    });
  } finally {
    await handle.close();
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

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}

/** The compressed copy to send, if the browser takes one and it exists. */
function variantFor(file: ReleaseFile, req: IncomingMessage): { encoding: Encoding; stored: StoredFile } | null {
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  for (const [encoding] of ENCODINGS) {
    const stored = file.variants[encoding];
    if (stored && accepted.has(encoding)) return { encoding, stored };
  }
  return null;
}

/**
 * Serves DATA_DIR/site/current: the one build that is live. Looks up /a/b/ as
 * /a/b/index.html, redirects a directory without its slash (and any irregular path) to its
 * one address, answers 404 with the site's own Vietnamese 404 page, sends the `.br`/`.gz`
 * copy of a file when one exists and the browser accepts it, answers single byte ranges
 * (video on iOS Safari needs them), and streams large files. Each request resolves the
 * `current` link once and reads its file from that release: a swap never mixes two builds,
 * and a file being sent stays readable even if its release is deleted meanwhile.
 */
export function createStaticServer(options: StaticServerOptions): Server {
  const base = securityHeaders({ https: options.https ?? false });
  const files = new ReleaseFiles();

  async function send(req: IncomingMessage, res: ServerResponse, path: string, stats: Stats, urlPath: string, status: 200 | 404): Promise<void> {
    const file = await files.describe(path, stats);
    const headers: Record<string, string> = {
      ...base,
      'Content-Type': file.contentType,
      'Cache-Control': status === 200 ? cacheControlFor(urlPath) : REVALIDATE,
      'Last-Modified': stats.mtime.toUTCString(),
      ETag: file.etag,
    };
    if (file.csp) headers['Content-Security-Policy'] = file.csp;
    let sent: StoredFile = { path, size: stats.size };
    if (isText(file.contentType)) {
      headers.Vary = 'Accept-Encoding';
      const variant = variantFor(file, req);
      if (variant) {
        sent = variant.stored;
        headers['Content-Encoding'] = variant.encoding;
        headers.ETag = file.etag.replace(/"$/, `-${variant.encoding}"`);
      }
    }
    let start = 0;
    let end = sent.size - 1;
    let code: number = status;
    if (status === 200) {
      headers['Accept-Ranges'] = 'bytes';
      if (matchesEtag(req.headers['if-none-match'], headers.ETag)) {
        res.writeHead(304, headers).end();
        return;
      }
      const ifRange = [req.headers['if-range']].flat()[0];
      const answer = answerRange({ range: req.headers.range, ifRange }, { size: sent.size, etag: headers.ETag, lastModified: stats.mtime });
      if (answer.kind === 'unsatisfiable') {
        res.writeHead(416, { ...headers, 'Content-Range': `bytes */${sent.size}`, 'Content-Length': '0' }).end();
        return;
      }
      if (answer.kind === 'partial') {
        ({ start, end } = answer);
        code = 206;
        headers['Content-Range'] = `bytes ${start}-${end}/${sent.size}`;
      }
    }
    headers['Content-Length'] = String(end - start + 1);
    if (req.method === 'HEAD' || end < start) {
      res.writeHead(code, headers).end();
      return;
    }
    // Opened before the headers go out: from here on the bytes are this release's, even if
    // the release is deleted while a slow visitor is still downloading.
    const handle = await open(sent.path, 'r');
    res.writeHead(code, headers);
    await sendBytes(res, handle, start, end);
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
    const path = parseRequestPath(req.url);
    if (!path.ok && path.status === 400) {
      res.writeHead(400, { ...base, 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    if (path.ok && path.irregular) {
      res.writeHead(301, { ...base, Location: sameSiteLocation(path.canonical, path.search), 'Cache-Control': REVALIDATE }).end();
      return;
    }
    if (path.ok) {
      const target = join(root, ...path.segments, path.directory ? 'index.html' : '');
      const found = await statOf(target);
      if (found?.isDirectory()) {
        res.writeHead(301, { ...base, Location: sameSiteLocation(`${path.canonical}/`, path.search), 'Cache-Control': REVALIDATE }).end();
        return;
      }
      if (found?.isFile()) return send(req, res, target, found, path.canonical, 200);
    }
    const notFoundPage = join(root, '404.html');
    const notFound = await statOf(notFoundPage);
    if (notFound?.isFile()) return send(req, res, notFoundPage, notFound, '/404.html', 404);
    res.writeHead(404, { ...base, 'Content-Type': 'text/plain; charset=utf-8' }).end('Không tìm thấy trang');
  }

  // A release deleted between resolving `current` and opening one of its files (the worker
  // prunes old builds) is a moment too late, not a missing page: resolve `current` again.
  async function serveLive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await handle(req, res);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || res.headersSent) throw error;
      await handle(req, res);
    }
  }

  return createServer((req, res) => {
    serveLive(req, res).catch((error: Error) => {
      console.error(`Portal server: ${req.method} ${req.url} failed: ${error.message}`);
      if (!res.headersSent) res.writeHead(500, { ...base, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end();
    });
  });
}
