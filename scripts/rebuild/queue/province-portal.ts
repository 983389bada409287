import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { siteLayout } from '../releases/release-store.ts';
import { contentSecurityPolicy, securityHeaders } from '../serving/response-headers.ts';
import { createStaticServer } from '../serving/static-server.ts';
import { communeDataDir } from './commune-data-dir.ts';

export interface ProvincePortalOptions {
  dataDir: string;
  communes: readonly string[];
  /** A commune's portal answers at `<slug>.<domain>`. */
  domain: string;
  port: number;
  host?: string;
  https?: boolean;
  /** Memory for each commune's live files (default 8 MiB: a hundred communes in under 1 GB). */
  memoryBytesPerCommune?: number;
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
 * chosen by host name, with everything the single-commune server does (atomic swaps,
 * precompressed files, ranges, the site's own 404). The province's own host answers with the
 * list of communes; any other host with 404.
 */
export async function startProvincePortal(options: ProvincePortalOptions): Promise<ProvincePortal> {
  const domain = options.domain.toLowerCase();
  const servers = new Map<string, Server>();
  for (const commune of options.communes) {
    const layout = siteLayout(communeDataDir(options.dataDir, commune));
    servers.set(`${commune}.${domain}`, createStaticServer({ currentLink: layout.current, https: options.https, memoryBytes: options.memoryBytesPerCommune ?? 8 * 1024 * 1024 }));
  }
  const base = securityHeaders({ https: options.https ?? false });
  const page = (status: number, title: string, body: string) =>
    [status, { ...base, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': contentSecurityPolicy(), 'Cache-Control': 'no-cache' }, `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><h1>${title}</h1>${body}</html>`] as const;
  const scheme = options.https ? 'https' : 'http';
  const directory = page(200, 'Cổng thông tin điện tử các xã, phường', `<ul>${options.communes.map((c) => `<li><a href="${scheme}://${escapeHtml(c)}.${escapeHtml(domain)}/">${escapeHtml(c)}</a></li>`).join('')}</ul>`);
  const unknown = page(404, 'Không có cổng thông tin nào ở địa chỉ này', `<p>Xin kiểm tra lại địa chỉ, hoặc xem <a href="${scheme}://${escapeHtml(domain)}/">danh sách các xã, phường</a>.</p>`);

  function send(req: IncomingMessage, res: ServerResponse, [status, headers, html]: readonly [number, Record<string, string>, string]): void {
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : html);
  }

  const server = createServer((req, res) => {
    const host = hostOf(req);
    const commune = servers.get(host);
    if (commune) commune.emit('request', req, res);
    else send(req, res, host === domain ? directory : unknown);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${!options.host || options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${bound}`,
    stop: async () => {
      for (const s of servers.values()) s.emit('close');
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
