import type { AddressInfo } from 'node:net';
import { siteLayout } from '../releases/release-store.ts';
import { createPreviewHandler } from './preview-route.ts';
import { securityHeaders } from './response-headers.ts';
import { createStaticServer, type StaticServerOptions } from './static-server.ts';

/** What the preview route needs (issue 10): the build's own variables and the signing secret. */
export interface PortalPreview {
  /** CMS_URL, SITE_API_TOKEN, SITE_URL, as the worker's builds get them. */
  buildEnv: Record<string, string>;
  secret: string;
  /** Origins whose pages may frame a preview (the CMS admin: CMS_URL, CMS_PUBLIC_URL). */
  cmsOrigins: Array<string | undefined>;
}

export interface Portal {
  url: string;
  stop: () => Promise<void>;
}

/** Serves the live build of the portal (DATA_DIR/site/current) on `port`, and draft previews when `preview` is given. */
export async function startPortal(
  options: { dataDir: string; port: number; host?: string; preview?: PortalPreview } & Pick<StaticServerOptions, 'https' | 'memoryBytes' | 'keepBelow'>,
): Promise<Portal> {
  const { dataDir, port, host, preview, ...serving } = options;
  const layout = siteLayout(dataDir);
  let previewHandler: StaticServerOptions['preview'];
  if (preview) {
    // Loaded only where previews are served: it opens the portal's server bundle.
    const { createPreviewRenderer } = await import('../../../site/scripts/preview.mjs');
    const renderer = createPreviewRenderer({ env: { ...preview.buildEnv, SITE_CACHE_DIR: layout.cache } });
    previewHandler = createPreviewHandler({ renderer, secret: preview.secret, base: securityHeaders({ https: serving.https ?? false }), cmsOrigins: preview.cmsOrigins });
  }
  const server = createStaticServer({ currentLink: layout.current, ...serving, preview: previewHandler });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host ?? '0.0.0.0', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  const reachable = !host || host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${reachable}:${bound}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
