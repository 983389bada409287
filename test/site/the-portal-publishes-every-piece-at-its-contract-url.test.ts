import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { taxonomy } from '@thanh-thuy/content-types';
import { readBuilt } from '../helpers/site-build.ts';
import { attr, descendants, elements, listFiles, textOf } from './dist-helpers.ts';

const build = inject('siteBuild');
const SECTIONS: Record<string, string> = { article: 'tin-tuc', 'model-practice': 'dien-hinh', 'service-guide': 'dich-vu-cong', 'fact-check': 'kiem-chung' };
const textFiles = () => listFiles(build.outDir).filter((f) => /\.(html|xml|json|js|css|txt)$/.test(f) && !f.startsWith('pagefind/'));

describe('the portal built from the demo CMS', () => {
  it('has a page for every published piece at /<section>/<slug>/', () => {
    expect(build.pieces.length).toBeGreaterThanOrEqual(32);
    for (const piece of build.pieces) {
      const html = readBuilt(build.outDir, `/${SECTIONS[piece.kind]}/${piece.slug}/`);
      const h1 = elements(html).find((el) => el.tagName === 'h1');
      expect(h1 && textOf(h1), piece.slug).toBe(piece.title);
    }
  });

  it.each([
    '/', '/tin-tuc/', '/dien-hinh/', '/dich-vu-cong/', '/kiem-chung/', '/ke-hoach/', '/gioi-thieu/', '/tim-kiem/', '/404.html',
    '/rss.xml', '/tin-tuc/rss.xml', '/dien-hinh/rss.xml', '/dich-vu-cong/rss.xml', '/kiem-chung/rss.xml', '/sitemap-index.xml',
  ])('serves %s', (path) => {
    expect(readBuilt(build.outDir, path).length).toBeGreaterThan(150);
  });

  it('has a page and a feed for each of the plan\'s 8 themes and a page for each of its 7 task groups', () => {
    expect(taxonomy.themes).toHaveLength(8);
    for (const t of taxonomy.themes) {
      expect(readBuilt(build.outDir, `/chu-de/${t.key}/`)).toContain(t.label);
      expect(readBuilt(build.outDir, `/chu-de/${t.key}/rss.xml`)).toContain('<rss');
    }
    expect(taxonomy.taskGroups).toHaveLength(7);
    for (const g of taxonomy.taskGroups) expect(readBuilt(build.outDir, `/nhiem-vu/${g.key}/`)).toContain(g.label);
  });

  it('never shows a draft on any page, feed or sitemap', () => {
    for (const file of textFiles()) expect(readFileSync(join(build.outDir, file), 'utf8'), file).not.toContain('NHÁP');
  });

  it('shows the Vietnamese 404 page', () => {
    const html = readBuilt(build.outDir, '/404.html');
    expect(html).toContain('Không tìm thấy trang');
    expect(html).toContain('lang="vi"');
  });

  it('presents the plan with its 8 themes, how much was published on each, channels, units and the campaign period', () => {
    const html = readBuilt(build.outDir, '/ke-hoach/');
    expect(html).toContain('28/08/2025');
    expect(html).toContain('31/12/2025');
    for (const t of taxonomy.themes) expect(html).toContain(t.label);
    for (const c of taxonomy.channels) expect(html).toContain(c.label.replace(/&/g, '&amp;'));
    for (const u of taxonomy.units) expect(html).toContain(u.label);
    // The themes table counts the pieces first published within the campaign (the report's query).
    const table = elements(html).find((el) => el.tagName === 'table' && attr(el, 'data-coverage') === 'themes');
    expect(table, 'the coverage table of the 8 themes').toBeDefined();
    const rows = descendants(table!).filter((el) => el.tagName === 'tr').slice(1);
    const counts = rows.map((tr) => Number(textOf(descendants(tr).filter((el) => el.tagName === 'td').at(-1)!).replace(/\./g, '')));
    expect(counts).toHaveLength(8);
    for (const count of counts) expect(Number.isInteger(count)).toBe(true);
    const inCampaign = build.pieces.filter((p) => p.publishedAt >= '2025-08-27T17:00:00.000Z' && p.publishedAt < '2025-12-31T17:00:00.000Z');
    expect(inCampaign.length).toBeGreaterThan(0);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(inCampaign.length);
  });

  it('shows the commune details from the CMS on /gioi-thieu/', () => {
    const html = readBuilt(build.outDir, '/gioi-thieu/');
    expect(html).toContain('0210 3999 100');
    expect(html).toContain('Đặng Văn Hưng');
    expect(html).toContain('ubnd.thanhthuy@phutho.gov.vn');
  });

  it('lists the newest pieces first and keeps older ones on full archive pages numbered from the oldest', () => {
    const articles = build.pieces.filter((p) => p.kind === 'article');
    // The fixtures add articles so that /tin-tuc/ has exactly one archive page (test/helpers/site-build.ts).
    expect(articles.length).toBeGreaterThanOrEqual(40);
    expect(articles.length).toBeLessThan(60);
    const cardsOf = (path: string) =>
      elements(readBuilt(build.outDir, path))
        .filter((el) => el.tagName === 'article' && attr(el, 'class') === 'card')
        .map((card) => {
          const href = attr(descendants(card).find((el) => el.tagName === 'a')!, 'href')!;
          const piece = articles.find((p) => `/tin-tuc/${p.slug}/` === href);
          expect(piece, `${path} links ${href}, which is not a published article`).toBeDefined();
          return piece!;
        });
    const first = cardsOf('/tin-tuc/');
    const archive = cardsOf('/tin-tuc/trang/1/');
    // The archive page holds the twenty oldest, the first page every newer one.
    expect(archive).toHaveLength(20);
    expect(first).toHaveLength(articles.length - 20);
    expect(new Set([...first, ...archive].map((p) => p.documentId)).size).toBe(articles.length);
    const newestArchived = archive.map((p) => p.publishedAt).sort().at(-1)!;
    const oldestFirst = first.map((p) => p.publishedAt).sort()[0];
    expect(newestArchived <= oldestFirst).toBe(true);
    for (const page of [first, archive]) {
      const dates = page.map((p) => p.publishedAt);
      expect(dates).toEqual([...dates].sort().reverse());
    }
    // The first page links the archive as older; the archive links back as newer and has nothing older.
    const rel = (path: string, name: string) => elements(readBuilt(build.outDir, path)).filter((el) => el.tagName === 'a' && attr(el, 'rel') === name).map((el) => attr(el, 'href'));
    expect(rel('/tin-tuc/', 'next')).toEqual(['/tin-tuc/trang/1/']);
    expect(rel('/tin-tuc/', 'prev')).toEqual([]);
    expect(rel('/tin-tuc/trang/1/', 'prev')).toEqual(['/tin-tuc/']);
    expect(rel('/tin-tuc/trang/1/', 'next')).toEqual([]);
    expect(() => readBuilt(build.outDir, '/tin-tuc/trang/2/')).toThrow();
    // It names itself and the days it covers.
    const archiveText = textOf(elements(readBuilt(build.outDir, '/tin-tuc/trang/1/')).find((el) => el.tagName === 'main')!);
    expect(archiveText).toContain('Tin tức – trang lưu trữ 1');
    expect(archiveText).toMatch(/Các bài đăng từ ngày \d\d\/\d\d\/\d{4} đến ngày \d\d\/\d\d\/\d{4}\./);
    expect(readBuilt(build.outDir, '/sitemap-0.xml')).toContain(`<loc>${build.siteUrl}/tin-tuc/trang/1/</loc>`);
  });

  it('links the home page to news, fact-checks, service guides and model practices', () => {
    const html = readBuilt(build.outDir, '/');
    for (const heading of ['Tin mới', 'Cảnh báo tin sai sự thật', 'Làm thủ tục trực tuyến', 'Điển hình tiên tiến']) expect(html).toContain(heading);
    const hrefs = elements(html).map((el) => attr(el, 'href') ?? '');
    for (const section of Object.values(SECTIONS)) expect(hrefs.some((h) => h.startsWith(`/${section}/`) && h.length > section.length + 3)).toBe(true);
  });
});
