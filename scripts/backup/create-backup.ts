import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { databaseEnv, type DatabaseTarget } from '../lib/database-target.ts';
import { lastMeaningfulLine, runStrapiCli } from '../lib/strapi-cli.ts';
import { archiveBaseName, ARCHIVE_SUFFIX, listArchives, sha256File, type ArchiveFile } from './archive-files.ts';
import { readArchive, type ArchiveContents } from './read-archive.ts';

export class BackupError extends Error {
  override name = 'BackupError';
  constructor(message: string, readonly output = '', options?: ErrorOptions) {
    super(message, options);
  }
}

export interface BackupOptions {
  /** The project environment (root .env under the process environment), passed to Strapi. */
  env: Record<string, string>;
  source: DatabaseTarget;
  key: string;
  outDir: string;
  /** Keep only the newest N archives in outDir after this one is written. */
  keep?: number;
  now?: Date;
  log?: (line: string) => void;
}

export interface BackupResult {
  path: string;
  size: number;
  sha256: string;
  contents: ArchiveContents;
  removed: ArchiveFile[];
  ms: number;
}

/**
 * One encrypted archive from Strapi's own export (content, media, core store and webhooks;
 * Strapi leaves out admin users and API tokens, which the CMS recreates from .env at start).
 * It is written under a temporary name, read back whole, and only then given its final name,
 * so a file named like a backup is always one that restores.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  mkdirSync(options.outDir, { recursive: true });
  const base = archiveBaseName(options.now ?? new Date());
  const partial = join(options.outDir, `.${base}.partial`);
  const partialFile = `${partial}${ARCHIVE_SUFFIX}`;
  const finalFile = join(options.outDir, `${base}${ARCHIVE_SUFFIX}`);
  log(`Đang xuất dữ liệu bằng strapi export…`);
  const result = await runStrapiCli(['export', '--file', partial, '--key', options.key], { ...options.env, ...databaseEnv(options.source) });
  try {
    if (result.code !== 0) throw new BackupError(`strapi export thất bại (mã ${result.code}): ${lastMeaningfulLine(result.output)}`, result.output);
    const contents = await readArchive(partialFile, options.key);
    renameSync(partialFile, finalFile);
    const sha256 = await sha256File(finalFile);
    // `sha256sum -c <file>.sha256` checks a copy taken elsewhere.
    writeFileSync(`${finalFile}.sha256`, `${sha256}  ${basename(finalFile)}\n`);
    const removed = options.keep ? applyRetention(options.outDir, options.keep) : [];
    const [written] = listArchives(options.outDir).filter((a) => a.path === finalFile);
    return { path: finalFile, size: written?.size ?? 0, sha256, contents, removed, ms: Date.now() - started };
  } finally {
    rmSync(partialFile, { force: true });
  }
}

/** Deletes all but the newest `keep` archives (and their .sha256 files); returns what went. */
export function applyRetention(dir: string, keep: number, dryRun = false): ArchiveFile[] {
  const old = listArchives(dir).slice(keep);
  if (!dryRun) {
    for (const archive of old) {
      rmSync(archive.path, { force: true });
      rmSync(`${archive.path}.sha256`, { force: true });
    }
  }
  return old;
}
