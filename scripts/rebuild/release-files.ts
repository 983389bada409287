import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { inlineScriptHashes } from './inline-script-hashes.ts';
import { contentTypeOf } from './mime-types.ts';
import { getsCompressedCopies } from './precompress.ts';
import { contentSecurityPolicy } from './response-headers.ts';

export type Encoding = 'br' | 'gzip';

/** The compressed copies precompress.ts writes beside a file, best first. */
export const ENCODINGS: ReadonlyArray<readonly [Encoding, string]> = [
  ['br', '.br'],
  ['gzip', '.gz'],
];

// Enough for every file of a 10,000-page portal and its previous release.
const MAX_ENTRIES = 50_000;

export interface StoredFile {
  path: string;
  size: number;
}

export interface ReleaseFile {
  contentType: string;
  /** A strong ETag of the bytes: the same file in the next release keeps it (304, not 200). */
  etag: string;
  /** The page's policy with its own inline scripts' hashes (HTML only). */
  csp: string | null;
  /** Each compressed copy found so far. */
  variants: Partial<Record<Encoding, StoredFile>>;
}

interface Entry {
  file: Promise<ReleaseFile>;
  /** precompress.ts will write copies of this file: look for them until both are found. */
  awaitsVariants: boolean;
}

async function digestOf(path: string, html: boolean): Promise<{ etag: string; text: string | null }> {
  const hash = createHash('sha1');
  const chunks: Buffer[] = [];
  const handle = await open(path, 'r');
  try {
    for await (const chunk of handle.createReadStream({ autoClose: false, highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      if (html) chunks.push(chunk as Buffer);
    }
  } finally {
    await handle.close();
  }
  return { etag: `"${hash.digest('base64url')}"`, text: html ? Buffer.concat(chunks).toString('utf8') : null };
}

async function fileSize(path: string): Promise<number | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

async function findVariants(path: string, into: ReleaseFile['variants']): Promise<void> {
  for (const [encoding, ext] of ENCODINGS) {
    if (into[encoding]) continue;
    const size = await fileSize(path + ext);
    if (size !== null) into[encoding] = { path: path + ext, size };
  }
}

/**
 * What the static server needs to know about each file of a release, worked out on the
 * first request and kept: its ETag (a content digest, read once instead of on every
 * request), its page policy, and which compressed copies exist (looked for only where
 * precompress.ts makes them). Entries are keyed by the file's identity (path in its
 * release, inode, size, mtime), so two releases never share one.
 */
export class ReleaseFiles {
  private readonly entries = new Map<string, Entry>();

  /** `stats` are those of `path`, a file of a live release. */
  async describe(path: string, stats: Stats): Promise<ReleaseFile> {
    const key = `${path}\0${stats.ino}\0${stats.size}\0${stats.mtimeMs}`;
    let entry = this.entries.get(key);
    if (entry) {
      // Most recently used last: the first entries are the ones to drop when full.
      this.entries.delete(key);
      this.entries.set(key, entry);
    } else {
      entry = { file: this.load(path), awaitsVariants: getsCompressedCopies(path, stats.size) };
      this.entries.set(key, entry);
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      entry.file.catch(() => this.entries.delete(key));
    }
    const file = await entry.file;
    // A release never changes once live, except that precompress.ts adds the compressed
    // copies a moment after it goes live: until both are there, look again.
    if (entry.awaitsVariants) {
      await findVariants(path, file.variants);
      entry.awaitsVariants = Object.keys(file.variants).length < ENCODINGS.length;
    }
    return file;
  }

  private async load(path: string): Promise<ReleaseFile> {
    const contentType = contentTypeOf(path);
    const { etag, text } = await digestOf(path, contentType.startsWith('text/html'));
    return { contentType, etag, csp: text === null ? null : contentSecurityPolicy(inlineScriptHashes(text)), variants: {} };
  }
}
