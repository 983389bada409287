import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFields } from '../fixtures/entries.ts';
import { AdminApi, connect, publicGet } from '../helpers/admin-api.ts';
import { userWithRole } from '../helpers/admin-users.ts';
import type { TestCms } from '../helpers/cms.ts';
import { startLivePortal, type LivePortal } from '../helpers/live-portal.ts';
import { launchChromium, searchPortal } from '../rebuild/helpers/browser.ts';
import { waitFor } from '../rebuild/helpers/wait.ts';

const ARTICLE = 'api::article.article';
const BUILD_WAIT = 90_000;

// Issue 10, "Withdraw vs remove", end to end: a real CMS with its webhook, the rebuild worker
// running the real site build, the portal server, and Chromium for the search index.
describe('withdrawing and removing a published piece', () => {
  let live: LivePortal;
  let cms: TestCms;
  let superAdmin: AdminApi;
  let editor: AdminApi;
  let reviewer: AdminApi;
  let browser: Browser;
  let relations: Record<string, unknown>;
  const term = () => `kiemthu${randomBytes(4).toString('hex')}`;
  const withdrawnTerm = term();
  const removedTerm = term();
  let withdrawn: { documentId: string; path: string };
  let removed: { documentId: string; path: string };

  const get = (path: string) => fetch(`${live.portal.url}${path}`);
  const text = async (path: string) => (await get(path)).text();

  async function published(title: string): Promise<{ documentId: string; path: string }> {
    const res = await superAdmin.create(ARTICLE, { ...articleFields, title, ...relations });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await superAdmin.publish(ARTICLE, res.body.data.documentId)).status).toBe(200);
    return { documentId: res.body.data.documentId, path: `/tin-tuc/${res.body.data.slug}/` };
  }
  const takeDown = (api: AdminApi, id: string, action: 'withdraw' | 'remove', reason?: string) =>
    api.request('POST', `/takedown/${ARTICLE}/${id}/${action}`, reason === undefined ? {} : { reason });

  beforeAll(async () => {
    live = await startLivePortal({
      before: async (started) => {
        cms = started;
        superAdmin = new AdminApi(cms, cms.adminToken);
        editor = await userWithRole(cms, superAdmin, 'Biên tập viên', 'viet.go@thanhthuy.test');
        reviewer = await userWithRole(cms, superAdmin, 'Lãnh đạo duyệt', 'duyet.go@thanhthuy.test');
        relations = { themes: connect(await superAdmin.ids('theme', ['y-nghia-ke-hoach'])), unit: connect(await superAdmin.ids('unit', ['phong-vhxh'])) };
        await published('Bài thường trực của cổng thông tin');
        withdrawn = await published(`Thông báo lịch thu phí ${withdrawnTerm}`);
        removed = await published(`Danh sách hộ nhận hỗ trợ ${removedTerm}`);
      },
    });
    browser = await launchChromium();
    await waitFor('the first build to go live', async () => (await get(removed.path)).status === 200, BUILD_WAIT);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await live?.stop();
  });

  it('only those who may publish take a piece down, and only with a reason', async () => {
    const byEditor = await takeDown(editor, withdrawn.documentId, 'withdraw', 'Biên tập viên thử thu hồi');
    expect(byEditor.status).toBe(403);
    expect(byEditor.body.error.message).toBe('Chỉ Lãnh đạo duyệt mới thu hồi hoặc gỡ bỏ tin bài.');
    expect((await takeDown(editor, removed.documentId, 'remove', 'Biên tập viên thử gỡ')).status).toBe(403);
    const bare = await takeDown(reviewer, withdrawn.documentId, 'withdraw', '   ');
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toContain('Hãy ghi lý do');
    expect((await takeDown(reviewer, removed.documentId, 'remove')).status).toBe(400);
    expect((await superAdmin.request('GET', `/takedown/${ARTICLE}/${withdrawn.documentId}`)).body.data.history).toEqual([]);
  });

  it('“Thu hồi” keeps the page with a notice of when and why, and marks it withdrawn in its structured data', async () => {
    const reason = 'Mức thu phí đã được điều chỉnh theo Nghị quyết mới của HĐND tỉnh.';
    const res = await takeDown(reviewer, withdrawn.documentId, 'withdraw', reason);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const page = await waitFor('the withdrawal notice', async () => {
      const html = await text(withdrawn.path);
      return html.includes('Bài viết đã được thu hồi') ? html : undefined;
    }, BUILD_WAIT);
    expect((await get(withdrawn.path)).status).toBe(200);
    expect(page).toContain(`Lý do: ${reason}`);
    expect(page).toContain(withdrawnTerm);
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]);
    expect(jsonLd.creativeWorkStatus).toBe('Withdrawn');
    // The CMS kept it published: the public API carries the withdrawal too.
    const api = await publicGet(cms, `/api/articles/${withdrawn.documentId}`, cms.siteToken);
    expect(api.body.data).toMatchObject({ withdrawalReason: reason });
    expect(api.body.data.withdrawnAt).toBeTruthy();
  }, BUILD_WAIT);

  it('a withdrawn piece leaves listings, the home page, feeds, the sitemap, search and its print notice', async () => {
    for (const path of ['/', '/tin-tuc/', '/chu-de/y-nghia-ke-hoach/', '/rss.xml', '/tin-tuc/rss.xml', '/sitemap-0.xml']) {
      expect(await text(path), path).not.toContain(withdrawn.path);
    }
    expect(await text('/tin-tuc/')).toContain(removed.path);
    expect((await get(`${withdrawn.path}ban-in/`)).status).toBe(404);
    // (pagefind also matches the other test word by its shared "kiemthu" prefix: assert on paths.)
    expect(await searchPortal(browser, live.portal.url, withdrawnTerm)).not.toContain(withdrawn.path);
    expect(await searchPortal(browser, live.portal.url, removedTerm)).toContain(removed.path);
  });

  it('“Gỡ bỏ” unpublishes the piece and its URL answers 410 Gone with a Vietnamese page', async () => {
    const reason = 'Bài có thông tin cá nhân của người dân (số căn cước), gỡ theo yêu cầu.';
    const res = await takeDown(reviewer, removed.documentId, 'remove', reason);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await waitFor('the removed page to answer 410', async () => (await get(removed.path)).status === 410, BUILD_WAIT);
    const gone = await get(removed.path);
    expect(gone.headers.get('content-type')).toContain('text/html');
    expect(await gone.text()).toContain('Nội dung đã bị gỡ bỏ');
    expect((await get(removed.path.slice(0, -1))).status).toBe(410);
    expect((await get(`${removed.path}ban-in/`)).status).toBe(410);
    // A page that never existed is still a 404.
    expect((await get('/tin-tuc/chua-tung-co-bai-nay/')).status).toBe(404);
    for (const path of ['/', '/tin-tuc/', '/rss.xml', '/sitemap-0.xml']) expect(await text(path), path).not.toContain(removed.path);
    expect(await searchPortal(browser, live.portal.url, removedTerm)).not.toContain(removed.path);
    // The list the server reads holds hashes, never the removed paths.
    const list = await text('/gone-pages.json');
    expect(list).not.toContain(removed.path.split('/')[2]);
    expect((await publicGet(cms, `/api/articles/${removed.documentId}`, cms.siteToken)).status).toBe(404);
    // The paths are for the portal's token only.
    expect([401, 403]).toContain((await publicGet(cms, '/api/gone-pages')).status);
    expect((await publicGet(cms, '/api/gone-pages', cms.siteToken)).body.data).toEqual([{ path: removed.path, removedAt: expect.any(String) }]);
  }, BUILD_WAIT);

  it('both record who, when and why', async () => {
    for (const [piece, action] of [
      [withdrawn, 'Thu hồi'],
      [removed, 'Gỡ bỏ'],
    ] as const) {
      const { body } = await editor.request('GET', `/takedown/${ARTICLE}/${piece.documentId}`);
      expect(body.data.history).toHaveLength(1);
      expect(body.data.history[0]).toMatchObject({ action, by: 'Cán bộ Lãnh đạo duyệt', active: true });
      expect(body.data.history[0].reason.length).toBeGreaterThan(10);
      expect(Date.now() - Date.parse(body.data.history[0].at)).toBeLessThan(10 * 60_000);
      expect(body.data.may.takeDown).toBe(false);
    }
  });

  it('publishing again ends the takedown: the notice goes, and the removed URL serves the piece', async () => {
    expect((await superAdmin.publish(ARTICLE, withdrawn.documentId)).status).toBe(200);
    expect((await superAdmin.publish(ARTICLE, removed.documentId)).status).toBe(200);
    await waitFor('the removed page to come back', async () => (await get(removed.path)).status === 200, BUILD_WAIT);
    await waitFor('the notice to go', async () => !(await text(withdrawn.path)).includes('Bài viết đã được thu hồi'), BUILD_WAIT);
    expect(await text('/tin-tuc/')).toContain(withdrawn.path);
    expect(await text('/rss.xml')).toContain(withdrawn.path);
    expect(await searchPortal(browser, live.portal.url, withdrawnTerm)).toContain(withdrawn.path);
    const history = (await superAdmin.request('GET', `/takedown/${ARTICLE}/${withdrawn.documentId}`)).body.data.history;
    expect(history[0].active).toBe(false);
    expect((await publicGet(cms, '/api/gone-pages', cms.siteToken)).body.data).toEqual([]);
  }, BUILD_WAIT * 2);
});
