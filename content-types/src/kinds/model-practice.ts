import type { ContentKindDefinition } from '../fields';
import { leadFields, tailFields } from './common-fields';

export const modelPractice: ContentKindDefinition = {
  key: 'model-practice',
  singular: 'model-practice',
  plural: 'model-practices',
  kind: 'collectionType',
  displayName: 'Điển hình tiên tiến',
  description: 'Điển hình tiên tiến, mô hình hay, cách làm sáng tạo (nội dung II.4).',
  draftAndPublish: true,
  section: 'dien-hinh',
  requiredThemes: ['dien-hinh-tien-tien'],
  fields: {
    ...leadFields(),
    subjectName: {
      type: 'string',
      label: 'Điển hình',
      required: true,
      maxLength: 200,
      hint: 'Tên cá nhân, tập thể hoặc đơn vị được giới thiệu.',
    },
    subjectType: {
      type: 'enum',
      label: 'Loại điển hình',
      required: true,
      values: ['Cá nhân', 'Tập thể, đơn vị', 'Khu dân cư'],
    },
    residentialArea: { type: 'relation', target: 'residential-area', many: false, label: 'Khu dân cư' },
    body: {
      type: 'markdown',
      label: 'Cách làm',
      required: true,
      hint: 'Điển hình đã làm gì, làm thế nào.',
    },
    results: {
      type: 'component',
      component: 'practice.result',
      repeatable: true,
      min: 1,
      required: true,
      label: 'Kết quả đo được',
      hint: 'Mỗi dòng một chỉ số: tên chỉ số, giá trị, đơn vị (ví dụ: hồ sơ trực tuyến, 120, hồ sơ).',
    },
    place: { type: 'string', label: 'Địa điểm', maxLength: 200 },
    periodStart: { type: 'date', label: 'Từ ngày' },
    periodEnd: { type: 'date', label: 'Đến ngày' },
    replicable: {
      type: 'text',
      label: 'Có thể nhân rộng',
      required: true,
      maxLength: 2000,
      hint: 'Nơi khác có thể học theo điều gì, cần điều kiện gì.',
    },
    ...tailFields(),
  },
};
