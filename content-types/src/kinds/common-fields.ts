import type { Fields } from '../fields';

/** Fields every publishable kind shares, placed first in the editor. */
export function leadFields(titleLabel = 'Tiêu đề'): Fields {
  return {
    title: { type: 'string', label: titleLabel, required: true, maxLength: 200 },
    slug: {
      type: 'slug',
      label: 'Đường dẫn',
      targetField: 'title',
      required: true,
      hint: 'Tự tạo từ tiêu đề: chữ thường không dấu, nối bằng dấu gạch ngang (ví dụ: dang-ky-khai-sinh).',
    },
    summary: {
      type: 'text',
      label: 'Sapo',
      required: true,
      maxLength: 400,
      hint: 'Một đến ba câu tóm tắt, hiện ở trang danh sách, RSS và khi chia sẻ lên mạng xã hội.',
    },
  };
}

/** Cover image, video, taxonomy, cross-posting and correction fields every publishable kind shares, placed last. */
export function tailFields(): Fields {
  return {
    cover: { type: 'image', label: 'Ảnh bìa', altField: 'coverAlt' },
    coverAlt: {
      type: 'string',
      label: 'Mô tả ảnh bìa',
      maxLength: 250,
      hint: 'Bắt buộc khi có ảnh bìa: tả ngắn nội dung ảnh cho người khiếm thị.',
    },
    video: {
      type: 'video',
      label: 'Video (đăng lên YouTube, TikTok)',
      hint: 'Không bắt buộc. Khi bài có video và chọn kênh YouTube hoặc TikTok, video được tải lên các kênh đó; bài không có video thì không đăng lên hai kênh này. Cổng thông tin không hiển thị video.',
    },
    themes: {
      type: 'relation',
      target: 'theme',
      many: true,
      min: 1,
      required: true,
      label: 'Chủ đề',
      hint: 'Một hoặc nhiều trong 8 nội dung tuyên truyền của Kế hoạch (mục II).',
    },
    taskGroups: {
      type: 'relation',
      target: 'task-group',
      many: true,
      label: 'Nhóm nhiệm vụ',
      hint: 'Các nhóm nhiệm vụ trọng tâm của Kế hoạch số 02 mà bài viết đề cập.',
    },
    audiences: { type: 'relation', target: 'audience', many: true, label: 'Đối tượng' },
    unit: {
      type: 'relation',
      target: 'unit',
      many: false,
      required: true,
      label: 'Đơn vị thực hiện',
      hint: 'Đơn vị chịu trách nhiệm nội dung.',
    },
    channels: {
      type: 'relation',
      target: 'channel',
      many: true,
      label: 'Kênh đăng tải',
      hint: 'Các kênh sẽ đăng tin này (cổng thông tin, truyền thanh, Facebook, Zalo...).',
    },
    socialCaptions: {
      type: 'component',
      component: 'shared.social-caption',
      repeatable: true,
      uniqueBy: 'channel',
      label: 'Nội dung riêng cho mạng xã hội',
      hint: 'Không bắt buộc, mỗi nền tảng một mục. Bỏ trống thì nội dung được tạo tự động từ tiêu đề, sapo và liên kết tới bài trên cổng.',
    },
    corrections: {
      type: 'component',
      component: 'shared.correction',
      repeatable: true,
      label: 'Ghi chú đính chính',
      hint: 'Khi sửa một bài đã đăng, ghi rõ đã sửa gì; ghi chú hiện công khai dưới bài.',
    },
    // Strapi 5 sets publishedAt anew on every publish, so a corrected piece would jump to the
    // top of the lists dated today; the CMS records this once, at the first publish, and the
    // portal, feeds and report date and order pieces by it.
    firstPublishedAt: {
      type: 'datetime',
      label: 'Ngày đăng lần đầu',
      readOnly: true,
      hint: 'Hệ thống tự ghi khi bài được đăng lần đầu và giữ nguyên khi đăng lại bản sửa; không sửa được bằng tay.',
    },
    // "Thu hồi" (issue 10): the piece stays at its URL with a notice and leaves listings, feeds and
    // search. Written by the CMS on both rows (cms/src/takedown/), cleared by the next publish.
    withdrawnAt: {
      type: 'datetime',
      label: 'Thu hồi lúc',
      readOnly: true,
      hint: 'Hệ thống tự ghi khi Lãnh đạo duyệt thu hồi bài (bảng «Thu hồi, gỡ bỏ» bên phải); xuất bản lại thì bài hết bị thu hồi.',
    },
    withdrawalReason: { type: 'text', label: 'Lý do thu hồi', readOnly: true, maxLength: 1000, hint: 'Hiện công khai trên trang bài đã thu hồi.' },
    // Tenancy (issue 13, tenancy.ts): unused, and blank, when the installation serves one commune.
    commune: {
      type: 'string',
      format: 'commune',
      maxLength: 100,
      label: 'Xã, phường',
      hint: 'Chỉ dùng khi hệ thống phục vụ nhiều xã, phường: mã của xã, phường đăng bài (ví dụ: thanh-thuy). Để trống khi hệ thống chỉ phục vụ một xã.',
    },
    provinceWide: {
      type: 'boolean',
      default: false,
      label: 'Tin toàn tỉnh',
      hint: 'Bài của tỉnh: hiện trên cổng thông tin của mọi xã, phường, hoặc chỉ của những xã, phường ghi ở ô dưới.',
    },
    addressedTo: {
      type: 'string',
      format: 'commune-list',
      maxLength: 4000,
      label: 'Gửi tới các xã, phường',
      hint: 'Với tin toàn tỉnh: mã các xã, phường nhận bài, cách nhau bằng dấu phẩy (ví dụ: thanh-thuy, dao-xa). Để trống để gửi tới mọi xã, phường.',
    },
  };
}

/**
 * The commune a record of the office's own work belongs to (a residential area, a sighting, an
 * activity), when one installation serves a province (tenancy.ts): a commune's editors see and
 * report only their commune's, and the CMS fills it in for them.
 */
export const recordCommuneField = {
  type: 'string',
  format: 'commune',
  maxLength: 100,
  label: 'Xã, phường',
  hint: 'Chỉ dùng khi hệ thống phục vụ nhiều xã, phường: mã của xã, phường (ví dụ: thanh-thuy); cán bộ của xã, phường để trống thì hệ thống tự điền. Để trống khi hệ thống chỉ phục vụ một xã.',
} as const;
