import type { ContentTypeDefinition } from '../fields';
import { recordCommuneField } from '../kinds/common-fields';

// The plan's rà quét (section III.3): what staff saw said about the campaign in the press and on
// social networks, and how each item was handled. Internal: generated into the CMS with no REST
// routes, so neither the public API nor the portal's token can read it. Values are the
// Vietnamese words editors pick; code names them through the constants below.

/** Where an item appeared. */
export const SIGHTING_PLATFORMS = ['Facebook', 'Zalo', 'TikTok', 'YouTube', 'Báo chí', 'Trang thông tin điện tử', 'Khác'] as const;
export type SightingPlatform = (typeof SIGHTING_PLATFORMS)[number];

/** How harmful an item is, a fixed scale ordered from low to high (compare by index). */
export const HARM_LEVELS = ['Thấp', 'Trung bình', 'Cao', 'Nghiêm trọng'] as const;
export type HarmLevel = (typeof HARM_LEVELS)[number];

/** 0 for the lowest harm, 3 for the highest; -1 for a value not on the scale. */
export const harmRank = (value: unknown): number => HARM_LEVELS.indexOf(value as HarmLevel);

/** The handling states of issue 9, by the name code uses; the values are what editors read. */
export const SIGHTING_STATUS = {
  new: 'Mới',
  verifying: 'Đang xác minh',
  rebutted: 'Đã phản bác',
  toPolice: 'Chuyển Công an xã',
  takenDown: 'Đã gỡ bỏ',
  noAction: 'Không cần xử lý',
} as const;
export type SightingStatus = (typeof SIGHTING_STATUS)[keyof typeof SIGHTING_STATUS];
export const SIGHTING_STATUSES = Object.values(SIGHTING_STATUS) as readonly SightingStatus[];

/** Statuses still waiting for someone: the editors' queue shows these. */
export const OPEN_SIGHTING_STATUSES: readonly SightingStatus[] = [SIGHTING_STATUS.new, SIGHTING_STATUS.verifying, SIGHTING_STATUS.toPolice];

export const sighting: ContentTypeDefinition = {
  singular: 'sighting',
  plural: 'sightings',
  kind: 'collectionType',
  displayName: 'Rà quét thông tin',
  description: 'Thông tin sai lệch, xấu độc phát hiện trên báo chí, mạng xã hội và cách đã xử lý (mục III.3 của Kế hoạch). Nội bộ, không công khai.',
  draftAndPublish: false,
  fields: {
    platform: { type: 'enum', label: 'Nền tảng', required: true, values: SIGHTING_PLATFORMS },
    outlet: {
      type: 'string',
      label: 'Trang, tài khoản hoặc cơ quan báo',
      maxLength: 200,
      hint: 'Tên trang, nhóm, tài khoản hoặc tờ báo đăng thông tin.',
    },
    // As long as a fact-check's claimUrl may be: the link is carried over to the rebuttal.
    url: { type: 'string', label: 'Liên kết', format: 'url', maxLength: 500 },
    content: {
      type: 'text',
      label: 'Nội dung thông tin',
      required: true,
      maxLength: 1000,
      hint: 'Trích đúng nội dung đã lan truyền (tối đa 1.000 ký tự); được chuyển sang bài phản bác khi tạo bài.',
    },
    screenshot: { type: 'image', label: 'Ảnh chụp màn hình', altField: 'screenshotAlt' },
    screenshotAlt: { type: 'string', label: 'Mô tả ảnh chụp', maxLength: 250, hint: 'Bắt buộc khi có ảnh chụp.' },
    seenAt: { type: 'datetime', label: 'Thời điểm phát hiện', required: true },
    loggedBy: { type: 'string', label: 'Người ghi nhận', maxLength: 200, hint: 'Tự điền theo tài khoản tạo mục này.' },
    harm: { type: 'enum', label: 'Mức độ ảnh hưởng', required: true, values: HARM_LEVELS },
    themes: { type: 'relation', target: 'theme', many: true, label: 'Chủ đề liên quan' },
    // Not `status`: Strapi's content manager keeps that name for a document's draft/published
    // state and drops such a field from what it answers.
    state: { type: 'enum', label: 'Tình trạng xử lý', required: true, values: SIGHTING_STATUSES, default: SIGHTING_STATUS.new },
    handlingNote: {
      type: 'text',
      label: 'Ghi chú khi đổi tình trạng',
      maxLength: 2000,
      hint: 'Ghi lý do hoặc việc đã làm khi đổi tình trạng; được lưu vào lịch sử xử lý cùng thời điểm và người đổi.',
    },
    factCheck: { type: 'relation', target: 'fact-check', many: false, label: 'Bài phản bác' },
    passedToPolice: {
      type: 'boolean',
      label: 'Đã chuyển Công an xã',
      default: false,
      hint: 'Tự đánh dấu khi tình trạng xử lý chuyển sang «Chuyển Công an xã»; Công an xã tiếp tục xem được mục này.',
    },
    steps: {
      type: 'component',
      component: 'monitoring.handling-step',
      repeatable: true,
      label: 'Lịch sử xử lý',
      hint: 'Tự ghi mỗi lần đổi tình trạng: thời điểm, tình trạng, người đổi và ghi chú.',
    },
    commune: recordCommuneField,
  },
};
