// The CMS rows a release was rendered from, kept beside its record (cacheDir/load-snapshots/),
// so that a build service that did not render that release (another worker of a province, or
// this one after a restart) updates it by fetching only the documents that changed since,
// instead of reading the whole CMS again. Written after the build has answered, off the path
// of the publish an editor waits for. A snapshot is used only by the same version of the
// site's code (the rows' shape follows the content model's queries).
// It carries the validated entries too (each under the digest of the row it came from, which
// covers the render version and the CMS's addresses): without them, the first build of a commune
// in a process validates and renders the Markdown of every entry again, although none changed.
// An entry is plain JSON (strings, numbers, arrays, objects: no dates, no functions), so it comes
// back as it went.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { replaceFile } from './copy-cms-uploads.mjs';

const dirOf = (cacheDir) => join(cacheDir, 'load-snapshots');
// The same name as the release's record (render-site.mjs, manifestFile): pruned with it.
const nameOf = (outDir) => `${createHash('sha1').update(resolve(outDir)).digest('hex').slice(0, 16)}.json`;

/** Keeps the rows of `cache` (a LoadCache) as those release `outDir` was rendered from. */
export function writeLoadSnapshot(cacheDir, outDir, version, cache) {
  if (!cache?.rows) return;
  const dir = dirOf(cacheDir);
  mkdirSync(dir, { recursive: true });
  replaceFile(join(dir, nameOf(outDir)), JSON.stringify({ version, outDir: resolve(outDir), rows: Object.fromEntries(cache.rows), communeRow: cache.communeRow, entries: Object.fromEntries(cache.entries), commune: cache.commune }));
  // Snapshots of releases whose record is gone (pruned with their release) go too.
  const records = join(cacheDir, 'releases');
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.json') && !existsSync(join(records, name))) rmSync(join(dir, name), { force: true });
  }
}

/**
 * A LoadCache holding the rows release `outDir` was rendered from, or null when there is no
 * snapshot of it for this code version (or it cannot be read: the caller reads the whole CMS).
 */
export function readLoadSnapshot(cacheDir, outDir, version) {
  const file = join(dirOf(cacheDir), nameOf(outDir));
  if (!existsSync(file)) return null;
  try {
    const snapshot = JSON.parse(readFileSync(file, 'utf8'));
    if (snapshot.version !== version || snapshot.outDir !== resolve(outDir) || !snapshot.rows) return null;
    return { rows: new Map(Object.entries(snapshot.rows)), entries: new Map(Object.entries(snapshot.entries ?? {})), commune: snapshot.commune ?? null, communeRow: snapshot.communeRow ?? null };
  } catch {
    return null;
  }
}
