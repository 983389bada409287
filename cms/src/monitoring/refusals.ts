// What staff read when a monitoring action is refused: Vietnamese, each saying what to do.
export const monitoringRefusals = {
  unknownSighting: 'Không tìm thấy mục rà quét này: có thể trang đã cũ, hãy tải lại trang.',
  mayNotRebut: 'Chỉ Biên tập viên và Lãnh đạo duyệt được tạo bài phản bác từ một mục rà quét. Nếu cần thêm quyền, hãy nhờ quản trị viên.',
  alreadyRebutted: (title: string) => `Mục rà quét này đã có bài phản bác «${title}»: hãy mở bài đó thay vì tạo bài mới.`,
  mayNotRead: 'Tài khoản của bạn không được xem các mục rà quét thông tin.',
} as const;
