import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { LiveRelease } from './live-release.ts';
import type { PreviewHandler } from './preview-route.ts';
import { ReleaseFiles, type Resolution } from './release-files.ts';
import { pathOf, sameSiteLocation, searchOf } from './request-path.ts';
import { contentSecurityPolicy, headerBlock, REVALIDATE, securityHeaders, type HeaderBlock } from './response-headers.ts';
import { sendFile } from './send-file.ts';

export interface StaticServerOptions {
  /** The `current` symlink: a swap takes effect for the next request. */
  currentLink: string;
  /** Draft previews (`/xem-truoc/…`, issue 10), rendered on request; none when unset. */
  preview?: PreviewHandler;
  https?: boolean;
  /** Memory for the live release's files and what is known of them (default 64 MiB). */
  memoryBytes?: number;
  /** Files up to this size are kept in memory once read (default 1 MiB); larger ones are streamed. */
  keepBelow?: number;
  /** The path the portal is served under by a province's path routing ("/dao-xa"): redirects stay below it. */
  pathPrefix?: string;
}

const UNAVAILABLE_HTML = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Cổng thông tin đang được dựng</title>
<p>Cổng thông tin xã Thanh Thủy đang được dựng lần đầu. Vui lòng thử lại sau ít phút.</p></html>`;

/** An answer that never changes: its status, headers and body, set up once. */
interface Fixed {
  status: number;
  headers: HeaderBlock;
  body: Buffer;
}

function fixed(status: number, headers: Record<string, string>, text: string): Fixed {
  const body = Buffer.from(text);
  return { status, headers: headerBlock({ ...headers, 'Content-Length': String(body.length) }), body };
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/**
 * Serves DATA_DIR/site/current: the one build that is live. Looks up /a/b/ as
 * /a/b/index.html, redirects a directory without its slash (and any irregular path) to its
 * one address, answers 404 with the site's own Vietnamese 404 page, sends the `.br`/`.gz`
 * copy of a file when one exists and the browser accepts it, answers single byte ranges
 * (video on iOS Safari needs them), and streams large files.
 *
 * A release never changes once live, so everything about a file is worked out on its first
 * request and kept for the release's life (release-files.ts): its ETag, its page policy, the
 * header blocks of its answers and, for files up to `keepBelow`, its bytes. The common
 * request (a known page) is then answered synchronously, with no file-system call: which
 * release is live is known without reading the link each time (live-release.ts). Each
 * request takes the live release once and answers from it alone, so a swap never mixes two
 * builds, and a file being sent stays readable even if its release is deleted meanwhile.
 */
export function createStaticServer(options: StaticServerOptions): Server {
  const base = securityHeaders({ https: options.https ?? false });
  const settings = { base, keepBelow: options.keepBelow ?? 1024 * 1024, memoryBytes: options.memoryBytes ?? 64 * 1024 * 1024 };
  const live = new LiveRelease({ link: options.currentLink, open: (root) => new ReleaseFiles(root, settings) });
  const text = { 'Content-Type': 'text/plain; charset=utf-8' };
  const answers = {
    methodNotAllowed: fixed(405, { ...base, Allow: 'GET, HEAD', ...text }, 'Method not allowed'),
    badRequest: fixed(400, { ...base, ...text }, 'Bad request'),
    notFound: fixed(404, { ...base, ...text }, 'Không tìm thấy trang'),
    gone: fixed(410, { ...base, ...text }, 'Nội dung đã bị gỡ bỏ'),
    unavailable: fixed(
      503,
      { ...base, 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '10', 'Cache-Control': 'no-store', 'Content-Security-Policy': contentSecurityPolicy() },
      UNAVAILABLE_HTML,
    ),
  };

  function sendFixed(req: IncomingMessage, res: ServerResponse, answer: Fixed): void {
    res.writeHead(answer.status, answer.headers);
    res.end(req.method === 'HEAD' ? undefined : answer.body);
  }

  function failed(req: IncomingMessage, res: ServerResponse, error: unknown, retried: boolean): void {
    // A release deleted between taking it and reading one of its files (the worker prunes
    // old builds) is a moment too late, not a missing page: take the live release again.
    if (errorCode(error) === 'ENOENT' && !res.headersSent && !retried) {
      handle(req, res, true);
      return;
    }
    console.error(`Portal server: ${req.method} ${req.url} failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!res.headersSent) res.writeHead(500, { ...base, ...text });
    res.end();
  }

  function answer(req: IncomingMessage, res: ServerResponse, release: ReleaseFiles, path: string, resolution: Resolution, retried: boolean): void | Promise<void> {
    switch (resolution.kind) {
      case 'file':
        return sendFile(req, res, { release, path, file: resolution.file, status: 200 });
      case 'redirect':
        res.writeHead(301, headerBlock({ ...base, Location: `${options.pathPrefix ?? ''}${sameSiteLocation(resolution.to, searchOf(req.url ?? '/'))}`, 'Cache-Control': REVALIDATE }));
        res.end();
        return;
      case 'bad-request':
        return sendFixed(req, res, answers.badRequest);
      case 'not-found': {
        const page = release.notFoundPage;
        if (page === undefined) return release.loadNotFoundPage().then(() => answer(req, res, release, path, resolution, retried));
        if (page === null) return sendFixed(req, res, answers.notFound);
        return sendFile(req, res, { release, path: null, file: page, status: 404 });
      }
      case 'gone': {
        const page = release.gonePage;
        if (page === undefined) return release.loadGonePage().then(() => answer(req, res, release, path, resolution, retried));
        if (page === null) return sendFixed(req, res, answers.gone);
        return sendFile(req, res, { release, path: null, file: page, status: 410 });
      }
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse, retried: boolean): void {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendFixed(req, res, answers.methodNotAllowed);
      const release = live.current(retried);
      if (release === null) return sendFixed(req, res, answers.unavailable);
      const path = pathOf(req.url ?? '/');
      if (options.preview && path.startsWith('/xem-truoc/')) {
        options.preview(req, res, path).catch((error: unknown) => failed(req, res, error, true));
        return;
      }
      const known = release.known(path);
      const answered = known ? answer(req, res, release, path, known, retried) : release.resolve(path).then((resolution) => answer(req, res, release, path, resolution, retried));
      answered?.catch((error: unknown) => failed(req, res, error, retried));
    } catch (error) {
      failed(req, res, error, retried);
    }
  }

  const server = createServer((req, res) => handle(req, res, false));
  server.on('close', () => live.close());
  return server;
}
