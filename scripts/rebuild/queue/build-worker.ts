import { communeSiteToken } from '@thanh-thuy/content-types';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { createReleaseBuilder, inheritedEnv, type ReleaseBuilder, type ReleaseBuilderOptions } from '../release-builder.ts';
import { newBuildId, readReleases, siteLayout } from '../releases/release-store.ts';
import type { BuildRun } from '../scheduling/build-scheduler.ts';
import { SiteBuildError } from '../scheduling/site-build-error.ts';
import { SiteBuildPool } from '../scheduling/site-build-pool.ts';
import { BuildQueue, PREFIX, settleChanges, takeChanges, type BuildJobData } from './build-queue.ts';
import { communeDataDir } from './commune-data-dir.ts';
import { CommuneReleases } from '../object-store/commune-releases.ts';
import type { ObjectStore } from '../object-store/object-store-env.ts';
import { announceRelease } from '../object-store/release-notices.ts';

export interface BuildWorkerOptions {
  redisUrl: string;
  queue: string;
  /** Communes live under DATA_DIR/communes/<slug> (commune-data-dir.ts). */
  dataDir: string;
  communes: readonly string[];
  /** The public address of a commune's portal, its build's SITE_URL. */
  siteUrl: (commune: string) => string;
  /** As for one commune; each commune's build also gets SITE_COMMUNE and its own SITE_URL. */
  build: ReleaseBuilderOptions['build'];
  concurrency: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  /**
   * Communes whose builders, and data in the build processes, are kept between jobs; the least
   * recently built goes first (BUILD_COMMUNES_IN_MEMORY).
   */
  keepBuilders: number;
  /** For the first builds this worker asks for (see below). */
  attempts: number;
  retryBaseMs: number;
  precompress?: boolean;
  /** Quiet time of the whole worker before it precompresses releases (default 2 s). */
  precompressDelayMs?: number;
  /**
   * Quiet time of the whole worker before it tidies communes' releases (counts of changed files,
   * pruning of old releases), left out of each job so the next starts at once (default 250 ms).
   */
  tidyDelayMs?: number;
  /**
   * Where releases go (object-store/): each job first takes the commune's live release from the
   * bucket, then puts its own there. Without it, workers and portals share DATA_DIR.
   */
  objectStore?: ObjectStore | null;
  log: (line: string) => void;
}

/** What a finished job records (BullMQ keeps it as the job's return value). */
export interface BuildJobResult {
  commune: string;
  release: string;
  changes: string[];
  full: boolean;
  worker: number;
  durationMs: number;
}

export interface BuildWorker {
  worker: Worker<BuildJobData, BuildJobResult>;
  stop: (force?: boolean) => Promise<void>;
}

/** Pages per search shard on a province's portals (SITE_SEARCH_SHARD_PAGES overrides it). */
export const PROVINCE_SHARD_PAGES = 64;
const provinceShardPages = () => process.env.SITE_SEARCH_SHARD_PAGES || String(PROVINCE_SHARD_PAGES);

/**
 * A commune's build reads the CMS with that commune's own token (content-types tenancy.ts), which
 * the CMS answers with that commune's content only: the site's own filter is then a second line.
 */
export function communeBuildEnv(env: Record<string, string>, commune: string, siteUrl: string): Record<string, string> {
  const siteToken = env.SITE_API_TOKEN ?? process.env.SITE_API_TOKEN;
  // The shard size goes with each build too, for a worker that runs a build command instead of the build service.
  return { SITE_SEARCH_SHARD_PAGES: provinceShardPages(), ...env, SITE_COMMUNE: commune, SITE_URL: siteUrl, ...(siteToken ? { SITE_API_TOKEN: communeSiteToken(siteToken, commune) } : {}) };
}

/**
 * A build worker process of the province: takes a commune's job off the queue, gathers the
 * changes waiting for it and builds that commune's portal into its own release store, exactly
 * as the single-commune worker does (release-builder.ts). Any number of these run, on any
 * number of machines; the queue never gives two of them the same commune at once.
 *
 * A worker that dies mid-job stops renewing its lock; after `lockDurationMs` another worker
 * (or this one, restarted) finds the job stalled and runs it again. The half-done build was
 * never live, and the next builder of that commune clears it away (ReleaseBuilder.prepare).
 */
