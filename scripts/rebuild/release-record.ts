import { existsSync } from 'node:fs';
import { lstat, readdir, readFile, writeFile } from 'node:fs/promises';
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
  /** Files that are not the previous release's own (hard-linked) files, plus files removed. */
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

async function inodes(dir: string, root = dir, into = new Map<string, number>()): Promise<Map<string, number>> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await inodes(path, root, into);
    else if (entry.isFile()) into.set(relative(root, path), (await lstat(path)).ino);
  }
  return into;
}

/**
 * Files of `dir` that are not hard links to the same file of `previousDir`, plus the files of
 * `previousDir` that `dir` no longer has (compressed copies made after going live aside).
 */
export async function countChangedFiles(dir: string, previousDir: string | null): Promise<number | null> {
  if (!previousDir || !existsSync(previousDir)) return null;
  const isCopy = (path: string) => path.endsWith('.br') || path.endsWith('.gz');
  const [now, before] = await Promise.all([inodes(dir), inodes(previousDir)]);
  let changed = 0;
  for (const [path, ino] of now) if (!isCopy(path) && before.get(path) !== ino) changed++;
  for (const path of before.keys()) if (!isCopy(path) && !now.has(path)) changed++;
  return changed;
}
