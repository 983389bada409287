import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { GENERATED_SECRETS } from '../env/ensure-env.ts';
import { startCms, type CmsProcess } from '../lib/cms-process.ts';
import { freePort } from '../lib/free-port.ts';
import { exitWithUsageOnHelp } from '../lib/help-flag.ts';
import { startQueueIntake } from '../rebuild/queue/queue-intake.ts';
import { AdminClient } from './admin-client.ts';
import { buildPhases, percentile, publishToLive, sampleCpu, sampleDepth, settleQueue } from './province-measure.ts';
import { analyzeDatabase, keptDatabase } from './kept-database.ts';
import { cpuSecondsOfTree } from './process-cpu.ts';
import { runSeed } from './run-seed.ts';
// The PostgreSQL database, the Redis, the worker processes and a fact-check's fields are the tests'.
import { factCheckFields } from '../../test/fixtures/entries.ts';
import { createPostgresDatabase } from '../../test/helpers/cms.ts';
import { openQueueProbe, QUEUE } from '../../test/province/helpers/province.ts';
import { startTestRedis } from '../../test/province/helpers/redis-server.ts';
import { startWorkerProcess, type WorkerProcess } from '../../test/province/helpers/worker-process.ts';

exitWithUsageOnHelp(`
Cách dùng: npm run bench -- province   (hoặc npx tsx scripts/bench/province-bench.ts [--communes 100] [--pieces 200] [--workers 1,2,4] [--seconds 120] [--rate 2] [--communes-in-memory 100] [--database TÊN])

Đo một tỉnh mô phỏng trên máy này, với nội dung thật trong PostgreSQL và bản dựng thật: mỗi xã
--pieces bài; xuất bản --rate bài mỗi giây vào các xã ngẫu nhiên trong --seconds giây, giữa chừng
một bài phản bác tin giả của tỉnh gửi mọi xã. In thời gian từ xuất bản đến trực tuyến (p50, p95),
thời gian để bài của tỉnh có mặt trên mọi cổng, độ sâu hàng đợi lớn nhất và bộ nhớ của mỗi tiến trình.
Với --database TÊN, cơ sở dữ liệu PostgreSQL được giữ lại giữa các lần đo: lần đầu tạo và nạp dữ liệu,
các lần sau dùng lại (không phải nạp lại nửa giờ).
`);

// Issue 13's measurement. Unlike `province-queue` (stand-in builds), every build here is the
// real site build, reading the real CMS over its commune's token, in a worker's build process
// that renders every commune (its data in memory, or from the live release's snapshot).
// Seeding 100 × 200 pieces takes half an hour to forty minutes here.
const flagsSchema = z.object({
  communes: z.coerce.number().int().min(1).max(500).default(100),
  pieces: z.coerce.number().int().min(1).default(200),
  workers: z.string().default('1,2,4').transform((s) => s.split(',').map(Number)).pipe(z.array(z.number().int().min(1)).min(1)),
  seconds: z.coerce.number().min(5).default(120),
  rate: z.coerce.number().positive().default(2),
  /** BUILD_COMMUNES_IN_MEMORY: how many communes' data each build process keeps in memory. */
  'communes-in-memory': z.coerce.number().int().min(1).default(100),
  /** A PostgreSQL database kept between runs (kept-database.ts), instead of a new one seeded and dropped. */
  database: z.string().optional(),
});
type Flags = z.infer<typeof flagsSchema>;

