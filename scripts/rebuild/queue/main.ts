import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig, ROOT } from '../../env/config.ts';
import { exitWithUsageOnHelp } from '../../lib/help-flag.ts';
import { buildCommandFrom, loadWorkerEnv, siteBuildEnv } from '../worker-config.ts';
import { startBuildWorker } from './build-worker.ts';
import { startProvincePortal } from './province-portal.ts';
import { loadQueueEnv } from './queue-env.ts';
import { startQueueIntake } from './queue-intake.ts';

exitWithUsageOnHelp(`
Cách dùng: npm run province -- <intake|worker|portal>

Chạy một phần của hệ thống cấp tỉnh (REDIS_URL, PROVINCE_COMMUNES, PROVINCE_DOMAIN):
  intake  nhận webhook của CMS và xếp việc dựng trang cho từng xã vào hàng đợi
  worker  lấy việc trong hàng đợi và dựng cổng thông tin của từng xã (chạy bao nhiêu tiến trình cũng được)
  portal  phục vụ cổng thông tin của mọi xã, theo tên miền <xã>.<PROVINCE_DOMAIN>
`);

// One process per role, so that each scales on its own: see "Running a province" in the README.
const roleSchema = z.enum(['intake', 'worker', 'portal']);

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, strict: true });
  const parsed = roleSchema.safeParse(positionals[0]);
  if (!parsed.success) throw new Error(`say which part to run: intake, worker or portal${positionals[0] ? ` (not "${positionals[0]}")` : ''}`);
  const role = parsed.data;
  const { config, env } = loadConfig();
  const queueEnv = loadQueueEnv(env);
  const log = (line: string) => console.log(line);
  const scheme = config.SITE_URL.startsWith('https:') ? 'https' : 'http';
  let stop: () => Promise<void>;
  if (role === 'intake') {
    const intake = await startQueueIntake({ redisUrl: queueEnv.REDIS_URL, queue: queueEnv.BUILD_QUEUE, communes: queueEnv.PROVINCE_COMMUNES, secret: config.WEBHOOK_SECRET, port: config.WORKER_PORT, host: loadWorkerEnv(env).WORKER_HOST, attempts: queueEnv.BUILD_ATTEMPTS, retryBaseMs: queueEnv.BUILD_RETRY_BASE_MS, log });
    log(`Build intake: ${intake.url}/webhook, status at ${intake.url}/status`);
    stop = intake.stop;
  } else if (role === 'worker') {
    const worker = await startBuildWorker({
      redisUrl: queueEnv.REDIS_URL,
      queue: queueEnv.BUILD_QUEUE,
      dataDir: config.DATA_DIR,
      communes: queueEnv.PROVINCE_COMMUNES,
      siteUrl: (commune) => `${scheme}://${commune}.${queueEnv.PROVINCE_DOMAIN}`,
      build: { ...buildCommandFrom(loadWorkerEnv(env), ROOT), env: siteBuildEnv(config), timeoutMs: loadWorkerEnv(env).BUILD_TIMEOUT_MS },
      concurrency: queueEnv.BUILD_WORKER_CONCURRENCY,
      lockDurationMs: queueEnv.BUILD_LOCK_MS,
      stalledIntervalMs: queueEnv.BUILD_STALLED_CHECK_MS,
      keepBuilders: queueEnv.BUILD_SERVICES_PER_WORKER,
      attempts: queueEnv.BUILD_ATTEMPTS,
      retryBaseMs: queueEnv.BUILD_RETRY_BASE_MS,
      log,
    });
    log(`Build worker ${process.pid}: taking jobs from ${queueEnv.BUILD_QUEUE} for ${queueEnv.PROVINCE_COMMUNES.length} communes`);
    stop = () => worker.stop();
  } else {
    const portal = await startProvincePortal({ dataDir: config.DATA_DIR, communes: queueEnv.PROVINCE_COMMUNES, domain: queueEnv.PROVINCE_DOMAIN, port: config.SITE_PORT, host: loadWorkerEnv(env).SITE_HOST, https: scheme === 'https' });
    log(`Province portal: ${portal.url} (each commune at ${scheme}://<slug>.${queueEnv.PROVINCE_DOMAIN})`);
    stop = portal.stop;
  }
  const onSignal = () => void stop().then(() => process.exit(0), () => process.exit(1));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((error: Error) => {
  console.error(`Province ${process.argv[2] ?? ''} failed to start: ${error.message}`);
  process.exit(1);
});
