import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDay } from '@thanh-thuy/content-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFields } from '../fixtures/entries.ts';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { parseCsv, runReportCli, type CliRun } from '../report/report-helpers.ts';

const ARTICLE = 'api::article.article';

/** The quarter the pieces published now fall in, as Vietnam counts days. */
function thisQuarter(): string {
  const [year, month] = localDay(new Date()).split('-').map(Number);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

describe('npm run report -- --province', () => {
  let cms: TestCms;
  let api: AdminApi;
  let run: CliRun;
  const out = mkdtempSync(join(tmpdir(), 'tt-province-report-'));
  const csv = (name: string) => parseCsv(readFileSync(join(out, run.stdout.match(/bao-cao-tinh-[\d-]+-den-[\d-]+/)![0], 'so-lieu', `${name}.csv`), 'utf8'));

  beforeAll(async () => {
    cms = await bootCms({ env: { PROVINCE_COMMUNES: 'thanh-thuy,dao-xa,tu-vu' } });
    api = new AdminApi(cms, cms.adminToken);
    const [meaning, services] = await api.ids('theme', ['y-nghia-ke-hoach', 'dich-vu-cong-truc-tuyen']);
    const unit = connect(await api.ids('unit', ['phong-vhxh']));
    const publish = async (title: string, themes: string[], tenancy: Record<string, unknown>) => {
      const created = await api.create(ARTICLE, { ...articleFields, title, themes: connect(themes), unit, ...tenancy });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect((await api.publish(ARTICLE, created.body.data.documentId)).status).toBe(200);
    };
    await publish('Thanh Thủy quán triệt Kế hoạch 02', [meaning], { commune: 'thanh-thuy' });
    await publish('Thanh Thủy hướng dẫn nộp hồ sơ trực tuyến', [meaning, services], { commune: 'thanh-thuy' });
    await publish('Đào Xá hướng dẫn dịch vụ công', [services], { commune: 'dao-xa' });
    await publish('Tỉnh phổ biến Kế hoạch hành động số 01', [meaning], { provinceWide: true });
    // A draft never counts.
    expect((await api.create(ARTICLE, { ...articleFields, title: 'Bản nháp của Tứ Vũ', themes: connect([meaning]), unit, commune: 'tu-vu' })).status).toBe(201);
    run = await runReportCli(['--province', '--quarter', thisQuarter(), '--out', out], { CMS_URL: cms.url, REPORT_API_TOKEN: cms.secrets.REPORT_API_TOKEN });
  }, 240_000);

  afterAll(async () => {
    await cms?.stop();
    rmSync(out, { recursive: true, force: true });
  });

  it('says where it wrote the report, in Vietnamese', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Đã viết báo cáo toàn tỉnh quý [IV]+ năm \d{4} vào .*bao-cao-tinh-/);
  });

  it('counts each commune’s pieces per theme, every commune served listed, the province’s own apart', () => {
    const [head, ...rows] = csv('tinh-theo-xa-va-noi-dung');
    expect(head).toEqual(['Xã, phường', 'II.1', 'II.2', 'II.3', 'II.4', 'II.5', 'II.6', 'II.7', 'II.8', 'Tổng số tin, bài']);
    expect(rows).toEqual([
      ['thanh-thuy', '2', '0', '0', '0', '1', '0', '0', '0', '2'],
      ['dao-xa', '0', '0', '0', '0', '1', '0', '0', '0', '1'],
      ['tu-vu', '0', '0', '0', '0', '0', '0', '0', '0', '0'],
      ['Tin toàn tỉnh (của tỉnh)', '1', '0', '0', '0', '0', '0', '0', '0', '1'],
      ['Cộng', '3', '0', '0', '0', '2', '0', '0', '0', '4'],
    ]);
  });

  it('has a column per social channel and says plainly what is not split per commune yet', () => {
    const [head, ...rows] = csv('tinh-theo-xa-va-kenh');
    expect(head[0]).toBe('Xã, phường');
    expect(head.length).toBeGreaterThan(3);
    expect(rows.map((r) => r[0])).toEqual(['thanh-thuy', 'dao-xa', 'tu-vu', 'Tin toàn tỉnh (của tỉnh)', 'Cộng']);
    const html = readFileSync(join(out, run.stdout.match(/bao-cao-tinh-[\d-]+-den-[\d-]+/)![0], 'bao-cao.html'), 'utf8');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Số liệu toàn tỉnh chưa tách theo xã, phường');
  });
});
