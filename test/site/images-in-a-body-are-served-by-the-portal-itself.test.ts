import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { runSiteBuild, SITE_URL } from '../helpers/site-build.ts';

// An editor inserts a picture from the media library into a Markdown body: the admin writes
// the CMS's own URL. Visitors must get it from the portal (static host, CSP img-src 'self').
describe('an image inside a Markdown body', () => {
  let cms: TestCms;
  let work: string;
  let uploadUrl: string;
  let slug: string;

  beforeAll(async () => {
    cms = await bootCms();
    work = mkdtempSync(join(tmpdir(), 'tt-site-img-'));
    const api = new AdminApi(cms, cms.adminToken);
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } }).jpeg().toBuffer();
    const form = new FormData();
    form.append('files', new Blob([jpeg], { type: 'image/jpeg' }), 'hoi-nghi.jpg');
    const uploaded = await fetch(`${cms.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${await cms.adminToken()}` }, body: form });
    expect(uploaded.status).toBe(201);
    uploadUrl = ((await uploaded.json()) as Array<{ url: string }>)[0].url;
    // The admin was opened on localhost; the build reads the CMS on 127.0.0.1.
    const inserted = `${cms.url.replace('127.0.0.1', 'localhost')}${uploadUrl}`;
    const created = await api.create('api::article.article', {
      title: 'Ảnh trong nội dung bài',
      summary: 'Bài có ảnh chèn giữa nội dung.',
      body: `Đoạn mở đầu.\n\n![Quang cảnh hội nghị](${inserted})\n\nĐoạn kết.`,
      themes: connect(await api.ids('theme', ['y-nghia-ke-hoach'])),
      unit: connect(await api.ids('unit', ['phong-vhxh'])),
    });
    slug = created.body.data.slug;
    expect((await api.publish('api::article.article', created.body.data.documentId)).status).toBe(200);
  });

  afterAll(async () => {
    await cms?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('is copied into the build and referenced from the portal, in the page and the feed', async () => {
    const out = join(work, 'dist');
    const result = await runSiteBuild({ CMS_URL: cms.url, SITE_API_TOKEN: cms.siteToken, SITE_URL, SITE_OUT_DIR: out, SITE_CACHE_DIR: join(work, 'cache') });
    expect(result.code, result.stderr).toBe(0);
    const page = readFileSync(join(out, 'tin-tuc', slug, 'index.html'), 'utf8');
    const feed = readFileSync(join(out, 'rss.xml'), 'utf8');
    // Named by content (uploads/<name>.<16 hex>.<ext>), so a replaced file gets a new address.
    const contentNamed = new RegExp(`src="(${uploadUrl.replace(/\.jpg$/, '')}\\.[0-9a-f]{16}\\.jpg)"`);
    const served = page.match(contentNamed)?.[1];
    expect(served, 'the page references the image under its content name').toBeDefined();
    // The body named the CMS as localhost, the build reached it as 127.0.0.1: neither name,
    // nor any other spelling of the CMS's address, may reach a visitor.
    const port = new URL(cms.url).port;
    const cmsHost = new RegExp(`(localhost|127\\.0\\.0\\.1|\\[::1\\]|0\\.0\\.0\\.0):${port}\\b|:${port}/uploads`, 'i');
    expect(page).toContain('Quang cảnh hội nghị');
    expect(page).not.toMatch(cmsHost);
    expect(feed).not.toMatch(cmsHost);
    expect(readFileSync(join(out, served!.slice(1)))).toEqual(await (await fetch(`${cms.url}${uploadUrl}`)).arrayBuffer().then((b) => Buffer.from(b)));
    expect(feed).toContain(`${SITE_URL}${served}`);
    expect(existsSync(join(out, 'uploads'))).toBe(true);
  });
});
