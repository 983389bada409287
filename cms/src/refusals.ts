// What the commune's staff read when the CMS refuses an action (Vietnamese, and each says
// what to do instead).
export const refusals = {
  firstAdminFromThisMachine: (port: number) =>
    'Chỉ được tạo tài khoản quản trị đầu tiên từ chính máy đang chạy CMS. ' +
    `Hãy mở http://localhost:${port}/admin bằng trình duyệt trên máy đó ` +
    `(hoặc qua đường hầm SSH: ssh -L ${port}:127.0.0.1:${port} <máy chủ>, rồi mở địa chỉ trên), ` +
    'hoặc ghi ADMIN_EMAIL và ADMIN_PASSWORD vào tệp .env rồi khởi động lại CMS.',
  mediaInPublishedUse: (fileName: string, usedBy: string) =>
    `Tệp «${fileName}» đang hiện trên cổng thông tin trong ${usedBy}, nên Biên tập viên không được thay, sửa hay xóa. ` +
    'Hãy tải lên tệp mới và gắn vào bản nháp, hoặc nhờ Lãnh đạo duyệt.',
  notAllowed:
    'Tài khoản của bạn không có quyền làm việc này. Biên tập viên viết và sửa bản nháp; ' +
    'xuất bản, gỡ và xóa nội dung là việc của Lãnh đạo duyệt. Nếu cần thêm quyền, hãy nhờ quản trị viên.',
} as const;
