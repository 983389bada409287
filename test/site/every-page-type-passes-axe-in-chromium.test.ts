import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { chromiumOnBuild } from './chromium-on-build.ts';

const build = inject('siteBuild');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const first = (kind: string) => build.pieces.find((p) => p.kind === kind)!.slug;

const pageTypes: Array<[string, () => string]> = [
  ['home', () => '/'],
  ['article', () => `/tin-tuc/${first('article')}/`],
  ['shared article', () => `/tin-tuc/${build.shared.piece.slug}/`],
  ['model practice', () => `/dien-hinh/${first('model-practice')}/`],
  ['service guide', () => `/dich-vu-cong/${first('service-guide')}/`],
  ['fact-check', () => `/kiem-chung/${first('fact-check')}/`],
  ['section listing', () => '/tin-tuc/'],
  ['archive listing page', () => '/tin-tuc/trang/1/'],
  ['theme listing', () => '/chu-de/dich-vu-cong-truc-tuyen/'],
  ['task group listing', () => '/nhiem-vu/du-lieu/'],
  ['plan', () => '/ke-hoach/'],
  ['about', () => '/gioi-thieu/'],
  ['radio bulletin', () => '/truyen-thanh/'],
  ['search', () => '/tim-kiem/?q=dang+ky'],
  ['404', () => '/khong-co-trang-nay/'],
];

describe('accessibility', () => {
  const site = chromiumOnBuild(build.outDir);

  it.each(pageTypes)('axe-core finds no WCAG 2.1 A/AA violation on the %s page, on a phone and a desktop', async (_name, path) => {
    for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 900 }]) {
      const page = await site.browser().newPage({ viewport });
      await page.goto(`${site.url()}${path()}`);
      if (path().startsWith('/tim-kiem/')) await page.waitForSelector('.pagefind-ui__result-link');
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
      });
      await page.close();
      expect(violations, `${path()} at ${viewport.width}px`).toEqual([]);
    }
  });

  it('the first Tab reaches the skip link, which moves focus to the main content', async () => {
    const page = await site.browser().newPage();
    await page.goto(`${site.url()}/tin-tuc/${first('article')}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('noi-dung');
    await page.close();
  });

  it('every link of the header navigation is reachable with the keyboard', async () => {
    const page = await site.browser().newPage();
    await page.goto(`${site.url()}/`);
    const reached = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? ''));
    }
    for (const href of ['/tin-tuc/', '/dien-hinh/', '/dich-vu-cong/', '/kiem-chung/', '/ke-hoach/', '/gioi-thieu/', '/tim-kiem/']) expect(reached).toContain(href);
    await page.close();
  });

  it('content pages work without JavaScript', async () => {
    const context = await site.browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url()}/dich-vu-cong/${first('service-guide')}/`);
    expect(await page.locator('ol.steps li').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: /Nộp hồ sơ trực tuyến/ }).first().isVisible()).toBe(true);
    await context.close();
  });
});
