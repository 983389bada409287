import type { AddressInfo } from 'node:net';
import { siteLayout } from '../releases/release-store.ts';
import { createStaticServer, type StaticServerOptions } from './static-server.ts';

export interface Portal {
  url: string;
  stop: () => Promise<void>;
}

/** Serves the live build of the portal (DATA_DIR/site/current) on `port`. */
export async function startPortal(
  options: { dataDir: string; port: number; host?: string } & Pick<StaticServerOptions, 'https' | 'memoryBytes' | 'keepBelow'>,
): Promise<Portal> {
  const { dataDir, port, host, ...serving } = options;
  const server = createStaticServer({ currentLink: siteLayout(dataDir).current, ...serving });
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
