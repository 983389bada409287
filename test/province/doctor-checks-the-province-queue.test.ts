import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorContext } from '../../scripts/doctor/checks.ts';
import { provinceQueue } from '../../scripts/doctor/province-queue-check.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { PREFIX } from '../../scripts/rebuild/queue/build-queue.ts';
import { waitFor } from '../rebuild/helpers/wait.ts';
import { QUEUE } from './helpers/province.ts';
import { startTestRedis, type TestRedis } from './helpers/redis-server.ts';

const check = async (env: Record<string, string>) => [await provinceQueue({ env, config: {} as DoctorContext['config'], now: new Date() })].flat();

describe('npm run doctor in a province', () => {
  let durable: TestRedis;
  let memoryOnly: TestRedis;

  beforeAll(async () => {
    durable = await startTestRedis();
    memoryOnly = await startTestRedis({ appendonly: false });
    // One build given up: its job failed its only attempt.
    const connection = new Redis(durable.url, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUE, { connection, prefix: PREFIX });
    const worker = new Worker(QUEUE, async () => Promise.reject(new Error('CMS không trả lời')), { connection, prefix: PREFIX });
    await queue.add('build', { commune: 'thanh-thuy' }, { attempts: 1 });
    await waitFor('the job to fail', async () => (await queue.getFailedCount()) === 1);
    await worker.close();
    await queue.close();
    connection.disconnect();
  });

  afterAll(async () => {
    await durable?.remove();
    await memoryOnly?.remove();
  });

  it('says nothing for a single commune', async () => {
    expect(await check({})).toEqual([]);
  });

  it('reports a durable Redis, the queue, and a build given up', async () => {
    expect(await check({ REDIS_URL: durable.url, BUILD_QUEUE: QUEUE })).toEqual([
      { status: 'ok', line: `Hàng đợi dựng trang cấp tỉnh: Redis trả lời tại ${durable.url}.` },
      { status: 'info', line: 'Việc dựng trang: 0 đang chạy, 0 đang chờ.' },
      { status: 'fail', line: '1 việc dựng trang đã bị bỏ sau nhiều lần thất bại: xem nhật ký của npm run province -- worker; thay đổi của chúng được dựng lại ở lần xuất bản sau của xã, phường đó.' },
    ]);
  });

  it('fails a Redis that would lose the queue on a restart', async () => {
    const lines = await check({ REDIS_URL: memoryOnly.url, BUILD_QUEUE: QUEUE });
    expect(lines).toContainEqual({ status: 'fail', line: 'Redis chỉ giữ hàng đợi trong bộ nhớ (appendonly no): khởi động lại Redis là mất mọi việc dựng trang đang chờ; đặt appendonly yes và appendfsync always.' });
  });

  it('fails, in one line, when Redis does not answer', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const lines = await check({ REDIS_URL: url });
    expect(lines).toHaveLength(1);
    expect(lines[0].status).toBe('fail');
    expect(lines[0].line).toMatch(/^Hàng đợi dựng trang cấp tỉnh: không kết nối được Redis tại redis:\/\/127\.0\.0\.1:\d+ \(.+\): khởi động Redis rồi chạy lại\.$/);
  });
});
