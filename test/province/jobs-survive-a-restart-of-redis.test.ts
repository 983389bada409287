import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildWorker } from '../../scripts/rebuild/queue/build-worker.ts';
import type { QueueIntake } from '../../scripts/rebuild/queue/queue-intake.ts';
import { redisDurability } from '../../scripts/rebuild/queue/redis-durability.ts';
import { waitFor } from '../rebuild/helpers/wait.ts';
import { dataDirIn, liveRelease, openQueueProbe, publishBody, sendWebhook } from './helpers/province.ts';
import { startTestRedis, type TestRedis } from './helpers/redis-server.ts';
import { startIntake, startTestWorker } from './helpers/start-province.ts';

const COMMUNES = ['thanh-thuy', 'dao-xa', 'tu-vu'];

describe('a Redis that restarts', () => {
  let dir: string;
  let redis: TestRedis;
  let intake: QueueIntake;
  let worker: BuildWorker | null = null;
  const options = () => ({ redisUrl: redis.url, dataDir: dataDirIn(dir), communes: COMMUNES });
  const built = async (commune: string, documentId: string) => {
    const probe = openQueueProbe(redis.url);
    try {
      return (await probe.results(commune)).find((r) => r.changes.includes(`api::article.article:${documentId}`));
    } finally {
      await probe.close();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-redis-restart-'));
    redis = await startTestRedis();
    intake = await startIntake(options());
  });

  afterAll(async () => {
    await worker?.stop();
    await intake?.stop();
    await redis?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses no acknowledged job, even when Redis is killed, with the settings the README gives', async () => {
    // No worker runs: the first builds and three publishes wait in the queue.
    for (const commune of COMMUNES) expect((await sendWebhook(intake.url, publishBody(`tin-${commune}`, { commune }))).status).toBe(202);
    await redis.stop({ crash: true });
    await redis.start();

    worker = await startTestWorker(options());
    for (const commune of COMMUNES) {
      const result = await waitFor(`the publish in ${commune} to be built`, () => built(commune, `tin-${commune}`), 30_000);
      expect(await liveRelease(dataDirIn(dir), commune)).toBe(result.release);
    }
  });

  it('keeps workers and the intake working across the restart: a publish afterwards goes live', async () => {
    await redis.stop();
    await redis.start();
    // The intake's answer waits for Redis to be back rather than dropping the change.
    expect((await sendWebhook(intake.url, publishBody('sau-khi-khoi-dong-lai', { commune: 'dao-xa' }))).status).toBe(202);
    const result = await waitFor('the publish after the restart to be built', () => built('dao-xa', 'sau-khi-khoi-dong-lai'), 30_000);
    expect(await liveRelease(dataDirIn(dir), 'dao-xa')).toBe(result.release);
  });

  it('warns when Redis would lose the queue on a restart', async () => {
    const memoryOnly = await startTestRedis({ appendonly: false });
    const client = new Redis(memoryOnly.url);
    try {
      expect(await redisDurability(client)).toEqual({
        durable: false,
        warnings: ['Redis keeps the queue only in memory (appendonly no): a restart of Redis loses every pending build; set appendonly yes and appendfsync always'],
      });
      const ours = new Redis(redis.url);
      expect(await redisDurability(ours)).toEqual({ durable: true, warnings: [] });
      ours.disconnect();
    } finally {
      client.disconnect();
      await memoryOnly.remove();
    }
  });
});
