import { communePortalUrl } from '@thanh-thuy/content-types';
import { accountsFileOf, crosspostStateDir } from '../../crosspost/commune-accounts.ts';
import { startProvinceCrosspost } from '../../crosspost/start-runner.ts';
import { ROOT, type Config } from '../../env/config.ts';
import { objectStoreFrom } from '../object-store/object-store-env.ts';
import { buildCommandFrom, loadWorkerEnv, siteBuildEnv } from '../worker-config.ts';
import { startBuildWorker, type BuildWorker } from './build-worker.ts';
import { startProvincePortal, type ProvincePortal } from './province-portal.ts';
import type { QueueEnv } from './queue-env.ts';
import { startQueueIntake, type QueueIntake } from './queue-intake.ts';

// The four parts of a province installation, configured from the environment: started one
// per process by `npm run province -- ROLE`, or all in one by `npm start` when REDIS_URL is set.

export interface RoleContext {
  config: Config;
  env: Record<string, string | undefined>;
  queueEnv: QueueEnv;
  log: (line: string) => void;
}

export const portalScheme = (config: Config) => (config.SITE_URL.startsWith('https:') ? 'https' : 'http');

/** Where a commune's portal is served: `<scheme>://<slug>.<PROVINCE_DOMAIN>`, or `<scheme>://<PROVINCE_DOMAIN>/<slug>` (PROVINCE_ROUTING=path). */
export const communeSiteUrl = (ctx: Pick<RoleContext, 'config' | 'queueEnv'>, commune: string) =>
  communePortalUrl(commune, { domain: ctx.queueEnv.PROVINCE_DOMAIN, https: portalScheme(ctx.config) === 'https', routing: ctx.queueEnv.PROVINCE_ROUTING });

export function startIntakeRole({ config, env, queueEnv, log }: RoleContext): Promise<QueueIntake> {
  return startQueueIntake({
    redisUrl: queueEnv.REDIS_URL,
    queue: queueEnv.BUILD_QUEUE,
    communes: queueEnv.PROVINCE_COMMUNES,
    secret: config.WEBHOOK_SECRET,
    port: config.WORKER_PORT,
    host: loadWorkerEnv(env).WORKER_HOST,
    attempts: queueEnv.BUILD_ATTEMPTS,
    retryBaseMs: queueEnv.BUILD_RETRY_BASE_MS,
    log,
  });
}

export function startWorkerRole(ctx: RoleContext): Promise<BuildWorker> {
  const { config, env, queueEnv, log } = ctx;
  const workerEnv = loadWorkerEnv(env);
  return startBuildWorker({
    redisUrl: queueEnv.REDIS_URL,
    queue: queueEnv.BUILD_QUEUE,
    dataDir: config.DATA_DIR,
    communes: queueEnv.PROVINCE_COMMUNES,
    siteUrl: (commune) => communeSiteUrl(ctx, commune),
    build: { ...buildCommandFrom(workerEnv, ROOT), env: siteBuildEnv(config), timeoutMs: workerEnv.BUILD_TIMEOUT_MS },
    concurrency: queueEnv.BUILD_WORKER_CONCURRENCY,
    lockDurationMs: queueEnv.BUILD_LOCK_MS,
    stalledIntervalMs: queueEnv.BUILD_STALLED_CHECK_MS,
    keepBuilders: queueEnv.BUILD_COMMUNES_IN_MEMORY,
    attempts: queueEnv.BUILD_ATTEMPTS,
    retryBaseMs: queueEnv.BUILD_RETRY_BASE_MS,
    objectStore: objectStoreFrom(env),
    log,
  });
}

export function startPortalRole({ config, env, queueEnv, log }: RoleContext): Promise<ProvincePortal> {
  return startProvincePortal({
    dataDir: config.DATA_DIR,
    communes: queueEnv.PROVINCE_COMMUNES,
    domain: queueEnv.PROVINCE_DOMAIN,
    routing: queueEnv.PROVINCE_ROUTING,
    port: config.SITE_PORT,
    host: loadWorkerEnv(env).SITE_HOST,
    https: portalScheme(config) === 'https',
    objectStore: objectStoreFrom(env),
    notices: { redisUrl: queueEnv.REDIS_URL, queue: queueEnv.BUILD_QUEUE },
    log,
  });
}

/**
 * Cross-posting for every commune, each on its own accounts (CROSSPOST_ACCOUNTS_FILE), checking
 * pages live on the province's portal server (PORTAL_CHECK_URL, or this machine's SITE_PORT).
 * One runner is enough for a province; more may run, since the CMS hands each job to one.
 */
export function startCrosspostRole(ctx: RoleContext, portalCheckUrl?: string) {
  const { config, env, queueEnv, log } = ctx;
  return startProvinceCrosspost({
    cmsUrl: config.CMS_URL,
    portalCheckUrl: portalCheckUrl ?? config.PORTAL_CHECK_URL ?? `http://127.0.0.1:${config.SITE_PORT}`,
    secret: config.CROSSPOST_RUNNER_SECRET,
    stateDir: crosspostStateDir(config.DATA_DIR),
    communes: queueEnv.PROVINCE_COMMUNES,
    siteUrlOf: (commune) => communeSiteUrl(ctx, commune),
    accountsFile: accountsFileOf(env, config.DATA_DIR, ROOT),
    env,
    log,
  });
}
