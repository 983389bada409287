import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { activate, prune, readReleases, type SiteLayout } from '../releases/release-store.ts';
import { s3Status, type ObjectStore } from './object-store-env.ts';
import { FileDigests, sha256Of } from './file-digests.ts';

/**
 * A commune's releases in the object store, content-addressed so that a publish uploads only
 * the files it changed:
 *   <prefix><commune>/objects/<sha256>        each file's bytes, written once, never changed
 *   <prefix><commune>/releases/<id>.json      a release: every path with its digest
 *   <prefix><commune>/live.json               { current, previous }: the one object a swap writes
 * A release goes live by one PUT of live.json after its files and manifest are in: a reader sees
 * the old release or the new one whole, never a mix (S3 writes of one object are atomic).
 *
 * Build workers push what they built; portal processes (and workers, before building) pull the
 * live release into their local release store (release-store.ts) and serve it from there, with
 * everything the local server does.
 */

const BUILD_ID = /^[0-9TZ-]+-[0-9a-f]{4}$/;
const SHA256 = /^[0-9a-f]{64}$/;
// A path inside a release: relative, no "..", no empty or dot-only segment.
const releasePath = z.string().refine((p) => p.length > 0 && !p.startsWith('/') && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..' && !s.includes('\\')), 'is not a path inside a release');

const manifestSchema = z.object({
  id: z.string().regex(BUILD_ID),
  files: z.array(z.tuple([releasePath, z.string().regex(SHA256), z.number().int().min(0)])).min(1),
});
const pointerSchema = z.object({ current: z.string().regex(BUILD_ID), previous: z.string().regex(BUILD_ID).nullable(), at: z.string() });

export type ReleaseManifest = z.infer<typeof manifestSchema>;
export type LivePointer = z.infer<typeof pointerSchema>;

export interface PushResult {
  files: number;
  uploaded: number;
  uploadedBytes: number;
}

export interface PruneResult {
  manifests: number;
  objects: number;
}

export interface PullResult {
  id: string;
  files: number;
  downloaded: number;
  downloadedBytes: number;
  /** What was live here before (null: nothing). */
  before: string | null;
}

const TRANSFERS = 8;


async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}

/** A release's files, relative, without the `.br`/`.gz` copies a portal makes for itself. */
async function releaseFiles(dir: string): Promise<string[]> {
  const all = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
  const names = new Set(all);
  return all.filter((p) => !p.endsWith('.tmp') && !((p.endsWith('.br') || p.endsWith('.gz')) && names.has(p.slice(0, -3)))).sort();
}

export class CommuneReleases {
  readonly #digests = new FileDigests();
  #pointer: { etag: string; value: LivePointer } | null = null;

  constructor(
    readonly store: ObjectStore,
    readonly commune: string,
    readonly layout: SiteLayout,
  ) {}

