import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueIntake } from '../../scripts/rebuild/queue/queue-intake.ts';
import { waitFor } from '../rebuild/helpers/wait.ts';
import { buildsDir, dataDirIn, liveRelease, openQueueProbe, publishBody, sendWebhook } from './helpers/province.ts';
import { startTestRedis, type TestRedis } from './helpers/redis-server.ts';
import { startIntake } from './helpers/start-province.ts';
import { startWorkerProcess, type WorkerProcess } from './helpers/worker-process.ts';

const COMMUNES = ['thanh-thuy', 'dao-xa'];
// Short, so that the test waits seconds, not the default 30 s, for the dead worker's lock to lapse.
const LOCKS = { BUILD_LOCK_MS: '2000', BUILD_STALLED_CHECK_MS: '500' };

describe('a build worker killed in the middle of a build', () => {
  let dir: string;
  let redis: TestRedis;
  let intake: QueueIntake;
  let probe: ReturnType<typeof openQueueProbe>;
  const workers: WorkerProcess[] = [];
  const counter = () => join(dir, 'runs.txt');
  const runs = () => (existsSync(counter()) ? readFileSync(counter(), 'utf8').split('\n').filter(Boolean) : []);
  const start = async (env: Record<string, string>) => {
    const worker = await startWorkerProcess({ dir, redisUrl: redis.url, communes: COMMUNES, env: { ...LOCKS, FAKE_BUILD_COUNTER: counter(), ...env } });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-killed-'));
    redis = await startTestRedis();
    intake = await startIntake({ redisUrl: redis.url, dataDir: dataDirIn(dir), communes: COMMUNES });
    probe = openQueueProbe(redis.url);
    const first = await start({});
    await waitFor('both communes to have a first build', async () => (await liveRelease(dataDirIn(dir), 'thanh-thuy')) && (await liveRelease(dataDirIn(dir), 'dao-xa')), 30_000);
    await first.stop();
  });

  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await intake?.stop();
    await probe?.close();
    await redis?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the live site as it was, and another worker builds the change once the dead one’s lock lapses', async () => {
    const liveBefore = await liveRelease(dataDirIn(dir), 'thanh-thuy');
    const doomed = await start({ FAKE_BUILD_DELAY_MS: '60000' });
    const runsBefore = runs().length;
    expect((await sendWebhook(intake.url, publishBody('tin-giua-chung', { commune: 'thanh-thuy' }))).status).toBe(202);
    await waitFor('the build to be under way', async () => runs().length > runsBefore);
    const halfDone = runs().at(-1)!;
    await doomed.kill();

    expect(await liveRelease(dataDirIn(dir), 'thanh-thuy')).toBe(liveBefore);
    expect(await probe.queue.getActiveCount()).toBe(1); // Redis still thinks it runs: only its lock can tell otherwise

    await start({});
    const rebuilt = await waitFor('the job to be run again and go live', async () => (await probe.results('thanh-thuy')).find((r) => r.changes.includes('api::article.article:tin-giua-chung')), 30_000);
    expect(await liveRelease(dataDirIn(dir), 'thanh-thuy')).toBe(rebuilt.release);
    expect(rebuilt.release).not.toBe(liveBefore);
    // The dead worker's half-done build was never served, and is cleared away.
    expect(halfDone).toContain(join('communes', 'thanh-thuy'));
    expect(existsSync(halfDone)).toBe(false);
    expect(readdirSync(buildsDir(dataDirIn(dir), 'thanh-thuy'))).toContain(rebuilt.release);
    expect(await probe.queue.getFailedCount()).toBe(0);
  });
});