export async function startBuildWorker(options: BuildWorkerOptions): Promise<BuildWorker> {
  const { log } = options;
  // BullMQ's blocking commands need maxRetriesPerRequest: null (https://docs.bullmq.io/guide/going-to-production).
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const served = new Set(options.communes);
  const builders = new Map<string, { builder: ReleaseBuilder; busy: number }>();
  // One build process per concurrent job, rendering any commune with the one server bundle and
  // keeping communes' data between their publishes (scheduling/site-build-pool.ts).
  // Search shards of 64 pages, not 128 (site/src/lib/search-shards.ts), unless the installation
  // says otherwise: a publish re-indexes half as many pages on cores a hundred portals share.
  const serviceEnv = { SITE_SEARCH_SHARD_PAGES: provinceShardPages(), ...inheritedEnv(), ...options.build.env, SITE_STATES_KEPT: String(options.keepBuilders), SITE_LOAD_SNAPSHOTS: 'true' };
  const pool = options.build.service ? new SiteBuildPool(options.build.service, options.build.cwd, serviceEnv, options.concurrency) : null;
  const closing = new AbortController();
  const inBucket = new Map<string, CommuneReleases>();
  const prunedAt = new Map<string, number>();
  const releasesOf = (store: ObjectStore, commune: string) => {
    let releases = inBucket.get(commune);
    if (!releases) inBucket.set(commune, (releases = new CommuneReleases(store, commune, siteLayout(communeDataDir(options.dataDir, commune)))));
    return releases;
  };

  async function builderFor(commune: string): Promise<{ builder: ReleaseBuilder; busy: number }> {
    let entry = builders.get(commune);
    if (entry) {
      builders.delete(commune); // re-inserted below: the Map's order is the order of use
    } else {
      const builder = createReleaseBuilder({
        dataDir: communeDataDir(options.dataDir, commune),
        build: { ...options.build, env: communeBuildEnv(options.build.env ?? {}, commune, options.siteUrl(commune)), sharedService: pool ?? undefined },
        // With an object store the portals make their own compressed copies (after each pull).
        precompress: options.objectStore ? false : options.precompress,
        compressionByCaller: true,
        tidyByCaller: true,
        log: (line) => log(`[${commune}] ${line}`),
      });
      await builder.prepare();
      entry = { builder, busy: 0 };
    }
    builders.set(commune, entry);
    for (const [name, other] of builders) {
      if (builders.size <= options.keepBuilders) break;
      if (other.busy === 0 && name !== commune) {
        // Left untidied, if it was: the next builder of that commune prunes as it starts (prepare).
        other.builder.stop();
        builders.delete(name);
      }
    }
    return entry;
  }

  // Precompression waits for a quiet moment of the whole worker, not of one commune (one
  // commune's compression would otherwise take the CPU from another commune's build, whose
  // editor is waiting), and compresses one release at a time, the most recently built first:
  // a job that starts stops it within one file.
  let running = 0;
  let quietTimer: NodeJS.Timeout | null = null;
  let sweeping = false;
  const pauseHousekeeping = () => {
    if (quietTimer) clearTimeout(quietTimer);
    quietTimer = null;
    for (const { builder } of builders.values()) builder.pauseHousekeeping();
  };
  let sweepAgain = false;
  async function compressWhileQuiet(): Promise<void> {
    if (sweeping) {
      sweepAgain = true; // the sweep under way was stopped by a job: start over when it has wound down
      return;
    }
    sweeping = true;
    try {
      for (const { builder } of [...builders.values()].reverse()) {
        if (running > 0 || closing.signal.aborted) return;
        await builder.compressLive();
      }
    } finally {
      sweeping = false;
      if (sweepAgain) {
        sweepAgain = false;
        whenQuiet();
      }
    }
  }
  // Tidying comes first and after a shorter quiet time: it is small (two tree walks and one
  // release removed per commune), and what it leaves undone a commune's later build does at
  // once (release-builder.ts, MAX_UNTIDY).
  const tidyDelayMs = options.tidyDelayMs ?? 250;
  const compressDelayMs = options.precompressDelayMs ?? 2_000;
  async function tidyWhileQuiet(): Promise<void> {
    for (const { builder } of [...builders.values()].reverse()) {
      if (running > 0 || closing.signal.aborted) return;
      await builder.tidy();
    }
    // A job came and went meanwhile: its own quiet time is under way.
    if (running > 0 || closing.signal.aborted || quietTimer) return;
    quietTimer = setTimeout(() => {
      quietTimer = null;
      void compressWhileQuiet();
    }, Math.max(0, compressDelayMs - tidyDelayMs));
  }
  const whenQuiet = () => {
    if (running > 0 || closing.signal.aborted) return;
    if (quietTimer) clearTimeout(quietTimer);
    quietTimer = setTimeout(() => {
      quietTimer = null;
      void tidyWhileQuiet();
    }, Math.min(tidyDelayMs, compressDelayMs));
  };

  async function processJob(job: Job<BuildJobData, BuildJobResult>): Promise<BuildJobResult> {
    const { commune } = job.data;
    if (!served.has(commune)) throw new UnrecoverableError(`no portal for commune "${commune}" on this installation (PROVINCE_COMMUNES)`);
    const started = Date.now();
    running += 1;
    pauseHousekeeping();
    const entry = await builderFor(commune).catch((error: Error) => {
      running -= 1;
      throw error;
    });
    entry.busy += 1;
    try {
      entry.builder.pauseHousekeeping();
      // The commune's release store is this job's alone meanwhile: no tidying of it beside.
      const { run, changes, full } = await entry.builder.exclusive(async () => {
        const bucket = options.objectStore ? releasesOf(options.objectStore, commune) : null;
        // Another worker may have built this commune last: its release is the one to update.
        const pulled = await bucket?.pull();
        if (pulled) log(`[${commune}] Took release ${pulled.id} from the object store (${pulled.downloaded} of ${pulled.files} files downloaded)`);
        const { changes, full } = await takeChanges(connection, options.queue, commune, job.id!);
        const run: BuildRun = {
          id: newBuildId(),
          reason: job.attemptsMade > 0 ? 'retry' : full ? 'startup' : 'change',
          attempt: job.attemptsMade + 1,
          changes: full ? [] : changes,
          startedAt: new Date(started).toISOString(),
          signal: closing.signal,
        };
        await entry.builder.build(run);
        if (bucket) {
          const pushed = await bucket.push(run.id);
          log(`[${commune}] Release ${run.id} is live in the object store (${pushed.uploaded} of ${pushed.files} files uploaded, ${(pushed.uploadedBytes / 1024).toFixed(0)} KiB)`);
          // Portals pull at once rather than at their next poll; a lost notice costs one poll.
          await announceRelease(connection, { queue: options.queue }, commune, run.id).catch((error: Error) => log(`[${commune}] Announcing release ${run.id} failed: ${error.message}`));
          const store = options.objectStore!;
          if (Date.now() - (prunedAt.get(commune) ?? 0) >= store.pruneMs) {
            prunedAt.set(commune, Date.now());
            // Housekeeping: a failure here leaves old objects for the next time, the release is live.
            await bucket.prune({ olderThanMs: store.pruneMs }).then(
              ({ manifests, objects }) => manifests + objects > 0 && log(`[${commune}] Deleted ${manifests} old release(s) and ${objects} unused file(s) from the object store`),
              (error: Error) => log(`[${commune}] Cleaning the object store failed: ${error.message} (tried again later)`),
            );
          }
        }
        return { run, changes, full };
      });
      await settleChanges(connection, options.queue, commune, job.id!, 'built');
      return { commune, release: run.id, changes: changes.map((c) => c.key), full, worker: process.pid, durationMs: Date.now() - started };
    } finally {
      entry.busy -= 1;
      running -= 1;
      whenQuiet();
    }
  }

  const worker = new Worker<BuildJobData, BuildJobResult>(options.queue, processJob, {
    connection,
    prefix: PREFIX,
    concurrency: options.concurrency,
    lockDuration: options.lockDurationMs,
    stalledInterval: options.stalledIntervalMs,
    // A job whose worker died this many times is given up rather than retried forever.
    maxStalledCount: 3,
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    const reason = error instanceof SiteBuildError ? error.reason : error.message;
    const attempts = job.opts.attempts ?? 1;
    const last = job.attemptsMade >= attempts || error instanceof UnrecoverableError;
    log(`Build of ${job.data.commune} (job ${job.id}) failed: ${reason} (the live site is unchanged; ${last ? 'given up, its changes wait for the next publish' : `attempt ${job.attemptsMade} of ${attempts}, retried`})`);
    if (last) settleChanges(connection, options.queue, job.data.commune, job.id!, 'given-up').catch((e: Error) => log(`Putting back the changes of job ${job.id} failed: ${e.message}`));
  });
  worker.on('completed', (job, result) => log(`Build ${result.release} of ${result.commune} is live after ${(result.durationMs / 1000).toFixed(1)} s (${result.full ? 'everything read again' : `${result.changes.length} change(s)`}, job ${job.id})`));
  worker.on('error', (error) => log(`Build worker: ${error.message}`));
  await worker.waitUntilReady();

  // A commune with nothing live yet (a new one, a fresh machine) gets its first build; every
  // worker asks, and the queue keeps one job per commune whoever asked.
  const missing = [];
  for (const commune of options.communes) {
    const live = options.objectStore ? (await releasesOf(options.objectStore, commune).live())?.current : (await readReleases(siteLayout(communeDataDir(options.dataDir, commune)))).current;
    if (!live) missing.push(commune);
  }
  if (missing.length) {
    const producer = new BuildQueue({ connection, name: options.queue, attempts: options.attempts, retryBaseMs: options.retryBaseMs });
    for (const commune of missing) await producer.request(commune, null);
    await producer.close();
    log(`Asked for a first build of ${missing.length} commune portal(s) with nothing live: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`);
  }

  return {
    worker,
    // Waits for the builds under way to finish; `force` stops them (their jobs run again elsewhere).
    stop: async (force = false) => {
      if (force) closing.abort();
      await worker.close(force);
      pauseHousekeeping();
      for (const { builder } of builders.values()) builder.stop();
      pool?.kill();
      connection.disconnect();
    },
  };
}
