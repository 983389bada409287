import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildWorker } from '../../scripts/rebuild/queue/build-worker.ts';
import { waitFor } from '../rebuild/helpers/wait.ts';
import { buildsDir, dataDirIn, liveRelease, openQueueProbe, publishBody, sendWebhook } from './helpers/province.ts';
import { startIntake, startTestWorker } from './helpers/start-province.ts';
import { startTestRedis } from './helpers/redis-server.ts';

// A province worker builds many communes' portals on the same cores. Precompressing one
// commune's new release (brotli and gzip of its changed files) must wait until the worker builds
// nothing, not only until that one commune is quiet: otherwise it takes the CPU from the build
// another commune's editor is waiting for.
const COMMUNES = ['thanh-thuy', 'dao-xa'];
const BUILD_MS = 2_500;
// More than 1 KiB: the home page gets compressed copies (precompress.ts).
const LABEL = 'Trang chủ cổng thông tin điện tử xã '.repeat(60);

describe('a province worker', () => {
  let dir: string;
  let redis: Awaited<ReturnType<typeof startTestRedis>>;
  let intake: Awaited<ReturnType<typeof startIntake>>;
  let probe: ReturnType<typeof openQueueProbe>;
  let worker: BuildWorker;
  const dataDir = () => dataDirIn(dir);
  const compressedHome = async (commune: string) => {
    const live = await liveRelease(dataDir(), commune);
    return live !== null && existsSync(join(buildsDir(dataDir(), commune), live, 'index.html.br'));
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-province-compress-'));
    redis = await startTestRedis();
    const options = { redisUrl: redis.url, dataDir: dataDir(), communes: COMMUNES };
    intake = await startIntake(options);
    probe = openQueueProbe(redis.url);
    worker = await startTestWorker({ ...options, concurrency: 1, buildEnv: { FAKE_BUILD_DELAY_MS: String(BUILD_MS), FAKE_BUILD_LABEL: LABEL }, precompressDelayMs: 200 });
    await waitFor('every commune’s first build', async () => (await Promise.all(COMMUNES.map((c) => liveRelease(dataDir(), c)))).every(Boolean), 60_000);
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await intake?.stop();
    await probe?.close();
    await redis?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('compresses every portal once it builds nothing', async () => {
    await waitFor('both home pages to be compressed', async () => (await compressedHome('thanh-thuy')) && (await compressedHome('dao-xa')), 30_000);
  });

  it('leaves a commune’s new release uncompressed while it builds another commune, and compresses it after', async () => {
    const before = await liveRelease(dataDir(), 'thanh-thuy');
    const daoXaBefore = await liveRelease(dataDir(), 'dao-xa');
    expect((await sendWebhook(intake.url, publishBody('tin-thanh-thuy', { commune: 'thanh-thuy' }))).status).toBe(202);
    await waitFor('Thanh Thủy’s build to start', async () => (await probe.queue.getActiveCount()) === 1);
    // Đào Xá's publish waits behind it (one build at a time here) and starts as it goes live.
    expect((await sendWebhook(intake.url, publishBody('tin-dao-xa', { commune: 'dao-xa' }))).status).toBe(202);
    await waitFor('Thanh Thủy’s new release to go live', async () => (await liveRelease(dataDir(), 'thanh-thuy')) !== before, 30_000);
    let compressedWhileBuilding = false;
    let checks = 0;
    while ((await liveRelease(dataDir(), 'dao-xa')) === daoXaBefore) {
      if (await compressedHome('thanh-thuy')) compressedWhileBuilding = true;
      checks += 1;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Đào Xá's build took BUILD_MS, many times the quiet time of 200 ms: the old rule compressed meanwhile.
    expect(checks).toBeGreaterThan(10);
    expect(compressedWhileBuilding).toBe(false);
    await waitFor('Thanh Thủy’s release to be compressed once the worker is idle', async () => compressedHome('thanh-thuy'), 30_000);
    await waitFor('Đào Xá’s too', async () => compressedHome('dao-xa'), 30_000);
  });
});
