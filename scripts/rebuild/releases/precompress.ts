import { existsSync } from 'node:fs';
import { link, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { announceReleaseEvent } from './release-events.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

// Text the static server can send compressed. Pagefind's own files (.pf_*, .pagefind) are
// compressed by pagefind already.
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt', '.webmanifest', '.map']);
const MIN_BYTES = 1024;

/** Whether precompress() writes `.br`/`.gz` copies of this file (the static server asks). */
export function getsCompressedCopies(path: string, size: number): boolean {
  return COMPRESSIBLE.has(extname(path)) && size >= MIN_BYTES;
}

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a), stat(b)]);
  if (sa.size !== sb.size) return false;
  const [ba, bb] = await Promise.all([readFile(a), readFile(b)]);
  return ba.equals(bb);
}

async function writeAtomically(path: string, data: Buffer): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, data);
  await rename(temp, path);
}

/**
 * Writes `.br` and `.gz` beside every compressible file of a live build, so the static server
 * sends them as they are. A file identical to the previous build's reuses its compressed
 * copies (hard links): hashed assets and unchanged pages cost nothing. Each copy appears
 * by rename, so a visitor never receives a half-written one. Stops early on `signal`.
 */
export async function precompress(dir: string, options: { previousDir?: string | null; signal?: AbortSignal } = {}): Promise<{ compressed: number; reused: number }> {
  let compressed = 0;
  let reused = 0;
  for await (const path of files(dir)) {
    if (options.signal?.aborted) break;
    if (!COMPRESSIBLE.has(extname(path))) continue;
    if (existsSync(`${path}.br`) && existsSync(`${path}.gz`)) continue;
    const size = (await stat(path)).size;
    if (!getsCompressedCopies(path, size)) continue;
    const before = options.previousDir ? join(options.previousDir, relative(dir, path)) : null;
    if (before && existsSync(`${before}.br`) && existsSync(`${before}.gz`) && (await sameBytes(path, before))) {
      for (const ext of ['.br', '.gz']) {
        const temp = `${path}${ext}.${process.pid}.tmp`;
        await link(`${before}${ext}`, temp);
        await rename(temp, `${path}${ext}`);
      }
      announceReleaseEvent({ kind: 'compressed', file: path });
      reused += 1;
      continue;
    }
    const data = await readFile(path);
    // One file at a time, at brotli quality 6: most of the gain of 11 for a small share of
    // its CPU; a 2-core machine has builds to run.
    const br = await brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
    const gzipped = await gz(data, { level: 9 });
    await writeAtomically(`${path}.br`, br);
    await writeAtomically(`${path}.gz`, gzipped);
    announceReleaseEvent({ kind: 'compressed', file: path });
    compressed += 1;
  }
  return { compressed, reused };
}
