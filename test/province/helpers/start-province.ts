import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeBuildCommand } from '../../rebuild/helpers/fake-build.ts';
import { waitFor } from '../../rebuild/helpers/wait.ts';
import { startBuildWorker, type BuildWorker } from '../../../scripts/rebuild/queue/build-worker.ts';
import { startQueueIntake, type QueueIntake } from '../../../scripts/rebuild/queue/queue-intake.ts';
import { dataDirIn, DOMAIN, liveRelease, openQueueProbe, QUEUE, SECRET } from './province.ts';
import { startTestRedis } from './redis-server.ts';

export interface ProvinceOptions {
  redisUrl: string;
  dataDir: string;
  communes: string[];
  /** The stand-in site build's variables (fake-site-build.mjs). */
  buildEnv?: Record<string, string>;
  concurrency?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Precompress each release after this quiet time of the worker (off without it). */
  precompressDelayMs?: number;
  log?: (line: string) => void;
}

export const startIntake = (options: ProvinceOptions): Promise<QueueIntake> =>
  startQueueIntake({ redisUrl: options.redisUrl, queue: QUEUE, communes: options.communes, secret: SECRET, port: 0, attempts: 3, retryBaseMs: 200, log: options.log ?? (() => {}) });

/** A build worker in this process, building with the stand-in site build. */
export const startTestWorker = (options: ProvinceOptions): Promise<BuildWorker> =>
  startBuildWorker({
    redisUrl: options.redisUrl,
    queue: QUEUE,
    dataDir: options.dataDir,
    communes: options.communes,
    siteUrl: (commune) => `http://${commune}.${DOMAIN}`,
    build: { command: fakeBuildCommand(), cwd: options.dataDir, env: options.buildEnv ?? {} },
    concurrency: options.concurrency ?? 1,
    lockDurationMs: options.lockDurationMs ?? 30_000,
    stalledIntervalMs: options.stalledIntervalMs ?? 15_000,
    keepBuilders: 4,
    attempts: 3,
    retryBaseMs: 200,
    precompress: options.precompressDelayMs !== undefined,
    precompressDelayMs: options.precompressDelayMs,
    log: options.log ?? (() => {}),
  });

export interface QueueProvince {
  dataDir: string;
  intake: QueueIntake;
  worker: BuildWorker;
  probe: ReturnType<typeof openQueueProbe>;
  stop: () => Promise<void>;
}

/**
 * A province on a Redis of its own: the intake, one in-process worker and a probe into the
 * queue, once every commune has its first build and the queue is idle.
 */
export async function startQueueProvince(options: Omit<ProvinceOptions, 'redisUrl' | 'dataDir'>): Promise<QueueProvince> {
  const dir = mkdtempSync(join(tmpdir(), 'tt-queue-province-'));
  const redis = await startTestRedis();
  const full = { ...options, redisUrl: redis.url, dataDir: dataDirIn(dir) };
  const intake = await startIntake(full);
  const probe = openQueueProbe(redis.url);
  const worker = await startTestWorker(full);
  const stop = async () => {
    await worker.stop();
    await intake.stop();
    await probe.close();
    await redis.remove();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor('every commune’s first build', async () => (await Promise.all(options.communes.map((c) => liveRelease(full.dataDir, c)))).every(Boolean), 30_000);
    await waitFor('the queue to be idle', async () => (await probe.queue.getActiveCount()) + (await probe.queue.getWaitingCount()) + (await probe.queue.getPrioritizedCount()) === 0);
  } catch (error) {
    await stop();
    throw error;
  }
  return { dataDir: full.dataDir, intake, worker, probe, stop };
}
