import { fakeBuildCommand } from '../../rebuild/helpers/fake-build.ts';
import { startBuildWorker, type BuildWorker } from '../../../scripts/rebuild/queue/build-worker.ts';
import { startQueueIntake, type QueueIntake } from '../../../scripts/rebuild/queue/queue-intake.ts';
import { DOMAIN, QUEUE, SECRET } from './province.ts';

export interface ProvinceOptions {
  redisUrl: string;
  dataDir: string;
  communes: string[];
  /** The stand-in site build's variables (fake-site-build.mjs). */
  buildEnv?: Record<string, string>;
  concurrency?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  log?: (line: string) => void;
}

export const startIntake = (options: ProvinceOptions): Promise<QueueIntake> =>
  startQueueIntake({ redisUrl: options.redisUrl, queue: QUEUE, communes: options.communes, secret: SECRET, port: 0, attempts: 3, retryBaseMs: 200, log: options.log ?? (() => {}) });

/** A build worker in this process, building with the stand-in site build. */
export const startTestWorker = (options: ProvinceOptions): Promise<BuildWorker> =>
  startBuildWorker({
    redisUrl: options.redisUrl,
    queue: QUEUE,
    dataDir: options.dataDir,
    communes: options.communes,
    siteUrl: (commune) => `http://${commune}.${DOMAIN}`,
    build: { command: fakeBuildCommand(), cwd: options.dataDir, env: options.buildEnv ?? {} },
    concurrency: options.concurrency ?? 1,
    lockDurationMs: options.lockDurationMs ?? 30_000,
    stalledIntervalMs: options.stalledIntervalMs ?? 15_000,
    keepBuilders: 4,
    attempts: 3,
    retryBaseMs: 200,
    precompress: false,
    log: options.log ?? (() => {}),
  });
