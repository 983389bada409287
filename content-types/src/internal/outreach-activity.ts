import type { ContentTypeDefinition } from '../fields';
import { recordCommuneField } from '../kinds/common-fields';

// The plan's offline work (section III.1, V.5): radio, notice boards, grassroots communicators,
// meetings, door to door. Internal like the sightings: no REST routes.

export const OUTREACH_CHANNELS = [
  'Truyền thanh',
  'Bảng tin',
  'Tuyên truyền viên cơ sở',
  'Hội nghị',
  'Băng rôn, khẩu hiệu',
  'Trực tiếp tại khu dân cư',
  'Khác',
] as const;
export type OutreachChannel = (typeof OUTREACH_CHANNELS)[number];

/** The plan's channel (taxonomy.json `channels[].key`) each form belongs to, where it has one. */
export const OUTREACH_CHANNEL_KEYS: Readonly<Partial<Record<OutreachChannel, string>>> = {
  'Truyền thanh': 'truyen-thanh',
  'Bảng tin': 'bang-tin',
  'Tuyên truyền viên cơ sở': 'tuyen-truyen-vien',
};

export const outreachActivity: ContentTypeDefinition = {
  singular: 'outreach-activity',
  plural: 'outreach-activities',
  kind: 'collectionType',
  displayName: 'Hoạt động tuyên truyền trực tiếp',
  description: 'Phát thanh, bảng tin, hội nghị, băng rôn, tuyên truyền tại khu dân cư (mục III.1 của Kế hoạch). Nội bộ, dùng cho báo cáo.',
  draftAndPublish: false,
  fields: {
    date: { type: 'date', label: 'Ngày thực hiện', required: true },
    channel: { type: 'enum', label: 'Hình thức', required: true, values: OUTREACH_CHANNELS },
    unit: { type: 'relation', target: 'unit', many: false, label: 'Đơn vị thực hiện' },
    residentialArea: { type: 'relation', target: 'residential-area', many: false, label: 'Khu dân cư' },
    themes: { type: 'relation', target: 'theme', many: true, label: 'Chủ đề' },
    description: {
      type: 'text',
      label: 'Nội dung hoạt động',
      required: true,
      maxLength: 2000,
      hint: 'Đã làm gì, ở đâu, tuyên truyền nội dung gì.',
    },
    times: { type: 'integer', label: 'Số lần, số buổi', min: 0 },
    minutes: { type: 'integer', label: 'Thời lượng (phút)', min: 0 },
    peopleReached: { type: 'integer', label: 'Số người được tuyên truyền', min: 0 },
    photo: { type: 'image', label: 'Ảnh hoạt động', altField: 'photoAlt' },
    photoAlt: { type: 'string', label: 'Mô tả ảnh', maxLength: 250, hint: 'Bắt buộc khi có ảnh.' },
    commune: recordCommuneField,
  },
};
