import { z } from 'zod';
import { PermanentChannelError, TransientChannelError } from '../channel-errors.ts';
import { retryAfterMs } from '../webhook/retry-after.ts';
import { msUntilQuotaReset } from './quota-reset.ts';

// Google's error body: {"error":{"code","message","errors":[{"domain","reason","message"}]}}.
const errorBodySchema = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    errors: z.array(z.object({ reason: z.string().optional(), message: z.string().optional() })).optional(),
  }),
});

export interface YoutubeErrorDetails {
  status: number;
  reason: string;
  message: string;
}

export async function readYoutubeError(response: Response): Promise<YoutubeErrorDetails> {
  const parsed = errorBodySchema.safeParse(await response.json().catch(() => undefined));
  const error = parsed.success ? parsed.data.error : undefined;
  return {
    status: response.status,
    reason: error?.errors?.[0]?.reason ?? 'unknown',
    message: error?.message ?? error?.errors?.[0]?.message ?? response.statusText,
  };
}

/**
 * What a failed YouTube call means for the job. quotaExceeded is transient until the daily
 * reset: it is the project's budget running out (uploads have their own 100-a-day quota since
 * 1 Jun 2026), nothing is wrong with the piece, and the upload succeeds tomorrow without a
 * person. uploadLimitExceeded is permanent: it is the channel's own cap, whose reset YouTube
 * does not document and which often means the channel must be verified — a person must act.
 */
export function youtubeError(what: string, details: YoutubeErrorDetails, retryAfter: string | null): Error {
  const { status, reason, message } = details;
  const text = `${what} answered HTTP ${status} ${reason}: ${message}`;
  if (reason === 'quotaExceeded' || reason === 'dailyLimitExceeded') return new TransientChannelError(text, msUntilQuotaReset());
  if (status === 429 || status >= 500 || reason === 'rateLimitExceeded' || reason === 'userRateLimitExceeded') {
    return new TransientChannelError(text, retryAfterMs(retryAfter));
  }
  if (reason === 'uploadLimitExceeded') {
    return new PermanentChannelError(text, 'Kênh YouTube đã đạt giới hạn số video được tải lên. Hãy xác minh kênh hoặc chờ YouTube mở lại giới hạn, rồi bấm thử lại.');
  }
  if (status === 401) {
    return new PermanentChannelError(text, 'YouTube không chấp nhận quyền truy cập của cổng. Người quản trị cần cấp lại quyền (YOUTUBE_REFRESH_TOKEN) rồi bấm thử lại.');
  }
  if (status === 403) {
    return new PermanentChannelError(text, `Tài khoản YouTube không có quyền đăng video này (${reason}). Hãy kiểm tra quyền của kênh và ứng dụng, rồi bấm thử lại.`);
  }
  return new PermanentChannelError(text, `YouTube từ chối video (${reason}): ${message}. Hãy sửa nội dung rồi bấm thử lại.`);
}
