import { describe, expect, inject, it } from 'vitest';
import { readBuilt } from '../helpers/site-build.ts';
import { attr, descendants, elements, textOf } from './dist-helpers.ts';
import { xssFactCheck } from './fixtures/xss-payloads.ts';

const build = inject('siteBuild');
const pageOf = (kind: string, section: string, pick = 0) => {
  const piece = build.pieces.filter((p) => p.kind === kind)[pick];
  return readBuilt(build.outDir, `/${section}/${piece.slug}/`);
};

describe('piece pages', () => {
  it('a service guide shows its steps as an ordered list, documents, fee, time and a prominent link to file online', () => {
    const html = pageOf('service-guide', 'dich-vu-cong');
    const steps = elements(html).find((el) => el.tagName === 'ol' && attr(el, 'class') === 'steps');
    expect(steps?.childNodes.filter((n) => n.nodeName === 'li').length).toBeGreaterThan(0);
    for (const label of ['Hồ sơ cần chuẩn bị', 'Lệ phí', 'Thời hạn giải quyết']) expect(html).toContain(label);
    const button = elements(html).find((el) => attr(el, 'class') === 'button');
    expect(attr(button!, 'href')).toMatch(/^https:\/\/dichvucong\.gov\.vn\//);
    expect(textOf(button!)).toContain('Nộp hồ sơ trực tuyến');
  });

  it('a fact-check shows the verdict and the conclusion before the claim, and never the claim as a heading', () => {
    const factChecks = build.pieces.filter((p) => p.kind === 'fact-check');
    expect(factChecks.length).toBeGreaterThan(1);
    for (const piece of factChecks) {
      const html = readBuilt(build.outDir, `/kiem-chung/${piece.slug}/`);
      // Document order of the elements inside <main>: what a reader (and a screen reader) meets first.
      const main = elements(html).find((el) => el.tagName === 'main')!;
      const order = descendants(main);
      const at = (el: unknown) => order.indexOf(el as (typeof order)[number]);
      const box = order.find((el) => el.tagName === 'section' && attr(el, 'class') === 'verdict-box');
      expect(box, piece.slug).toBeDefined();
      const verdict = descendants(box!).find((el) => el.tagName === 'span' && /^verdict /.test(attr(el, 'class') ?? ''))!;
      const conclusion = descendants(box!).find((el) => el.tagName === 'p')!;
      expect(textOf(verdict)).toMatch(/^Kết luận: (Sai sự thật|Sai lệch|Thiếu căn cứ|Đúng)$/);
      expect(textOf(conclusion).trim().length).toBeGreaterThan(10);
      if (piece.documentId === build.xssFactCheck.documentId) expect(textOf(conclusion)).toBe(xssFactCheck.conclusion);
      const quote = order.find((el) => el.tagName === 'blockquote')!;
      const figure = order.find((el) => el.tagName === 'figure' && attr(el, 'class') === 'claim')!;
      expect(at(verdict)).toBeGreaterThan(-1);
      expect(at(conclusion)).toBeGreaterThan(at(verdict));
      expect(at(figure)).toBeGreaterThan(at(conclusion));
      expect(at(quote)).toBeGreaterThan(at(conclusion));
      // Nothing that states the claim comes before the conclusion.
      const claim = textOf(quote).trim();
      const before = order.slice(0, at(conclusion)).filter((el) => !descendants(el).includes(conclusion));
      expect(before.some((el) => textOf(el).includes(claim))).toBe(false);
      const headings = elements(html).filter((el) => /^h[1-6]$/.test(el.tagName)).map((h) => textOf(h));
      expect(headings.some((h) => h.includes(claim))).toBe(false);
      // The claim sits in a figure that carries the verdict label.
      expect(textOf(figure)).toMatch(/Kết luận: (Sai sự thật|Sai lệch|Thiếu căn cứ|Đúng)/);
      expect(html).toContain('Nguồn chính thức');
      expect(html).toContain('Bằng chứng');
    }
  });

  it('a model practice shows its measured results', () => {
    const html = pageOf('model-practice', 'dien-hinh');
    expect(elements(html).some((el) => el.tagName === 'table' && attr(el, 'class') === 'results')).toBe(true);
    expect(html).toContain('Có thể nhân rộng');
  });

  it('dates are Vietnamese, in the commune\'s time zone', () => {
    const piece = build.pieces.find((p) => p.kind === 'article' && p.slug !== build.xssSlug)!;
    const html = readBuilt(build.outDir, `/tin-tuc/${piece.slug}/`);
    expect(html).toMatch(/Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật/);
    expect(html).toMatch(/\d{2}\/\d{2}\/2025/);
  });

  it('the demo piece published at 10:30 on 29/08/2025 in Hà Nội time shows Thứ Sáu, 29/08/2025', () => {
    const piece = build.pieces.find((p) => p.title.startsWith('Xã Thanh Thủy triển khai Kế hoạch tuyên truyền'))!;
    expect(readBuilt(build.outDir, `/tin-tuc/${piece.slug}/`)).toContain('Thứ Sáu, 29/08/2025');
  });

  it('a corrected piece shows "Cập nhật" with its change note', () => {
    const corrected = build.pieces
      .map((p) => readBuilt(build.outDir, `/${{ article: 'tin-tuc', 'model-practice': 'dien-hinh', 'service-guide': 'dich-vu-cong', 'fact-check': 'kiem-chung' }[p.kind]}/${p.slug}/`))
      .filter((html) => html.includes('id="cap-nhat"') && html.includes('Sửa tỷ lệ hồ sơ'));
    expect(corrected.length).toBeGreaterThan(0);
    expect(corrected[0]).toContain('Sửa tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến từ 86% thành 68%');
    expect(corrected[0]).toMatch(/Cập nhật Thứ \S+, 16\/10\/2025/);
  });
});
