import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReleaseBuilder, MAX_UNTIDY } from '../../scripts/rebuild/release-builder.ts';
import { communeDataDir } from '../../scripts/rebuild/queue/commune-data-dir.ts';
import { newBuildId, readReleases, siteLayout } from '../../scripts/rebuild/releases/release-store.ts';
import type { BuildRun } from '../../scripts/rebuild/scheduling/build-scheduler.ts';
import { fakeBuildCommand } from '../rebuild/helpers/fake-build.ts';
import { waitFor } from '../rebuild/helpers/wait.ts';
import { buildsDir, liveRelease, publishBody, sendWebhook } from './helpers/province.ts';
import { startQueueProvince, type QueueProvince } from './helpers/start-province.ts';

// A province worker builds one commune after another. Removing a commune's old release (a
// tree of files) and counting what its new one changed used to run inside the job, before the
// worker took the next commune's job: during a province-wide fan-out, every portal waited for
// that housekeeping of the portals before it. It now runs when the worker builds nothing.
const COMMUNES = ['thanh-thuy', 'dao-xa'];
const BUILD_MS = 2_500;

const releasesIn = (dir: string) => readdirSync(dir).filter((name) => !name.startsWith('.'));

describe('a province worker', () => {
  let province: QueueProvince;
  const dataDir = () => province.dataDir;

  beforeAll(async () => {
    province = await startQueueProvince({ communes: COMMUNES, concurrency: 1, buildEnv: { FAKE_BUILD_DELAY_MS: String(BUILD_MS) } });
  }, 120_000);

  afterAll(async () => {
    await province?.stop();
  });

  it('keeps a commune’s oldest release while it builds another commune, and removes it once idle', async () => {
    const thanhThuy = buildsDir(dataDir(), 'thanh-thuy');
    const first = await liveRelease(dataDir(), 'thanh-thuy');
    // A second release: the first becomes the previous one, kept for a rollback.
    expect((await sendWebhook(province.intake.url, publishBody('tin-1', { commune: 'thanh-thuy' }))).status).toBe(202);
    await waitFor('Thanh Thủy’s second release', async () => (await liveRelease(dataDir(), 'thanh-thuy')) !== first, 30_000);
    const second = await liveRelease(dataDir(), 'thanh-thuy');
    await waitFor('the queue to be idle', async () => (await province.probe.queue.getActiveCount()) === 0);

    // A third: the first is then neither live nor previous, and goes, but only once the worker is idle.
    expect((await sendWebhook(province.intake.url, publishBody('tin-2', { commune: 'thanh-thuy' }))).status).toBe(202);
    await waitFor('Thanh Thủy’s third build to start', async () => (await province.probe.queue.getActiveCount()) === 1);
    const daoXaBefore = await liveRelease(dataDir(), 'dao-xa');
    expect((await sendWebhook(province.intake.url, publishBody('tin-3', { commune: 'dao-xa' }))).status).toBe(202);
    await waitFor('Thanh Thủy’s third release to go live', async () => (await liveRelease(dataDir(), 'thanh-thuy')) !== second, 30_000);
    expect(await readReleases(siteLayout(communeDataDir(dataDir(), 'thanh-thuy')))).toMatchObject({ previous: second });

    let removedWhileBuilding = false;
    let checks = 0;
    while ((await liveRelease(dataDir(), 'dao-xa')) === daoXaBefore) {
      if (!existsSync(join(thanhThuy, first!))) removedWhileBuilding = true;
      checks += 1;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Đào Xá's build took BUILD_MS, many times the worker's quiet time: the old rule had removed it before.
    expect(checks).toBeGreaterThan(10);
    expect(removedWhileBuilding).toBe(false);
    await waitFor('Thanh Thủy’s first release to be removed once the worker is idle', async () => !existsSync(join(thanhThuy, first!)), 30_000);
    expect(releasesIn(thanhThuy)).toHaveLength(2);
  });
});

describe('a province builder whose worker is never idle', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tt-untidy-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`prunes by itself once ${MAX_UNTIDY} builds wait to be tidied, so its releases stay bounded`, async () => {
    const builder = createReleaseBuilder({ dataDir: dir, build: { command: fakeBuildCommand(), cwd: dir, env: {} }, precompress: false, compressionByCaller: true, tidyByCaller: true, log: () => {} });
    await builder.prepare();
    const counts: number[] = [];
    // Enough builds to prune once by itself and to leave the most waiting after.
    for (let i = 0; i < 2 * MAX_UNTIDY + 1; i++) {
      const run: BuildRun = { id: newBuildId(), reason: 'change', attempt: 1, changes: [], startedAt: new Date().toISOString(), signal: new AbortController().signal };
      await builder.build(run);
      counts.push(releasesIn(builder.layout.builds).length);
    }
    // Nothing pruned for MAX_UNTIDY builds, then down to live and previous at the next one.
    expect(counts.slice(0, MAX_UNTIDY + 1)).toEqual([...Array.from({ length: MAX_UNTIDY }, (_, i) => i + 1), 2]);
    // Never more than live, previous and MAX_UNTIDY older ones waiting.
    expect(Math.max(...counts)).toBe(2 + MAX_UNTIDY);
    expect(counts.at(-1)).toBe(2 + MAX_UNTIDY);
    expect(builder.untidy()).toBe(MAX_UNTIDY);
    // What waits is done when the worker is idle and asks.
    await builder.tidy();
    expect(builder.untidy()).toBe(0);
    const { current, previous } = await readReleases(builder.layout);
    expect(releasesIn(builder.layout.builds).sort()).toEqual([previous, current].sort());
    builder.stop();
  });
});
