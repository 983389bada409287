import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RebuildHookRecorder {
  url: string;
  received: unknown[];
  /** The `crosspost.shared` events received, in order. */
  sharedEvents(): Array<{ pieceUid: string; pieceId: string; channel: string }>;
  close(): Promise<void>;
}

/** Stands in for the rebuild worker: records what the CMS's rebuild webhook posts. */
export async function rebuildHookRecorder(): Promise<RebuildHookRecorder> {
  const received: unknown[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      received.push(JSON.parse(text));
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    sharedEvents: () => received.filter((body) => (body as { event: string }).event === 'crosspost.shared') as ReturnType<RebuildHookRecorder['sharedEvents']>,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
