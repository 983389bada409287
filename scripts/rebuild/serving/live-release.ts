import { readlinkSync, realpathSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { onReleaseEvent } from '../releases/release-events.ts';

/** The release the server answers from, and how the server keeps what it learns about it. */
export interface Release {
  /** The release directory, absolute. */
  root: string;
}

export interface LiveReleaseOptions<R extends Release> {
  /** The `current` symlink. */
  link: string;
  /** Makes the server's object for a release directory; called once per release that goes live. */
  open: (root: string) => R;
  /**
   * How often the link is read again even when no change was heard of (default 1 s): the
   * safety net for file systems that do not report renames (some network mounts).
   */
  recheckMs?: number;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/**
 * Which release `current` points at, answered without touching the disk on the common path.
 * A release never changes once live; only the link moves, by rename(2) (swap-symlink.ts).
 * The link is read again when a swap is heard of: from this process (release-events.ts, in
 * step with the swap), from another one (`npm run rollback`, through an inotify watch on the
 * link's directory), or after `recheckMs` whatever happened. While nothing is live it is read
 * on every request. Each request takes the release once and answers from it alone, so a
 * swap never mixes two builds in one response.
 */
export class LiveRelease<R extends Release> {
  private target: string | null = null;
  private release: R | null = null;
  private stale = true;
  private watcher: FSWatcher | null = null;
  private readonly timer: NodeJS.Timeout;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: LiveReleaseOptions<R>) {
    this.unsubscribe = onReleaseEvent((event) => {
      if (event.kind === 'swapped' && resolve(event.link) === resolve(options.link)) this.stale = true;
    });
    this.timer = setInterval(() => (this.stale = true), options.recheckMs ?? 1_000);
    this.timer.unref();
  }

  /** The live release, or null while nothing is live. `reread` reads the link whatever the cache says. */
  current(reread = false): R | null {
    if (!this.stale && !reread) return this.release;
    // Watch first, read second: a swap between the two is then never missed.
    this.watch();
    let target: string;
    let root: string;
    try {
      target = readlinkSync(this.options.link);
      root = resolve(dirname(this.options.link), target);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return this.forget();
      if (code !== 'EINVAL') throw error;
      // `current` is a plain directory, not a link (a hand-made setup): serve it as one release.
      target = root = realpathSync(this.options.link);
    }
    if (target !== this.target || !this.release) {
      // A link to a release that is not there (yet) is no live site, as realpath(3) would say.
      if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) return this.forget();
      this.target = target;
      this.release = this.options.open(root);
    }
    this.stale = !this.watcher;
    return this.release;
  }

  close(): void {
    clearInterval(this.timer);
    this.unsubscribe();
    this.watcher?.close();
    this.watcher = null;
  }

  private forget(): null {
    this.target = null;
    this.release = null;
    this.stale = true;
    return null;
  }

  /** Watches the link's directory once it exists; without a watch the link is read on every request. */
  private watch(): void {
    if (this.watcher) return;
    const name = basename(this.options.link);
    try {
      this.watcher = watch(dirname(this.options.link), { persistent: false }, (_event, file) => {
        // The swap renames `current.<pid>-<random>.tmp` over `current`; a null name means
        // the kernel dropped events: read the link again either way.
        if (file === null || file.startsWith(name)) this.stale = true;
      });
    } catch (error) {
      if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOSPC') throw error;
      this.watcher = null;
      return;
    }
    this.watcher.on('error', () => {
      // The directory went away or the watch broke: fall back to reading the link each time.
      this.watcher?.close();
      this.watcher = null;
      this.stale = true;
    });
  }
}
