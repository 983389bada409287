import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { PREFIX } from '../rebuild/queue/build-queue.ts';
import { communeDataDir } from '../rebuild/queue/commune-data-dir.ts';
import { communeSiteUrl, startCrosspostRole, startIntakeRole, startPortalRole, startWorkerRole, type RoleContext } from '../rebuild/queue/province-roles.ts';
import { loadQueueEnv } from '../rebuild/queue/queue-env.ts';
import { readReleases, siteLayout } from '../rebuild/releases/release-store.ts';
import type { Context, Step } from './start.ts';

// `npm start` with REDIS_URL: the province's parts in this one process beside the CMS (the
// intake on WORKER_PORT, where the CMS's webhook goes; one build worker; the portal of every
// commune on SITE_PORT). Each part can later move to processes and machines of its own with
// `npm run province -- ROLE` (README "Running a province").

/** How long `npm start` waits for the communes' first builds before it prints what it has. */
const FIRST_BUILDS_WAIT_MS = 15 * 60_000;
const LISTED = 10;

const isLive = async (dataDir: string, commune: string) => Boolean((await readReleases(siteLayout(communeDataDir(dataDir, commune)))).current);

export const startProvince: Step = async (ctx: Context) => {
  const { config, env, log } = ctx;
  const role: RoleContext = { config, env, queueEnv: loadQueueEnv(env), log: (line) => log(`[tỉnh] ${line}`) };
  const { queueEnv } = role;
  const intake = await startIntakeRole(role);
  ctx.stops.push(intake.stop);
  const worker = await startWorkerRole({ ...role, log: (line) => log(`[dựng trang] ${line}`) });
  ctx.stops.push(() => worker.stop());
  const portal = await startPortalRole(role);
  ctx.stops.push(portal.stop);
  const crosspost = startCrosspostRole({ ...role, log: (line) => log(`[chia sẻ] ${line}`) }, portal.url);
  ctx.stops.push(crosspost.stop);

  // The worker asks for a first build of every commune with nothing live; wait until each is
  // live or the queue has nothing left to try (a commune without details fails, and says why).
  const connection = new Redis(queueEnv.REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(queueEnv.BUILD_QUEUE, { connection, prefix: PREFIX });
  const communes = queueEnv.PROVINCE_COMMUNES;
  const deadline = Date.now() + FIRST_BUILDS_WAIT_MS;
  let live: string[] = [];
  log(`Đang dựng cổng thông tin của ${communes.length} xã, phường…`);
  try {
    for (;;) {
      live = (await Promise.all(communes.map(async (c) => ((await isLive(config.DATA_DIR, c)) ? c : null)))).filter((c): c is string => c !== null);
      const pending = (await queue.getActiveCount()) + (await queue.getWaitingCount()) + (await queue.getDelayedCount()) + (await queue.getPrioritizedCount());
      if (live.length === communes.length || pending === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await queue.close();
    connection.disconnect();
  }

  log('');
  log('Hệ thống cấp tỉnh đã sẵn sàng:');
  log(`  Trang quản trị (CMS):   ${config.CMS_URL}/admin`);
  log(`  Bộ nhận webhook:        ${intake.url}/status`);
  log(`  Cổng thông tin:         ${portal.url}/ (mỗi xã, phường tại ${communeSiteUrl(role, '<mã-xã>')}/)`);
  log(`  Đã hoạt động:           ${live.length} trên ${communes.length} xã, phường`);
  for (const commune of communes.slice(0, LISTED)) {
    log(`    ${communeSiteUrl(role, commune)}/  ${live.includes(commune) ? 'đang hoạt động' : 'chưa dựng được (thêm «Thông tin các xã, phường» của xã, phường này trong CMS; xem npm run doctor)'}`);
  }
  if (communes.length > LISTED) log(`    … và ${communes.length - LISTED} xã, phường khác`);
  log('  Chia sẻ mạng xã hội:    bằng tài khoản của từng xã, phường (README «Running a province»)');
  const tryIt = queueEnv.PROVINCE_ROUTING === 'path' ? `curl ${portal.url}/${communes[0]}/` : `curl -H 'Host: ${communes[0]}.${queueEnv.PROVINCE_DOMAIN}' ${portal.url}/`;
  log(`  Xem thử trên máy này:   ${tryIt}`);
  log('Nhấn Ctrl+C để dừng.');
};

export const provinceSteps: Step[] = [startProvince];
