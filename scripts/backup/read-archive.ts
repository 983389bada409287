import { createReadStream, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Decipher } from 'node:crypto';
import { z } from 'zod';
import { CMS_DIR } from '../lib/cms-process.ts';
import { ArchiveError } from './archive-error.ts';

// Strapi's own decryption and the tar reader it writes archives with, from the CMS's dependencies.
const cmsRequire = createRequire(join(CMS_DIR, 'package.json'));
const transferRequire = createRequire(cmsRequire.resolve('@strapi/data-transfer/package.json'));

interface TarEntry {
  path: string;
  size: number;
  on(event: 'data', listener: (chunk: Buffer) => void): this;
  on(event: 'end', listener: () => void): this;
  resume(): void;
}
interface TarParser {
  on(event: 'entry', listener: (entry: TarEntry) => void): this;
  on(event: 'end' | 'close', listener: () => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  write(chunk: Buffer): boolean;
  end(): void;
}

const metadataSchema = z.object({
  createdAt: z.string(),
  strapi: z.object({ version: z.string() }).passthrough(),
}).passthrough();

const entityLine = z.object({ type: z.string().min(1), id: z.union([z.number(), z.string()]) }).passthrough();

export interface ArchiveContents {
  createdAt: string;
  strapiVersion: string;
  /** Rows per content type (draft and published rows each count). */
  entities: Map<string, number>;
  links: number;
  /** Media files (public/uploads) carried by the archive, and their total size. */
  assets: number;
  assetBytes: number;
  configuration: number;
}

/**
 * Reads the whole archive (decrypt, gunzip, untar) and counts what it holds, so a restore
 * refuses a wrong key or a damaged file before it touches anything, and a backup proves it
 * can be read back before it is kept.
 */
export async function readArchive(file: string, key: string): Promise<ArchiveContents> {
  try {
    statSync(file);
  } catch (error) {
    throw new ArchiveError(file, 'missing', (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'tệp không tồn tại' : (error as Error).message, { cause: error });
  }
  const { utils } = cmsRequire('@strapi/data-transfer') as { utils: { encryption: { createDecryptionCipher: (key: string) => Decipher } } };
  const { Parser } = transferRequire('tar') as { Parser: new (options: { strict: boolean }) => TarParser };

  const contents: ArchiveContents = { createdAt: '', strapiVersion: '', entities: new Map(), links: 0, assets: 0, assetBytes: 0, configuration: 0 };
  let produced = 0;
  let metadataSeen = false;

  await new Promise<void>((resolveRead, rejectRead) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      input.destroy();
      rejectRead(classify(file, error, produced));
    };
    const input = createReadStream(file);
    const decipher = utils.encryption.createDecryptionCipher(key);
    const gunzip = createGunzip();
    const parser = new Parser({ strict: true });
    parser.on('entry', (entry) => {
      const path = entry.path.replace(/^\.\//, '');
      const text: Buffer[] = [];
      const keepText = path === 'metadata.json' || path.endsWith('.jsonl');
      entry.on('data', (chunk) => {
        if (keepText) text.push(chunk);
      });
      entry.on('end', () => {
        try {
          if (path.startsWith('assets/uploads/')) {
            contents.assets += 1;
            contents.assetBytes += entry.size;
          }
          if (!keepText) return;
          const body = Buffer.concat(text).toString('utf8');
          if (path === 'metadata.json') {
            const meta = metadataSchema.parse(JSON.parse(body));
            contents.createdAt = meta.createdAt;
            contents.strapiVersion = meta.strapi.version;
            metadataSeen = true;
            return;
          }
          const lines = body.split('\n').filter((l) => l.trim());
          if (path.startsWith('entities/')) {
            for (const line of lines) {
              const entity = entityLine.parse(JSON.parse(line));
              contents.entities.set(entity.type, (contents.entities.get(entity.type) ?? 0) + 1);
            }
          } else if (path.startsWith('links/')) contents.links += lines.length;
          else if (path.startsWith('configuration/')) contents.configuration += lines.length;
        } catch (error) {
          fail(new Error(`${path}: ${(error as Error).message}`, { cause: error }));
        }
      });
    });
    parser.on('error', fail);
    input.on('error', fail);
    decipher.on('error', fail);
    gunzip.on('error', fail);
    input.pipe(decipher).pipe(gunzip);
    gunzip.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      parser.write(chunk);
    });
    gunzip.on('end', () => parser.end());
    parser.on('end', () => {
      if (settled) return;
      if (!metadataSeen) return fail(new Error('metadata.json is missing'));
      settled = true;
      resolveRead();
    });
  });
  return contents;
}

/** Maps what failed while reading to the problem an operator can act on. */
function classify(file: string, error: Error, produced: number): ArchiveError {
  if (error instanceof ArchiveError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const message = error.message;
  // ECB decryption of a wrong key yields noise from the first block: gzip refuses its header.
  if (produced === 0 && (code === 'Z_DATA_ERROR' || /bad decrypt|header check/i.test(message))) return new ArchiveError(file, 'wrong-key', message, { cause: error });
  if (code === 'Z_BUF_ERROR' || /unexpected end|wrong final block length|TAR_BAD_ARCHIVE|truncated/i.test(`${code} ${message}`)) {
    return new ArchiveError(file, 'truncated', message, { cause: error });
  }
  return new ArchiveError(file, 'corrupt', message, { cause: error });
}