const log = (line: string) => console.log(line);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Peak resident memory (VmHWM) of a process and of every process under it, in MB. */
function peakTreeMb(pid: number): number {
  const peak = (p: number) => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      return hwm ? Number(hwm[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  let children: number[] = [];
  try {
    children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').map((s) => Number(s.trim())).filter(Boolean);
  } catch {
    // no children
  }
  return Math.round(peak(pid) + children.reduce((n, c) => n + peakTreeMb(c), 0));
}

/** CPU time so far of the CMS, the workers and their build processes, PostgreSQL, and this process (intake, load). */
function cpuSplit(cms: CmsProcess, workers: WorkerProcess[]) {
  let postgres = 0;
  try {
    const postmaster = Number(execFileSync('pgrep', ['-o', '-x', 'postgres'], { encoding: 'utf8' }).trim());
    if (postmaster) postgres = cpuSecondsOfTree(postmaster);
  } catch {
    // no local PostgreSQL process to read (TEST_POSTGRES_URL elsewhere)
  }
  const own = process.cpuUsage();
  return {
    cms: cpuSecondsOfTree(cms.child.pid!),
    // A worker process itself (queue, release store, precompression) and its build processes (render, search index).
    workerProcesses: workers.reduce((n, w) => n + cpuSecondsOfTree(w.child.pid!, { rootOnly: true }), 0),
    buildProcesses: workers.reduce((n, w) => n + cpuSecondsOfTree(w.child.pid!) - cpuSecondsOfTree(w.child.pid!, { rootOnly: true }), 0),
    postgres,
    intakeAndLoad: (own.user + own.system) / 1e6,
  };
}

interface Setup {
  cms: CmsProcess;
  client: AdminClient;
  communes: string[];
  siteToken: string;
  intakePort: number;
  secret: string;
  relations: Record<string, unknown>;
  factCheckRelations: Record<string, unknown>;
}

async function run(flags: Flags, setup: Setup, workerCount: number) {
  const dir = mkdtempSync(join(tmpdir(), 'tt-province-real-bench-'));
  const redis = await startTestRedis();
  const intake = await startQueueIntake({ redisUrl: redis.url, queue: QUEUE, communes: setup.communes, secret: setup.secret, port: setup.intakePort, host: '127.0.0.1', attempts: 3, retryBaseMs: 1000, log: () => {} });
  const probe = openQueueProbe(redis.url);
  const workers: WorkerProcess[] = [];
  try {
    const env = { CMS_URL: setup.cms.url, SITE_API_TOKEN: setup.siteToken, BUILD_WORKER_CONCURRENCY: '1', BUILD_LOCK_MS: '120000', BUILD_TIMEOUT_MS: '600000', BUILD_COMMUNES_IN_MEMORY: String(flags['communes-in-memory']) };
    for (let i = 0; i < workerCount; i += 1) workers.push(await startWorkerProcess({ dir, redisUrl: redis.url, communes: setup.communes, env, realBuild: true }));
    // The first (cold, full) build of every commune, asked for by the workers: timed, not counted below.
    const firstStarted = Date.now();
    await settleQueue(probe);
    const firstBuildsMs = Date.now() - firstStarted;
    const failedFirst = await probe.queue.getFailedCount();
    log(`  ${workerCount} worker(s): first builds of ${setup.communes.length} portals took ${seconds(firstBuildsMs)}${failedFirst ? ` (${failedFirst} failed)` : ''}`);

    const sent = new Map<string, number>();
    const stopSampling = sampleDepth(probe, 250);
    let stopCpu: (() => { busyPercent: number; cores: number }) | null = null;
    const total = Math.round(flags.seconds * flags.rate);
    let fanoutKey = '';
    let fanoutSentAt = 0;
    // Drafts are written first (an editor's work), then published at the rate: the clock runs from the publish.
    const run = `${workerCount}w${randomBytes(2).toString('hex')}`;
    const drafts: Array<{ documentId: string; commune: string }> = [];
    for (let i = 0; i < total; i += 1) {
      const commune = setup.communes[Math.floor(Math.random() * setup.communes.length)];
      const created = await setup.client.createArticle({ title: `Tin đo tỉnh ${run} số ${i + 1} của ${commune}`, summary: 'Bài dùng để đo thời gian từ xuất bản đến trực tuyến.', body: `Nội dung bài đo ${run} số ${i + 1}.`, commune, ...setup.relations });
      drafts.push({ documentId: created.documentId, commune });
    }
    const fanout = await setup.client.request<{ data: { documentId: string } }>('POST', '/content-manager/collection-types/api::fact-check.fact-check', {
      ...factCheckFields,
      title: `Tỉnh bác bỏ tin giả về phí kích hoạt VNeID (${run})`,
      provinceWide: true,
      ...setup.factCheckRelations,
    });
    // The clock starts once the drafts exist: publishes then go out at the rate, not in a burst
    // of those whose time passed while the drafts were written (the runs before this fix had
    // ~50 publishes at once at the start).
    const t0 = Date.now();
    stopCpu = sampleCpu();
    const cpuBefore = cpuSplit(setup.cms, workers);
    const published = Array.from({ length: total }, async (_, i) => {
      await new Promise((r) => setTimeout(r, Math.max(0, t0 + (i * 1000) / flags.rate - Date.now())));
      const at = Date.now();
      await setup.client.publishArticle(drafts[i].documentId);
      sent.set(`api::article.article:${drafts[i].documentId}`, at);
      if (i === Math.floor(total / 2)) {
        fanoutKey = `api::fact-check.fact-check:${fanout.data.documentId}`;
        fanoutSentAt = Date.now();
        await setup.client.request('POST', `/content-manager/collection-types/api::fact-check.fact-check/${fanout.data.documentId}/actions/publish`, {});
      }
    });
    await Promise.all(published);
    await new Promise((r) => setTimeout(r, 2000)); // the last webhooks reach the intake
    await settleQueue(probe);
    const maxDepth = stopSampling();
    const cpu = stopCpu();
    const cpuAfter = cpuSplit(setup.cms, workers);
    const cpuUsed = Object.fromEntries(Object.entries(cpuAfter).map(([k, v]) => [k, Math.round((v - cpuBefore[k as keyof typeof cpuAfter]) * 10) / 10]));
    log(`  ${workerCount} worker(s): CPU seconds from the first publish until the queue was empty: ${JSON.stringify(cpuUsed)}`);

    const { results, latencies, p50, p95, fanoutMs, fanoutCommunes, byWindow, bySlice } = await publishToLive(probe, sent, fanoutKey, fanoutSentAt);
    log(`  ${workerCount} worker(s): publish → live p95 by 15-second slice of the run: ${JSON.stringify(bySlice)}`);
    log(`  ${workerCount} worker(s): publish → live by when it was sent, before / while / after the province-wide piece went out: ${JSON.stringify(byWindow)}; the ${cpu.cores} cores were ${cpu.busyPercent}% busy from the first publish until the queue was empty`);
    const durations = results.filter((r) => r.finishedOn >= t0).map((r) => r.durationMs);
    const phases = buildPhases(join(dir, 'data'), t0);
    log(`  ${workerCount} worker(s): site build phases, medians of ${phases.counts.incremental} incremental builds ${JSON.stringify(phases.incremental)}; of ${phases.counts.full} full ones ${JSON.stringify(phases.full)}; data from ${JSON.stringify(phases.startedFrom)}, reading it took (median ms) ${JSON.stringify(phases.loadMsByStart)}`);
    return {
      workers: workerCount,
      publishes: sent.size,
      live: latencies.length,
      p50,
      p95,
      fanout: fanoutCommunes === setup.communes.length ? fanoutMs : NaN,
      fanoutCommunes,
      maxDepth,
      memory: workers.map((w) => peakTreeMb(w.child.pid!)),
      builds: durations.length,
      buildP50: percentile(durations, 50),
      firstBuildsMs,
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
  const { values } = parseArgs({ options: { communes: { type: 'string' }, pieces: { type: 'string' }, workers: { type: 'string' }, seconds: { type: 'string' }, rate: { type: 'string' }, 'communes-in-memory': { type: 'string' }, database: { type: 'string' } }, strict: true });
  const flags = flagsSchema.parse(values);
  const communes = Array.from({ length: flags.communes }, (_, i) => `xa-${String(i + 1).padStart(3, '0')}`);
  log(`Province: ${flags.communes} communes × ${flags.pieces} pieces in PostgreSQL, ${flags.rate} publishes/s to random communes for ${flags.seconds} s, one province-wide fact-check half-way; real site builds, ${flags['communes-in-memory']} communes' data kept in memory per build process; Redis with appendfsync always`);
  // A database of its own, dropped at the end; or one kept between runs (--database NAME), seeded once.
  const kept = flags.database ? await keptDatabase(flags.database) : null;
  const pg = kept ? { url: kept.url, drop: async () => {} } : await createPostgresDatabase();
  if (kept) log(`  database ${flags.database}: ${kept.created ? 'created, seeded now and kept for the next runs' : 'kept from an earlier run (it also holds the pieces those runs published)'}`);
  const secrets = kept?.secrets ?? Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()]));
  const admin = kept?.admin ?? { email: 'bench@phutho.test', password: `Bench${randomBytes(6).toString('hex')}9` };
  const dbEnv = { DATABASE_CLIENT: 'postgres', DATABASE_URL: pg.url };
  let cms: CmsProcess | undefined;
  try {
    const seedMs = await runSeed(flags.communes * flags.pieces, { ...secrets, ...dbEnv, SEED_DEMO: 'false', WEBHOOK_URL: 'off', PROVINCE_COMMUNES: communes.join(','), SEED_COMMUNES: communes.join(',') });
    log(`  seeded ${flags.communes * flags.pieces} pieces and ${flags.communes} communes' details in ${seconds(seedMs)}`);
    await analyzeDatabase(pg.url);
    const intakePort = await freePort();
    cms = await startCms({
      port: await freePort(),
      quiet: true,
      env: { ...secrets, ...dbEnv, SEED_DEMO: 'false', SERVE_ADMIN: 'false', ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, PROVINCE_COMMUNES: communes.join(','), WEBHOOK_URL: `http://127.0.0.1:${intakePort}/webhook`, WEBHOOK_SECRET: secrets.WEBHOOK_SECRET },
      timeoutMs: 300_000,
    });
    const client = await AdminClient.login(cms.url, admin.email, admin.password);
    const connect = (ids: string[]) => ({ connect: ids.map((documentId) => ({ documentId })) });
    const unit = connect(await client.documentIds('unit', ['phong-vhxh']));
    const setup: Setup = {
      cms,
      client,
      communes,
      siteToken: secrets.SITE_API_TOKEN,
      intakePort,
      secret: secrets.WEBHOOK_SECRET,
      relations: { themes: connect(await client.documentIds('theme', ['y-nghia-ke-hoach'])), unit },
      factCheckRelations: { themes: connect(await client.documentIds('theme', ['phan-bac-thong-tin-xau-doc'])), unit },
    };
    const rows = [];
    for (const count of flags.workers) {
      const row = await run(flags, setup, count);
      rows.push(row);
      log(
        `${count} worker(s): publish → live p50 ${seconds(row.p50)}, p95 ${seconds(row.p95)} (${row.live}/${row.publishes} live); province-wide piece on ${row.fanoutCommunes}/${flags.communes} portals after ${seconds(row.fanout)}; queue depth max ${row.maxDepth}; ${row.builds} builds (p50 ${seconds(row.buildP50)}); peak memory per worker with its build process ${row.memory.join(', ')} MB`,
      );
    }
    const cmsMb = peakTreeMb(cms.child.pid!);
    log(`  CMS peak memory: ${cmsMb} MB`);
    log(`PROVINCE ${JSON.stringify({ communes: flags.communes, pieces: flags.pieces, communes_in_memory: flags['communes-in-memory'], workers: rows.map((r) => r.workers), p50_ms: rows.map((r) => r.p50), p95_ms: rows.map((r) => r.p95), fanout_ms: rows.map((r) => r.fanout), max_depth: rows.map((r) => r.maxDepth), worker_peak_mb: rows.map((r) => r.memory), cms_peak_mb: cmsMb })}`);
  } finally {
    await cms?.stop();
    await pg.drop();
  }
}

main().catch((error: Error) => {
  console.error(`Province benchmark failed: ${error.message}`);
  process.exit(1);
});
