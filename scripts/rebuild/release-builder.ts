import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteChange } from './intake/affects-site.ts';
import type { BuildRun } from './scheduling/build-scheduler.ts';
import { precompress } from './releases/precompress.ts';
import { activate, ensureLayout, newBuildId, prepareBuildDir, prune, readReleases, siteLayout, type SiteLayout } from './releases/release-store.ts';
import { countChangedFiles, writeReleaseRecord, type ReleaseRecord } from './releases/release-record.ts';
import { runSiteBuild } from './scheduling/run-site-build.ts';
import { SiteBuildError } from './scheduling/site-build-error.ts';
import type { BuildService } from './scheduling/site-build-pool.ts';
import { changedDocuments, SiteBuildService } from './scheduling/site-build-service.ts';
import { describeSkippedEntries, readSkippedReport, skippedReportFile } from './scheduling/skipped-report.ts';
import { missingFromBuild } from './scheduling/verify-build.ts';

export interface ReleaseBuilderOptions {
  /** The release store is DATA_DIR/site (release-store.ts). */
  dataDir: string;
  build: {
    command: readonly string[];
    cwd: string;
    /** CMS_URL, SITE_API_TOKEN, SITE_URL; SITE_OUT_DIR and SITE_CACHE_DIR are set per build. */
    env: Record<string, string>;
    timeoutMs?: number;
    /** Files a build must contain to go live (default: the site build contract's). */
    required?: readonly string[];
    /**
     * site/scripts/build-service.mjs: the site build as a long-lived process that renders
     * only what changed (then `command` is not used). Without it, `command` runs per build.
     */
    service?: string;
    /**
     * A build service shared with other portals' builders (a province worker's pool,
     * scheduling/site-build-pool.ts): used instead of a process of this builder's own, and
     * never stopped by it.
     */
    sharedService?: BuildService;
  };
  /** Build and check, but never switch the live site. */
  dryRun?: boolean;
  precompress?: boolean;
  /** Quiet time after a build goes live before its files are precompressed (default 2 s). */
  precompressDelayMs?: number;
  /**
   * Precompression is started by the caller (`compressLive`), never by the builder after its
   * own quiet time: a province worker builds many communes on the same cores, and compresses
   * one release at a time when none of them is building.
   */
  compressionByCaller?: boolean;
  /**
   * After a build goes live, counting the files it changed (for its release record) and pruning
   * old releases wait for the caller (`tidy`), as compression does: a province worker runs them
   * when it builds nothing, so that the next commune's build starts at once. A builder never
   * holds more than MAX_UNTIDY builds untidied: the next one tidies at once (disk stays bounded
   * on a worker that is never quiet).
   */
  tidyByCaller?: boolean;
  log: (line: string) => void;
}

/** Builds one portal into its release store and makes each good build live (what a scheduler or a queue job runs). */
export interface ReleaseBuilder {
  layout: SiteLayout;
  build: (run: BuildRun) => Promise<void>;
  /** Stops precompression and spare linking: a change arrived, a build is about to start. */
  pauseHousekeeping: () => void;
  /**
   * Precompresses the live release now, if it has not been (with `compressionByCaller`).
   * Resolves when done, or when pauseHousekeeping() stopped it (it then starts over next time).
   */
  compressLive: () => Promise<void>;
  /**
   * Does what `tidyByCaller` left for later: the release records' counts of changed files,
   * then the pruning of old releases. Never runs beside this builder's own build.
   */
  tidy: () => Promise<void>;
  /** Builds gone live whose tidying waits for `tidy`. */
  untidy: () => number;
  /**
   * Runs `work` on this release store with no tidying beside it (a pull from the object store
   * before a build); a build is always run so.
   */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>;
  /** A spare release is being linked for the next publish. */
  linkingSpare: () => boolean;
  /** Makes the release store and clears away builds a crash or a stop left half-done. */
  prepare: () => Promise<void>;
  stop: () => void;
}

// Variables of the test runner or of our own process that must not leak into Astro's build.
const PRIVATE_ENV = /^(VITEST|TEST$|NODE_ENV$|NODE_OPTIONS$|SITE_OUT_DIR$|SITE_CACHE_DIR$)/;

/** This process's environment as a site build gets it. */
export function inheritedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && !PRIVATE_ENV.test(k))) as Record<string, string>;
}

