import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminApi } from '../helpers/admin-api.ts';
import { userWithRole } from '../helpers/admin-users.ts';
import { ensureAdminBuilt } from '../helpers/built-admin.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { launchChromium } from '../rebuild/helpers/browser.ts';
import { docxStructure } from './report-helpers.ts';
import { seedReportFixture } from './seed-report-fixture.ts';

const EDITOR = { email: 'bientap@thanhthuy.test', password: 'Bientap2025x' };
const POLICE = { email: 'congan@thanhthuy.test', password: 'Bientap2025x' };

// The built admin panel in real Chromium: an editor (Biên tập viên) opens "Báo cáo định kỳ" from
// the menu, picks October 2025 and saves the .docx the CMS renders; Công an xã has no such entry.
describe('an editor downloads the periodic report from the admin', () => {
  let cms: TestCms;
  let browser: Browser;
  const work = mkdtempSync(join(tmpdir(), 'tt-report-admin-ui-'));

  async function signIn(who: { email: string; password: string }): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(who.email);
    await page.locator('input[name="password"]').fill(who.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'), { timeout: 60_000 });
    return page;
  }

  beforeAll(async () => {
    ensureAdminBuilt();
    cms = await bootCms({ env: { SERVE_ADMIN: 'true', SITE_URL: 'https://thanhthuy.example.gov.vn' } });
    await seedReportFixture(cms);
    const superAdmin = new AdminApi(cms, cms.adminToken);
    await userWithRole(cms, superAdmin, 'Biên tập viên', EDITOR.email);
    await userWithRole(cms, superAdmin, 'Công an xã', POLICE.email);
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('the .docx saved from the page holds the month\'s numbers', async () => {
    const page = await signIn(EDITOR);
    await page.getByRole('link', { name: 'Báo cáo định kỳ' }).click();
    await page.getByRole('heading', { name: 'Báo cáo định kỳ' }).waitFor({ timeout: 60_000 });
    await page.getByLabel('Tháng').fill('2025-10');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).click()]);
    expect(download.suggestedFilename()).toBe('bao-cao-2025-10-01-den-2025-10-31.docx');
    const saved = join(work, download.suggestedFilename());
    await download.saveAs(saved);
    const docx = await docxStructure(saved);
    expect(docx.headings1[0]).toBe('I. KẾT QUẢ TUYÊN TRUYỀN THEO NỘI DUNG CỦA KẾ HOẠCH');
    const themes = docx.tables.find((t) => t[0][0] === 'Mục')!;
    expect(themes.slice(1).map((row) => [row[0], row[6]])).toEqual([
      ['II.1', '2'],
      ['II.2', '1'],
      ['II.3', '1'],
      ['II.4', '1'],
      ['II.5', '1'],
      ['II.6', '0'],
      ['II.7', '0'],
      ['II.8', '2'],
    ]);
  }, 120_000);

  it('a bad period is refused on the page in Vietnamese', async () => {
    const page = await signIn(EDITOR);
    await page.goto(`${cms.url}/admin/bao-cao`);
    await page.getByRole('heading', { name: 'Báo cáo định kỳ' }).waitFor({ timeout: 60_000 });
    await page.getByRole('combobox', { name: 'Kỳ báo cáo' }).click();
    await page.getByRole('option', { name: 'Một quý' }).click();
    await page.getByLabel('Quý').fill('2025-Q5');
    await page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).click();
    await page.getByText('Quý "2025-Q5" không hợp lệ', { exact: false }).waitFor({ timeout: 30_000 });
  }, 120_000);

  it('Công an xã has no report in its menu', async () => {
    const page = await signIn(POLICE);
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('link', { name: 'Báo cáo định kỳ' }).count()).toBe(0);
  }, 120_000);
});
