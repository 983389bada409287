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

  describe('an editor’s own social captions', () => {
    const captions = (...items: Array<[string, string]>) => ({ socialCaptions: items.map(([channel, text]) => ({ channel, text })) });

    it('accept one caption per platform, each within its platform’s limit', () => {
      const entry = { ...complete, ...captions(['Facebook', 'Mời bà con xem.'], ['Zalo', 'x'.repeat(300)], ['YouTube', 'ệ'.repeat(1666)], ['TikTok', 'x'.repeat(2200)]) };
      expect(validateEntry(article, entry, 'publish')).toEqual([]);
    });

    it('refuse a second caption for the same platform, naming the list, the platform and the item', () => {
      const issues = validateEntry(article, captions(['Zalo', 'Một'], ['Facebook', 'Hai'], ['Zalo', 'Ba']), 'draft');
      expect(issues).toEqual([
        { path: ['socialCaptions', '2', 'channel'], message: '«Nội dung riêng cho mạng xã hội» chỉ được có một mục cho mỗi nền tảng: Zalo đang có hơn một mục.' },
      ]);
    });

    it.each([
      ['Zalo', 'ư'.repeat(301), '«Nội dung đăng» cho Zalo dài quá: tối đa 300 ký tự, hiện có 301.'],
      ['TikTok', 'a'.repeat(2201), '«Nội dung đăng» cho TikTok dài quá: tối đa 2.200 ký tự, hiện có 2.201.'],
      // 1,667 × "ệ" is 1,667 characters but 5,001 bytes: YouTube counts bytes.
      ['YouTube', 'ệ'.repeat(1667), '«Nội dung đăng» cho YouTube dài quá: tối đa 5.000 byte, hiện có 5.001 byte (mỗi chữ có dấu chiếm 2 đến 3 byte).'],
    ])('refuse a %s caption over the platform’s limit on every save, in Vietnamese', (channel, text, message) => {
      expect(validateEntry(article, captions([channel, text]), 'draft')).toEqual([{ path: ['socialCaptions', '0', 'text'], message }]);
    });

    it('require the platform and the text of a caption on publish', () => {
      const issues = validateEntry(article, { ...complete, socialCaptions: [{ channel: null, text: ' ' }] }, 'publish');
      expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
        ['socialCaptions.0.channel', '«Nền tảng» là bắt buộc.'],
        ['socialCaptions.0.text', '«Nội dung đăng» là bắt buộc.'],
      ]);
    });
  });

  it('takes a video as an optional upload, like the cover', () => {
    expect(validateEntry(article, { ...complete, video: { id: 4, url: '/uploads/le_hoi.mp4', mime: 'video/mp4' } }, 'publish')).toEqual([]);
    expect(validateEntry(article, { ...complete, video: null }, 'publish')).toEqual([]);
  });
});
