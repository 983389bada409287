import { PermanentChannelError, TransientChannelError } from '../channel-errors.ts';
import { printableUrl } from '../webhook/printable-url.ts';

export interface VideoFile {
  bytes: Buffer;
  contentType: string;
}

/**
 * The piece's video, read from the CMS's uploads (the runner runs beside the CMS; the portal
 * does not carry videos). Read whole into memory: a commune's clips are tens of MB, and both
 * platforms need the exact length up front. A missing file is permanent (the piece changed);
 * a network failure is transient.
 */
export async function fetchVideoBytes(videoUrl: string, doFetch: typeof fetch): Promise<VideoFile> {
  const where = printableUrl(videoUrl);
  let response: Response;
  try {
    response = await doFetch(videoUrl, { signal: AbortSignal.timeout(10 * 60_000) });
  } catch (error) {
    throw new TransientChannelError(`Reading the video at ${where} failed: ${(error as Error).message}`, undefined, { cause: error });
  }
  if (response.status === 429 || response.status >= 500) {
    throw new TransientChannelError(`Reading the video at ${where} answered HTTP ${response.status}`);
  }
  if (!response.ok) {
    throw new PermanentChannelError(
      `Reading the video at ${where} answered HTTP ${response.status}`,
      `Không đọc được tệp video của bài trên cổng (HTTP ${response.status}). Hãy kiểm tra video đính kèm rồi bấm thử lại.`,
    );
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  return { bytes, contentType: response.headers.get('content-type')?.split(';')[0] || 'video/*' };
}
