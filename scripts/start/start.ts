import { join } from 'node:path';
import { loadConfig, ROOT, type Config } from '../env/config.ts';
import { startCms, type CmsProcess } from '../lib/cms-process.ts';
import { startPortal, type Portal } from '../rebuild/serving/portal.ts';
import { loadWorkerEnv, portalPreview, workerOptionsFrom, type WorkerEnv } from '../rebuild/worker-config.ts';
import { startWorker, type Worker } from '../rebuild/worker.ts';
import { startCrosspost } from '../crosspost/start-runner.ts';
import { buildCms } from './build-cms.ts';
import { provinceSteps } from './province-steps.ts';
import { exitWithUsageOnHelp } from '../lib/help-flag.ts';

exitWithUsageOnHelp(`
Cách dùng: npm start

Tạo khóa bí mật vào .env (lần đầu), dựng trang quản trị, khởi động CMS, bộ dựng trang, cổng thông tin
và bộ chia sẻ mạng xã hội, rồi in địa chỉ. NODE_ENV=development npm start nạp thêm nội dung mẫu
vào cơ sở dữ liệu trống. Khi .env có REDIS_URL (hệ thống cấp tỉnh, xem README «Running a province»):
CMS, bộ nhận webhook, một bộ dựng trang theo hàng đợi và cổng thông tin của mọi xã, phường.
`);

// `npm start`: one command brings up everything a commune needs, in order.
export interface Context {
  config: Config;
  env: Record<string, string>;
  workerEnv: WorkerEnv;
  cms?: CmsProcess;
  worker?: Worker;
  portal?: Portal;
  stops: Array<() => Promise<void>>;
  log: (line: string) => void;
}

export type Step = (ctx: Context) => Promise<void>;

export const buildCmsStep: Step = async ({ env, log }) => buildCms(env, log);

export const startCmsStep: Step = async (ctx) => {
  const { config, env } = ctx;
  ctx.cms = await startCms({
    port: config.CMS_PORT,
    // WORKER_PORT tells the CMS where its rebuild webhook goes (unless WEBHOOK_URL says otherwise).
    env: { ...env, HOST: env.HOST ?? '0.0.0.0', NODE_ENV: env.NODE_ENV ?? 'production', WORKER_PORT: String(config.WORKER_PORT) },
    timeoutMs: 180_000,
  });
  ctx.stops.push(ctx.cms.stop);
};

// The worker builds the portal at start (at once when nothing is live yet, otherwise a
// refresh behind the live site) and then on every publish the CMS reports.
const startWorkerStep: Step = async (ctx) => {
  const { config, workerEnv, log } = ctx;
  ctx.worker = await startWorker({
    ...workerOptionsFrom(config, workerEnv, ROOT),
    log: (line) => log(`[dựng trang] ${line}`),
  });
  ctx.stops.push(ctx.worker.stop);
};

const startPortalStep: Step = async (ctx) => {
  const { config, workerEnv } = ctx;
  ctx.portal = await startPortal({
    dataDir: config.DATA_DIR,
    port: config.SITE_PORT,
    host: workerEnv.SITE_HOST,
    https: config.SITE_URL.startsWith('https:'),
    preview: portalPreview(config, ctx.env),
  });
  ctx.stops.push(ctx.portal.stop);
};

// Carries each publication to the commune's pages (outbox mode where no credentials are set).
const startCrosspostStep: Step = async (ctx) => {
  const { config, env, log } = ctx;
  const runner = startCrosspost({
    cmsUrl: config.CMS_URL,
    siteUrl: config.SITE_URL,
    portalCheckUrl: config.PORTAL_CHECK_URL ?? `http://127.0.0.1:${config.SITE_PORT}`,
    secret: config.CROSSPOST_RUNNER_SECRET,
    stateDir: join(config.DATA_DIR, 'crosspost'),
    env,
    log: (line) => log(`[chia sẻ] ${line}`),
  });
  ctx.stops.push(runner.stop);
};

const waitForPortal: Step = async ({ worker, config, log }) => {
  if (!worker) return;
  let status = await worker.status();
  if (!status.live) {
    log('Đang dựng cổng thông tin lần đầu…');
    await worker.scheduler.whenIdle();
    status = await worker.status();
  }
  if (status.live) log(`Cổng thông tin đã hoạt động: ${config.SITE_URL}/`);
  else log(`Chưa dựng được cổng thông tin: ${status.lastFailure?.error ?? 'không rõ lý do'} (sẽ tự thử lại; xem ${status.lastFailure?.logFile ?? 'nhật ký'})`);
};

const printUrls: Step = async ({ config, worker, log }) => {
  log('');
  log('Hệ thống đã sẵn sàng:');
  log(`  Trang quản trị (CMS):   ${config.CMS_URL}/admin`);
  log(`  API nội dung:           ${config.CMS_URL}/api/articles (cần mã SITE_API_TOKEN trong .env)`);
  log(`  Cổng thông tin:         ${config.SITE_URL}/`);
  if (worker) log(`  Trạng thái dựng trang:  ${worker.url}/status`);
  log('Nhấn Ctrl+C để dừng.');
};

async function main(): Promise<void> {
  const { config, env } = loadConfig();
  const ctx: Context = { config, env, workerEnv: loadWorkerEnv(env), stops: [], log: (line) => console.log(line) };
  const stopAll = async () => {
    for (const stop of ctx.stops.reverse()) await stop();
    process.exit(0);
  };
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
  // With REDIS_URL, the province's parts instead of one commune's (README "Running a province").
  const steps: Step[] = env.REDIS_URL
    ? [buildCmsStep, startCmsStep, ...provinceSteps]
    : [buildCmsStep, startCmsStep, startWorkerStep, startPortalStep, startCrosspostStep, waitForPortal, printUrls];
  for (const step of steps) await step(ctx);
}

main().catch((error: Error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});