  #key(...parts: string[]): string {
    return `${this.store.prefix}${this.commune}/${parts.join('/')}`;
  }

  async #get(key: string, ifNoneMatch?: string): Promise<{ bytes: Uint8Array; etag: string } | 'unchanged' | null> {
    try {
      const res = await this.store.client.send(new GetObjectCommand({ Bucket: this.store.bucket, Key: key, ...(ifNoneMatch ? { IfNoneMatch: ifNoneMatch } : {}) }));
      return { bytes: await res.Body!.transformToByteArray(), etag: res.ETag ?? '' };
    } catch (error) {
      const status = s3Status(error);
      if (status === 304) return 'unchanged';
      if (status === 404) return null;
      throw new Error(`Reading s3://${this.store.bucket}/${key} failed: ${(error as Error).message}`, { cause: error });
    }
  }

  async #put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    try {
      await this.store.client.send(new PutObjectCommand({ Bucket: this.store.bucket, Key: key, Body: body, ContentType: contentType }));
    } catch (error) {
      throw new Error(`Writing s3://${this.store.bucket}/${key} failed: ${(error as Error).message}`, { cause: error });
    }
  }

  /** The release live in the bucket, or null when none is. Asked conditionally: cheap when unchanged. */
  async live(): Promise<LivePointer | null> {
    const got = await this.#get(this.#key('live.json'), this.#pointer?.etag);
    if (got === 'unchanged') return this.#pointer!.value;
    if (got === null) {
      this.#pointer = null;
      return null;
    }
    const parsed = pointerSchema.safeParse(JSON.parse(Buffer.from(got.bytes).toString('utf8')));
    if (!parsed.success) throw new Error(`s3://${this.store.bucket}/${this.#key('live.json')} is not a release pointer: ${parsed.error.issues[0].message}`);
    this.#pointer = { etag: got.etag, value: parsed.data };
    return parsed.data;
  }

  async manifest(id: string): Promise<ReleaseManifest | null> {
    const got = await this.#get(this.#key('releases', `${id}.json`));
    if (got === null || got === 'unchanged') return null;
    const parsed = manifestSchema.safeParse(JSON.parse(Buffer.from(got.bytes).toString('utf8')));
    if (!parsed.success) throw new Error(`The manifest of release ${id} of ${this.commune} is not valid: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
    if (parsed.data.id !== id) throw new Error(`The manifest of release ${id} of ${this.commune} names release ${parsed.data.id}`);
    return parsed.data;
  }

  /**
   * Puts local build `id` into the bucket and makes it the commune's live release: first the
   * files the live release there lacks, then the manifest, then the pointer.
   */
  async push(id: string): Promise<PushResult> {
    const dir = join(this.layout.builds, id);
    const files: ReleaseManifest['files'] = [];
    const pathOf = new Map<string, string>();
    for (const path of await releaseFiles(dir)) {
      const { sha256, size } = await this.#digests.of(join(dir, path));
      files.push([path, sha256, size]);
      pathOf.set(sha256, path);
    }
    // What the live release uses is in the bucket (prune keeps it); anything else is uploaded,
    // even if this process put it there once: another worker's prune may have deleted it since.
    const live = await this.live();
    const stored = new Set<string>();
    if (live && live.current !== id) for (const [, sha] of (await this.manifest(live.current))?.files ?? []) stored.add(sha);
    const missing = [...pathOf.keys()].filter((sha) => !stored.has(sha));
    let uploadedBytes = 0;
    await eachLimited(missing, TRANSFERS, async (sha) => {
      const bytes = await readFile(join(dir, pathOf.get(sha)!));
      await this.#put(this.#key('objects', sha), bytes, 'application/octet-stream');
      uploadedBytes += bytes.length;
    });
    const manifest: ReleaseManifest = { id, files };
    await this.#put(this.#key('releases', `${id}.json`), Buffer.from(JSON.stringify(manifest)), 'application/json');
    const pointer: LivePointer = { current: id, previous: live && live.current !== id ? live.current : (live?.previous ?? null), at: new Date().toISOString() };
    await this.#put(this.#key('live.json'), Buffer.from(JSON.stringify(pointer)), 'application/json');
    return { files: files.length, uploaded: missing.length, uploadedBytes };
  }

  /**
   * Makes the previous release live again in the bucket (one PUT of the pointer; portals pull
   * it as any other): `npm run rollback -- --commune SLUG`. Run again to undo.
   */
  async rollback(options: { dryRun?: boolean } = {}): Promise<{ from: string; to: string }> {
    const live = await this.live();
    if (!live) throw new Error(`${this.commune} has no live release in s3://${this.store.bucket}`);
    if (!live.previous) throw new Error(`${this.commune} has no previous release in s3://${this.store.bucket} to roll back to`);
    if (!(await this.manifest(live.previous))) throw new Error(`The previous release ${live.previous} of ${this.commune} is no longer in s3://${this.store.bucket}`);
    if (!options.dryRun) {
      const pointer: LivePointer = { current: live.previous, previous: live.current, at: new Date().toISOString() };
      await this.#put(this.#key('live.json'), Buffer.from(JSON.stringify(pointer)), 'application/json');
    }
    return { from: live.current, to: live.previous };
  }

  /**
   * Deletes what neither the live release nor the previous one uses: their manifests and files
   * stay, everything else of the commune older than `olderThanMs` goes (files a portal may
   * still be downloading for a release that was live a moment ago are younger than that).
   * Run only by the worker holding the commune's job, after its push: no other worker is then
   * writing this commune's objects.
   */
  async prune(options: { olderThanMs: number; now?: number }): Promise<PruneResult> {
    const live = await this.live();
    if (!live) return { manifests: 0, objects: 0 };
    const keptIds = new Set([live.current, live.previous].filter((id): id is string => Boolean(id)));
    const keptObjects = new Set<string>();
    for (const id of keptIds) {
      const manifest = await this.manifest(id);
      if (!manifest) return { manifests: 0, objects: 0 }; // a release still being written: leave everything
      for (const [, sha] of manifest.files) keptObjects.add(sha);
    }
    const cutoff = (options.now ?? Date.now()) - options.olderThanMs;
    const stale: string[] = [];
    let manifests = 0;
    let objects = 0;
    let token: string | undefined;
    do {
      const page = await this.store.client.send(new ListObjectsV2Command({ Bucket: this.store.bucket, Prefix: this.#key(''), ContinuationToken: token }));
      for (const { Key, LastModified } of page.Contents ?? []) {
        if (!Key || (LastModified && LastModified.getTime() > cutoff)) continue;
        const rest = Key.slice(this.#key('').length);
        const release = /^releases\/(.+)\.json$/.exec(rest);
        const object = /^objects\/([0-9a-f]{64})$/.exec(rest);
        if (release && !keptIds.has(release[1])) {
          stale.push(Key);
          manifests += 1;
        } else if (object && !keptObjects.has(object[1])) {
          stale.push(Key);
          objects += 1;
        }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    // One request per key: DeleteObjects needs a checksum header that some S3-compatible stores refuse.
    await eachLimited(stale, TRANSFERS, async (key) => {
      await this.store.client.send(new DeleteObjectCommand({ Bucket: this.store.bucket, Key: key }));
    });
    return { manifests, objects };
  }

  /**
   * Makes the bucket's live release live here too, when it is not already: files this store's
   * live release holds with the same digest are linked, the others downloaded and checked
   * against their digest, all in a directory apart that goes live by the usual atomic swap.
   * Returns null when there is nothing to do. `prune` then deletes the releases no longer kept
   * (a worker leaves that to its builder, which keeps a spare).
   */
  async pull(options: { prune?: boolean } = {}): Promise<PullResult | null> {
    const live = await this.live();
    if (!live) return null;
    const local = await readReleases(this.layout);
    if (local.current === live.current) return null;
    const target = join(this.layout.builds, live.current);
    if (existsSync(join(target, 'index.html'))) {
      // Built here (this worker pushed it) or pulled before a rollback: live again at once.
      await activate(this.layout, live.current);
      return { id: live.current, files: 0, downloaded: 0, downloadedBytes: 0, before: local.current };
    }
    const manifest = await this.manifest(live.current);
    if (!manifest) throw new Error(`Release ${live.current} of ${this.commune} is live in s3://${this.store.bucket} but has no manifest there`);

    const have = new Map<string, string>();
    if (local.current) {
      const currentDir = join(this.layout.builds, local.current);
      for (const path of await releaseFiles(currentDir)) have.set((await this.#digests.of(join(currentDir, path))).sha256, join(currentDir, path));
    }
    const temp = join(this.layout.builds, `.pull-${live.current}`);
    await rm(temp, { recursive: true, force: true });
    let downloaded = 0;
    let downloadedBytes = 0;
    // Files of the same content are fetched once: the first path written is linked for the others.
    const fetched = new Map<string, Promise<string>>();
    const fetchOnce = (sha: string, path: string, file: string) => {
      let done = fetched.get(sha);
      if (!done) {
        done = (async () => {
          const got = await this.#get(this.#key('objects', sha));
          if (got === null || got === 'unchanged') throw new Error(`File ${path} of release ${live.current} of ${this.commune} is missing from s3://${this.store.bucket}`);
          if (sha256Of(got.bytes) !== sha) throw new Error(`File ${path} of release ${live.current} of ${this.commune} does not match its digest in the bucket`);
          await writeFile(file, got.bytes);
          await this.#digests.remember(file, sha);
          downloaded += 1;
          downloadedBytes += got.bytes.length;
          return file;
        })();
        fetched.set(sha, done);
      }
      return done;
    };
    try {
      await eachLimited(manifest.files, TRANSFERS, async ([path, sha]) => {
        const file = join(temp, ...path.split('/'));
        await mkdir(dirname(file), { recursive: true });
        const source = have.get(sha) ?? (fetched.has(sha) ? await fetched.get(sha) : undefined);
        if (source) {
          await link(source, file).catch(() => copyFile(source, file));
          return;
        }
        await fetchOnce(sha, path, file);
      });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      throw error;
    }
    await activate(this.layout, live.current);
    if (options.prune) await prune(this.layout);
    return { id: live.current, files: manifest.files.length, downloaded, downloadedBytes, before: local.current };
  }
}
