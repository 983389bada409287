import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ProvinceRouting } from '@thanh-thuy/content-types';
import { CommuneReleases } from '../object-store/commune-releases.ts';
import { listenForReleases, type ReleaseNotices } from '../object-store/release-notices.ts';
import type { ObjectStore } from '../object-store/object-store-env.ts';
import { precompress } from '../releases/precompress.ts';
import { siteLayout } from '../releases/release-store.ts';
import { contentSecurityPolicy, securityHeaders } from '../serving/response-headers.ts';
import { createStaticServer } from '../serving/static-server.ts';
import { communeDataDir } from './commune-data-dir.ts';

export interface ProvincePortalOptions {
  dataDir: string;
  communes: readonly string[];
  /** A commune's portal answers at `<slug>.<domain>`, or at `<domain>/<slug>/` when `routing` is `path`. */
  domain: string;
  routing?: ProvinceRouting;
  port: number;
  host?: string;
  https?: boolean;
  /** Memory for each commune's live files (default 8 MiB: a hundred communes in under 1 GB). */
  memoryBytesPerCommune?: number;
  /** Releases are taken from this bucket (workers put them there), every `pollMs`, before being served. */
  objectStore?: ObjectStore | null;
  /** Where workers announce each new release, for a pull at once rather than at the next poll. */
  notices?: ReleaseNotices;
  log?: (line: string) => void;
}

