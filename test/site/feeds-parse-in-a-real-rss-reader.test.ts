import Parser from 'rss-parser';
import { describe, expect, inject, it } from 'vitest';
import { taxonomy } from '@thanh-thuy/content-types';
import { readBuilt } from '../helpers/site-build.ts';
import { attr, elements, listFiles } from './dist-helpers.ts';

const build = inject('siteBuild');
const parser = new Parser({ customFields: { feed: ['language'], item: [['content:encoded', 'contentEncoded'], 'guid'] } });
const feeds = ['/rss.xml', '/tin-tuc/rss.xml', '/dien-hinh/rss.xml', '/dich-vu-cong/rss.xml', '/kiem-chung/rss.xml', ...taxonomy.themes.map((t) => `/chu-de/${t.key}/rss.xml`)];

describe.each(feeds)('the feed %s', (path) => {
  it('parses as RSS 2.0 in Vietnamese with items carrying summary, full HTML and a stable GUID', async () => {
    const xml = readBuilt(build.outDir, path);
    expect(xml).toMatch(/<rss version="2\.0"/);
    const feed = await parser.parseString(xml);
    expect(feed.language).toBe('vi');
    expect(feed.title).toContain('Thanh Thủy');
    for (const item of feed.items) {
      expect(item.link).toMatch(new RegExp(`^${build.siteUrl}/(tin-tuc|dien-hinh|dich-vu-cong|kiem-chung)/[a-z0-9-]+/$`));
      expect(item.contentSnippet ?? item.content).toBeTruthy();
      expect((item as { contentEncoded?: string }).contentEncoded?.length).toBeGreaterThan(50);
      expect(String(item.guid)).toMatch(/^urn:thanh-thuy:(article|model-practice|service-guide|fact-check):[a-z0-9]+$/);
      expect(item.isoDate).toBeTruthy();
    }
  });
});

describe('feed content', () => {
  it('the site feed holds the newest pieces with absolute links and images, and no draft', async () => {
    const feed = await parser.parseString(readBuilt(build.outDir, '/rss.xml'));
    expect(feed.items.length).toBe(Math.min(50, build.pieces.length));
    const html = feed.items.map((i) => (i as { contentEncoded: string }).contentEncoded).join('\n');
    expect(html).toContain(`<img src="${build.siteUrl}/_astro/`);
    expect(html).not.toMatch(/(href|src)="\/(?!\/)/);
    expect(JSON.stringify(feed)).not.toContain('NHÁP');
  });

  it('GUIDs are documentIds, so a changed slug keeps the same GUID', async () => {
    const feed = await parser.parseString(readBuilt(build.outDir, '/rss.xml'));
    const ids = new Set(build.pieces.map((p) => p.documentId));
    for (const item of feed.items) expect(ids.has(String(item.guid).split(':').at(-1)!)).toBe(true);
  });

  it('a fact-check item names its verdict in the title', async () => {
    const feed = await parser.parseString(readBuilt(build.outDir, '/kiem-chung/rss.xml'));
    for (const item of feed.items) expect(item.title).toMatch(/\(Kết luận: (Sai sự thật|Sai lệch|Thiếu căn cứ|Đúng)\)$/);
  });

  it('every HTML page links the site feed for autodiscovery, and section pages their own', () => {
    const pages = listFiles(build.outDir).filter((f) => f.endsWith('.html'));
    for (const page of pages) {
      const links = elements(readBuilt(build.outDir, `/${page}`)).filter((el) => el.tagName === 'link' && attr(el, 'type') === 'application/rss+xml');
      expect(links.map((l) => attr(l, 'href')), page).toContain(`${build.siteUrl}/rss.xml`);
    }
    const guide = build.pieces.find((p) => p.kind === 'service-guide')!;
    expect(readBuilt(build.outDir, `/dich-vu-cong/${guide.slug}/`)).toContain(`href="${build.siteUrl}/dich-vu-cong/rss.xml"`);
    expect(readBuilt(build.outDir, '/chu-de/dich-vu-cong-truc-tuyen/')).toContain(`href="${build.siteUrl}/chu-de/dich-vu-cong-truc-tuyen/rss.xml"`);
  });
});
