import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../rebuild/helpers/wait.ts';
import { liveRelease, publishBody, sendWebhook } from './helpers/province.ts';
import { startQueueProvince, type QueueProvince } from './helpers/start-province.ts';

const COMMUNES = ['thanh-thuy', 'dao-xa'];
// Long enough that the storm below arrives while the first build of it runs.
const BUILD_MS = 1_500;

describe('a storm of publishes in one commune', () => {
  let province: QueueProvince;
  let intake: QueueProvince['intake'];
  let probe: QueueProvince['probe'];
  const live = (commune: string) => liveRelease(province.dataDir, commune);

  beforeAll(async () => {
    // Two builds at once, as two worker processes would run them.
    province = await startQueueProvince({ communes: COMMUNES, concurrency: 2, buildEnv: { FAKE_BUILD_DELAY_MS: String(BUILD_MS) } });
    ({ intake, probe } = province);
  });

  afterAll(() => province?.stop());

  it('costs one running and one waiting build, never one per publish, and the second carries every change', async () => {
    const firstBuilds = (await probe.results('thanh-thuy')).length;
    await sendWebhook(intake.url, publishBody('tin-0', { commune: 'thanh-thuy' }));
    await waitFor('the first build of the storm to start', async () => (await probe.queue.getActiveCount()) === 1);
    let mostWaiting = 0;
    const storm = Array.from({ length: 20 }, (_, i) => `tin-${i + 1}`);
    for (const id of storm) {
      expect((await sendWebhook(intake.url, publishBody(id, { commune: 'thanh-thuy' }))).status).toBe(202);
      mostWaiting = Math.max(mostWaiting, await probe.waitingFor('thanh-thuy'));
    }
    expect(mostWaiting).toBeLessThanOrEqual(1);
    await waitFor('the storm to be built', async () => (await probe.results('thanh-thuy')).length >= firstBuilds + 2 && (await probe.queue.getActiveCount()) === 0, 30_000);
    await new Promise((r) => setTimeout(r, BUILD_MS + 500)); // a third build, if there were one, would have started by now
    const builds = (await probe.results('thanh-thuy')).slice(firstBuilds);
    expect(builds).toHaveLength(2);
    expect(builds[0].changes).toEqual(['api::article.article:tin-0']);
    expect(builds[1].changes).toEqual(storm.map((id) => `api::article.article:${id}`).sort());
    expect(await live('thanh-thuy')).toBe(builds[1].release);
  });

  it('does not hold up another commune: its publish goes live while the storm is still building', async () => {
    const stormStart = (await probe.results('thanh-thuy')).length;
    await sendWebhook(intake.url, publishBody('storm-a', { commune: 'thanh-thuy' }));
    await waitFor('the storm build to start', async () => (await probe.queue.getActiveCount()) === 1);
    for (let i = 0; i < 10; i += 1) await sendWebhook(intake.url, publishBody(`storm-b-${i}`, { commune: 'thanh-thuy' }));
    await sendWebhook(intake.url, publishBody('tin-dao-xa', { commune: 'dao-xa' }));
    const daoXa = await waitFor('the other commune’s build', async () => (await probe.results('dao-xa')).find((r) => r.changes.includes('api::article.article:tin-dao-xa')), 30_000);
    await waitFor('the storm to be built', async () => (await probe.results('thanh-thuy')).length >= stormStart + 2 && (await probe.queue.getActiveCount()) === 0, 30_000);
    // It waited for no build of the storm: its build started before the storm's first one ended.
    const [stormFirst] = (await probe.results('thanh-thuy')).slice(stormStart);
    expect(stormFirst.changes).toEqual(['api::article.article:storm-a']);
    expect(daoXa.processedOn).toBeLessThan(stormFirst.finishedOn);
  });
});
