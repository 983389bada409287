import type { ContentKindDefinition } from '../fields';
import { leadFields, tailFields } from './common-fields';

export const article: ContentKindDefinition = {
  key: 'article',
  singular: 'article',
  plural: 'articles',
  kind: 'collectionType',
  displayName: 'Tin bài',
  description: 'Tin tức, bài viết về tiến độ và kết quả thực hiện Kế hoạch (nội dung II.1–II.3, II.6, II.7).',
  draftAndPublish: true,
  section: 'tin-tuc',
  requiredThemes: [],
  fields: {
    ...leadFields(),
    body: { type: 'markdown', label: 'Nội dung', required: true, hint: 'Viết bằng Markdown.' },
    ...tailFields(),
  },
};
