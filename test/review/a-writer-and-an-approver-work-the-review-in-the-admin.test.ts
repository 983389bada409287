import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AdminApi, connect, publicGet } from '../helpers/admin-api.ts';
import { userWithRole } from '../helpers/admin-users.ts';
import { ensureAdminBuilt } from '../helpers/built-admin.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { articleFields } from '../fixtures/entries.ts';
import { launchChromium } from '../rebuild/helpers/browser.ts';

const ARTICLE = 'api::article.article';
const PASSWORD = 'Bientap2025x';
const WRITER = 'viet.admin@thanhthuy.test';
const APPROVER = 'duyet.admin@thanhthuy.test';

// The built admin panel in real Chromium: a writer (Biên tập viên) and an approver (Lãnh đạo
// duyệt), each signed in in their own browser context, work one piece through review.
describe('a writer and an approver work the review in the admin', () => {
  let cms: TestCms;
  let browser: Browser;
  let writer: Page;
  let approver: Page;
  let pieceId: string;
  const title = 'Xã hướng dẫn cài đặt VNeID mức 2';

  async function signIn(email: string): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
    await page.goto(`${cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'), { timeout: 60_000 });
    return page;
  }

  const editPage = () => `${cms.url}/admin/content-manager/collection-types/${ARTICLE}/${pieceId}`;
  // Strapi remounts the edit page's side panels while the document settles after loading
  // (see its PreviewSidePanel): act once the page is quiet, as a person would.
  async function settled(page: Page, url: string) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
  }

  async function panelOf(page: Page) {
    await settled(page, editPage());
    return steadyPanel(page);
  }

  async function steadyPanel(page: Page) {
    const panel = page.getByTestId('review-panel');
    await panel.waitFor({ timeout: 60_000 });
    // On a busy machine the remount can come after the network is idle (CI: a note typed into
    // the first panel was lost with it). The panel is used once the same one has stayed put.
    for (let tries = 0; tries < 40; tries += 1) {
      const shown = await panel.elementHandle({ timeout: 60_000 });
      await page.waitForTimeout(750);
      if (await shown.evaluate((element) => element.isConnected)) return panel;
    }
    throw new Error('the review panel kept being replaced for 30 s');
  }

  beforeAll(async () => {
    ensureAdminBuilt();
    cms = await bootCms({ env: { SERVE_ADMIN: 'true' } });
    const superAdmin = new AdminApi(cms, cms.adminToken);
    const writerApi = await userWithRole(cms, superAdmin, 'Biên tập viên', WRITER);
    await userWithRole(cms, superAdmin, 'Lãnh đạo duyệt', APPROVER);
    const relations = { themes: connect(await superAdmin.ids('theme', ['kiem-tra-don-doc'])), unit: connect(await superAdmin.ids('unit', ['phong-vhxh'])) };
    const created = await writerApi.create(ARTICLE, { ...articleFields, title, ...relations });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    pieceId = created.body.data.documentId;
    browser = await launchChromium();
    writer = await signIn(WRITER);
    approver = await signIn(APPROVER);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
  });

  it('the writer sends the draft with “Gửi duyệt” and the panel shows Chờ duyệt', async () => {
    const panel = await panelOf(writer);
    expect(await panel.getByText('Đang viết', { exact: true }).isVisible()).toBe(true);
    await panel.getByRole('textbox', { name: 'Ý kiến kèm theo' }).fill('Nhờ lãnh đạo xem giúp.');
    await panel.getByRole('button', { name: 'Gửi duyệt' }).click();
    await panel.getByText('Chờ duyệt', { exact: true }).first().waitFor({ timeout: 30_000 });
    expect(await panel.getByRole('button', { name: 'Gửi duyệt' }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Duyệt' }).count()).toBe(0);
  });

  it('the approver finds it in “Bài chờ duyệt” on the homepage and sends it back with a comment', async () => {
    await settled(approver, `${cms.url}/admin`);
    const queue = approver.getByTestId('review-queue');
    await queue.waitFor({ timeout: 60_000 });
    await queue.getByRole('link', { name: title }).click();
    await approver.waitForURL((url) => url.pathname.endsWith(`/${pieceId}`), { timeout: 30_000 });
    await approver.waitForLoadState('networkidle');
    const panel = await steadyPanel(approver);
    // Strapi's own publish button is refused, in Vietnamese, while the piece waits for review.
    await approver.getByRole('button', { name: 'Xuất bản', exact: true }).click();
    await approver.getByText('chưa được duyệt', { exact: false }).first().waitFor({ timeout: 30_000 });
    const sendBack = panel.getByRole('button', { name: 'Yêu cầu sửa' });
    // A request for changes needs a comment: the button waits for one.
    expect(await sendBack.isDisabled()).toBe(true);
    await panel.getByRole('textbox', { name: 'Ý kiến kèm theo' }).fill('Cần ghi rõ giờ làm việc của bộ phận một cửa.');
    await sendBack.click();
    await panel.getByText('Yêu cầu sửa', { exact: true }).first().waitFor({ timeout: 30_000 });
  });

  it('the writer reads the approver’s comment on the piece and the history of each step', async () => {
    const panel = await panelOf(writer);
    const request = panel.getByTestId('review-request');
    await request.waitFor({ timeout: 30_000 });
    expect(await request.textContent()).toContain('Cần ghi rõ giờ làm việc của bộ phận một cửa.');
    const history = (await panel.textContent()) ?? '';
    expect(history).toContain('Lịch sử duyệt');
    expect(history).toContain('Nhờ lãnh đạo xem giúp.');
    expect(history).toContain('Cán bộ Lãnh đạo duyệt');
    await panel.getByRole('button', { name: 'Gửi duyệt' }).click();
    await panel.getByText('Chờ duyệt', { exact: true }).first().waitFor({ timeout: 30_000 });
  });

  it('the approver approves it in the panel, then publishes it with Strapi’s own button', async () => {
    const panel = await panelOf(approver);
    await panel.getByRole('button', { name: 'Duyệt' }).click();
    await panel.getByText('Đã duyệt', { exact: true }).first().waitFor({ timeout: 30_000 });
    // The button saves the whole form, then publishes: an unchanged form keeps the approval.
    await approver.getByRole('button', { name: 'Xuất bản', exact: true }).click();
    await expect.poll(async () => (await publicGet(cms, `/api/articles/${pieceId}`, cms.siteToken)).status, { timeout: 30_000 }).toBe(200);
    const history = (await panelOf(approver)).getByText('Đã xuất bản', { exact: false });
    expect(await history.count()).toBeGreaterThan(0);
  });

  it('the approver sets an unpublish time in “Hẹn giờ”, in Vietnam’s time, and the homepage lists it', async () => {
    await settled(approver, editPage());
    const panel = approver.getByTestId('schedule-panel');
    await panel.waitFor({ timeout: 60_000 });
    const input = panel.getByLabel('Hẹn giờ gỡ (giờ Việt Nam)');
    await input.fill('2099-01-02T08:00');
    // What the approver typed stays while the panel reloads its data in the background.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await input.inputValue()).toBe('2099-01-02T08:00');
    await panel.getByRole('button', { name: 'Lưu lịch' }).click();
    await approver.getByText('Đã lưu lịch.').first().waitFor({ timeout: 30_000 });
    const superAdmin = new AdminApi(cms, cms.adminToken);
    const stored = (await superAdmin.request('GET', `/schedule/${ARTICLE}/${pieceId}`)).body.data;
    // 08:00 in Vietnam is 01:00 UTC.
    expect(stored.unpublishAt).toBe('2099-01-02T01:00:00.000Z');
    expect(stored.setBy).toContain('Lãnh đạo duyệt');

    await approver.goto(`${cms.url}/admin`);
    const upcoming = approver.getByTestId('upcoming-schedule');
    await upcoming.waitFor({ timeout: 60_000 });
    expect(await upcoming.textContent()).toContain('Gỡ lúc 08:00 02/01/2099');
    expect(await upcoming.getByRole('link', { name: title }).isVisible()).toBe(true);
  });

  it('the approver withdraws the piece in “Thu hồi, gỡ bỏ” with a reason and a confirmation', async () => {
    await settled(approver, editPage());
    const panel = approver.getByTestId('takedown-panel');
    await panel.waitFor({ timeout: 60_000 });
    const withdraw = panel.getByRole('button', { name: 'Thu hồi', exact: true });
    expect(await withdraw.isDisabled()).toBe(true);
    await panel.getByRole('textbox', { name: 'Lý do thu hồi hoặc gỡ bỏ' }).fill('Giờ làm việc đã thay đổi từ tháng 10.');
    await withdraw.click();
    const dialog = approver.getByRole('alertdialog');
    await dialog.waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Thu hồi', exact: true }).click();
    await panel.getByText('Đã thu hồi lúc', { exact: false }).waitFor({ timeout: 30_000 });
    const res = await publicGet(cms, `/api/articles/${pieceId}`, cms.siteToken);
    expect(res.body.data.withdrawalReason).toBe('Giờ làm việc đã thay đổi từ tháng 10.');
    expect(await panel.getByRole('button', { name: 'Thu hồi', exact: true }).count()).toBe(0);
  });

  it('“Xem trước” on the edit page opens Strapi’s preview framing the portal’s signed preview link', async () => {
    await writer.goto(editPage());
    const open = writer.getByRole('link', { name: 'Xem trước' });
    await open.waitFor({ timeout: 60_000 });
    expect(await open.getAttribute('href')).toMatch(new RegExp(`/${pieceId}/preview`));
    await writer.goto(`${editPage()}/preview`);
    const frame = writer.locator('iframe');
    await frame.first().waitFor({ state: 'attached', timeout: 30_000 });
    expect(await frame.first().getAttribute('src')).toMatch(new RegExp(`^http://localhost:4321/xem-truoc/article/${pieceId}/\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}$`));
  });
});
