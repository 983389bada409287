import { describe, expect, it } from 'vitest';
import { article, factCheck, serviceGuide, validateEntry } from '@thanh-thuy/content-types';

const theme = (key: string) => ({ key, label: key });
const complete = {
  title: 'Hội nghị triển khai Kế hoạch chuyển đổi số',
  slug: 'hoi-nghi-trien-khai',
  summary: 'Sáng 28/8, UBND xã tổ chức hội nghị.',
  body: 'Nội dung **bài**.',
  themes: [theme('y-nghia-ke-hoach')],
  unit: { key: 'phong-vhxh' },
  cover: null,
};

describe('validateEntry', () => {
  it('accepts a complete article for publishing', () => {
    expect(validateEntry(article, complete, 'publish')).toEqual([]);
  });

  it('names each missing required field in Vietnamese on publish', () => {
    const issues = validateEntry(article, { title: '', themes: [] }, 'publish');
    expect(issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['title', 'summary', 'body', 'themes', 'unit']));
    expect(issues.find((i) => i.path[0] === 'title')?.message).toBe('«Tiêu đề» là bắt buộc.');
    expect(issues.find((i) => i.path[0] === 'themes')?.message).toBe('«Chủ đề» cần ít nhất 1 mục.');
  });

  it('lets a draft be incomplete but not malformed', () => {
    expect(validateEntry(article, { title: 'Chỉ có tiêu đề' }, 'draft')).toEqual([]);
    const [issue] = validateEntry(serviceGuide, { onlineUrl: 'dichvucong.gov.vn' }, 'draft');
    expect(issue.message).toContain('«Liên kết nộp hồ sơ trực tuyến» phải là một địa chỉ web');
  });

  it('requires alt text when a cover image is set', () => {
    const issues = validateEntry(article, { ...complete, cover: { id: 1, url: '/x.jpg' }, coverAlt: ' ' }, 'publish');
    expect(issues).toEqual([{ path: ['coverAlt'], message: expect.stringContaining('«Mô tả ảnh bìa» là bắt buộc khi có ảnh bìa') }]);
  });

  it('refuses a fact-check without an official source', () => {
    const entry = {
      ...complete,
      themes: [theme('phan-bac-thong-tin-xau-doc')],
      claim: 'Từ 1/10 người dân phải nộp phí kích hoạt VNeID.',
      claimPlatform: 'Facebook',
      claimSeenAt: '2025-09-20',
      verdict: 'Sai sự thật',
      conclusion: 'Kích hoạt VNeID miễn phí.',
      evidence: 'Theo Công an xã...',
      sources: [],
    };
    expect(validateEntry(factCheck, entry, 'publish')).toEqual([{ path: ['sources'], message: '«Nguồn chính thức» cần ít nhất 1 mục.' }]);
  });

  it('checks each item of a repeatable component and names its position', () => {
    const issues = validateEntry(factCheck, { sources: [{ title: 'Thông báo', issuer: 'Công an xã', url: 'không phải link' }] }, 'draft');
    expect(issues).toEqual([{ path: ['sources', '0', 'url'], message: expect.stringContaining('«Liên kết» phải là một địa chỉ web') }]);
  });

  it('refuses a verdict outside the fixed scale', () => {
    const [issue] = validateEntry(factCheck, { verdict: 'Có lẽ sai' }, 'draft');
    expect(issue.message).toBe('«Kết luận kiểm chứng» phải là một trong: Sai sự thật, Sai lệch, Thiếu căn cứ, Đúng.');
  });

  it('requires a guide to carry the public-service theme', () => {
    const issues = validateEntry(serviceGuide, { ...complete, themes: [theme('tien-do-nhiem-vu')] }, 'publish');
    expect(issues.find((i) => i.path[0] === 'themes')?.message).toContain('«Dịch vụ công trực tuyến»');
  });
});
