import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { z } from 'zod';

// How a release was made, for GET /status: incremental or full (and why), how many pages were
// rendered and removed, how many of its files differ from the release before it.
const releaseRecordSchema = z.object({
  incremental: z.boolean(),
  why: z.string(),
  pages: z.number().int(),
  rendered: z.number().int(),
  removed: z.number().int(),
  /** Whether it started as the spare (an older release no one served) rather than links to the live one. */
  fromSpare: z.boolean().optional(),
  /** Files the build wrote (pages, images, search shards) plus files the live release had and this one has not. */
  filesChanged: z.number().int().nullable(),
});

export type ReleaseRecord = z.infer<typeof releaseRecordSchema>;

const recordFile = (logs: string, id: string) => join(logs, `${id}.release.json`);

export async function writeReleaseRecord(logs: string, id: string, record: ReleaseRecord): Promise<void> {
  await writeFile(recordFile(logs, id), `${JSON.stringify(record, null, 2)}\n`);
}

/** The record of release `id`, or null when it has none (built by a command, or before records existed). */
export async function readReleaseRecord(logs: string, id: string): Promise<ReleaseRecord | null> {
  const file = recordFile(logs, id);
  if (!existsSync(file)) return null;
  const parsed = releaseRecordSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`Release record ${file} is invalid: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

/**
 * Every file under `dir` (relative path → mtime). Synchronous calls, ten times faster than
 * promise ones here, a slice at a time so that the portal server sharing this process keeps
 * answering (a release of 10,000 pieces holds ~25,000 files).
 */
async function walk(dir: string): Promise<Map<string, number>> {
  const into = new Map<string, number>();
  const folders = [dir];
  let done = 0;
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) folders.push(path);
      else if (entry.isFile()) into.set(relative(dir, path), lstatSync(path).mtimeMs);
      if (++done % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return into;
}

/**
 * Files of `dir` written since `since` (a build starts from links to, or a renamed copy of, an
 * older release, so a file it did not write keeps its old time), plus the files of
 * `previousDir` that `dir` no longer has; compressed copies made after going live aside.
 */
export async function countChangedFiles(dir: string, previousDir: string | null, since: number): Promise<number | null> {
  if (!previousDir || !existsSync(previousDir)) return null;
  const isCopy = (path: string) => path.endsWith('.br') || path.endsWith('.gz');
  const now = await walk(dir);
  const before = await walk(previousDir);
  let changed = 0;
  for (const [path, mtime] of now) if (!isCopy(path) && (mtime >= since || !before.has(path))) changed++;
  for (const path of before.keys()) if (!isCopy(path) && !now.has(path)) changed++;
  return changed;
}
