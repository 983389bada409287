import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AdminApi } from '../../helpers/admin-api.ts';
import { userWithRole } from '../../helpers/admin-users.ts';
import { ensureAdminBuilt } from '../../helpers/built-admin.ts';
import { bootCms, type TestCms } from '../../helpers/cms.ts';
import { launchChromium } from '../../rebuild/helpers/browser.ts';

const SIGHTING = 'api::sighting.sighting';
const FACT_CHECK = 'api::fact-check.fact-check';
const EDITOR = { email: 'bientap@thanhthuy.test', password: 'Bientap2025x' };

const sightings = [
  { content: 'Tin đồn mức thấp về giờ làm việc của bộ phận một cửa', harm: 'Thấp', seenAt: '2025-10-01T02:00:00.000Z' },
  { content: 'Trang mạo danh UBND xã thu phí cập nhật dữ liệu dân cư', harm: 'Nghiêm trọng', seenAt: '2025-10-05T02:00:00.000Z', url: 'https://www.facebook.com/mao.danh.ubnd/posts/1' },
  { content: 'Tin đã xử lý xong, không còn trong hàng chờ', harm: 'Nghiêm trọng', seenAt: '2025-09-01T02:00:00.000Z', state: 'Không cần xử lý' },
];

// The built admin panel in real Chromium, signed in as an editor (Biên tập viên).
describe('an editor works the sighting queue in the admin', () => {
  let cms: TestCms;
  let browser: Browser;
  let page: Page;
  const ids: string[] = [];

  beforeAll(async () => {
    ensureAdminBuilt();
    cms = await bootCms({ env: { SERVE_ADMIN: 'true' } });
    const superAdmin = new AdminApi(cms, cms.adminToken);
    await userWithRole(cms, superAdmin, 'Biên tập viên', EDITOR.email);
    for (const s of sightings) {
      const created = await superAdmin.create(SIGHTING, { platform: 'Facebook', ...s });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      ids.push(created.body.data.documentId);
    }
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
    await page.goto(`${cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(EDITOR.email);
    await page.locator('input[name="password"]').fill(EDITOR.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'), { timeout: 60_000 });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
  });

  it('the homepage lists the open sightings, most harmful first, without the settled one', async () => {
    await page.goto(`${cms.url}/admin`);
    const widget = page.getByTestId('open-sightings');
    await widget.waitFor({ timeout: 60_000 });
    expect(await page.getByText('Thông tin cần xử lý', { exact: true }).isVisible()).toBe(true);
    const links = await widget.getByRole('link').allTextContents();
    expect(links).toEqual([sightings[1].content, sightings[0].content]);
  });

  it('“Tạo bài phản bác” opens a draft fact-check carrying the claim, and each then links to the other', async () => {
    await page.goto(`${cms.url}/admin/content-manager/collection-types/${SIGHTING}/${ids[1]}`);
    const panel = page.getByTestId('rebuttal-panel');
    await panel.waitFor({ timeout: 60_000 });
    await panel.getByRole('button', { name: 'Tạo bài phản bác' }).click();
    await page.waitForURL((url) => url.pathname.includes(`/collection-types/${FACT_CHECK}/`), { timeout: 30_000 });
    await expect.poll(() => page.locator('textarea[name="claim"]').inputValue(), { timeout: 30_000 }).toBe(sightings[1].content);
    expect(await page.locator('input[name="claimUrl"]').inputValue()).toBe(sightings[1].url);
    // The fact-check links back to the sighting it answers.
    const answered = page.getByTestId('answered-sightings');
    await answered.waitFor({ timeout: 30_000 });
    expect(await answered.getByRole('link', { name: sightings[1].content }).isVisible()).toBe(true);

    await page.goto(`${cms.url}/admin/content-manager/collection-types/${SIGHTING}/${ids[1]}`);
    await panel.waitFor({ timeout: 60_000 });
    expect(await panel.getByRole('link', { name: 'Phản bác thông tin trên Facebook ngày 05/10/2025' }).isVisible()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Tạo bài phản bác' }).count()).toBe(0);
  });
});
