import type { ComponentDefinition } from './fields';
import { REVIEW_STATES } from './internal/editorial-review';
import { SIGHTING_STATUSES } from './internal/sighting';
import { SOCIAL_CAPTION_CHANNEL_NAMES, socialCaptionLimitsByName } from './social-caption';

export const components: readonly ComponentDefinition[] = [
  {
    uid: 'shared.correction',
    displayName: 'Đính chính',
    icon: 'pencil',
    fields: {
      date: { type: 'datetime', label: 'Thời điểm sửa', required: true },
      note: { type: 'text', label: 'Nội dung đính chính', required: true, maxLength: 1000 },
    },
  },
  {
    uid: 'shared.social-caption',
    displayName: 'Nội dung chia sẻ',
    icon: 'message',
    fields: {
      channel: { type: 'enum', label: 'Nền tảng', required: true, values: SOCIAL_CAPTION_CHANNEL_NAMES },
      text: {
        type: 'text',
        label: 'Nội dung đăng',
        required: true,
        // No single maxLength: the admin would show it as the limit for every platform.
        maxLengthBy: { field: 'channel', limits: socialCaptionLimitsByName() },
        // The admin shows no hint on an empty repeatable list: the one an editor reads is here.
        hint: 'Thay cho nội dung tự động, vốn được tạo từ tiêu đề, sapo và liên kết tới bài trên cổng. Facebook: nội dung bài đăng. Zalo: đoạn mô tả, tối đa 300 ký tự. YouTube: mô tả video, tối đa 5.000 byte. TikTok: chú thích video, tối đa 2.200 ký tự. Facebook và Zalo tự gắn liên kết tới bài; YouTube và TikTok thì không, nên hãy ghi liên kết nếu cần.',
      },
    },
  },
  {
    uid: 'practice.result',
    displayName: 'Kết quả',
    icon: 'chartBubble',
    fields: {
      indicator: { type: 'string', label: 'Chỉ số', required: true, maxLength: 200 },
      value: { type: 'decimal', label: 'Giá trị', required: true },
      unit: { type: 'string', label: 'Đơn vị tính', maxLength: 50 },
    },
  },
  {
    uid: 'guide.document',
    displayName: 'Giấy tờ',
    icon: 'file',
    fields: {
      name: { type: 'string', label: 'Tên giấy tờ', required: true, maxLength: 300 },
      note: { type: 'string', label: 'Ghi chú', maxLength: 300, hint: 'Ví dụ: bản chính hoặc bản sao, số lượng.' },
    },
  },
  {
    uid: 'guide.step',
    displayName: 'Bước',
    icon: 'bulletList',
    fields: {
      text: { type: 'text', label: 'Nội dung bước', required: true, maxLength: 2000 },
      screenshot: { type: 'image', label: 'Ảnh chụp màn hình', altField: 'screenshotAlt' },
      screenshotAlt: { type: 'string', label: 'Mô tả ảnh chụp', maxLength: 250 },
    },
  },
  {
    uid: 'guide.faq',
    displayName: 'Câu hỏi',
    icon: 'question',
    fields: {
      question: { type: 'string', label: 'Câu hỏi', required: true, maxLength: 300 },
      answer: { type: 'text', label: 'Trả lời', required: true, maxLength: 2000 },
    },
  },
  {
    uid: 'factcheck.source',
    displayName: 'Nguồn',
    icon: 'link',
    fields: {
      title: { type: 'string', label: 'Tên văn bản, thông báo', required: true, maxLength: 300 },
      issuer: { type: 'string', label: 'Cơ quan ban hành', required: true, maxLength: 200 },
      url: { type: 'string', label: 'Liên kết', required: true, format: 'url', maxLength: 500 },
    },
  },
  {
    uid: 'commune.leader',
    displayName: 'Lãnh đạo',
    icon: 'user',
    fields: {
      name: { type: 'string', label: 'Họ và tên', required: true, maxLength: 100 },
      position: { type: 'string', label: 'Chức vụ', required: true, maxLength: 200 },
      phone: { type: 'string', label: 'Điện thoại', format: 'phone', maxLength: 20 },
    },
  },
  {
    uid: 'commune.social-account',
    displayName: 'Tài khoản mạng xã hội',
    icon: 'globe',
    fields: {
      platform: { type: 'enum', label: 'Nền tảng', required: true, values: ['Facebook', 'Zalo', 'YouTube', 'TikTok'] },
      name: { type: 'string', label: 'Tên tài khoản', required: true, maxLength: 200 },
      url: { type: 'string', label: 'Liên kết', required: true, format: 'url', maxLength: 500 },
    },
  },
  {
    // One line of a sighting's handling history, appended by the CMS on every status change.
    uid: 'monitoring.handling-step',
    displayName: 'Bước xử lý',
    icon: 'clock',
    fields: {
      at: { type: 'datetime', label: 'Thời điểm', required: true },
      state: { type: 'enum', label: 'Tình trạng', required: true, values: SIGHTING_STATUSES },
      note: { type: 'text', label: 'Ghi chú', maxLength: 2000 },
      by: { type: 'string', label: 'Người thực hiện', maxLength: 200 },
    },
  },
  {
    // One line of a piece's review history, appended by the CMS on every transition.
    uid: 'review.step',
    displayName: 'Bước duyệt',
    icon: 'clock',
    fields: {
      at: { type: 'datetime', label: 'Thời điểm', required: true },
      state: { type: 'enum', label: 'Trạng thái', required: true, values: REVIEW_STATES },
      note: { type: 'text', label: 'Ý kiến', maxLength: 2000 },
      by: { type: 'string', label: 'Người thực hiện', maxLength: 200 },
      byId: { type: 'integer', label: 'Mã người thực hiện', min: 0 },
    },
  },
];

export function componentByUid(uid: string): ComponentDefinition {
  const found = components.find((c) => c.uid === uid);
  if (!found) throw new Error(`Unknown component "${uid}" in the content model`);
  return found;
}
