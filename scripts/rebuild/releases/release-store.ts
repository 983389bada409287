import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ReleaseError } from './release-error.ts';
import { readSymlink, swapSymlink } from './swap-symlink.ts';

/**
 * DATA_DIR/site holds every release of the portal:
 *   builds/<id>/   one directory per build, never modified once live
 *   current ->     the build the static server serves (swapped atomically)
 *   previous ->    the one before, for `npm run rollback`
 *   logs/<id>.log  each build's output
 *   cache/         Astro's content-layer store and image cache, shared by builds
 */
export interface SiteLayout {
  root: string;
  builds: string;
  current: string;
  previous: string;
  logs: string;
  cache: string;
}

export function siteLayout(dataDir: string): SiteLayout {
  const root = join(dataDir, 'site');
  return { root, builds: join(root, 'builds'), current: join(root, 'current'), previous: join(root, 'previous'), logs: join(root, 'logs'), cache: join(root, 'cache') };
}

/** Sortable by time, unique within a process and across restarts. */
export function newBuildId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace('.', '-')}-${randomBytes(2).toString('hex')}`;
}

export interface Releases {
  current: string | null;
  previous: string | null;
}

export async function readReleases(layout: SiteLayout): Promise<Releases> {
  const id = async (link: string) => {
    const target = await readSymlink(link);
    return target && existsSync(join(layout.root, target)) ? basename(target) : null;
  };
  return { current: await id(layout.current), previous: await id(layout.previous) };
}

export async function ensureLayout(layout: SiteLayout): Promise<void> {
  for (const dir of [layout.builds, layout.logs, layout.cache]) await mkdir(dir, { recursive: true });
}

/** Where build `id` writes; the directory itself is the build's to create. */
export async function prepareBuildDir(layout: SiteLayout, id: string): Promise<string> {
  await ensureLayout(layout);
  return join(layout.builds, id);
}

/** Makes build `id` the live site; what was live becomes `previous`. */
export async function activate(layout: SiteLayout, id: string, options: { dryRun?: boolean } = {}): Promise<Releases> {
  const dir = join(layout.builds, id);
  if (!existsSync(join(dir, 'index.html'))) throw new ReleaseError(`Build ${id} has no index.html and cannot go live`, layout.root);
  const before = await readReleases(layout);
  const after = { current: id, previous: before.current && before.current !== id ? before.current : before.previous };
  if (options.dryRun) return after;
  await swapSymlink(layout.current, dir);
  if (after.previous) await swapSymlink(layout.previous, join(layout.builds, after.previous));
  return after;
}

/** Swaps `current` and `previous`: the build before the last one goes live again at once. */
export async function rollback(layout: SiteLayout, options: { dryRun?: boolean } = {}): Promise<{ from: string; to: string }> {
  const { current, previous } = await readReleases(layout);
  if (!previous) throw new ReleaseError('There is no previous build to roll back to', layout.root);
  if (!current) throw new ReleaseError('There is no live build to roll back from', layout.root);
  if (!options.dryRun) {
    await swapSymlink(layout.current, join(layout.builds, previous));
    await swapSymlink(layout.previous, join(layout.builds, current));
  }
  return { from: current, to: previous };
}

export interface PruneOptions {
  /** Builds kept besides the live and the previous one (the spare a builder keeps). */
  keep?: string[];
  keepLogs?: number;
  /**
   * Keeps every build started after the live one: in a province, workers on one machine share
   * a commune's folder, so a newer build may be another worker's build under way (or a spare
   * it is linking, `.linking-<id>`), and removing it would fail that build, or empty the release
   * it is about to make live. Only a caller that holds the commune's job (a builder as it
   * starts, ReleaseBuilder.prepare) clears newer builds away: they are then left by a crash.
   */
  keepNewer?: boolean;
}

/** The build id a folder of builds/ belongs to: its own name, or the release a spare is being linked into. */
const buildIdOf = (name: string) => name.replace(/^\.linking-/, '');

/** Deletes every build but the live one, the previous one and those in `keep`; old logs too. */
export async function prune(layout: SiteLayout, options: PruneOptions = {}): Promise<string[]> {
  const { keep = [], keepLogs = 20, keepNewer = false } = options;
  const { current, previous } = await readReleases(layout);
  const kept = new Set([current, previous, ...keep].filter((id): id is string => Boolean(id)));
  // Build ids begin with the time they started (newBuildId), so they sort by age.
  const underWay = (name: string) => keepNewer && current !== null && buildIdOf(name) > current;
  const removed: string[] = [];
  for (const id of existsSync(layout.builds) ? await readdir(layout.builds) : []) {
    if (kept.has(id) || underWay(id)) continue;
    await rm(join(layout.builds, id), { recursive: true, force: true });
    removed.push(id);
  }
  if (existsSync(layout.logs)) {
    const logs = (await readdir(layout.logs)).filter((f) => f.endsWith('.log')).sort();
    for (const log of logs.slice(0, Math.max(0, logs.length - keepLogs))) {
      const id = log.replace(/\.log$/, '');
      if (kept.has(id)) continue;
      // The build's side files (phase timings, skipped-entries report, release record) go with its log.
      for (const file of [log, `${id}.timings.json`, `${id}.skipped.json`, `${id}.release.json`]) await rm(join(layout.logs, file), { force: true });
    }
  }
  return removed;
}

export async function builtAt(layout: SiteLayout, id: string): Promise<string | null> {
  try {
    return (await stat(join(layout.builds, id, 'index.html'))).mtime.toISOString();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
