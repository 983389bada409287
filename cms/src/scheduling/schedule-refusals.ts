// What approvers read when a schedule is refused (Vietnamese, each saying what to do instead).
export const scheduleRefusals = {
  unknownPiece: 'Không tìm thấy tin bài này. Hãy tải lại trang.',
  mayNotRead: 'Tài khoản của bạn không được xem tin bài này.',
  mayNotSchedule: 'Chỉ Lãnh đạo duyệt mới hẹn giờ đăng hoặc gỡ tin bài.',
  badTime: 'Thời điểm không hợp lệ. Hãy chọn ngày và giờ (giờ Việt Nam).',
  inThePast: (what: string, now: string) => `${what} phải sau thời điểm hiện tại (${now}).`,
  unpublishBeforePublish: 'Giờ gỡ phải sau giờ đăng.',
} as const;
