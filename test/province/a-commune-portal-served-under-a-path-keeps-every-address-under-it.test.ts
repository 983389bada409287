import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/env/config.ts';
import { startBuildWorker, type BuildWorker } from '../../scripts/rebuild/queue/build-worker.ts';
import { startProvincePortal, type ProvincePortal } from '../../scripts/rebuild/queue/province-portal.ts';
import { siteBuildCommand, siteBuildService } from '../../scripts/rebuild/worker-config.ts';
import { articleFields } from '../fixtures/entries.ts';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import { multipart } from '../helpers/admin-users.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { launchChromium } from '../rebuild/helpers/browser.ts';
import { waitFor } from '../rebuild/helpers/wait.ts';
import { DOMAIN, liveRelease, openQueueProbe, QUEUE } from './helpers/province.ts';
import { startTestRedis, type TestRedis } from './helpers/redis-server.ts';

const ARTICLE = 'api::article.article';
const PROFILE = 'api::commune-profile.commune-profile';
const COMMUNES = ['dao-xa', 'thanh-thuy'];
const BUILD_WAIT = 120_000;
const SEARCH_WORD = 'Chuyendoisotheoduongdan';

// PROVINCE_ROUTING=path: one host, each commune's portal under /<slug>/. Everything a page
// links to, loads or tells a feed reader must stay under that path, or a visitor lands on the
// province's root (or another commune's portal).
describe('a commune’s portal served under a path of the province’s domain', () => {
  let dir: string;
  let redis: TestRedis;
  let cms: TestCms;
  let worker: BuildWorker;
  let portal: ProvincePortal;
  let browser: Browser;
  let probe: ReturnType<typeof openQueueProbe>;
  const pages: Record<string, string> = {};
  const url = (path: string) => `${portal.url}${path}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-province-path-'));
    redis = await startTestRedis();
    cms = await bootCms({ database: 'postgres', env: { PROVINCE_COMMUNES: COMMUNES.join(',') } });
    const api = new AdminApi(cms, cms.adminToken);
    for (const [commune, name] of [['dao-xa', 'Xã Đào Xá'], ['thanh-thuy', 'Xã Thanh Thủy']]) {
      expect((await api.create(PROFILE, { commune, name, authority: `Ủy ban nhân dân ${name.replace('Xã', 'xã')}`, province: 'Phú Thọ' })).status).toBe(201);
    }
    const photo = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#2060c0' } }).jpeg().toBuffer();
    const uploaded = await multipart(api, '/upload', { files: new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }) }, 'POST', 'anh-dao-xa.jpg');
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const [file] = uploaded.body as Array<{ id: number; url: string }>;
    const relations = { themes: connect(await api.ids('theme', ['y-nghia-ke-hoach'])), unit: connect(await api.ids('unit', ['phong-vhxh'])) };
    for (const [key, title, commune] of [
      ['daoXa', `Đào Xá hướng dẫn ${SEARCH_WORD} cho người cao tuổi`, 'dao-xa'],
      ['thanhThuy', 'Thanh Thủy mở điểm hỗ trợ dịch vụ công', 'thanh-thuy'],
    ]) {
      const created = await api.create(ARTICLE, {
        ...articleFields,
        title,
        ...relations,
        commune,
        cover: file.id,
        coverAlt: 'Buổi hướng dẫn',
        body: `Đoạn mở đầu, xem [hướng dẫn dịch vụ công](/dich-vu-cong/).\n\n![Buổi hướng dẫn](${file.url})\n\nĐoạn kết.`,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect((await api.publish(ARTICLE, created.body.data.documentId)).status).toBe(200);
      pages[key] = `/tin-tuc/${created.body.data.slug}/`;
    }
    portal = await startProvincePortal({ dataDir: join(dir, 'data'), communes: COMMUNES, domain: DOMAIN, routing: 'path', port: 0, host: '127.0.0.1' });
    probe = openQueueProbe(redis.url);
    worker = await startBuildWorker({
      redisUrl: redis.url,
      queue: QUEUE,
      dataDir: join(dir, 'data'),
      communes: COMMUNES,
      // The address visitors use: here the portal itself, as a province's one host.
      siteUrl: (commune) => `${portal.url}/${commune}`,
      build: { ...siteBuildCommand(ROOT), service: siteBuildService(ROOT), env: { CMS_URL: cms.url, SITE_API_TOKEN: cms.siteToken } },
      concurrency: 1,
      lockDurationMs: 60_000,
      stalledIntervalMs: 30_000,
      keepBuilders: 2,
      attempts: 2,
      retryBaseMs: 1000,
      precompress: false,
      log: () => {},
    });
    await waitFor('both portals live', async () => (await liveRelease(join(dir, 'data'), 'dao-xa')) && (await liveRelease(join(dir, 'data'), 'thanh-thuy')), BUILD_WAIT);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await portal?.stop();
    await probe?.close();
    await cms?.stop();
    await redis?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers at /<slug>/, sends /<slug> there, and lists the communes at the root', async () => {
    const bare = await fetch(url('/dao-xa?x=1'), { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/dao-xa/?x=1');
    expect((await fetch(url('/dao-xa/'))).status).toBe(200);
    const root = await (await fetch(url('/'))).text();
    expect(root).toContain('href="/dao-xa/"');
    expect(root).toContain('href="/thanh-thuy/"');
    expect((await fetch(url('/xa-khac/'))).status).toBe(404);
    // A folder without its slash is sent to it, under the commune's path.
    const folder = await fetch(url(`/dao-xa${pages.daoXa.slice(0, -1)}`), { redirect: 'manual' });
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe(`/dao-xa${pages.daoXa}`);
  });

  it('shows each commune its own pieces only', async () => {
    expect((await fetch(url(`/dao-xa${pages.daoXa}`))).status).toBe(200);
    expect((await fetch(url(`/dao-xa${pages.thanhThuy}`))).status).toBe(404);
    expect((await fetch(url(`/thanh-thuy${pages.thanhThuy}`))).status).toBe(200);
  });

  it('links, loads and points feeds only at addresses under its path, and each answers', async () => {
    const seen = new Set<string>();
    const queue = ['/dao-xa/', `/dao-xa${pages.daoXa}`, '/dao-xa/tim-kiem/', '/dao-xa/truyen-thanh/'];
    const outside: string[] = [];
    const broken: string[] = [];
    while (queue.length && seen.size < 80) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await fetch(url(path));
      if (res.status !== 200) broken.push(`${path} → ${res.status}`);
      if (!(res.headers.get('content-type') ?? '').includes('text/html')) continue;
      const html = await res.text();
      for (const [, attr, value] of html.matchAll(/\s(href|src|srcset|action|content|data-merge-index|data-base)="([^"]*)"/g)) {
        const refs = attr === 'srcset' ? value.split(',').map((p) => p.trim().split(/\s+/)[0]) : attr === 'data-merge-index' ? value.split(' ') : [value];
        for (const ref of refs) {
          const local = ref.startsWith(portal.url) ? ref.slice(portal.url.length) : ref.startsWith('/') && !ref.startsWith('//') ? ref : null;
          if (local === null) continue;
          if (!local.startsWith('/dao-xa/')) outside.push(`${attr}="${ref}" on ${path}`);
          else if (attr !== 'data-base' && attr !== 'content' && !local.includes('#')) queue.push(local.split('?')[0]);
        }
      }
    }
    expect(outside).toEqual([]);
    expect(broken).toEqual([]);
    expect([...seen].some((p) => p.startsWith('/dao-xa/_astro/'))).toBe(true);
    expect([...seen].some((p) => p.startsWith('/dao-xa/uploads/'))).toBe(true);
  });

  it('gives feed readers and search engines absolute addresses under its path', async () => {
    const feed = await (await fetch(url('/dao-xa/rss.xml'))).text();
    expect(feed).toContain(`<link>${portal.url}/dao-xa${pages.daoXa}</link>`);
    expect(feed).not.toMatch(new RegExp(`${portal.url.replace(/[.:/]/g, '\\$&')}/(?!dao-xa/)`));
    const piece = await (await fetch(url(`/dao-xa${pages.daoXa}`))).text();
    expect(piece).toContain(`<link rel="canonical" href="${portal.url}/dao-xa${pages.daoXa}"`);
    expect(piece).not.toMatch(new RegExp(`"${portal.url.replace(/[.:/]/g, '\\$&')}/(?!dao-xa/)`));
    const sitemap = await (await fetch(url('/dao-xa/sitemap-0.xml'))).text();
    expect(sitemap).toContain(`<loc>${portal.url}/dao-xa${pages.daoXa}</loc>`);
  });

  it('finds a piece from the search box and links to it under the path, in a real browser', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const failed: string[] = [];
      page.on('response', (res) => {
        if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
      });
      await page.goto(url(`/dao-xa/tim-kiem/?q=${SEARCH_WORD.toLowerCase()}`));
      const link = page.locator('.pagefind-ui__result-link').first();
      await link.waitFor({ timeout: 20_000 });
      expect(await link.getAttribute('href')).toBe(`/dao-xa${pages.daoXa}`);
      await link.click();
      await page.waitForURL(url(`/dao-xa${pages.daoXa}`));
      expect(failed).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
