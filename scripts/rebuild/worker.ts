import type { AddressInfo } from 'node:net';
import { createWorkerServer } from './intake/worker-server.ts';
import { createReleaseBuilder, type ReleaseBuilderOptions } from './release-builder.ts';
import { builtAt, newBuildId, readReleases, siteLayout } from './releases/release-store.ts';
import { readReleaseRecord } from './releases/release-record.ts';
import { BuildScheduler } from './scheduling/build-scheduler.ts';
import { readSkippedReport } from './scheduling/skipped-report.ts';

export interface WorkerOptions extends Omit<ReleaseBuilderOptions, 'log'> {
  host?: string;
  port: number;
  secret: string;
  debounceMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** 'if-missing': build at start only when nothing is live; 'always': also refresh a live site. */
  buildOnStart?: 'always' | 'if-missing' | 'never';
  log?: (line: string) => void;
}

export interface Worker {
  url: string;
  scheduler: BuildScheduler;
  status: () => Promise<WorkerStatus>;
  stop: () => Promise<void>;
}

export type WorkerStatus = Awaited<ReturnType<typeof statusOf>>;

async function statusOf(layout: ReturnType<typeof siteLayout>, scheduler: BuildScheduler, counts: { accepted: number; ignored: number }, linkingSpare: () => boolean) {
  const releases = await readReleases(layout);
  return {
    ...scheduler.snapshot(),
    // A spare release being linked for the next publish (a publish meanwhile stops it and links its own).
    linkingSpare: linkingSpare(),
    // `skipped`: published entries the live build left out as invalid, for editors to fix.
    live: releases.current
      ? {
          id: releases.current,
          builtAt: await builtAt(layout, releases.current),
          build: await readReleaseRecord(layout.logs, releases.current),
          skipped: await readSkippedReport(layout.logs, releases.current),
        }
      : null,
    previous: releases.previous ? { id: releases.previous, build: await readReleaseRecord(layout.logs, releases.previous) } : null,
    webhooks: { ...counts },
  };
}

/** Starts the webhook receiver and status endpoint, and the builder behind them. */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const log = options.log ?? ((line: string) => console.log(line));
  const counts = { accepted: 0, ignored: 0 };
  const builder = createReleaseBuilder({ ...options, log });
  const { layout } = builder;

  const scheduler = new BuildScheduler({
    build: builder.build,
    newId: () => newBuildId(),
    debounceMs: options.debounceMs ?? 150,
    retryBaseMs: options.retryBaseMs ?? 5_000,
    retryMaxMs: options.retryMaxMs ?? 5 * 60_000,
    log,
  });

  const server = createWorkerServer({
    secret: options.secret,
    onChange: (change) => {
      counts.accepted += 1;
      builder.pauseHousekeeping();
      scheduler.request(change);
    },
    onIgnored: () => {
      counts.ignored += 1;
    },
    status: () => statusOf(layout, scheduler, counts, builder.linkingSpare),
    log,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  // Builds left half-done by a crash or a stop are never served: clear them away.
  await builder.prepare();
  const { current } = await readReleases(layout);
  const onStart = options.buildOnStart ?? 'if-missing';
  if (onStart === 'always' || (onStart === 'if-missing' && !current)) scheduler.request(null, 'startup');

  return {
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`,
    scheduler,
    status: () => statusOf(layout, scheduler, counts, builder.linkingSpare),
    stop: async () => {
      builder.pauseHousekeeping();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await scheduler.stop();
      builder.stop();
    },
  };
}
