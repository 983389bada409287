import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LRUCache } from 'lru-cache';
import { hashOfPath, readGonePaths } from './gone-paths.ts';
import type { Release } from './live-release.ts';
import { parseRequestPath } from './request-path.ts';
import { describeFile, findVariants, memoryOf, readBody, type Representation, type ServedFile, type ServeSettings } from './served-file.ts';

/** What a request path of a release leads to. */
export type Resolution =
  | { kind: 'file'; file: ServedFile }
  /** A 301 to this path, plus the request's query. */
  | { kind: 'redirect'; to: string }
  | { kind: 'bad-request' }
  | { kind: 'not-found' }
  /** Removed with "Gỡ bỏ": 410 with the site's own page. */
  | { kind: 'gone' };

const BAD_REQUEST: Resolution = { kind: 'bad-request' };
const NOT_FOUND: Resolution = { kind: 'not-found' };
const GONE: Resolution = { kind: 'gone' };

export interface ReleaseFilesSettings extends ServeSettings {
  /** The memory this release's table may hold, file bytes included. */
  memoryBytes: number;
}

async function statOf(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

/**
 * One live release as the static server knows it: what each request path leads to (kept in
 * a least-recently-used table bounded in bytes, file contents included), worked out on the
 * first request for it and never again, since a release does not change once live. Only the
 * compressed copies precompress.ts writes after the swap are looked for until found.
 */
export class ReleaseFiles implements Release {
  private readonly table: LRUCache<string, Resolution>;
  private readonly pending = new Map<string, Promise<Resolution>>();
  private readonly lookingForVariants = new WeakMap<ServedFile, Promise<void>>();
  private notFound: Promise<ServedFile | null> | null = null;
  /** The 404 page once known (null: the release has none). */
  notFoundPage: ServedFile | null | undefined = undefined;
  private gonePaths: Promise<ReadonlySet<string>> | null = null;
  private gone: Promise<ServedFile | null> | null = null;
  /** The 410 page once known (null: the release has none). */
  gonePage: ServedFile | null | undefined = undefined;

  constructor(
    readonly root: string,
    readonly settings: ReleaseFilesSettings,
  ) {
    this.table = new LRUCache<string, Resolution>({
      maxSize: settings.memoryBytes,
      sizeCalculation: (resolution, path) => path.length * 2 + (resolution.kind === 'file' ? memoryOf(resolution.file) : 64),
    });
  }

  /** What `path` (a request target without its query) leads to, if already known. */
  known(path: string): Resolution | undefined {
    return this.table.get(path);
  }

  /** What `path` leads to, looked up on disk once; concurrent first requests share one look. */
  resolve(path: string): Promise<Resolution> {
    const known = this.table.get(path);
    if (known) return Promise.resolve(known);
    let pending = this.pending.get(path);
    if (!pending) {
      pending = this.lookUp(path).then(
        (resolution) => {
          this.pending.delete(path);
          this.table.set(path, resolution);
          return resolution;
        },
        (error: unknown) => {
          this.pending.delete(path);
          throw error;
        },
      );
      this.pending.set(path, pending);
    }
    return pending;
  }

  /** The site's own 404 page, read once. */
  loadNotFoundPage(): Promise<ServedFile | null> {
    this.notFound ??= (async () => {
      const path = join(this.root, '404.html');
      const stats = await statOf(path);
      return stats?.isFile() ? describeFile(path, stats, '/404.html', this.settings) : null;
    })().then(
      (page) => (this.notFoundPage = page),
      (error: unknown) => {
        this.notFound = null;
        throw error;
      },
    );
    return this.notFound;
  }

  /** The site's own 410 page, read once. */
  loadGonePage(): Promise<ServedFile | null> {
    this.gone ??= (async () => {
      const path = join(this.root, '410.html');
      const stats = await statOf(path);
      return stats?.isFile() ? describeFile(path, stats, '/410.html', this.settings) : null;
    })().then(
      (page) => (this.gonePage = page),
      (error: unknown) => {
        this.gone = null;
        throw error;
      },
    );
    return this.gone;
  }

  /** Looks again for compressed copies of `file` that precompress.ts may have written since. */
  refreshVariants(file: ServedFile): Promise<void> {
    let looking = this.lookingForVariants.get(file);
    if (!looking) {
      looking = findVariants(file, this.settings).finally(() => this.lookingForVariants.delete(file));
      this.lookingForVariants.set(file, looking);
    }
    return looking;
  }

  /** The bytes of a representation small enough to keep, read now and kept with its path's entry. */
  async body(path: string | null, file: ServedFile, rep: Representation): Promise<Buffer> {
    rep.body ??= await readBody(rep);
    // Set again so the table counts the bytes (and drops others if they no longer fit).
    if (path !== null && this.table.has(path)) this.table.set(path, { kind: 'file', file });
    return rep.body;
  }

  private async lookUp(requestPath: string): Promise<Resolution> {
    const path = parseRequestPath(requestPath);
    if (!path.ok) return path.status === 400 ? BAD_REQUEST : NOT_FOUND;
    if (path.irregular) return { kind: 'redirect', to: path.canonical };
    const target = join(this.root, ...path.segments, path.directory ? 'index.html' : '');
    const found = await statOf(target);
    if (found?.isDirectory()) return { kind: 'redirect', to: `${path.canonical}/` };
    if (found?.isFile()) return { kind: 'file', file: await describeFile(target, found, path.canonical, this.settings) };
    this.gonePaths ??= readGonePaths(this.root);
    const gone = await this.gonePaths;
    // "/tin-tuc/x" for a removed "/tin-tuc/x/" is gone too: its folder no longer exists to redirect to.
    return gone.has(hashOfPath(path.canonical)) || (!path.directory && gone.has(hashOfPath(`${path.canonical}/`))) ? GONE : NOT_FOUND;
  }
}
