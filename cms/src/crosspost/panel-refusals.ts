// What an editor reads when the cross-posting panel refuses an action: Vietnamese, and each
// says what to do instead.
export const panelRefusals = {
  mayNotRead: 'Tài khoản của bạn không được xem tin bài này, nên cũng không xem được nơi nó đã chia sẻ.',
  mayNotReadOutbox: 'Tài khoản của bạn không được xem tin bài, nên không xem được các bài chờ đăng tay.',
  mayNotRetry: 'Chỉ Biên tập viên và Lãnh đạo duyệt được thử gửi lại. Nếu cần thêm quyền, hãy nhờ quản trị viên.',
  mayNotRepost: 'Chỉ người được xuất bản tin bài (Lãnh đạo duyệt) mới được đăng lại lên mạng xã hội.',
  unknownPiece: 'Không rõ tin bài cần xem: đường dẫn phải có loại nội dung và mã tài liệu hợp lệ.',
  unknownJob: 'Không tìm thấy việc chia sẻ này: có thể trang đã cũ, hãy tải lại trang.',
  notRetriable: (state: string) => `Chỉ thử lại được việc đang ở trạng thái «Lỗi» hoặc «Cần kiểm tra»; việc này đang «${state}». Hãy tải lại trang.`,
  notMarkable: (state: string) =>
    `Chỉ ghi «Đã đăng tay» cho việc ở «Hộp thư chờ» hoặc «Cần kiểm tra»; việc này đang «${state}». Hãy tải lại trang.`,
  badUrl: 'Địa chỉ bài đã đăng phải là một liên kết đầy đủ bắt đầu bằng http:// hoặc https:// (ví dụ https://www.facebook.com/…).',
  notPublished: 'Tin bài chưa được xuất bản: hãy xuất bản trước rồi mới đăng lại lên mạng xã hội.',
  neverSent: 'Kênh này chưa từng được chọn cho tin bài, nên không có gì để đăng lại. Hãy chọn kênh trong tin bài rồi xuất bản.',
  alreadyQueued: 'Kênh này đang có một lần gửi chờ hoặc đang gửi: hãy đợi xong rồi mới đăng lại.',
  mayNotRemove: 'Chỉ người được xuất bản tin bài (Lãnh đạo duyệt) mới được gỡ bài đã đăng trên mạng xã hội.',
  notRemovable: (state: string) =>
    `Chỉ gỡ được bài đã đăng lên Facebook hoặc Zalo (trạng thái «Đã đăng»); việc này đang «${state}». Hãy tải lại trang.`,
  postedByHand: (channel: string) =>
    `Bài này được ghi nhận là đăng tay nên hệ thống không biết mã bài trên ${channel}: hãy gỡ bài trực tiếp trên ${channel}.`,
  removeBusy: 'Kênh này đang có một lần gửi hoặc gỡ bài chưa xong: hãy đợi xong rồi thử lại.',
} as const;
