import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { captionFor } from '../../scripts/crosspost/caption.ts';
import type { Channel, ChannelName } from '../../scripts/crosspost/channels/channel.ts';
import { createFacebookChannel } from '../../scripts/crosspost/channels/facebook/index.ts';
import { LedgerClient } from '../../scripts/crosspost/ledger-client.ts';
import { drain } from '../../scripts/crosspost/runner.ts';
import { openDatabase } from '../../scripts/lib/database-client.ts';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import { userWithRole } from '../helpers/admin-users.ts';
import { ensureAdminBuilt } from '../helpers/built-admin.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { articleFields } from '../fixtures/entries.ts';
import { launchChromium } from '../rebuild/helpers/browser.ts';
import { startFacebookGraph, type GraphStandIn } from './stand-ins/facebook-graph.ts';
import { runnerFor } from './helpers/runner-harness.ts';

const ARTICLE = 'api::article.article';
const SITE_URL = 'https://thanhthuy.example.gov.vn';
const REVIEWER = { email: 'lanhdao@thanhthuy.test', password: 'Bientap2025x' };

// The built admin panel in real Chromium, signed in as a reviewer (Lãnh đạo duyệt), on the edit
// page of an article the real runner could not post to Facebook (the page token is refused) and
// holds in the outbox for Zalo (no credentials).
describe('an editor sees and settles cross-posts on the edit page', () => {
  let cms: TestCms;
  let graph: GraphStandIn;
  let superAdmin: AdminApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pieceId: string;

  const panel = () => page.getByTestId('crosspost-panel');
  const entry = (channel: ChannelName) => panel().locator(`[data-channel="${channel}"]`);

  beforeAll(async () => {
    ensureAdminBuilt();
    cms = await bootCms({ env: { SERVE_ADMIN: 'true' } });
    graph = await startFacebookGraph();
    superAdmin = new AdminApi(cms, cms.adminToken);
    await userWithRole(cms, superAdmin, 'Lãnh đạo duyệt', REVIEWER.email);
    const created = await superAdmin.create(ARTICLE, {
      ...articleFields,
      title: 'Xã hướng dẫn người dân cài đặt VNeID mức 2',
      themes: connect(await superAdmin.ids('theme', ['y-nghia-ke-hoach'])),
      unit: connect(await superAdmin.ids('unit', ['phong-vhxh'])),
      channels: connect(await superAdmin.ids('channel', ['facebook', 'zalo'])),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    pieceId = created.body.data.documentId;
    expect((await superAdmin.publish(ARTICLE, pieceId)).status).toBe(200);
    const facebook = createFacebookChannel({ FACEBOOK_PAGE_ID: graph.pageId, FACEBOOK_PAGE_ACCESS_TOKEN: 'EAAWrongToken', FACEBOOK_GRAPH_URL: graph.url })!;
    await drain({
      ledger: new LedgerClient(cms.url, cms.secrets.CROSSPOST_RUNNER_SECRET, 'kiem-thu-trinh-duyet'),
      channels: new Map<ChannelName, Channel | undefined>([['facebook', facebook]]),
      siteUrl: SITE_URL,
      cmsUrl: cms.url,
      isLive: async () => true,
      caption: captionFor,
      retryBaseMs: 1,
    });

    browser = await launchChromium();
    context = await browser.newContext({ locale: 'vi-VN' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: cms.url });
    page = await context.newPage();
    await page.goto(`${cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(REVIEWER.email);
    await page.locator('input[name="password"]').fill(REVIEWER.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'), { timeout: 60_000 });
    await page.goto(`${cms.url}/admin/content-manager/collection-types/${ARTICLE}/${pieceId}`);
    await panel().waitFor({ timeout: 60_000 });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await graph?.close();
    await cms?.stop();
  });

  it('the panel lists each channel with its state in Vietnamese and what a reviewer may do', async () => {
    expect(await page.getByText('Chia sẻ lên mạng xã hội', { exact: true }).isVisible()).toBe(true);
    expect(await entry('facebook').getByText('Lỗi', { exact: true }).isVisible()).toBe(true);
    expect(await entry('zalo').getByText('Hộp thư chờ', { exact: true }).isVisible()).toBe(true);
    expect(await entry('webhook').getByText('Bỏ qua', { exact: true }).isVisible()).toBe(true);
    expect(await entry('facebook').getByRole('button', { name: 'Thử lại' }).isVisible()).toBe(true);
    expect(await entry('facebook').getByRole('button', { name: 'Đăng lại' }).isVisible()).toBe(true);
    expect(await entry('zalo').getByRole('button', { name: 'Đã đăng tay' }).isVisible()).toBe(true);
    expect(await entry('webhook').getByRole('button').count()).toBe(0);
  });

  it('an outbox row offers the ready-to-paste caption with a copy button, and the link', async () => {
    const caption = await entry('zalo').getByRole('textbox', { name: 'Nội dung đăng lên Zalo' }).inputValue();
    const link = `${SITE_URL}/tin-tuc/xa-huong-dan-nguoi-dan-cai-dat-vneid-muc-2/`;
    expect(caption).toContain('Xã hướng dẫn người dân cài đặt VNeID mức 2');
    expect(caption).toContain(link);
    expect(await entry('zalo').getByRole('link', { name: link }).getAttribute('href')).toBe(link);
    await entry('zalo').getByRole('button', { name: 'Sao chép' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(caption);
  });

  it('"Đã đăng tay" with the URL of the hand-made post records it, and the panel shows it posted with the link', async () => {
    const url = 'https://oa.zalo.me/bai-viet/vneid-muc-2';
    await entry('zalo').getByRole('button', { name: 'Đã đăng tay' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Liên kết bài đã đăng').fill(url);
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
    await expect.poll(() => entry('zalo').getAttribute('data-state'), { timeout: 15_000 }).toBe('posted');
    expect(await entry('zalo').getByText('Đã đăng', { exact: true }).isVisible()).toBe(true);
    expect(await entry('zalo').getByRole('link', { name: 'Xem bài trên Zalo' }).getAttribute('href')).toBe(url);
    const ledger = await superAdmin.request('GET', `/crosspost-panel/pieces/${ARTICLE}/${pieceId}/jobs`);
    expect(ledger.body.data.entries.find((e: { channel: string }) => e.channel === 'zalo')).toMatchObject({ state: 'posted', remoteUrl: url });
  });

  it('"Thử lại" sends a failed channel back to the queue', async () => {
    await entry('facebook').getByRole('button', { name: 'Thử lại' }).click();
    await expect.poll(() => entry('facebook').getAttribute('data-state'), { timeout: 15_000 }).toBe('pending');
    expect(await entry('facebook').getByText('Chờ gửi', { exact: true }).isVisible()).toBe(true);
    expect(await entry('facebook').getByRole('button', { name: 'Thử lại' }).count()).toBe(0);
  });

  it('"Đăng lại" asks to confirm, and only then queues a second post', async () => {
    await entry('zalo').getByRole('button', { name: 'Đăng lại' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.getByText('Đăng lại lên Zalo?').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    const zaloJobs = async () =>
      ((await superAdmin.request('GET', `/crosspost-panel/pieces/${ARTICLE}/${pieceId}/jobs`)).body.data.entries as Array<{ channel: string; state: string }>).filter((e) => e.channel === 'zalo');
    expect(await zaloJobs()).toMatchObject([{ state: 'posted' }]);
    await entry('zalo').getByRole('button', { name: 'Đăng lại' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Đăng lại' }).click();
    await expect.poll(() => entry('zalo').getAttribute('data-state'), { timeout: 15_000 }).toBe('pending');
    expect(await zaloJobs()).toMatchObject([{ state: 'pending' }]);
  });

  it('"Gỡ bài trên Facebook" asks to confirm, queues the removal, and the panel then shows "Đã gỡ"', async () => {
    const created = await superAdmin.create(ARTICLE, {
      ...articleFields,
      title: 'Xã thông báo lịch cắt điện tuần tới',
      themes: connect(await superAdmin.ids('theme', ['y-nghia-ke-hoach'])),
      unit: connect(await superAdmin.ids('unit', ['phong-vhxh'])),
      channels: connect(await superAdmin.ids('channel', ['facebook'])),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.documentId as string;
    expect((await superAdmin.publish(ARTICLE, id)).status).toBe(200);
    const facebook = createFacebookChannel({ FACEBOOK_PAGE_ID: graph.pageId, FACEBOOK_PAGE_ACCESS_TOKEN: graph.token, FACEBOOK_GRAPH_URL: graph.url })!;
    const runner = runnerFor(cms, 'kiem-thu-go-bai', [['facebook', facebook]]);
    await drain(runner);
    const link = `${SITE_URL}/tin-tuc/xa-thong-bao-lich-cat-dien-tuan-toi/`;
    expect(graph.posts.filter((p) => p.link === link)).toHaveLength(1);

    await page.goto(`${cms.url}/admin/content-manager/collection-types/${ARTICLE}/${id}`);
    await panel().waitFor({ timeout: 60_000 });
    const post = () => entry('facebook').first();
    await post().getByRole('button', { name: 'Gỡ bài trên Facebook' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.getByText('Gỡ bài trên Facebook?').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    const jobs = async () => (await superAdmin.request('GET', `/crosspost-panel/pieces/${ARTICLE}/${id}/jobs`)).body.data.entries as Array<{ channel: string; action: string; state: string }>;
    expect((await jobs()).filter((e) => e.action === 'remove')).toEqual([]);

    await post().getByRole('button', { name: 'Gỡ bài trên Facebook' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Gỡ bài' }).click();
    const removal = panel().locator('[data-channel="facebook"][data-state="pending"]');
    await removal.waitFor({ timeout: 15_000 });
    expect(await removal.getByText('Gỡ bài trên nền tảng', { exact: false }).isVisible()).toBe(true);
    expect(await post().getByRole('button', { name: 'Gỡ bài trên Facebook' }).count()).toBe(0);

    await drain(runner);
    expect(graph.posts.filter((p) => p.link === link)).toHaveLength(0);
    await page.reload();
    await panel().waitFor({ timeout: 60_000 });
    expect(await entry('facebook').count()).toBe(1);
    expect(await post().getAttribute('data-state')).toBe('removed');
    expect(await post().getByText('Đã gỡ', { exact: true }).isVisible()).toBe(true);
    expect(await post().getByRole('button', { name: 'Đăng lại' }).isVisible()).toBe(true);
  });

  // Last: it adds an unsaved caption item to the form.
  it('the edit page offers a video and a caption per platform, under Vietnamese labels that say what the default is', async () => {
    const video = page.getByText('Video (đăng lên YouTube, TikTok)', { exact: true });
    await video.scrollIntoViewIfNeeded();
    expect(await video.isVisible()).toBe(true);
    const captions = page.getByText('Nội dung riêng cho mạng xã hội (0)', { exact: true });
    await captions.scrollIntoViewIfNeeded();
    expect(await captions.isVisible()).toBe(true);
    // The captions list comes before the corrections list, both empty.
    await page.getByRole('button', { name: /No entry yet/ }).first().click();
    expect(await page.getByText(/^Nền tảng\*?$/).isVisible()).toBe(true);
    expect(await page.getByText(/^Nội dung đăng\*?$/).isVisible()).toBe(true);
    // Strapi puts its own "tối đa … ký tự" in front of the hint, in the same element.
    expect(await page.getByText(/Thay cho nội dung tự động, vốn được tạo từ tiêu đề, sapo và liên kết tới bài trên cổng\./).isVisible()).toBe(true);
  });

  it('the homepage lists a post waiting to be made by hand, ready to paste, and «Đã đăng tay» there records it', async () => {
    // An older backlog beyond the hundred the homepage lists: a hundred posts of another piece.
    const older = await superAdmin.create(ARTICLE, {
      ...articleFields,
      title: 'Thông báo cũ chờ đăng lên Zalo',
      themes: connect(await superAdmin.ids('theme', ['y-nghia-ke-hoach'])),
      unit: connect(await superAdmin.ids('unit', ['phong-vhxh'])),
      channels: connect(await superAdmin.ids('channel', ['zalo'])),
    });
    expect((await superAdmin.publish(ARTICLE, older.body.data.documentId)).status).toBe(200);
    await drain(runnerFor(cms, 'trang-chu', []));
    const db = await openDatabase(cms.databaseTarget);
    try {
      await db.query(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
         INSERT INTO crosspost_jobs (document_id, piece_uid, piece_id, channel, action, state, payload, created_at, updated_at, published_at)
         SELECT j.document_id || '-' || n.i, j.piece_uid, j.piece_id, j.channel, j.action, j.state, j.payload, j.created_at, j.updated_at, j.published_at
         FROM n, crosspost_jobs j WHERE j.piece_id = '${older.body.data.documentId}' AND j.channel = 'zalo' AND j.state = 'outbox'`,
      );
    } finally {
      await db.close();
    }
    const created = await superAdmin.create(ARTICLE, {
      ...articleFields,
      title: 'Lịch tiếp công dân trực tuyến tháng tới',
      themes: connect(await superAdmin.ids('theme', ['y-nghia-ke-hoach'])),
      unit: connect(await superAdmin.ids('unit', ['phong-vhxh'])),
      channels: connect(await superAdmin.ids('channel', ['zalo'])),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.documentId as string;
    expect((await superAdmin.publish(ARTICLE, id)).status).toBe(200);
    await drain(runnerFor(cms, 'trang-chu', []));
    await page.goto(`${cms.url}/admin`);
    const queue = page.getByTestId('outbox-queue');
    await queue.waitFor({ timeout: 60_000 });
    const item = queue.locator('[data-job]').filter({ hasText: 'Lịch tiếp công dân trực tuyến tháng tới · Zalo' });
    expect(await queue.locator('[data-job]').count()).toBe(100);
    const { waiting } = (await superAdmin.request('GET', '/crosspost-panel/outbox')).body.meta as { waiting: number };
    expect(waiting).toBeGreaterThanOrEqual(102);
    expect(await page.getByTestId('outbox-more').textContent()).toBe(`Đang hiện 100 bài mới nhất trong ${waiting} bài chờ đăng tay; các bài cũ hơn hiện ra khi những bài này được ghi nhận.`);
    expect(await item.getByRole('textbox', { name: 'Nội dung đăng lên Zalo' }).inputValue()).toContain('Lịch tiếp công dân trực tuyến tháng tới');
    const url = 'https://oa.zalo.me/bai-viet/lich-tiep-cong-dan';
    await item.getByRole('button', { name: 'Đã đăng tay' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Liên kết bài đã đăng').fill(url);
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(0);
    const ledger = await superAdmin.request('GET', `/crosspost-panel/pieces/${ARTICLE}/${id}/jobs`);
    expect(ledger.body.data.entries.find((e: { channel: string }) => e.channel === 'zalo')).toMatchObject({ state: 'posted', remoteUrl: url });
  });
});
