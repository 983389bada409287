import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildWorker } from '../../scripts/rebuild/queue/build-worker.ts';
import { startProvincePortal, type ProvincePortal } from '../../scripts/rebuild/queue/province-portal.ts';
import type { QueueIntake } from '../../scripts/rebuild/queue/queue-intake.ts';
import { waitFor } from '../rebuild/helpers/wait.ts';
import { dataDirIn, DOMAIN, getByHost, liveRelease, openQueueProbe, publishBody, sendWebhook } from './helpers/province.ts';
import { startTestRedis, type TestRedis } from './helpers/redis-server.ts';
import { startIntake, startTestWorker } from './helpers/start-province.ts';

const COMMUNES = ['thanh-thuy', 'dao-xa', 'tu-vu'];

describe('one province, three communes, one queue', () => {
  let dir: string;
  let redis: TestRedis;
  let intake: QueueIntake;
  let worker: BuildWorker;
  let portal: ProvincePortal;
  let probe: ReturnType<typeof openQueueProbe>;
  const lines: string[] = [];
  const live = () => Promise.all(COMMUNES.map((c) => liveRelease(dataDirIn(dir), c)));
  const results = async () => (await probe.results()).length;

  /** Sends a change and waits until the queue has finished `expected` more builds. */
  async function changeAndWait(body: string, expected: number): Promise<void> {
    const before = await results();
    expect((await sendWebhook(intake.url, body)).status).toBe(202);
    await waitFor(`${expected} build(s)`, async () => (await results()) >= before + expected && (await probe.queue.getActiveCount()) === 0 && (await probe.queue.getWaitingCount()) === 0);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-province-'));
    redis = await startTestRedis();
    const options = { redisUrl: redis.url, dataDir: dataDirIn(dir), communes: COMMUNES, log: (l: string) => lines.push(l) };
    intake = await startIntake(options);
    probe = openQueueProbe(redis.url);
    worker = await startTestWorker(options);
    portal = await startProvincePortal({ dataDir: dataDirIn(dir), communes: COMMUNES, domain: DOMAIN, port: 0, host: '127.0.0.1' });
    await waitFor('every commune to have a first build', async () => (await live()).every(Boolean));
  });

  afterAll(async () => {
    await portal?.stop();
    await worker?.stop();
    await intake?.stop();
    await probe?.close();
    await redis?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every commune its own portal, served under its own host name', async () => {
    for (const commune of COMMUNES) {
      const home = await getByHost(portal.url, `${commune}.${DOMAIN}`);
      expect(home.status).toBe(200);
      expect(home.body).toContain(`Trang chủ xã ${commune}`);
      for (const other of COMMUNES.filter((c) => c !== commune)) expect(home.body).not.toContain(`xã ${other}`);
    }
  });

  it('rebuilds only the portal of the commune a piece belongs to', async () => {
    const before = await live();
    await changeAndWait(publishBody('tin-dao-xa', { commune: 'dao-xa' }), 1);
    const after = await live();
    expect(after[1]).not.toBe(before[1]);
    expect([after[0], after[2]]).toEqual([before[0], before[2]]);
    const last = (await probe.results('dao-xa')).at(-1)!;
    expect(last).toMatchObject({ commune: 'dao-xa', release: after[1], changes: ['api::article.article:tin-dao-xa'], full: false });
  });

  it('fans a province-wide piece out to the communes it is addressed to, and to every commune when it names none', async () => {
    const before = await live();
    await changeAndWait(publishBody('bac-tin-gia-1', { provinceWide: true, communes: ['thanh-thuy', 'tu-vu'] }), 2);
    const addressed = await live();
    expect(addressed[0]).not.toBe(before[0]);
    expect(addressed[1]).toBe(before[1]);
    expect(addressed[2]).not.toBe(before[2]);

    await changeAndWait(publishBody('bac-tin-gia-2', { provinceWide: true }), 3);
    const everywhere = await live();
    everywhere.forEach((release, i) => expect(release).not.toBe(addressed[i]));
    for (const commune of COMMUNES) expect((await probe.results(commune)).at(-1)!.changes).toEqual(['api::article.article:bac-tin-gia-2']);
  });

  it('rebuilds only the portal of the commune whose account shared a piece', async () => {
    const before = await live();
    const shared = { event: 'crosspost.shared', createdAt: new Date().toISOString(), pieceUid: 'api::article.article', pieceId: 'bac-tin-gia-2', channel: 'facebook', commune: 'tu-vu' };
    await changeAndWait(JSON.stringify(shared), 1);
    const after = await live();
    expect(after[2]).not.toBe(before[2]);
    expect([after[0], after[1]]).toEqual([before[0], before[1]]);
    expect((await probe.results('tu-vu')).at(-1)!.commune).toBe('tu-vu');
  });

  it('builds nothing for a commune this installation does not serve, and says so in the log', async () => {
    const before = await live();
    const jobs = await results();
    expect((await sendWebhook(intake.url, publishBody('tin-xa-khac', { commune: 'xa-khong-co' }))).status).toBe(202);
    await new Promise((r) => setTimeout(r, 500));
    expect(await results()).toBe(jobs);
    expect(await live()).toEqual(before);
    expect(lines).toContain('Change api::article.article:tin-xa-khac names communes this installation does not serve: xa-khong-co');
  });

  it('answers the province host with the list of communes and any other host with 404', async () => {
    const directory = await getByHost(portal.url, DOMAIN);
    expect(directory.status).toBe(200);
    for (const commune of COMMUNES) expect(directory.body).toContain(`href="http://${commune}.${DOMAIN}/"`);
    const stranger = await getByHost(portal.url, `xa-khong-co.${DOMAIN}`);
    expect(stranger.status).toBe(404);
    expect(stranger.body).toContain('Không có cổng thông tin nào ở địa chỉ này');
  });

  it('reports the queue and whether Redis keeps it through a restart on the status endpoint', async () => {
    const status = await (await fetch(`${intake.url}/status`)).json();
    expect(status.communes).toBe(3);
    expect(status.redis).toEqual({ durable: true, warnings: [] });
    expect(status.queue.failed).toBe(0);
    expect(status.webhooks.requests).toBeGreaterThanOrEqual(6);
  });
});
