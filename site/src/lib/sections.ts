import { contentKinds, type ContentKindDefinition, type ContentKindKey } from '@thanh-thuy/content-types';

// How the portal presents each kind. Paths come from the model (kind.section); the words
// are the site's own (shorter than the editors' names).
export interface Section {
  kind: ContentKindDefinition;
  key: ContentKindKey;
  path: string;
  collection: 'articles' | 'modelPractices' | 'serviceGuides' | 'factChecks';
  navLabel: string;
  title: string;
  description: string;
  /** schema.org type of one piece. */
}

const words: Record<ContentKindKey, Omit<Section, 'kind' | 'key' | 'path'>> = {
  article: {
    collection: 'articles',
    navLabel: 'Tin tức',
    title: 'Tin tức',
    description: 'Tin tức về việc thực hiện Kế hoạch tuyên truyền chuyển đổi số của xã Thanh Thủy.',
  },
  'model-practice': {
    collection: 'modelPractices',
    navLabel: 'Điển hình',
    title: 'Điển hình tiên tiến',
    description: 'Điển hình tiên tiến, mô hình hay, cách làm sáng tạo trong chuyển đổi số.',
  },
  'service-guide': {
    collection: 'serviceGuides',
    navLabel: 'Dịch vụ công',
    title: 'Hướng dẫn dịch vụ công trực tuyến',
    description: 'Hướng dẫn từng bước làm thủ tục hành chính trực tuyến: hồ sơ, lệ phí, thời hạn.',
  },
  'fact-check': {
    collection: 'factChecks',
    navLabel: 'Kiểm chứng',
    title: 'Kiểm chứng thông tin',
    description: 'Kiểm chứng, phản bác thông tin sai sự thật, xấu độc lan truyền trên mạng.',
  },
};

export const sections: Section[] = contentKinds.map((kind) => ({ kind, key: kind.key, path: kind.section, ...words[kind.key] }));

export function sectionOf(key: ContentKindKey | string): Section {
  const found = sections.find((s) => s.key === key || s.path === key);
  if (!found) throw new Error(`No portal section for "${key}"`);
  return found;
}
