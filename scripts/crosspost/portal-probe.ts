import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

// The runner must see a page live before a post links to it, and reads the page's share image.
// It asks the portal server on this machine, not the public address (which may be a CDN, or not
// resolve here). One commune's portal answers on that server as it is; a province's portal tells
// its communes apart by the host name the request names (or by the path), so the probe asks with
// the page's own public host, which fetch() cannot set (Host is a forbidden header there).

export interface PortalAnswer {
  status: number;
  body: string;
}

/** Reads one page of the public site through a local portal server. */
export type PortalProbe = (pageUrl: string, method: 'GET' | 'HEAD') => Promise<PortalAnswer>;

const TIMEOUT_MS = 5_000;

/**
 * One commune's portal: the page's path under the public siteUrl, asked of portalCheckUrl.
 */
export function communePortalProbe(siteUrl: string, portalCheckUrl: string): PortalProbe {
  const base = siteUrl.replace(/\/$/, '');
  return async (pageUrl, method) => {
    const path = pageUrl.startsWith(base) ? pageUrl.slice(base.length) || '/' : new URL(pageUrl).pathname;
    const res = await fetch(new URL(path, portalCheckUrl), { method, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    return { status: res.status, body: method === 'GET' ? await res.text() : '' };
  };
}

/**
 * A province's portal: the page's whole path (a commune under a path keeps its prefix) with its
 * public host name in the Host header, asked of the province portal server at portalCheckUrl.
 */
export function provincePortalProbe(portalCheckUrl: string): PortalProbe {
  const server = new URL(portalCheckUrl);
  const request = server.protocol === 'https:' ? httpsRequest : httpRequest;
  return (pageUrl, method) =>
    new Promise((resolve, reject) => {
      const page = new URL(pageUrl);
      const req = request(
        { protocol: server.protocol, hostname: server.hostname, port: server.port, method, path: `${page.pathname}${page.search}`, headers: { host: page.host }, timeout: TIMEOUT_MS },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`The portal at ${server.origin} did not answer within ${TIMEOUT_MS} ms`)));
      req.on('error', reject);
      req.end();
    });
}
