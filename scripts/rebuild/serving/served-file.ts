import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { inlineScriptHashes } from './inline-script-hashes.ts';
import { contentTypeOf, isText } from './mime-types.ts';
import { getsCompressedCopies } from '../releases/precompress.ts';
import { compressionCount } from '../releases/release-events.ts';
import { cacheControlFor, contentSecurityPolicy, fileHeaders, headerBlock, type HeaderBlock } from './response-headers.ts';

export type Encoding = 'br' | 'gzip';

/** The compressed copies precompress.ts writes beside a file, best first. */
export const ENCODINGS: ReadonlyArray<readonly [Encoding, string]> = [
  ['br', '.br'],
  ['gzip', '.gz'],
];

// A copy written by another process (no in-process news of it) is looked for at most this often.
const VARIANT_RECHECK_MS = 1_000;

export interface ServeSettings {
  /** The security headers every response carries. */
  base: Record<string, string>;
  /** Files up to this size are kept in memory once read; larger ones are streamed from disk. */
  keepBelow: number;
}

/** One set of bytes the server sends for a file: the file itself or one of its compressed copies. */
export interface Representation {
  encoding: Encoding | null;
  path: string;
  size: number;
  /** Strong, of these bytes: the file's digest, with "-br"/"-gzip" for a compressed copy. */
  etag: string;
  /** The bytes, once read, when the file is small enough to keep; otherwise streamed. */
  body: Buffer | null;
  /** The headers of a 200 without Content-Length: the base of a 206, a 304 and a 416. */
  head: Record<string, string>;
  /** Ready-made blocks for the common answers: 200, 304, and 404 (the site's 404 page). */
  ok: HeaderBlock;
  notModified: HeaderBlock;
  notFound: HeaderBlock;
}

/** What the server knows of one file of a live release, worked out once per release. */
export interface ServedFile {
  contentType: string;
  /** A strong ETag of the bytes: the same file in the next release keeps it (304, not 200). */
  etag: string;
  /** The page's policy with its own inline scripts' hashes (HTML only). */
  csp: string | null;
  lastModified: Date;
  cacheControl: string;
  text: boolean;
  identity: Representation;
  /** Each compressed copy found so far. */
  variants: Partial<Record<Encoding, Representation>>;
  /** precompress.ts writes copies of this file after the release goes live: look until both are found. */
  awaitsVariants: boolean;
  checkedAt: number;
  checkedCompressions: number;
}

function representation(file: Omit<ServedFile, 'identity' | 'variants'>, settings: ServeSettings, path: string, size: number, encoding: Encoding | null, body: Buffer | null): Representation {
  const etag = encoding ? file.etag.replace(/"$/, `-${encoding}"`) : file.etag;
  const facts = { ...file, etag, encoding };
  const head = fileHeaders(settings.base, facts, 200);
  const length = String(size);
  return {
    encoding,
    path,
    size,
    etag,
    body,
    head,
    ok: headerBlock({ ...head, 'Content-Length': length }),
    notModified: headerBlock(head),
    notFound: headerBlock({ ...fileHeaders(settings.base, facts, 404), 'Content-Length': length }),
  };
}

/** The whole file when it is small enough to keep, else only its digest (read in chunks). */
async function readAndDigest(path: string, size: number, settings: ServeSettings, html: boolean): Promise<{ etag: string; body: Buffer | null; text: string | null }> {
  const hash = createHash('sha1');
  if (size <= settings.keepBelow) {
    const body = await readFile(path);
    return { etag: `"${hash.update(body).digest('base64url')}"`, body, text: html ? body.toString('utf8') : null };
  }
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
  return { etag: `"${hash.digest('base64url')}"`, body: null, text: html ? Buffer.concat(chunks).toString('utf8') : null };
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

/**
 * Reads `path` (a file of a release, `stats` its own) once: its digest for the ETag, its
 * page policy, its bytes when small, which compressed copies exist, and the header blocks
 * of its answers. `urlPath` is its one address, which decides its Cache-Control.
 */
export async function describeFile(path: string, stats: Stats, urlPath: string, settings: ServeSettings): Promise<ServedFile> {
  const contentType = contentTypeOf(path);
  const { etag, body, text } = await readAndDigest(path, stats.size, settings, contentType.startsWith('text/html'));
  const facts = {
    contentType,
    etag,
    csp: text === null ? null : contentSecurityPolicy(inlineScriptHashes(text)),
    lastModified: stats.mtime,
    cacheControl: cacheControlFor(urlPath),
    text: isText(contentType),
    awaitsVariants: isText(contentType) && getsCompressedCopies(path, stats.size),
    checkedAt: 0,
    checkedCompressions: -1,
  };
  const file: ServedFile = { ...facts, identity: representation(facts, settings, path, stats.size, null, body), variants: {} };
  await findVariants(file, settings);
  return file;
}

/** Whether the compressed copies of `file` may have appeared since it was last looked at. */
export function variantsMayHaveChanged(file: ServedFile, now: number): boolean {
  return file.awaitsVariants && (file.checkedCompressions !== compressionCount() || now - file.checkedAt >= VARIANT_RECHECK_MS);
}

/** Looks for the compressed copies of `file` not found yet. */
export async function findVariants(file: ServedFile, settings: ServeSettings): Promise<void> {
  if (!file.awaitsVariants) return;
  const [checkedAt, checkedCompressions] = [Date.now(), compressionCount()];
  for (const [encoding, ext] of ENCODINGS) {
    if (file.variants[encoding]) continue;
    const path = file.identity.path + ext;
    const size = await sizeOf(path);
    if (size !== null) file.variants[encoding] = representation(file, settings, path, size, encoding, null);
  }
  Object.assign(file, { checkedAt, checkedCompressions, awaitsVariants: Object.keys(file.variants).length < ENCODINGS.length });
}

/**
 * Reads the bytes of a representation kept in memory. A compressed copy is written once, by
 * rename (precompress.ts), so its size never changes; a file that does differ from what was
 * seen is an error, not something to send under the old headers.
 */
export async function readBody(rep: Representation): Promise<Buffer> {
  const body = await readFile(rep.path);
  if (body.length !== rep.size) throw new Error(`${rep.path} changed in a live release: ${body.length} bytes where ${rep.size} were seen`);
  return body;
}

/** Bytes of memory a file's entry holds, for the cache's budget. */
export function memoryOf(file: ServedFile): number {
  let bytes = 2048 + (file.csp?.length ?? 0) * 4;
  for (const rep of [file.identity, file.variants.br, file.variants.gzip]) if (rep?.body) bytes += rep.body.length;
  return bytes;
}
