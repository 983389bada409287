import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { taxonomy } from '@thanh-thuy/content-types';
import { articleFields } from '../fixtures/entries.ts';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { readBuilt, runSiteBuild, SITE_URL } from '../helpers/site-build.ts';
import { attr, elements, listFiles } from './dist-helpers.ts';

const build = inject('siteBuild');
const SECTIONS: Record<string, string> = { article: 'tin-tuc', 'model-practice': 'dien-hinh', 'service-guide': 'dich-vu-cong', 'fact-check': 'kiem-chung' };
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

  it('each GUID is urn:thanh-thuy:<kind>:<documentId> of the piece the item links to', async () => {
    const feed = await parser.parseString(readBuilt(build.outDir, '/rss.xml'));
    for (const item of feed.items) {
      const piece = build.pieces.find((p) => item.link === `${build.siteUrl}/${SECTIONS[p.kind]}/${p.slug}/`);
      expect(piece, item.link).toBeDefined();
      expect(item.guid).toBe(`urn:thanh-thuy:${piece!.kind}:${piece!.documentId}`);
    }
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

// Feed readers key items on their GUID: a piece whose slug an editor changes must stay the
// same item (not show up twice), and its link must follow the new slug. Two builds from a real
// CMS, the second after the slug changed, as the rebuild worker runs them (same cache).
describe('a piece whose slug changes', () => {
  let cms: TestCms;
  let work: string;
  const ARTICLE = 'api::article.article';

  beforeAll(async () => {
    cms = await bootCms();
    work = mkdtempSync(join(tmpdir(), 'tt-site-slug-'));
  });
  afterAll(async () => {
    await cms?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const buildInto = async (name: string) => {
    const out = join(work, name);
    const result = await runSiteBuild({ CMS_URL: cms.url, SITE_API_TOKEN: cms.siteToken, SITE_URL, SITE_OUT_DIR: out, SITE_CACHE_DIR: join(work, 'cache') });
    expect(result.code, result.stderr).toBe(0);
    return out;
  };
  const itemOf = async (out: string, documentId: string) => {
    const feed = await parser.parseString(readBuilt(out, '/rss.xml'));
    return feed.items.filter((i) => String(i.guid).endsWith(`:${documentId}`));
  };

  it('keeps its GUID in the feed while its link follows the new slug', async () => {
    const api = new AdminApi(cms, cms.adminToken);
    const created = await api.create(ARTICLE, {
      ...articleFields,
      themes: connect(await api.ids('theme', ['y-nghia-ke-hoach'])),
      unit: connect(await api.ids('unit', ['phong-vhxh'])),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { documentId, slug: before } = created.body.data as { documentId: string; slug: string };
    expect((await api.publish(ARTICLE, documentId)).status).toBe(200);
    const first = await buildInto('before');

    const after = 'hoi-nghi-trien-khai-ke-hoach-so-02';
    expect(after).not.toBe(before);
    const updated = await api.update(ARTICLE, documentId, { slug: after });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect((await api.publish(ARTICLE, documentId)).status).toBe(200);
    const second = await buildInto('after');

    const [old] = await itemOf(first, documentId);
    const items = await itemOf(second, documentId);
    expect(items).toHaveLength(1);
    expect(old.guid).toBe(`urn:thanh-thuy:article:${documentId}`);
    expect(items[0].guid).toBe(old.guid);
    expect(old.link).toBe(`${SITE_URL}/tin-tuc/${before}/`);
    expect(items[0].link).toBe(`${SITE_URL}/tin-tuc/${after}/`);
    expect(existsSync(join(second, 'tin-tuc', after, 'index.html'))).toBe(true);
    expect(existsSync(join(second, 'tin-tuc', before, 'index.html'))).toBe(false);
  });
});
