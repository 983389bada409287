import { open, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { answerRange } from './byte-range.ts';
import type { ReleaseFiles } from './release-files.ts';
import { headerBlock, type HeaderBlock } from './response-headers.ts';
import { ENCODINGS, variantsMayHaveChanged, type Representation, type ServedFile } from './served-file.ts';

/** The file to answer with, and where it is kept: `path` is its entry in the release's table (null for the 404 page). */
export interface FileAnswer {
  release: ReleaseFiles;
  path: string | null;
  file: ServedFile;
  status: 200 | 404 | 410;
}

// Chunks of a streamed file up to this size are read in one go: a stream costs more than the read.
const READ_WHOLE_BELOW = 64 * 1024;

// Browsers send a handful of distinct Accept-Encoding values: each is parsed once.
const acceptedCache = new Map<string, ReadonlySet<string>>();

function acceptedEncodings(header: string | undefined): ReadonlySet<string> {
  const key = header ?? '';
  let accepted = acceptedCache.get(key);
  if (accepted) return accepted;
  const names = new Set<string>();
  for (const part of key.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) names.add(name);
  }
  if (acceptedCache.size >= 256) acceptedCache.clear();
  acceptedCache.set(key, names);
  return names;
}

function matchesEtag(header: string, etag: string): boolean {
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}

/** The compressed copy to send when the browser takes one and it exists, else the file itself. */
function representationFor(file: ServedFile, req: IncomingMessage): Representation {
  if (!file.text) return file.identity;
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  for (const [encoding] of ENCODINGS) {
    const variant = file.variants[encoding];
    if (variant && accepted.has(encoding)) return variant;
  }
  return file.identity;
}

/** Sends bytes start..end (inclusive) of an open file, then closes it. */
async function sendBytes(res: ServerResponse, handle: FileHandle, start: number, end: number): Promise<void> {
  try {
    const length = end - start + 1;
    if (length <= READ_WHOLE_BELOW) {
      const buffer = Buffer.allocUnsafe(length);
      let read = 0;
      while (read < length) {
        const { bytesRead } = await handle.read(buffer, read, length - read, start + read);
        if (bytesRead === 0) throw new Error(`the file ended after ${start + read} of ${end + 1} bytes`);
        read += bytesRead;
      }
      res.end(buffer);
      return;
    }
    // A visitor who goes away mid-download is not an error of ours.
    await pipeline(handle.createReadStream({ start, end, autoClose: false }), res).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    });
  } finally {
    await handle.close();
  }
}

/** Sends bytes start..end of `rep` under `headers`: from memory, or read now and kept, or streamed. */
async function sendBody(res: ServerResponse, answer: FileAnswer, rep: Representation, code: number, headers: HeaderBlock, start: number, end: number): Promise<void> {
  const keep = rep.size <= answer.release.settings.keepBelow;
  if (keep) {
    const body = rep.body ?? (await answer.release.body(answer.path, answer.file, rep));
    res.writeHead(code, headers);
    res.end(start === 0 && end === body.length - 1 ? body : body.subarray(start, end + 1));
    return;
  }
  // Opened before the headers go out: from here on the bytes are this release's, even if
  // the release is deleted while a slow visitor is still downloading.
  const handle = await open(rep.path, 'r');
  res.writeHead(code, headers);
  await sendBytes(res, handle, start, end);
}

/**
 * Answers with a file of the release: the compressed copy the browser takes, 304 to a
 * matching If-None-Match, a single byte range (206/416, If-Range), HEAD without a body.
 * A file held in memory is answered at once from its ready-made header block; anything
 * else returns a promise.
 */
export function sendFile(req: IncomingMessage, res: ServerResponse, answer: FileAnswer, variantsChecked = false): void | Promise<void> {
  const { file, status } = answer;
  if (!variantsChecked && file.awaitsVariants && variantsMayHaveChanged(file, Date.now())) {
    // Once per request: while precompress.ts runs, copies of other files keep appearing.
    return answer.release.refreshVariants(file).then(() => sendFile(req, res, answer, true));
  }
  const rep = representationFor(file, req);
  let start = 0;
  let end = rep.size - 1;
  let code: number = status;
  let headers = status === 200 ? rep.ok : rep.notFound;
  if (status === 200) {
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch !== undefined && matchesEtag(ifNoneMatch, rep.etag)) {
      res.writeHead(304, rep.notModified);
      res.end();
      return;
    }
    if (req.headers.range !== undefined) {
      const ifRange = [req.headers['if-range']].flat()[0];
      const range = answerRange({ range: req.headers.range, ifRange }, { size: rep.size, etag: rep.etag, lastModified: file.lastModified });
      if (range.kind === 'unsatisfiable') {
        res.writeHead(416, headerBlock({ ...rep.head, 'Content-Range': `bytes */${rep.size}`, 'Content-Length': '0' }));
        res.end();
        return;
      }
      if (range.kind === 'partial') {
        ({ start, end } = range);
        code = 206;
        headers = headerBlock({ ...rep.head, 'Content-Range': `bytes ${start}-${end}/${rep.size}`, 'Content-Length': String(end - start + 1) });
      }
    }
  }
  if (req.method === 'HEAD' || end < start) {
    res.writeHead(code, headers);
    res.end();
    return;
  }
  if (rep.body !== null) {
    res.writeHead(code, headers);
    res.end(code === 206 ? rep.body.subarray(start, end + 1) : rep.body);
    return;
  }
  return sendBody(res, answer, rep, code, headers, start, end);
}
