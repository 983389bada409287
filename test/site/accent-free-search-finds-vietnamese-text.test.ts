import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadedSearchResults } from '../helpers/search-results.ts';
import { CHROMIUM, serveSite } from '../helpers/site-build.ts';

const build = inject('siteBuild');

interface Hit {
  url: string;
  title: string;
  filters: Record<string, string[]>;
}

describe('search in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serveSite>>;

  beforeAll(async () => {
    server = await serveSite(build.outDir);
    browser = await chromium.launch(CHROMIUM);
    page = await browser.newPage();
    await page.goto(`${server.url}/tim-kiem/`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Pagefind's own API, as the search page loads it (a string: vitest must not rewrite import()). */
  const search = (query: string, filters: Record<string, string> = {}) =>
    page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const { results } = await pagefind.search(${JSON.stringify(query)}, { filters: ${JSON.stringify(filters)} });
      const data = await Promise.all(results.slice(0, 10).map((r) => r.data()));
      return data.map((d) => ({ url: d.url, title: d.meta.title, filters: d.filters }));
    })()`) as Promise<Hit[]>;

  it.each([
    ['dang ky khai sinh', 'Đăng ký khai sinh'],
    ['chuyen doi so', 'chuyển đổi số'],
    ['thanh thuy', 'Thanh Thủy'],
    ['dinh danh dien tu', 'định danh điện tử'],
    ['đăng ký khai sinh', 'Đăng ký khai sinh'],
  ])('"%s" finds "%s"', async (query, expected) => {
    const hits = await search(query);
    expect(hits.length).toBeGreaterThan(0);
    const folded = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
    // Among the first three: a piece that repeats the words in its body may rank above one that
    // has them in its title (pagefind's BM25 weighs the corpus; "dinh danh dien tu" puts the
    // fact-check on impostors asking for VNeID details first), but it must not bury it.
    expect(hits.slice(0, 3).some((h) => folded(h.title).includes(folded(expected)))).toBe(true);
  });

  it('"dang ky khai sinh" ranks the birth-registration guide first', async () => {
    const [first] = await search('dang ky khai sinh');
    expect(first.url).toMatch(/^\/dich-vu-cong\/dang-ky-khai-sinh/);
  });

  it('indexes content pages only, never listings, the home page or drafts', async () => {
    for (const query of ['tin tuc', 'chuyen doi so', 'thanh thuy', 'nhap']) {
      for (const hit of await search(query)) expect(hit.url).toMatch(/^\/(tin-tuc|dien-hinh|dich-vu-cong|kiem-chung)\/[a-z0-9-]+\/$/);
    }
    expect((await search('NHÁP tổng kết năm chưa duyệt số liệu')).map((h) => h.title).join()).not.toContain('NHÁP');
  });

  it('filters by kind and by theme', async () => {
    const guides = await search('dang ky', { 'Loại': 'Dịch vụ công' });
    expect(guides.length).toBeGreaterThan(0);
    for (const hit of guides) expect(hit.url).toMatch(/^\/dich-vu-cong\//);
    const checks = await search('thong tin', { 'Chủ đề': 'Phản bác thông tin xấu độc' });
    expect(checks.length).toBeGreaterThan(0);
    for (const hit of checks) expect(hit.filters['Chủ đề']).toContain('Phản bác thông tin xấu độc');
  });

  it('the search page shows results for an accent-free query typed in its Vietnamese box', async () => {
    await page.goto(`${server.url}/tim-kiem/`);
    const box = page.locator('.pagefind-ui__search-input');
    await expect.poll(() => box.getAttribute('placeholder')).toContain('Nhập từ cần tìm');
    await box.fill('dang ky khai sinh');
    await loadedSearchResults(page);
    const titles = await page.locator('.pagefind-ui__result-link').allTextContents();
    expect(titles.join('\n')).toContain('Đăng ký khai sinh');
    expect(await page.locator('.pagefind-ui__message').textContent()).toMatch(/kết quả/);
  });

  it('?q= in the address starts a search', async () => {
    await page.goto(`${server.url}/tim-kiem/?q=chuyen+doi+so`);
    await page.waitForSelector('.pagefind-ui__result-link');
    expect(await page.locator('.pagefind-ui__result-link').count()).toBeGreaterThan(0);
  });
});
