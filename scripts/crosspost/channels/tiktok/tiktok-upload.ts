// TikTok's FILE_UPLOAD rules: chunks of 5–64 MB sent in order to upload_url, the last chunk
// taking the remainder (up to 128 MB); a video under 5 MB goes whole. The URL lives an hour.
// https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide
import { TransientChannelError, UnknownOutcomeError } from '../channel-errors.ts';
import { printableUrl } from '../webhook/printable-url.ts';

export const MIN_CHUNK = 5 * 1024 * 1024;
export const MAX_CHUNK = 64 * 1024 * 1024;
export const UPLOAD_URL_LIFETIME_MS = 60 * 60 * 1000;

export interface ChunkPlan {
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
}

export function chunkPlan(videoSize: number, preferredChunk: number): ChunkPlan {
  const chunkSize = Math.min(Math.max(preferredChunk, MIN_CHUNK), MAX_CHUNK);
  if (videoSize <= chunkSize) return { videoSize, chunkSize: videoSize, totalChunkCount: 1 };
  return { videoSize, chunkSize, totalChunkCount: Math.floor(videoSize / chunkSize) };
}

function chunkRange(plan: ChunkPlan, index: number): [number, number] {
  const start = index * plan.chunkSize;
  const end = index === plan.totalChunkCount - 1 ? plan.videoSize - 1 : start + plan.chunkSize - 1;
  return [start, end];
}

/** The chunk to send after `uploadedBytes` arrived (chunks are stored whole, so a boundary). */
export function chunkIndexAfter(plan: ChunkPlan, uploadedBytes: number): number {
  return Math.min(Math.floor(uploadedBytes / plan.chunkSize), plan.totalChunkCount - 1);
}

/** PUTs the chunks from `firstChunk` on. A failed last chunk may still have completed it. */
export async function uploadChunks(doFetch: typeof fetch, uploadUrl: string, bytes: Buffer, contentType: string, plan: ChunkPlan, firstChunk: number) {
  const where = printableUrl(uploadUrl);
  for (let index = firstChunk; index < plan.totalChunkCount; index++) {
    const [start, end] = chunkRange(plan, index);
    const final = index === plan.totalChunkCount - 1;
    const what = `TikTok upload to ${where} (bytes ${start}-${end}/${plan.videoSize})`;
    let response: Response;
    try {
      response = await doFetch(uploadUrl, {
        method: 'PUT',
        headers: { 'content-type': contentType, 'content-range': `bytes ${start}-${end}/${plan.videoSize}` },
        body: new Uint8Array(bytes.subarray(start, end + 1)),
        signal: AbortSignal.timeout(10 * 60_000),
      });
    } catch (error) {
      const message = `${what} failed: ${(error as Error).message}`;
      if (final) throw new UnknownOutcomeError(message, { cause: error });
      throw new TransientChannelError(message, undefined, { cause: error });
    }
    await response.arrayBuffer().catch(() => undefined);
    if (response.status === 201 || response.status === 206 || response.ok) continue;
    if (final && response.status >= 500) throw new UnknownOutcomeError(`${what} answered HTTP ${response.status}`);
    // Any other refusal (expired URL, a 5xx mid-way) leaves an upload that cannot publish
    // unfinished; the next attempt reads the status and resumes or starts over.
    throw new TransientChannelError(`${what} answered HTTP ${response.status}`);
  }
}
