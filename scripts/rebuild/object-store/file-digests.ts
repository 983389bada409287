import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { LRUCache } from 'lru-cache';

export interface FileDigest {
  sha256: string;
  size: number;
}

/**
 * SHA-256 of release files, remembered by inode: a release links every file it shares with the
 * one before (site/scripts/render-site.mjs), so after the first release only the files a
 * publish rewrote are read again.
 */
export class FileDigests {
  readonly #known = new LRUCache<string, string>({ max: 500_000 });

  static #key(s: { dev: number; ino: number; size: number; mtimeMs: number }): string {
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
  }

  async of(path: string): Promise<FileDigest> {
    const s = await stat(path);
    const key = FileDigests.#key(s);
    const known = this.#known.get(key);
    if (known) return { sha256: known, size: s.size };
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    const sha256 = hash.digest('hex');
    this.#known.set(key, sha256);
    return { sha256, size: s.size };
  }

  /** A file just written from bytes whose digest is known. */
  async remember(path: string, sha256: string): Promise<void> {
    this.#known.set(FileDigests.#key(await stat(path)), sha256);
  }
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
