import { RestoreError } from './restore-error.ts';

// How a full disk shows itself on the way: Node's ENOSPC (media written by the import, the
// staging copy), SQLite's SQLITE_FULL, PostgreSQL's "could not extend file … No space left".
const DISK_FULL = /\bENOSPC\b|no space left on device|SQLITE_FULL|database or disk is full|could not extend file/i;

/** True when an error (its code, message, captured output or causes) says the disk is full. */
export function isDiskFull(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'SQLITE_FULL') return true;
    if (DISK_FULL.test(e.message) || (e instanceof RestoreError && DISK_FULL.test(e.output))) return true;
  }
  return false;
}

/** The operator's message for a restore stopped by a full disk (the target is as it was). */
export function diskFullError(places: string[], cause: unknown): RestoreError {
  return new RestoreError(
    `Ổ đĩa đầy: không đủ chỗ trống để khôi phục vào ${places.join(' và ')}; chưa thay đổi gì, bản tạm đã được xóa. Giải phóng chỗ trống (cần thêm khoảng bằng dung lượng cơ sở dữ liệu và media hiện tại) rồi chạy lại.`,
    cause instanceof RestoreError ? cause.output : '',
    { cause },
  );
}
