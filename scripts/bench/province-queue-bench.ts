import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { exitWithUsageOnHelp } from '../lib/help-flag.ts';
import { startQueueIntake } from '../rebuild/queue/queue-intake.ts';
import { publishToLive, sampleDepth, settleQueue } from './province-measure.ts';
// The Redis, the worker process and the stand-in site build are the tests' (test/province).
import { openQueueProbe, publishBody, QUEUE, SECRET, sendWebhook } from '../../test/province/helpers/province.ts';
import { startTestRedis } from '../../test/province/helpers/redis-server.ts';
import { startWorkerProcess, type WorkerProcess } from '../../test/province/helpers/worker-process.ts';

exitWithUsageOnHelp(`
Cách dùng: npx tsx scripts/bench/province-queue-bench.ts [--communes 100] [--workers 1,2,4] [--seconds 60] [--rate 2] [--build-cpu-ms 700]

Đo hàng đợi dựng trang cấp tỉnh với bản dựng giả (tốn CPU như bản dựng thật): thời gian từ xuất bản
đến trực tuyến (p50, p95), thời gian để một tin toàn tỉnh có mặt trên mọi cổng, độ sâu hàng đợi lớn
nhất và bộ nhớ của mỗi tiến trình dựng.
`);

// What it measures: the queue, the per-commune coalescing, the workers and the atomic swap,
// under a province's load, with a stand-in build that burns `--build-cpu-ms` of CPU (a real
// incremental publish measured ~1 s at 1,000 pieces; this is not a real site build: the CMS
// does not hold many communes yet, see README "Running a province").
const flagsSchema = z.object({
  communes: z.coerce.number().int().min(1).default(100),
  workers: z.string().default('1,2,4').transform((s) => s.split(',').map(Number)).pipe(z.array(z.number().int().min(1)).min(1)),
  seconds: z.coerce.number().min(5).default(60),
  rate: z.coerce.number().positive().default(2),
  'build-cpu-ms': z.coerce.number().int().min(0).default(700),
});

const peakRssMb = (pid: number) => {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return hwm ? Math.round(Number(hwm[1]) / 1024) : NaN;
  } catch {
    return NaN; // the process has ended
  }
};

async function run(flags: z.infer<typeof flagsSchema>, workerCount: number) {
  const dir = mkdtempSync(join(tmpdir(), 'tt-province-bench-'));
  const redis = await startTestRedis();
  const communes = Array.from({ length: flags.communes }, (_, i) => `xa-${String(i + 1).padStart(3, '0')}`);
  const intake = await startQueueIntake({ redisUrl: redis.url, queue: QUEUE, communes, secret: SECRET, port: 0, attempts: 3, retryBaseMs: 1000, log: () => {} });
  const probe = openQueueProbe(redis.url);
  const workers: WorkerProcess[] = [];
  try {
    const env = { FAKE_BUILD_SPIN_MS: String(flags['build-cpu-ms']), BUILD_WORKER_CONCURRENCY: '1', BUILD_LOCK_MS: '30000' };
    for (let i = 0; i < workerCount; i += 1) workers.push(await startWorkerProcess({ dir, redisUrl: redis.url, communes, env }));
    // First builds of every commune (asked for by the workers), not counted.
    await settleQueue(probe, 200);

    const sent = new Map<string, number>();
    const stopSampling = sampleDepth(probe);
    const total = Math.round(flags.seconds * flags.rate);
    const t0 = Date.now();
    let fanoutSentAt = 0;
    for (let i = 0; i < total; i += 1) {
      const due = t0 + (i * 1000) / flags.rate;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      const commune = communes[Math.floor(Math.random() * communes.length)];
      const id = `tin-${i}`;
      sent.set(`api::article.article:${id}`, Date.now());
      await sendWebhook(intake.url, publishBody(id, { commune }));
      if (i === Math.floor(total / 2)) {
        fanoutSentAt = Date.now();
        await sendWebhook(intake.url, publishBody('bac-tin-gia-toan-tinh', { provinceWide: true }));
      }
    }
    await settleQueue(probe, 200);
    const maxDepth = stopSampling();

    const { results, latencies, p50, p95, fanoutMs, fanoutCommunes } = await publishToLive(probe, sent, 'api::article.article:bac-tin-gia-toan-tinh', fanoutSentAt);
    const memory = workers.map((w) => peakRssMb(w.child.pid!));
    return {
      workers: workerCount,
      publishes: sent.size,
      live: latencies.length,
      p50,
      p95,
      fanout: fanoutMs,
      fanoutCommunes,
      maxDepth,
      memory,
      builds: results.length,
    };
  } finally {
    for (const w of workers) await w.kill();
    await intake.stop();
    await probe.close();
    await redis.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { communes: { type: 'string' }, workers: { type: 'string' }, seconds: { type: 'string' }, rate: { type: 'string' }, 'build-cpu-ms': { type: 'string' } }, strict: true });
  const flags = flagsSchema.parse(values);
  console.log(`Province queue: ${flags.communes} communes, ${flags.rate} publishes/s to random communes for ${flags.seconds} s, one province-wide piece half-way; stand-in build ${flags['build-cpu-ms']} ms of CPU; Redis with appendfsync always`);
  const rows = [];
  for (const count of flags.workers) {
    const row = await run(flags, count);
    rows.push(row);
    console.log(
      `${count} worker(s): publish → live p50 ${(row.p50 / 1000).toFixed(1)} s, p95 ${(row.p95 / 1000).toFixed(1)} s (${row.live}/${row.publishes} live); province-wide piece on ${row.fanoutCommunes} portals after ${(row.fanout / 1000).toFixed(1)} s; queue depth max ${row.maxDepth}; ${row.builds} builds; peak memory per worker ${row.memory.join(', ')} MB`,
    );
  }
  console.log(`PROVINCE_QUEUE ${JSON.stringify({ communes: flags.communes, buildCpuMs: flags['build-cpu-ms'], workers: rows.map((r) => r.workers), p50_ms: rows.map((r) => r.p50), p95_ms: rows.map((r) => r.p95), fanout_ms: rows.map((r) => r.fanout), max_depth: rows.map((r) => r.maxDepth) })}`);
}

main().catch((error: Error) => {
  console.error(`Province queue benchmark failed: ${error.message}`);
  process.exit(1);
});
