import type { AddressInfo } from 'node:net';
import { siteLayout } from './release-store.ts';
import { createStaticServer } from './static-server.ts';

export interface Portal {
  url: string;
  stop: () => Promise<void>;
}

/** Serves the live build of the portal (DATA_DIR/site/current) on `port`. */
export async function startPortal(options: { dataDir: string; port: number; host?: string; https?: boolean }): Promise<Portal> {
  const server = createStaticServer({ currentLink: siteLayout(options.dataDir).current, https: options.https });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = !options.host || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return {
    url: `http://${host}:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
