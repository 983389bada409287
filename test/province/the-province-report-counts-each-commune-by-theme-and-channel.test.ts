import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { campaignPeriod, communeSiteToken, coverageOf, localDay, type PlanCoverage } from '@thanh-thuy/content-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerClient } from '../../scripts/crosspost/ledger-client.ts';
import { openDatabase } from '../../scripts/lib/database-client.ts';
import { articleFields } from '../fixtures/entries.ts';
import { AdminApi, connect, publicGet } from '../helpers/admin-api.ts';
import { userWithRole } from '../helpers/admin-users.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { docxStructure, parseCsv, runReportCli, type CliRun } from '../report/report-helpers.ts';

const ARTICLE = 'api::article.article';
const ACTIVITY = 'api::outreach-activity.outreach-activity';
const SIGHTING = 'api::sighting.sighting';
const PROVINCE_ROW = 'Của tỉnh (tin toàn tỉnh và việc không thuộc xã, phường nào)';

/** The quarter the pieces published now fall in, as Vietnam counts days. */
function thisQuarter(): string {
  const [year, month] = localDay(new Date()).split('-').map(Number);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

// Three communes and the province on one CMS. Every number differs per commune, so a record
// counted in the wrong row, or not filtered out of a commune's own report, changes a figure.
describe('the reports of a province', () => {
  let cms: TestCms;
  let api: AdminApi;
  let run: CliRun;
  const out = mkdtempSync(join(tmpdir(), 'tt-province-report-'));
  const folder = () => run.stdout.match(/bao-cao-tinh-[\d-]+-den-[\d-]+/)![0];
  const csv = (name: string) => parseCsv(readFileSync(join(out, folder(), 'so-lieu', `${name}.csv`), 'utf8'));

  beforeAll(async () => {
    cms = await bootCms({ env: { PROVINCE_COMMUNES: 'thanh-thuy,dao-xa,tu-vu', PROVINCE_DOMAIN: 'phutho.test' } });
    api = new AdminApi(cms, cms.adminToken);
    const [meaning, services] = await api.ids('theme', ['y-nghia-ke-hoach', 'dich-vu-cong-truc-tuyen']);
    const unit = connect(await api.ids('unit', ['phong-vhxh']));
    const [facebook, zalo] = await api.ids('channel', ['facebook', 'zalo']);
    const publish = async (title: string, themes: string[], channels: string[], tenancy: Record<string, unknown>) => {
      const created = await api.create(ARTICLE, { ...articleFields, title, themes: connect(themes), channels: connect(channels), unit, ...tenancy });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect((await api.publish(ARTICLE, created.body.data.documentId)).status).toBe(200);
    };
    await publish('Thanh Thủy quán triệt Kế hoạch 02', [meaning], [facebook], { commune: 'thanh-thuy' });
    await publish('Thanh Thủy hướng dẫn nộp hồ sơ trực tuyến', [meaning, services], [facebook], { commune: 'thanh-thuy' });
    await publish('Đào Xá hướng dẫn dịch vụ công', [services], [facebook, zalo], { commune: 'dao-xa' });
    await publish('Tỉnh phổ biến Kế hoạch hành động số 01', [meaning], [facebook], { provinceWide: true });
    // A draft never counts.
    expect((await api.create(ARTICLE, { ...articleFields, title: 'Bản nháp của Tứ Vũ', themes: connect([meaning]), unit, commune: 'tu-vu' })).status).toBe(201);

    // The cross-posting runner posts every job the publishes queued.
    const runner = new LedgerClient(cms.url, cms.secrets.CROSSPOST_RUNNER_SECRET, 'bao-cao-tinh');
    for (let claim = await runner.claim(60_000); claim; claim = await runner.claim(60_000)) {
      await runner.record(claim.job.id, { outcome: 'posted', remoteId: `remote-${claim.job.id}`, remoteUrl: `https://example.test/posts/${claim.job.id}` });
    }

    const today = localDay(new Date());
    const activities: Array<[string | null, number]> = [['thanh-thuy', 120], ['dao-xa', 50], ['dao-xa', 30], [null, 10]];
    for (const [commune, peopleReached] of activities) {
      const res = await api.create(ACTIVITY, { date: today, channel: 'Truyền thanh', description: `Phát thanh về dịch vụ công (${commune ?? 'tỉnh'})`, times: 1, peopleReached, unit, ...(commune ? { commune } : {}) });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    for (const commune of ['thanh-thuy', 'tu-vu']) {
      const res = await api.create(SIGHTING, { platform: 'Facebook', state: 'Mới', seenAt: new Date().toISOString(), harm: 'Thấp', content: `Tin đồn phải trả tiền để cài VNeID (${commune})`, commune });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const profile = await api.create('api::commune-profile.commune-profile', { commune: 'dao-xa', name: 'Xã Đào Xá', authority: 'Ủy ban nhân dân xã Đào Xá', province: 'Phú Thọ' });
    expect(profile.status, JSON.stringify(profile.body)).toBe(201);
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
      [PROVINCE_ROW, '1', '0', '0', '0', '0', '0', '0', '0', '1'],
      ['Cộng', '3', '0', '0', '0', '2', '0', '0', '0', '4'],
    ]);
  });

  it('counts each commune’s posts per social channel', () => {
    const [head, ...rows] = csv('tinh-theo-xa-va-kenh');
    const column = (label: RegExp) => head.findIndex((h) => label.test(h));
    const [fb, zl] = [column(/Facebook/), column(/Zalo/)];
    expect(fb).toBeGreaterThan(0);
    expect(zl).toBeGreaterThan(0);
    // The province's piece, addressed to every commune, goes out on each commune's own page
    // (README "Running a province"): each post counts for the commune whose page made it.
    expect(rows.map((r) => [r[0], r[fb], r[zl]])).toEqual([
      ['thanh-thuy', '3', '0'],
      ['dao-xa', '2', '1'],
      ['tu-vu', '1', '0'],
      [PROVINCE_ROW, '0', '0'],
      ['Cộng', '6', '1'],
    ]);
  });

  it('counts each commune’s activities, the people they reached and its sightings', () => {
    const [head, ...rows] = csv('tinh-theo-xa-hoat-dong-va-ra-quet');
    expect(head).toEqual(['Xã, phường', 'Hoạt động tuyên truyền trực tiếp (hội nghị, loa, pano…)', 'Lượt người được tiếp cận', 'Tin giả, tin sai sự thật phát hiện được']);
    expect(rows).toEqual([
      ['thanh-thuy', '1', '120', '1'],
      ['dao-xa', '2', '80', '0'],
      ['tu-vu', '0', '0', '1'],
      [PROVINCE_ROW, '1', '10', '0'],
      ['Cộng', '4', '210', '2'],
    ]);
    const html = readFileSync(join(out, folder(), 'bao-cao.html'), 'utf8');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Hoạt động tuyên truyền trực tiếp và rà quét thông tin của từng xã, phường');
    expect(html).toContain('<title>Báo cáo kết quả tuyên truyền chuyển đổi số của các xã, phường tỉnh Phú Thọ</title>');
  });

  it('writes the same tables into a .docx on an A4 page in Times New Roman', async () => {
    const docx = await docxStructure(join(out, folder(), 'bao-cao.docx'));
    expect(docx.text.slice(0, 100)).toContain('BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN CHUYỂN ĐỔI SỐ CỦA CÁC XÃ, PHƯỜNG TỈNH PHÚ THỌ');
    expect(docx.tables).toHaveLength(3);
    // Word shows numbers as Vietnamese write them (1.000): the CSV has them plain.
    const numbers = (rows: string[][]) => rows.map((row) => row.map((cell) => cell.replace(/(?<=\d)\.(?=\d{3}\b)/g, '')));
    expect(numbers(docx.tables[0])).toEqual(csv('tinh-theo-xa-va-noi-dung'));
    expect(numbers(docx.tables[2])).toEqual(csv('tinh-theo-xa-hoat-dong-va-ra-quet'));
    expect(docx.page).toMatchObject({ width: 11906, height: 16838 });
    expect(docx.fonts).toContain('Times New Roman');
  });

  it('gives one commune its own report, issued under its own name, with its own records only', async () => {
    const res = await publicGet(cms, `/api/report?quarter=${thisQuarter()}&commune=dao-xa`, cms.secrets.REPORT_API_TOKEN);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const report = res.body.data;
    expect(report.issuer).toMatchObject({ name: 'Xã Đào Xá', authority: 'Ủy ban nhân dân xã Đào Xá' });
    expect(report.pieces.map((p: { title: string }) => p.title)).toEqual(['Đào Xá hướng dẫn dịch vụ công']);
    // Its pieces link to its own portal.
    expect(report.pieces[0].url).toMatch(/^http:\/\/dao-xa\.phutho\.test\/tin-tuc\//);
    expect(report.totals).toMatchObject({ pieces: 1, activities: 2, peopleReached: 80 });
    // Its two posts of its own piece, and its page's post of the province's.
    expect(report.socialPosts).toHaveLength(3);
    expect(report.monitoring.sightings).toBe(0);
    const whole = await publicGet(cms, `/api/report?quarter=${thisQuarter()}`, cms.secrets.REPORT_API_TOKEN);
    expect(whole.body.data.totals).toMatchObject({ pieces: 4, activities: 4, peopleReached: 210 });
  });

  it('refuses a commune the installation does not serve, in Vietnamese', async () => {
    const res = await publicGet(cms, `/api/report?quarter=${thisQuarter()}&commune=dao-xaa`, cms.secrets.REPORT_API_TOKEN);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('«Xã, phường» có "dao-xaa" không phải xã, phường của hệ thống này (thanh-thuy, dao-xa, tu-vu).');
  });

  it('writes a commune’s report with npm run report -- --commune into a folder of its own', async () => {
    const own = await runReportCli(['--quarter', thisQuarter(), '--commune', 'dao-xa', '--out', out], { CMS_URL: cms.url, REPORT_API_TOKEN: cms.secrets.REPORT_API_TOKEN });
    expect(own.status, own.stderr).toBe(0);
    expect(own.stdout).toMatch(/^Đã viết báo cáo quý [IV]+ năm \d{4} của dao-xa vào .*bao-cao-[\d-]+-den-[\d-]+-dao-xa/);
    const html = readFileSync(join(own.stdout.match(/vào (\S+):/)![1], 'bao-cao.html'), 'utf8');
    expect(html).toContain('Đào Xá hướng dẫn dịch vụ công');
    expect(html).not.toContain('Thanh Thủy quán triệt Kế hoạch 02');
  });

  it('lets a commune’s reviewer download their commune’s report from the admin, and only theirs', async () => {
    const reviewer = await userWithRole(cms, api, 'Lãnh đạo duyệt (dao-xa)', 'lanhdao.daoxa@phutho.test');
    const res = await reviewer.download(`/report-download/html?quarter=${thisQuarter()}`);
    const html = await res.text();
    expect(res.status, html).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('-dao-xa.html');
    expect(html).toContain('XÃ ĐÀO XÁ');
    expect(html).toContain('Đào Xá hướng dẫn dịch vụ công');
    expect(html).not.toContain('Thanh Thủy quán triệt Kế hoạch 02');
    expect(html).not.toContain('Tin đồn phải trả tiền để cài VNeID (thanh-thuy)');
  });
  // Last: it moves every record into the plan's period (which has ended), which the tests above
  // count in the current quarter.
  it('gives each commune’s portal the coverage of its own report of the plan’s period, counted alike', async () => {
    const plan = campaignPeriod();
    const inPlan = `${plan.to}T02:00:00.000Z`;
    const db = await openDatabase(cms.databaseTarget);
    const at = cms.database === 'postgres' ? inPlan : Date.parse(inPlan);
    try {
      await db.query(`UPDATE articles SET first_published_at = ${cms.database === 'postgres' ? '$1' : '?'}`, [at]);
      await db.query(`UPDATE crosspost_jobs SET posted_at = ${cms.database === 'postgres' ? '$1' : '?'} WHERE posted_at IS NOT NULL`, [at]);
      await db.query(`UPDATE outreach_activities SET date = ${cms.database === 'postgres' ? '$1' : '?'}`, [plan.to]);
    } finally {
      await db.close();
    }
    const covered: Record<string, PlanCoverage> = {};
    for (const commune of ['thanh-thuy', 'dao-xa', 'tu-vu']) {
      const coverage = await publicGet(cms, '/api/report/coverage', communeSiteToken(cms.siteToken, commune));
      expect(coverage.status, JSON.stringify(coverage.body)).toBe(200);
      const report = await publicGet(cms, `/api/report?kind=campaign&from=${plan.from}&to=${plan.to}&commune=${commune}`, cms.secrets.REPORT_API_TOKEN);
      expect(report.status, JSON.stringify(report.body)).toBe(200);
      expect(coverage.body.data).toEqual(coverageOf(report.body.data));
      covered[commune] = coverage.body.data;
    }
    // The figures themselves, so that two readings that both miss a record cannot agree.
    const figures = (c: PlanCoverage) => [
      c.totals.pieces,
      c.themes.filter((t) => t.total > 0).map((t) => `${t.key}:${t.total}`),
      c.channels.filter((ch) => ch.count > 0).map((ch) => `${ch.key}:${ch.count}${ch.peopleReached === null ? '' : `:${ch.peopleReached}`}`),
    ];
    expect(figures(covered['thanh-thuy'])).toEqual([2, ['y-nghia-ke-hoach:2', 'dich-vu-cong-truc-tuyen:1'], ['cong-thong-tin:2', 'facebook:3', 'truyen-thanh:1:120']]);
    expect(figures(covered['dao-xa'])).toEqual([1, ['dich-vu-cong-truc-tuyen:1'], ['cong-thong-tin:1', 'facebook:2', 'zalo:1', 'truyen-thanh:2:80']]);
    expect(figures(covered['tu-vu'])).toEqual([0, [], ['facebook:1']]);
  });
});
