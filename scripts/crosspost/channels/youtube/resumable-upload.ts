// The YouTube Data API's resumable upload protocol:
// https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol
import { z } from 'zod';
import { TransientChannelError, UnknownOutcomeError } from '../channel-errors.ts';
import { printableUrl } from '../webhook/printable-url.ts';
import { readYoutubeError, youtubeError } from './youtube-api-error.ts';

const videoSchema = z.object({ id: z.string().min(1) });
export type UploadedVideo = z.infer<typeof videoSchema>;

export type SessionStatus = { complete: UploadedVideo } | { received: number } | { gone: true };

export interface UploadContext {
  apiUrl: string;
  accessToken: () => Promise<string>;
  fetch: typeof fetch;
}

/** Non-final chunks must be multiples of 256 KiB. */
export const CHUNK_UNIT = 256 * 1024;

async function send(ctx: UploadContext, url: string, init: RequestInit, what: string, lostMeansUnknown = false): Promise<Response> {
  // Outside the try: a refused refresh token is the token's own (permanent) error.
  const token = await ctx.accessToken();
  try {
    return await ctx.fetch(url, { ...init, redirect: 'manual', headers: { authorization: `Bearer ${token}`, ...init.headers } });
  } catch (error) {
    const message = `${what} failed: ${(error as Error).message}`;
    // Only the last bytes can complete the upload; losing any earlier reply loses nothing.
    if (lostMeansUnknown) throw new UnknownOutcomeError(message, { cause: error });
    throw new TransientChannelError(message, undefined, { cause: error });
  }
}

async function readVideo(response: Response, what: string): Promise<UploadedVideo> {
  const parsed = videoSchema.safeParse(await response.json().catch(() => undefined));
  // The video exists (2xx) but we cannot name it: a person must look, never a second upload.
  if (!parsed.success) throw new UnknownOutcomeError(`${what} answered ${response.status} without a video id`);
  return parsed.data;
}

/** `Range: bytes=0-N` → N + 1 bytes received; absent → none. */
function receivedBytes(response: Response): number {
  const match = /^bytes=0-(\d+)$/.exec(response.headers.get('range') ?? '');
  return match ? Number(match[1]) + 1 : 0;
}

/** Opens a session and returns its URI (the Location header); creates no video by itself. */
export async function startUploadSession(ctx: UploadContext, metadata: unknown, total: number, contentType: string): Promise<string> {
  const url = new URL('/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status', ctx.apiUrl).href;
  const what = `YouTube upload session at ${printableUrl(url)}`;
  const response = await send(ctx, url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=UTF-8',
      'x-upload-content-length': String(total),
      'x-upload-content-type': contentType,
    },
    body: JSON.stringify(metadata),
  }, what);
  if (!response.ok) throw youtubeError(what, await readYoutubeError(response), response.headers.get('retry-after'));
  await response.arrayBuffer().catch(() => undefined);
  const location = response.headers.get('location');
  if (!location) throw new TransientChannelError(`${what} answered ${response.status} without a Location header`);
  return new URL(location, ctx.apiUrl).href;
}

/** Asks a session how far it got: `PUT` with `Content-Range: bytes *\/TOTAL` and no body. */
export async function querySession(ctx: UploadContext, sessionUri: string, total: number): Promise<SessionStatus> {
  const what = `YouTube upload status at ${printableUrl(sessionUri)}`;
  const response = await send(ctx, sessionUri, { method: 'PUT', headers: { 'content-range': `bytes */${total}` } }, what);
  if (response.status === 200 || response.status === 201) return { complete: await readVideo(response, what) };
  await response.arrayBuffer().catch(() => undefined);
  if (response.status === 308) return { received: receivedBytes(response) };
  if (response.status === 404 || response.status === 410) return { gone: true };
  throw new TransientChannelError(`${what} answered HTTP ${response.status}`);
}

/** Sends `bytes` from `offset` in chunks until YouTube answers with the video. */
export async function uploadFrom(ctx: UploadContext, sessionUri: string, bytes: Buffer, offset: number, chunkBytes: number): Promise<UploadedVideo> {
  const total = bytes.length;
  const what = `YouTube upload at ${printableUrl(sessionUri)}`;
  let start = offset;
  for (;;) {
    const end = Math.min(start + chunkBytes, total) - 1;
    const final = end === total - 1;
    const response = await send(ctx, sessionUri, {
      method: 'PUT',
      headers: { 'content-range': `bytes ${start}-${end}/${total}` },
      body: new Uint8Array(bytes.subarray(start, end + 1)),
    }, `${what} (bytes ${start}-${end}/${total})`, final);
    if (response.status === 200 || response.status === 201) return readVideo(response, what);
    if (response.status === 308) {
      await response.arrayBuffer().catch(() => undefined);
      start = receivedBytes(response);
      if (start >= total) throw new UnknownOutcomeError(`${what} holds all ${total} bytes but did not answer with the video`);
      continue;
    }
    // A 5xx after the last bytes may come after YouTube made the video: reconcile with find().
    if (final && response.status >= 500) throw new UnknownOutcomeError(`${what} answered HTTP ${response.status} to the final chunk`);
    throw youtubeError(what, await readYoutubeError(response), response.headers.get('retry-after'));
  }
}
