import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { createWorkerServer } from '../intake/worker-server.ts';
import { BuildQueue } from './build-queue.ts';
import { communesOf } from './communes-of-change.ts';
import { redisDurability } from './redis-durability.ts';

export interface QueueIntakeOptions {
  redisUrl: string;
  queue: string;
  communes: readonly string[];
  secret: string;
  port: number;
  host?: string;
  attempts: number;
  retryBaseMs: number;
  log: (line: string) => void;
}

export interface QueueIntake {
  url: string;
  buildQueue: BuildQueue;
  stop: () => Promise<void>;
}

/**
 * The province's webhook receiver: the same POST /webhook as one commune's worker, but each
 * change becomes a job per commune whose portal it reaches (communes-of-change.ts), for the
 * build workers to take. The CMS gets its 202 once the jobs are in Redis; while Redis is away
 * the answer waits for it (ioredis queues the commands), and a failure is answered 503.
 */
export async function startQueueIntake(options: QueueIntakeOptions): Promise<QueueIntake> {
  const { log } = options;
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const buildQueue = new BuildQueue({ connection, name: options.queue, attempts: options.attempts, retryBaseMs: options.retryBaseMs });
  const counts = { accepted: 0, ignored: 0, requests: 0 };
  const durability = await redisDurability(connection);
  for (const warning of durability.warnings) log(`Build queue: ${warning}`);

  const server = createWorkerServer({
    secret: options.secret,
    onChange: async (change, event) => {
      const addressed = communesOf(event, options.communes);
      if (addressed.unknown.length) log(`Change ${change.key} names communes this installation does not serve: ${addressed.unknown.join(', ')}`);
      const fanOut = addressed.communes.length > 1;
      for (const commune of addressed.communes) await buildQueue.request(commune, change, { fanOut });
      counts.accepted += 1;
      counts.requests += addressed.communes.length;
    },
    onIgnored: () => {
      counts.ignored += 1;
    },
    status: async () => ({ queue: await buildQueue.counts(), communes: options.communes.length, webhooks: { ...counts }, redis: durability }),
    log,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`,
    buildQueue,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await buildQueue.close();
      connection.disconnect();
    },
  };
}
