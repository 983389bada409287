import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SiteChange } from './affects-site.ts';
import { BuildScheduler, type BuildRun } from './build-scheduler.ts';
import { precompress } from './precompress.ts';
import { activate, builtAt, ensureLayout, newBuildId, prepareBuildDir, prune, readReleases, siteLayout } from './release-store.ts';
import { runSiteBuild } from './run-site-build.ts';
import { SiteBuildError } from './site-build-error.ts';
import { describeSkippedEntries, readSkippedReport, skippedReportFile } from './skipped-report.ts';
import { missingFromBuild } from './verify-build.ts';
import { createWorkerServer } from './worker-server.ts';

export interface WorkerOptions {
  dataDir: string;
  host?: string;
  port: number;
  secret: string;
  build: {
    command: readonly string[];
    cwd: string;
    /** CMS_URL, SITE_API_TOKEN, SITE_URL; SITE_OUT_DIR and SITE_CACHE_DIR are set per build. */
    env: Record<string, string>;
    timeoutMs?: number;
    /** Files a build must contain to go live (default: the site build contract's). */
    required?: readonly string[];
  };
  debounceMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** 'if-missing': build at start only when nothing is live; 'always': also refresh a live site. */
  buildOnStart?: 'always' | 'if-missing' | 'never';
  /** Build and check, but never switch the live site. */
  dryRun?: boolean;
  precompress?: boolean;
  /** Quiet time after a build goes live before its files are precompressed (default 2 s). */
  precompressDelayMs?: number;
  log?: (line: string) => void;
}

export interface Worker {
  url: string;
  scheduler: BuildScheduler;
  status: () => Promise<WorkerStatus>;
  stop: () => Promise<void>;
}

export type WorkerStatus = Awaited<ReturnType<typeof statusOf>>;

// Variables of the test runner or of our own process that must not leak into Astro's build.
const PRIVATE_ENV = /^(VITEST|TEST$|NODE_ENV$|NODE_OPTIONS$|SITE_OUT_DIR$|SITE_CACHE_DIR$)/;

function describeChanges(changes: SiteChange[]): string {
  if (changes.length === 0) return 'full build';
  const shown = changes.slice(0, 3).map((c) => `${c.key} (${c.event})`).join(', ');
  return `${changes.length} change${changes.length > 1 ? 's' : ''}: ${shown}${changes.length > 3 ? ` and ${changes.length - 3} more` : ''}`;
}

async function statusOf(layout: ReturnType<typeof siteLayout>, scheduler: BuildScheduler, counts: { accepted: number; ignored: number }) {
  const releases = await readReleases(layout);
  return {
    ...scheduler.snapshot(),
    // `skipped`: published entries the live build left out as invalid, for editors to fix.
    live: releases.current
      ? { id: releases.current, builtAt: await builtAt(layout, releases.current), skipped: await readSkippedReport(layout.logs, releases.current) }
      : null,
    previous: releases.previous ? { id: releases.previous } : null,
    webhooks: { ...counts },
  };
}

/** Starts the webhook receiver and status endpoint, and the builder behind them. */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const log = options.log ?? ((line: string) => console.log(line));
  const layout = siteLayout(options.dataDir);
  const counts = { accepted: 0, ignored: 0 };
  let compressing: AbortController | null = null;
  let compressTimer: NodeJS.Timeout | null = null;

  // Precompression is housekeeping: it waits for a quiet moment and gives way at once to
  // the next change, so it never slows down the build a publish is waiting for (2 cores).
  function stopPrecompress(): void {
    if (compressTimer) clearTimeout(compressTimer);
    compressTimer = null;
    compressing?.abort();
  }

  function schedulePrecompress(id: string, dir: string, previousDir: string | null): void {
    stopPrecompress();
    compressTimer = setTimeout(() => {
      const abort = new AbortController();
      compressing = abort;
      const t0 = Date.now();
      precompress(dir, { previousDir, signal: abort.signal }).then(
        ({ compressed, reused }) => log(`Precompressed build ${id}${abort.signal.aborted ? ' (partly: a change arrived)' : ''}: ${compressed} files compressed, ${reused} reused, ${((Date.now() - t0) / 1000).toFixed(1)} s`),
        (error: Error) => log(`Precompressing build ${id} failed: ${error.message}`),
      );
    }, options.precompressDelayMs ?? 2_000);
  }
  const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && !PRIVATE_ENV.test(k))) as Record<string, string>;

  async function build(run: BuildRun): Promise<void> {
    stopPrecompress();
    const outDir = await prepareBuildDir(layout, run.id);
    const logFile = join(layout.logs, `${run.id}.log`);
    const started = Date.now();
    try {
      await runSiteBuild({
        id: run.id,
        command: options.build.command,
        cwd: options.build.cwd,
        // SITE_BUILD_TIMINGS: where the site build may leave its phase timings (optional, for `npm run bench`).
        env: {
          ...baseEnv,
          ...options.build.env,
          NODE_ENV: 'production',
          SITE_CACHE_DIR: layout.cache,
          SITE_BUILD_TIMINGS: join(layout.logs, `${run.id}.timings.json`),
          SITE_SKIPPED_REPORT: skippedReportFile(layout.logs, run.id),
        },
        outDir,
        logFile,
        timeoutMs: options.build.timeoutMs ?? 15 * 60_000,
        signal: run.signal,
      });
      const missing = missingFromBuild(outDir, options.build.required);
      if (missing) throw new SiteBuildError(`the build finished without ${missing}`, run.id, { logFile });
    } catch (error) {
      await rm(outDir, { recursive: true, force: true });
      throw error;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const skipped = await readSkippedReport(layout.logs, run.id);
    if (skipped?.length) log(`Build ${run.id}: ${describeSkippedEntries(skipped)}; see GET /status`);
    if (options.dryRun) {
      log(`Dry run: build ${run.id} is complete in ${outDir} (${seconds} s, ${describeChanges(run.changes)}); the live site was not switched`);
      return;
    }
    const before = await readReleases(layout);
    await activate(layout, run.id);
    log(`Build ${run.id} is live after ${seconds} s (${describeChanges(run.changes)})`);
    await prune(layout);
    if (options.precompress !== false) schedulePrecompress(run.id, outDir, before.current ? join(layout.builds, before.current) : null);
  }

  const scheduler = new BuildScheduler({
    build,
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
      stopPrecompress();
      scheduler.request(change);
    },
    onIgnored: () => {
      counts.ignored += 1;
    },
    status: () => statusOf(layout, scheduler, counts),
    log,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  // Builds left half-done by a crash or a stop are never served: clear them away.
  await ensureLayout(layout);
  await prune(layout);
  const { current } = await readReleases(layout);
  const onStart = options.buildOnStart ?? 'if-missing';
  if (onStart === 'always' || (onStart === 'if-missing' && !current)) scheduler.request(null, 'startup');

  return {
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`,
    scheduler,
    status: () => statusOf(layout, scheduler, counts),
    stop: async () => {
      stopPrecompress();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await scheduler.stop();
    },
  };
}