function describeChanges(changes: SiteChange[]): string {
  if (changes.length === 0) return 'full build';
  const shown = changes.slice(0, 3).map((c) => `${c.key} (${c.event})`).join(', ');
  return `${changes.length} change${changes.length > 1 ? 's' : ''}: ${shown}${changes.length > 3 ? ` and ${changes.length - 3} more` : ''}`;
}

/** Builds a `tidyByCaller` builder may leave untidied before it tidies at once. */
export const MAX_UNTIDY = 3;

export function createReleaseBuilder(options: ReleaseBuilderOptions): ReleaseBuilder {

  const { log } = options;
  const layout = siteLayout(options.dataDir);
  let compressing: AbortController | null = null;
  let compressTimer: NodeJS.Timeout | null = null;
  // The live release while its precompression has not run to the end.
  let uncompressed: { id: string; dir: string; previousDir: string | null } | null = null;

  // Housekeeping after a build goes live: first a spare for the next publish to take over when
  // there is none (service only), then precompression. It waits for a quiet moment and gives
  // way at once to the next change, so it never slows down the build a publish is waiting for
  // (2 cores); a build stops the linking of a spare itself (site/scripts/build-service.mjs).
  let housekeeping = 0;
  let linkingSpare = false;
  function stopPrecompress(): void {
    housekeeping += 1;
    if (compressTimer) clearTimeout(compressTimer);
    compressTimer = null;
    compressing?.abort();
  }

  /** Precompresses `release` now; resolves when done or stopped (stopPrecompress). */
  async function compress(release: { id: string; dir: string; previousDir: string | null }): Promise<void> {
    const abort = new AbortController();
    compressing = abort;
    const t0 = Date.now();
    try {
      const { compressed, reused } = await precompress(release.dir, { previousDir: release.previousDir, signal: abort.signal });
      if (!abort.signal.aborted && uncompressed === release) uncompressed = null;
      log(`Precompressed build ${release.id}${abort.signal.aborted ? ' (partly: a change arrived)' : ''}: ${compressed} files compressed, ${reused} reused, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } catch (error) {
      // Not tried again for this release: the portal serves the files uncompressed.
      if (uncompressed === release) uncompressed = null;
      log(`Precompressing build ${release.id} failed: ${(error as Error).message}`);
    } finally {
      if (compressing === abort) compressing = null;
    }
  }

  function schedulePrecompress(id: string, dir: string, previousDir: string | null): void {
    stopPrecompress();
    const release = { id, dir, previousDir };
    uncompressed = release;
    if (options.compressionByCaller) return;
    compressTimer = setTimeout(() => {
      compressTimer = null;
      void compress(release);
    }, options.precompressDelayMs ?? 2_000);
  }

  async function compressLive(): Promise<void> {
    const release = uncompressed;
    if (!release || options.precompress === false) return;
    if (!existsSync(release.dir)) {
      if (uncompressed === release) uncompressed = null;
      return;
    }
    stopPrecompress();
    await compress(release);
  }

  /**
   * Right after a full build, and after the first publish, no older release is left for the
   * next publish to take over (the spare, `spareRelease`): it would link a tree of every page
   * while the editor waits (~2 s at 10,000 pieces). So one is linked now, from the live release.
   */
  async function linkSpareWhenMissing(builder: BuildService): Promise<void> {
    const releases = await readReleases(layout);
    if (!releases.current || (await spareRelease(releases))) return;
    const id = newBuildId();
    const t0 = Date.now();
    linkingSpare = true;
    const result = await builder.spare({ id, env: buildEnv(id), from: join(layout.builds, releases.current), to: join(layout.builds, id) }).finally(() => (linkingSpare = false));
    if (result?.outcome === 'made') log(`Linked spare release ${id} from ${releases.current} for the next publish (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    else if (result?.outcome === 'failed') log(`Linking a spare release failed: ${result.reason} (the next publish links its own)`);
  }

  function afterLive(id: string, dir: string, previousDir: string | null): void {
    stopPrecompress();
    const generation = housekeeping;
    const spared = service && !options.dryRun ? linkSpareWhenMissing(service).catch((error: Error) => log(`Linking a spare release failed: ${error.message}`)) : Promise.resolve();
    void spared.then(() => {
      if (generation === housekeeping && options.precompress !== false) schedulePrecompress(id, dir, previousDir);
    });
  }
  const baseEnv = inheritedEnv();

  const ownService = !options.build.sharedService && options.build.service ? new SiteBuildService(options.build.service, options.build.cwd, { ...baseEnv, ...options.build.env }) : null;
  const service: BuildService | null = options.build.sharedService ?? ownService;

  function buildEnv(id: string): Record<string, string> {
    // SITE_BUILD_TIMINGS: where the site build may leave its phase timings (optional, for `npm run bench`).
    return {
      ...baseEnv,
      ...options.build.env,
      NODE_ENV: 'production',
      SITE_CACHE_DIR: layout.cache,
      SITE_BUILD_TIMINGS: join(layout.logs, `${id}.timings.json`),
      SITE_SKIPPED_REPORT: skippedReportFile(layout.logs, id),
    };
  }

  /**
   * Renders through the build service: from the live release when there is one (only the pages
   * whose inputs changed), everything otherwise. A retry after a failure, and an incremental
   * update that fails, render everything; the live site stays as it is meanwhile.
   */
  async function serviceBuild(run: BuildRun, builder: BuildService, outDir: string, logFile: string, releases: { current: string | null; previous: string | null }): Promise<Omit<ReleaseRecord, 'filesChanged'>> {
    const live = releases.current;
    const env = { ...buildEnv(run.id), SITE_OUT_DIR: outDir };
    const timeoutMs = options.build.timeoutMs ?? 15 * 60_000;
    // The service fetches only the changed documents when it has the rows the live release was
    // rendered from (in memory, or that release's snapshot), whoever rendered it. Not after a
    // rollback (also one pulled from the object store): the live release is then older than the
    // previous one, the CMS has moved on since, and everything is read again.
    const rolledBack = live !== null && releases.previous !== null && live < releases.previous;
    const changes = run.reason === 'change' && !rolledBack ? changedDocuments(run.changes) : null;
    if (run.reason === 'change' && rolledBack) log(`Build ${run.id}: the live release ${live} is older than ${releases.previous} (a rollback); reading every entry again`);
    const full = fullBuildReason(run);
    const previousDir = full || !live ? null : join(layout.builds, live);
    try {
      const spareDir = previousDir ? await spareRelease(releases) : null;
      const result = await builder.build({ id: run.id, env, previousDir, spareDir, changes, logFile, timeoutMs, signal: run.signal });
      return { incremental: result.incremental, why: full ?? result.why, pages: result.pages, rendered: result.rendered, removed: result.removed, fromSpare: result.timings.reusedSpare === true };
    } catch (error) {
      if (!previousDir || run.signal.aborted) throw error;
      const reason = error instanceof SiteBuildError ? error.reason : (error as Error).message;
      log(`Build ${run.id}: the incremental update failed (${reason}); rendering everything instead, the live site is unchanged`);
      await rm(outDir, { recursive: true, force: true });
      const result = await builder.build({ id: run.id, env, previousDir: null, changes: null, logFile, timeoutMs, signal: run.signal });
      return { incremental: false, why: `the incremental update failed: ${reason}`, pages: result.pages, rendered: result.rendered, removed: result.removed };
    }
  }

  /**
   * Why a build must render everything although a release is live: a retry after a failure,
   * or a replaced media file (a body image keeps its address in the CMS, so no page's inputs
   * change, but its copy on the portal must).
   */
  function fullBuildReason(run: BuildRun): string | null {
    if (run.reason === 'retry') return 'a retry after a failed build';
    const media = run.changes.find((c) => c.key.startsWith('media:'));
    return media ? `a media file changed (${media.key})` : null;
  }

  /** The newest kept build that is neither live nor the previous one (prune keeps one for this). */
  async function spareRelease(releases: { current: string | null; previous: string | null }): Promise<string | null> {
    // Names starting with a dot are spares still being linked.
    const ids = (await readdir(layout.builds)).filter((id) => !id.startsWith('.') && id !== releases.current && id !== releases.previous).sort();
    return ids.length ? join(layout.builds, ids[ids.length - 1]) : null;
  }

  function describeRelease(record: Omit<ReleaseRecord, 'filesChanged'>): string {
    return record.incremental ? `incremental: ${record.rendered} of ${record.pages} pages rendered, ${record.removed} removed${record.fromSpare ? ', from the spare' : ''}` : `full build: ${record.why}`;
  }

  // Builds gone live whose record still lacks its count of changed files, oldest first, and the
  // spare the latest of them keeps (`tidyByCaller`). Tidying never runs beside anything else
  // done to this release store (`exclusive`: a build, a pull from the object store): that stops
  // the tidying after its current step (a count, a prune) and waits for it.
  const untidy: { id: string; outDir: string; previousDir: string | null; started: number; record: Omit<ReleaseRecord, 'filesChanged'> | null }[] = [];
  let pruneKeeps: string[] | null = null;
  let tidying: Promise<void> | null = null;
  let holds = 0;

  async function tidyNow(stoppable: boolean): Promise<void> {
    const stop = () => stoppable && holds > 0;
    while (untidy.length && !stop()) {
      const item = untidy[0];
      if (item.record && existsSync(item.outDir)) await writeReleaseRecord(layout.logs, item.id, { ...item.record, filesChanged: await countChangedFiles(item.outDir, item.previousDir, item.started) });
      untidy.shift();
    }
    if (pruneKeeps && !untidy.length && !stop()) {
      const keep = pruneKeeps;
      pruneKeeps = null;
      // Deferred: another worker may be building this commune by now (keepNewer).
      await prune(layout, { keep, keepNewer: true });
    }
  }

  function tidy(): Promise<void> {
    if (holds > 0 || tidying || (!untidy.length && !pruneKeeps)) return tidying ?? Promise.resolve();
    tidying = tidyNow(true)
      .catch((error: Error) => {
        untidy.shift(); // a record that cannot be counted is left without its count
        log(`Tidying old releases failed: ${error.message} (tried again later)`);
      })
      .finally(() => (tidying = null));
    return tidying;
  }

  async function exclusive<T>(work: () => Promise<T>): Promise<T> {
    holds += 1;
    try {
      if (tidying) await tidying;
      return await work();
    } finally {
      holds -= 1;
    }
  }

  function build(run: BuildRun): Promise<void> {
    stopPrecompress();
    return exclusive(() => buildRelease(run));
  }

  async function buildRelease(run: BuildRun): Promise<void> {
    const outDir = await prepareBuildDir(layout, run.id);
    const logFile = join(layout.logs, `${run.id}.log`);
    const started = Date.now();
    const before = await readReleases(layout);
    let record: Omit<ReleaseRecord, 'filesChanged'> | null = null;
    try {
      if (service) record = await serviceBuild(run, service, outDir, logFile, before);
      else {
        await runSiteBuild({
          id: run.id,
          command: options.build.command,
          cwd: options.build.cwd,
          env: buildEnv(run.id),
          outDir,
          logFile,
          timeoutMs: options.build.timeoutMs ?? 15 * 60_000,
          signal: run.signal,
        });
      }
      const missing = missingFromBuild(outDir, options.build.required);
      if (missing) throw new SiteBuildError(`the build finished without ${missing}`, run.id, { logFile });
    } catch (error) {
      await rm(outDir, { recursive: true, force: true });
      throw error;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const skipped = await readSkippedReport(layout.logs, run.id);
    if (skipped?.length) log(`Build ${run.id}: ${describeSkippedEntries(skipped)}; see GET /status`);
    const how = record ? `${describeChanges(run.changes)}; ${describeRelease(record)}` : describeChanges(run.changes);
    if (options.dryRun) {
      log(`Dry run: build ${run.id} is complete in ${outDir} (${seconds} s, ${how}); the live site was not switched`);
      return;
    }
    await activate(layout, run.id);
    log(`Build ${run.id} is live after ${seconds} s (${how})`);
    const previousDir = before.current ? join(layout.builds, before.current) : null;
    // The release that was previous is kept as the spare the next build takes over (service only).
    pruneKeeps = service && before.previous ? [before.previous] : [];
    if (options.tidyByCaller && untidy.length < MAX_UNTIDY) {
      // Recorded now without its count of changed files (null until tidied).
      if (record) await writeReleaseRecord(layout.logs, run.id, { ...record, filesChanged: null });
      untidy.push({ id: run.id, outDir, previousDir, started, record });
    } else {
      untidy.push({ id: run.id, outDir, previousDir, started, record });
      await tidyNow(false);
    }
    afterLive(run.id, outDir, previousDir);
  }

  return {
    layout,
    build,
    pauseHousekeeping: stopPrecompress,
    compressLive,
    tidy,
    untidy: () => untidy.length,
    exclusive,
    linkingSpare: () => linkingSpare,
    prepare: async () => {
      await ensureLayout(layout);
      await prune(layout);
    },
    stop: () => {
      stopPrecompress();
      ownService?.kill();
    },
  };
}
