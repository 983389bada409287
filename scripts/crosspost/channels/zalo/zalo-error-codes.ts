import { TransientChannelError } from '../channel-errors.ts';
import { ZaloRefusalError } from './zalo-refusal-error.ts';

// Zalo OA answers most failures with HTTP 200 and a negative `error`
// (https://developers.zalo.me/docs/official-account/phu-luc/ma-loi).
export const ZALO_RATE_LIMITED = -32;
export const ZALO_INVALID_FIELD = -201;
export const ZALO_INVALID_TOKEN = -216;
export const ZALO_EXPIRED_TOKEN = -220;

/** Zalo's per-minute limit gives no hint of its own: wait out the minute. */
export const ZALO_RATE_LIMIT_WAIT_MS = 60_000;

export const isTokenError = (code: number) => code === ZALO_INVALID_TOKEN || code === ZALO_EXPIRED_TOKEN;

// Field names as Zalo writes them in its messages ("title allow 1 to 150 characters",
// "cover value is invalid"), most specific first, with what an editor calls them.
const fieldNames: Array<[RegExp, string]> = [
  [/photo_url|cover/i, 'ảnh bìa'],
  [/description/i, 'mô tả'],
  [/title/i, 'tiêu đề'],
  [/author/i, 'tác giả'],
  [/body|content/i, 'nội dung'],
  [/\burl\b|image/i, 'ảnh trong bài'],
  [/status/i, 'trạng thái'],
  [/token/i, 'mã bài viết'],
];

export function fieldInVietnamese(message: string): string | undefined {
  return fieldNames.find(([pattern]) => pattern.test(message))?.[1];
}

/** What a negative Zalo error means for the runner, for any call but a token error. */
export function zaloFailure(code: number, platformMessage: string, where: string): Error {
  const said = platformMessage || 'không có lời giải thích';
  if (code === ZALO_RATE_LIMITED) {
    return new TransientChannelError(`Zalo OA rate limit (-32) on ${where}: ${said}`, ZALO_RATE_LIMIT_WAIT_MS);
  }
  if (code === ZALO_INVALID_FIELD) {
    const field = fieldInVietnamese(platformMessage);
    return new ZaloRefusalError(
      `Zalo OA rejected a field (-201) on ${where}: ${said}`,
      field
        ? `Zalo từ chối trường "${field}" của bài viết (${said}). Hãy sửa rồi thử lại.`
        : `Zalo từ chối một trường của bài viết (${said}). Hãy sửa rồi thử lại.`,
      code,
      said,
    );
  }
  return new ZaloRefusalError(`Zalo OA error ${code} on ${where}: ${said}`, `Zalo không nhận bài viết (mã lỗi ${code}: ${said}).`, code, said);
}

export const tokenRejectedMessage =
  'Mã truy cập Zalo OA đã hết hạn hoặc bị thu hồi và không làm mới được. Quản trị viên cần cấp quyền lại cho ứng dụng trên Zalo (developers.zalo.me) rồi đặt mã mới vào cấu hình.';
