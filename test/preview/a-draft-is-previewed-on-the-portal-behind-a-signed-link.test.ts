import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewSignature } from '@thanh-thuy/content-types';
import { siteLayout } from '../../scripts/rebuild/releases/release-store.ts';
import type { Portal } from '../../scripts/rebuild/serving/portal.ts';
import { articleFields } from '../fixtures/entries.ts';
import { AdminApi, connect, publicGet } from '../helpers/admin-api.ts';
import { multipart, png, userWithRole } from '../helpers/admin-users.ts';
import type { TestCms } from '../helpers/cms.ts';
import { startLivePortal, type LivePortal } from '../helpers/live-portal.ts';
import { launchChromium, searchPortal } from '../rebuild/helpers/browser.ts';
import { waitFor } from '../rebuild/helpers/wait.ts';

const ARTICLE = 'api::article.article';
const BUILD_WAIT = 90_000;

/** Every file of a tree, for a search for text that must not be there. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

// Issue 10, "Preview": Strapi's own preview-url endpoint hands out the link, the portal server
// renders the draft with the portal's templates, and Chromium opens it. Everything is real:
// the CMS, the rebuild worker and its builds, the portal server.
describe('previewing a draft on the portal', () => {
  let live: LivePortal;
  let cms: TestCms;
  let superAdmin: AdminApi;
  let police: AdminApi;
  let portal: Portal;
  let browser: Browser;
  let relations: Record<string, unknown>;
  const draftTerm = `nhap${randomBytes(4).toString('hex')}`;
  let draftId: string;
  let livePiece: { documentId: string; path: string };

  const previewLinkFor = async (api: AdminApi, documentId: string) =>
    api.request('GET', `/content-manager/preview/url/${ARTICLE}?documentId=${documentId}&status=draft&locale=`);
  const relative = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

  beforeAll(async () => {
    live = await startLivePortal({
      preview: true,
      before: async (started) => {
        cms = started;
        superAdmin = new AdminApi(cms, cms.adminToken);
        police = await userWithRole(cms, superAdmin, 'Công an xã', 'congan.xem@thanhthuy.test');
        relations = { themes: connect(await superAdmin.ids('theme', ['y-nghia-ke-hoach'])), unit: connect(await superAdmin.ids('unit', ['phong-vhxh'])) };
        const published = await superAdmin.create(ARTICLE, { ...articleFields, title: 'Lịch tiếp công dân đã đăng', ...relations });
        livePiece = { documentId: published.body.data.documentId, path: `/tin-tuc/${published.body.data.slug}/` };
        expect((await superAdmin.publish(ARTICLE, livePiece.documentId)).status).toBe(200);
        // A cover uploaded for the draft only: no release has its image yet.
        const uploaded = await multipart(superAdmin, '/upload', { files: await png('#2a9d8f') }, 'POST', 'anh-nhap.png');
        expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
        const cover = uploaded.body[0].id as number;
        const draft = await superAdmin.create(ARTICLE, { ...articleFields, title: `Bản nháp chưa đăng ${draftTerm}`, body: `Nội dung nháp riêng ${draftTerm}.`, cover, coverAlt: 'Ảnh bìa của bản nháp', ...relations });
        expect(draft.status, JSON.stringify(draft.body)).toBe(201);
        draftId = draft.body.data.documentId;
      },
    });
    portal = live.portal;
    browser = await launchChromium();
    await waitFor('the first build to go live', async () => (await fetch(`${portal.url}${livePiece.path}`)).status === 200, BUILD_WAIT);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await live?.stop();
  });

  it('Strapi’s preview endpoint gives a signed portal link, and Chromium shows the draft with the “Bản xem trước” banner', async () => {
    const link = await previewLinkFor(superAdmin, draftId);
    expect(link.status, JSON.stringify(link.body)).toBe(200);
    const url: string = link.body.data.url;
    expect(url).toMatch(new RegExp(`^${portal.url.replace('127.0.0.1', '127\\.0\\.0\\.1')}/xem-truoc/article/${draftId}/\\?exp=\\d+&sig=`));
    const page = await (await browser.newContext()).newPage();
    const res = await page.goto(url);
    expect(res?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(`Bản nháp chưa đăng ${draftTerm}`);
    expect(await page.getByText(`Nội dung nháp riêng ${draftTerm}.`).isVisible()).toBe(true);
    const banner = page.getByRole('status').filter({ hasText: 'Bản xem trước' });
    expect(await banner.isVisible()).toBe(true);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex, nofollow');
    // The portal's own templates: its header, footer and stylesheet.
    expect(await page.locator('link[rel="stylesheet"]').count()).toBeGreaterThan(0);
    expect(await page.locator('footer').count()).toBeGreaterThan(0);
    // The draft's new cover is made for the preview and shown from the preview's own folder.
    const cover = page.getByRole('img', { name: 'Ảnh bìa của bản nháp' });
    expect(await cover.getAttribute('src')).toMatch(/^\/xem-truoc\/_astro\/.+\.webp$/);
    expect(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const headers = res!.headers();
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(headers['content-security-policy']).toContain(`frame-ancestors 'self' ${new URL(cms.url).origin}`);
  });

  it('a link works for its own draft only: a tampered signature, another document or an expired link is refused', async () => {
    const url = relative((await previewLinkFor(superAdmin, draftId)).body.data.url);
    const tampered = url.replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    const forged = await fetch(`${portal.url}${tampered}`);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('Liên kết xem trước không hợp lệ hoặc đã hết hạn');
    const other = await fetch(`${portal.url}${url.replace(draftId, livePiece.documentId)}`);
    expect(other.status).toBe(403);
    const expired = Math.floor(Date.now() / 1000) - 60;
    const old = await fetch(`${portal.url}/xem-truoc/article/${draftId}/?exp=${expired}&sig=${previewSignature(cms.secrets.PREVIEW_SECRET, 'article', draftId, expired)}`);
    expect(old.status).toBe(403);
    expect(await old.text()).toContain('đã hết hạn');
    expect((await fetch(`${portal.url}/xem-truoc/article/${draftId}/`)).status).toBe(403);
    // The CMS checks for itself: the draft route refuses without a valid signature.
    expect((await fetch(`${cms.url}/preview-draft/article/${draftId}?exp=${expired}&sig=x`)).status).toBe(403);
    const body = await (await fetch(`${cms.url}/preview-draft/article/${draftId}`)).text();
    expect(body).not.toContain(draftTerm);
  });

  it('whoever may not read the piece gets no link', async () => {
    const link = await previewLinkFor(police, draftId);
    expect([204, 403]).toContain(link.status);
    expect(JSON.stringify(link.body ?? {})).not.toContain('sig=');
  });

  it('the draft of a published piece shows its new title in preview while the public page keeps the published one', async () => {
    expect((await superAdmin.update(ARTICLE, livePiece.documentId, { title: `Tiêu đề sửa chưa đăng ${draftTerm}` })).status).toBe(200);
    const url = relative((await previewLinkFor(superAdmin, livePiece.documentId)).body.data.url);
    const preview = await (await fetch(`${portal.url}${url}`)).text();
    expect(preview).toContain(`Tiêu đề sửa chưa đăng ${draftTerm}`);
    const published = await (await fetch(`${portal.url}${livePiece.path}`)).text();
    expect(published).toContain('Lịch tiếp công dân đã đăng');
    expect(published).not.toContain(draftTerm);
  });

  it('leaves no trace in the public build: no file of the live release, no feed, no search entry holds the draft', async () => {
    // A publish of something else makes a new release after the previews.
    const other = await superAdmin.create(ARTICLE, { ...articleFields, title: 'Bài đăng sau khi xem trước', ...relations });
    expect((await superAdmin.publish(ARTICLE, other.body.data.documentId)).status).toBe(200);
    await waitFor('the new release', async () => (await fetch(`${portal.url}/tin-tuc/${other.body.data.slug}/`)).status === 200, BUILD_WAIT);
    const release = realpathSync(siteLayout(live.dataDir).current);
    const holding = filesUnder(release).filter((path) => readFileSync(path).includes(draftTerm));
    expect(holding).toEqual([]);
    for (const path of ['/rss.xml', '/tin-tuc/', '/sitemap-0.xml']) expect(await (await fetch(`${portal.url}${path}`)).text()).not.toContain(draftTerm);
    expect(await searchPortal(browser, portal.url, draftTerm)).toEqual([]);
    expect((await publicGet(cms, `/api/articles/${draftId}`, cms.siteToken)).status).toBe(404);
  }, BUILD_WAIT);
});
