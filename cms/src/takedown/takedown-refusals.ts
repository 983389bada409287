// What approvers read when a takedown is refused (Vietnamese, each saying what to do instead).
export const takedownRefusals = {
  unknownPiece: 'Không tìm thấy tin bài này. Hãy tải lại trang.',
  mayNotRead: 'Tài khoản của bạn không được xem tin bài này.',
  mayNotTakeDown: 'Chỉ Lãnh đạo duyệt mới thu hồi hoặc gỡ bỏ tin bài.',
  reasonRequired: 'Hãy ghi lý do: lý do được lưu lại, và với «Thu hồi» còn hiện công khai trên trang bài.',
  reasonTooLong: 'Lý do dài quá 1.000 ký tự. Hãy viết ngắn lại.',
  notPublished: 'Tin bài không đang đăng trên cổng nên không cần thu hồi hay gỡ bỏ.',
  alreadyWithdrawn: 'Tin bài đã được thu hồi. Muốn gỡ hẳn khỏi cổng thì dùng «Gỡ bỏ».',
} as const;