export interface ProvincePortal {
  url: string;
  stop: () => Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The host a request names, lowercased, without its port. */
function hostOf(req: IncomingMessage): string {
  return (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}

/**
 * Serves every commune's live portal from one process, each from its own release store and
 * chosen by host name (or by the first segment of the path, `routing: 'path'`), with
 * everything the single-commune server does (atomic swaps, precompressed files, ranges, the
 * site's own 404). The province's own address answers with the list of communes; any other
 * with 404. With an object store, each commune's store is kept at the bucket's live release.
 */
export async function startProvincePortal(options: ProvincePortalOptions): Promise<ProvincePortal> {
  const domain = options.domain.toLowerCase();
  const byPath = options.routing === 'path';
  const servers = new Map<string, Server>();
  for (const commune of options.communes) {
    const layout = siteLayout(communeDataDir(options.dataDir, commune));
    servers.set(byPath ? commune : `${commune}.${domain}`, createStaticServer({ currentLink: layout.current, https: options.https, memoryBytes: options.memoryBytesPerCommune ?? 8 * 1024 * 1024, ...(byPath ? { pathPrefix: `/${commune}` } : {}) }));
  }
  const mirror = options.objectStore ? startMirror(options.objectStore, options) : null;
  await mirror?.firstPass;
  const base = securityHeaders({ https: options.https ?? false });
  const page = (status: number, title: string, body: string) =>
    [status, { ...base, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': contentSecurityPolicy(), 'Cache-Control': 'no-cache' }, `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><h1>${title}</h1>${body}</html>`] as const;
  const scheme = options.https ? 'https' : 'http';
  const communeHref = (c: string) => (byPath ? `/${escapeHtml(c)}/` : `${scheme}://${escapeHtml(c)}.${escapeHtml(domain)}/`);
  const directory = page(200, 'Cổng thông tin điện tử các xã, phường', `<ul>${options.communes.map((c) => `<li><a href="${communeHref(c)}">${escapeHtml(c)}</a></li>`).join('')}</ul>`);
  const unknown = page(404, 'Không có cổng thông tin nào ở địa chỉ này', `<p>Xin kiểm tra lại địa chỉ, hoặc xem <a href="${scheme}://${escapeHtml(domain)}/">danh sách các xã, phường</a>.</p>`);

  function send(req: IncomingMessage, res: ServerResponse, [status, headers, html]: readonly [number, Record<string, string>, string]): void {
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : html);
  }

  // Path routing: /<slug>/… goes to that commune's server as /…, so its release (built with
  // SITE_URL <domain>/<slug>, every link under it) is served as it is with host routing.
  function routeByPath(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '/';
    const match = /^\/([a-z0-9-]+)(\/.*)?$/.exec(url.split('?')[0]);
    const commune = match ? servers.get(match[1]) : undefined;
    if (!match || !commune) return send(req, res, url === '/' || url.startsWith('/?') ? directory : unknown);
    if (!match[2]) {
      const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
      res.writeHead(301, { ...base, Location: `/${match[1]}/${query}`, 'Cache-Control': 'no-cache' });
      return void res.end();
    }
    req.url = url.slice(match[1].length + 1);
    commune.emit('request', req, res);
  }

  const server = createServer((req, res) => {
    const host = hostOf(req);
    // One host serves every commune by path: whatever name the CDN or the load balancer uses.
    if (byPath) return routeByPath(req, res);
    const commune = servers.get(host);
    if (commune) commune.emit('request', req, res);
    else send(req, res, host === domain ? directory : unknown);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  }).catch(async (error: Error) => {
    await mirror?.stop(); // a port taken: nothing keeps pulling for a portal that never served
    throw error;
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${!options.host || options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${bound}`,
    stop: async () => {
      await mirror?.stop();
      for (const s of servers.values()) s.emit('close');
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Keeps each commune's local release store at the release live in the object store: a pull when
 * a worker announces a new release (Redis, release-notices.ts) and at every pass over the
 * communes every `pollMs` (a conditional GET each; it also catches a notice missed while Redis
 * was away), then compressed copies made here. Pulls of one commune never overlap. A commune
 * whose pull fails keeps serving what it had; the error is logged once until it changes.
 */
function startMirror(store: ObjectStore, options: ProvincePortalOptions): { firstPass: Promise<void>; stop: () => Promise<void> } {
  const log = options.log ?? (() => {});
  const communes = new Map(options.communes.map((commune) => [commune, new CommuneReleases(store, commune, siteLayout(communeDataDir(options.dataDir, commune)))]));
  const lastError = new Map<string, string>();
  const pulling = new Map<string, Promise<void>>();
  const compressing = new AbortController();
  const compressions = new Set<Promise<unknown>>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  async function pullNow(releases: CommuneReleases): Promise<void> {
    try {
      const pulled = await releases.pull({ prune: true });
      lastError.delete(releases.commune);
      if (!pulled) return;
      log(`[${releases.commune}] Release ${pulled.id} is live here (${pulled.downloaded} of ${pulled.files} files downloaded)`);
      // Off the path of the next pull: the release is already served, compressed copies follow.
      const dir = join(releases.layout.builds, pulled.id);
      const compression = precompress(dir, { previousDir: pulled.before ? join(releases.layout.builds, pulled.before) : null, signal: compressing.signal })
        .catch((error: Error) => log(`[${releases.commune}] Compressing release ${pulled.id} failed: ${error.message}`))
        .finally(() => compressions.delete(compression));
      compressions.add(compression);
    } catch (error) {
      const message = (error as Error).message;
      if (lastError.get(releases.commune) !== message) log(`[${releases.commune}] Taking the live release from the object store failed: ${message} (the portal keeps serving what it has)`);
      lastError.set(releases.commune, message);
    }
  }

  /** One pull of `commune` after any under way: a notice during a pull is served by the next. */
  function pull(commune: string): Promise<void> {
    const releases = communes.get(commune);
    if (!releases || stopped) return Promise.resolve();
    const next = (pulling.get(commune) ?? Promise.resolve()).then(() => (stopped ? undefined : pullNow(releases)));
    pulling.set(commune, next);
    void next.finally(() => pulling.get(commune) === next && pulling.delete(commune));
    return next;
  }

  async function pass(): Promise<void> {
    for (const commune of communes.keys()) {
      if (stopped) return;
      await pull(commune);
    }
  }

  const notices = options.notices ? listenForReleases(options.notices, (commune) => void pull(commune), log) : null;
  let running: Promise<void> = pass();
  const loop = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().then(loop);
    }, store.pollMs);
  };
  const firstPass = running.then(loop);
  return {
    firstPass,
    stop: async () => {
      stopped = true;
      compressing.abort();
      if (timer) clearTimeout(timer);
      notices?.close();
      await running;
      await Promise.all([...pulling.values(), ...compressions]);
    },
  };
}
