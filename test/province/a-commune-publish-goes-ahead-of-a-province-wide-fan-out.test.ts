import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../rebuild/helpers/wait.ts';
import { publishBody, sendWebhook } from './helpers/province.ts';
import { startQueueProvince, type QueueProvince } from './helpers/start-province.ts';

const COMMUNES = ['xa-1', 'xa-2', 'xa-3', 'xa-4', 'xa-5', 'xa-6'];
const FAN_OUT_KEY = 'api::article.article:tin-toan-tinh';

// One worker, one build at a time: the order of builds is the queue's order.
describe('a commune’s own publish during a province-wide fan-out', () => {
  let province: QueueProvince;
  let intake: QueueProvince['intake'];
  let probe: QueueProvince['probe'];

  beforeAll(async () => {
    province = await startQueueProvince({ communes: COMMUNES, buildEnv: { FAKE_BUILD_DELAY_MS: '300' } });
    ({ intake, probe } = province);
  });

  afterAll(() => province?.stop());

  it('is built before the rest of the fan-out, with the fan-out’s change for that commune in the same build', async () => {
    const before = (await probe.results()).length;
    expect((await sendWebhook(intake.url, publishBody('tin-toan-tinh', { provinceWide: true }))).status).toBe(202);
    // xa-6 is last in the fan-out; its own editor publishes while the fan-out waits.
    expect((await sendWebhook(intake.url, publishBody('tin-xa-6', { commune: 'xa-6' }))).status).toBe(202);
    await waitFor('the fan-out to reach every portal', async () => (await probe.results()).slice(before).filter((r) => r.changes.includes(FAN_OUT_KEY)).length === COMMUNES.length, 30_000);
    const order = (await probe.results()).slice(before).sort((a, b) => a.finishedOn - b.finishedOn);
    const xa6 = order.findIndex((r) => r.commune === 'xa-6');
    expect(order[xa6].changes).toEqual([FAN_OUT_KEY, 'api::article.article:tin-xa-6'].sort());
    // At most the one fan-out build already running when the publish came finished before it.
    expect(xa6).toBeLessThanOrEqual(1);
    expect(order).toHaveLength(COMMUNES.length);
  });
});
