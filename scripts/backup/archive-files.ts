import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// thanh-thuy-20261126-020000.tar.gz.enc: sorts by time, and a cron run never reuses a name.
export const ARCHIVE_PATTERN = /^thanh-thuy-(\d{8})-(\d{6})\.tar\.gz\.enc$/;
export const ARCHIVE_SUFFIX = '.tar.gz.enc';

export function archiveBaseName(at: Date): string {
  const iso = at.toISOString(); // 2026-11-26T02:00:00.000Z
  return `thanh-thuy-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}

export interface ArchiveFile {
  path: string;
  name: string;
  size: number;
  createdAt: Date;
}

/** The backups in `dir`, newest first (by the time in their names, which is UTC). */
export function listArchives(dir: string): ArchiveFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .map((name) => ({ name, match: ARCHIVE_PATTERN.exec(name) }))
    .filter((x): x is { name: string; match: RegExpExecArray } => x.match !== null)
    .map(({ name, match }) => {
      const [d, t] = [match[1], match[2]];
      const createdAt = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}Z`);
      return { path: join(dir, name), name, size: statSync(join(dir, name)).size, createdAt };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolveHash, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolveHash(hash.digest('hex')));
  });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
