import type { ContentKindDefinition } from '../fields';
import { leadFields, tailFields } from './common-fields';

export const VERDICTS = ['Sai sự thật', 'Sai lệch', 'Thiếu căn cứ', 'Đúng'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const factCheck: ContentKindDefinition = {
  key: 'fact-check',
  singular: 'fact-check',
  plural: 'fact-checks',
  kind: 'collectionType',
  displayName: 'Phản bác thông tin sai',
  description: 'Kiểm chứng và phản bác thông tin xấu độc, sai sự thật (nội dung II.8).',
  draftAndPublish: true,
  section: 'kiem-chung',
  requiredThemes: ['phan-bac-thong-tin-xau-doc'],
  fields: {
    ...leadFields(),
    claim: {
      type: 'text',
      label: 'Thông tin lan truyền',
      required: true,
      maxLength: 1000,
      hint: 'Nội dung đúng như đã lan truyền. Cổng thông tin luôn hiển thị kèm kết luận, không dùng làm tiêu đề.',
    },
    claimPlatform: {
      type: 'string',
      label: 'Nơi phát hiện',
      required: true,
      maxLength: 100,
      hint: 'Nền tảng hoặc nơi thông tin xuất hiện, ví dụ: Facebook, Zalo, TikTok.',
    },
    claimUrl: { type: 'string', label: 'Liên kết nơi phát hiện', format: 'url', maxLength: 500 },
    claimSeenAt: { type: 'date', label: 'Ngày phát hiện', required: true },
    verdict: { type: 'enum', label: 'Kết luận kiểm chứng', required: true, values: VERDICTS },
    conclusion: {
      type: 'text',
      label: 'Kết luận',
      required: true,
      maxLength: 1000,
      hint: 'Một đoạn: sự thật là gì. Hiện đầu tiên trên trang.',
    },
    evidence: { type: 'markdown', label: 'Bằng chứng', required: true },
    sources: {
      type: 'component',
      component: 'factcheck.source',
      repeatable: true,
      min: 1,
      required: true,
      label: 'Nguồn chính thức',
      hint: 'Ít nhất một văn bản hoặc thông báo chính thức (tên, cơ quan ban hành, liên kết).',
    },
    ...tailFields(),
  },
};
