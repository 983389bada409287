import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageOf, type ReportData } from '@thanh-thuy/content-types';
import { AdminApi, publicGet } from '../helpers/admin-api.ts';
import { userWithRole } from '../helpers/admin-users.ts';
import { runSiteBuild } from '../helpers/site-build.ts';
import { bootCms, type Database, type TestCms } from '../helpers/cms.ts';
import { FIXTURE } from './seed-report-fixture.ts';
import { docxStructure, findSoffice, htmlTables, parseCsv, runReportCli, type CliRun } from './report-helpers.ts';
import { seedReportFixture, type SeededPiece } from './seed-report-fixture.ts';

const SITE_URL = 'https://thanhthuy.example.gov.vn';
const PARTS = [
  'I. KẾT QUẢ TUYÊN TRUYỀN THEO NỘI DUNG CỦA KẾ HOẠCH',
  'II. KẾT QUẢ THEO HÌNH THỨC, KÊNH TUYÊN TRUYỀN',
  'III. KẾT QUẢ THEO ĐƠN VỊ VÀ KHU DÂN CƯ',
  'IV. CÔNG TÁC RÀ QUÉT, XỬ LÝ THÔNG TIN SAI SỰ THẬT, XẤU ĐỘC',
  'V. ĐIỂN HÌNH TIÊN TIẾN, MÔ HÌNH HAY',
  'VI. SỐ LIỆU TỔNG HỢP',
];

// The fixture's October 2025, counted by hand (test/fixtures/report/october-2025.json): seven
// pieces first published in the month, A3 at 23:30 on 31 October among them; A4 at 00:30 on
// 1 November, A5 in September, F3 in December, the draft, the unpublished and the deleted piece
// never count.
const OCTOBER_THEMES = [
  ['II.1', 'Ý nghĩa, tầm quan trọng của Kế hoạch số 02', '2', '0', '0', '0', '2', ''],
  ['II.2', 'Tiến độ các nhóm nhiệm vụ trọng tâm', '1', '0', '0', '0', '1', ''],
  ['II.3', 'Kiểm tra, đôn đốc thực hiện', '1', '0', '0', '0', '1', ''],
  ['II.4', 'Điển hình tiên tiến, mô hình hiệu quả', '0', '1', '0', '0', '1', ''],
  ['II.5', 'Dịch vụ công trực tuyến', '0', '0', '1', '0', '1', ''],
  ['II.6', 'Giải pháp công nghệ mới', '0', '0', '0', '0', '0', 'Chưa có tin, bài'],
  ['II.7', 'Sơ kết, tổng kết', '0', '0', '0', '0', '0', 'Chưa có tin, bài'],
  ['II.8', 'Phản bác thông tin xấu độc', '0', '0', '0', '2', '2', ''],
];

async function report(cms: TestCms, query: string): Promise<ReportData> {
  const res = await publicGet(cms, `/api/report?${query}`, cms.secrets.REPORT_API_TOKEN);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as ReportData;
}

describe.each<Database>(['sqlite', 'postgres'])('the periodic report on %s', (database) => {
  let cms: TestCms;
  let pieces: Map<string, SeededPiece>;
  const out = mkdtempSync(join(tmpdir(), 'tt-report-out-'));
  const octoberDir = join(out, 'bao-cao-2025-10-01-den-2025-10-31');
  let cli: Promise<CliRun> | undefined;
  /** `npm run report -- --month 2025-10 --out …`, run once for the tests that read its files. */
  const october = () => (cli ??= runReportCli(['--month', '2025-10', '--out', out], { CMS_URL: cms.url, REPORT_API_TOKEN: cms.secrets.REPORT_API_TOKEN }));

  beforeAll(async () => {
    cms = await bootCms({ database, env: { SITE_URL } });
    pieces = await seedReportFixture(cms);
  }, 240_000);
  afterAll(async () => {
    await cms?.stop();
    rmSync(out, { recursive: true, force: true });
  });

  it('counts October by first publication in Viet Nam time, published pieces only', async () => {
    const r = await report(cms, 'kind=month&from=2025-10-01&to=2025-10-31');
    expect(r.period).toEqual({ kind: 'month', from: '2025-10-01', to: '2025-10-31', label: 'tháng 10 năm 2025' });
    expect(r.totals).toEqual({ pieces: 7, byKind: { article: 3, 'model-practice': 1, 'service-guide': 1, 'fact-check': 2 }, activities: 3, peopleReached: 140 });
    expect(r.themes.map((t) => [t.section, t.total, t.gap])).toEqual(OCTOBER_THEMES.map((row) => [row[0], Number(row[6]), row[7] !== '']));
    expect(r.pieces.map((p) => p.title)).toEqual(['A1', 'F1', 'F2', 'M1', 'A2', 'G1', 'A3'].map((ref) => pieces.get(ref)!.title));
    expect(r.pieces.find((p) => p.title === pieces.get('A3')!.title)).toMatchObject({ day: '2025-10-31', url: `${SITE_URL}/tin-tuc/${pieces.get('A3')!.slug}/` });
    expect(r.highlights.map((h) => [h.title, h.subjectName])).toEqual([[pieces.get('M1')!.title, 'Tổ công nghệ số cộng đồng Khu 3']]);
  });

  it('counts each platform from the cross-post ledger, posts made by hand included, for published pieces', async () => {
    const r = await report(cms, 'kind=month&from=2025-10-01&to=2025-10-31');
    const digital = r.channels.filter((c) => c.measure !== 'activities').map((c) => [c.key, c.count, c.byHand]);
    expect(digital).toEqual([
      ['cong-thong-tin', 7, null],
      ['facebook', 3, 0],
      ['zalo', 1, 1],
      ['youtube', 0, 0],
      ['tiktok', 0, 0],
    ]);
    expect(r.socialPosts.map((p) => [p.channel, p.pieceTitle, p.day, p.url, p.byHand])).toEqual([
      ['facebook', pieces.get('A5')!.title, '2025-10-01', 'https://www.facebook.com/thanhthuy/posts/1005', false],
      ['facebook', pieces.get('A1')!.title, '2025-10-02', 'https://www.facebook.com/thanhthuy/posts/1001', false],
      ['facebook', pieces.get('M1')!.title, '2025-10-11', 'https://www.facebook.com/thanhthuy/posts/1006', false],
      ['zalo', pieces.get('A1')!.title, '2025-10-03', 'https://zalo.me/thanhthuy/bai/2002', true],
    ]);
  });

  it('counts activities by form, unit and residential area', async () => {
    const r = await report(cms, 'kind=month&from=2025-10-01&to=2025-10-31');
    expect(r.channels.filter((c) => c.measure === 'activities').map((c) => [c.key, c.count, c.times, c.minutes, c.peopleReached])).toEqual([
      ['truyen-thanh', 1, 10, 150, 0],
      ['bang-tin', 0, 0, 0, 0],
      ['tuyen-truyen-vien', 0, 0, 0, 0],
      ['hoi-nghi', 1, 1, 120, 80],
      ['bang-ron-khau-hieu', 0, 0, 0, 0],
      ['truc-tiep-tai-khu-dan-cu', 1, 4, 0, 60],
      ['khac', 0, 0, 0, 0],
    ]);
    expect(r.units.map((u) => [u.key, u.pieces, u.activities, u.peopleReached])).toEqual([
      ['phong-vhxh', 2, 1, 80],
      ['trung-tam-dvsnc', 2, 1, 0],
      ['cong-an-xa', 2, 0, 0],
      ['mttq-xa', 1, 0, 0],
      ['khu-dan-cu', 0, 1, 60],
      ['cac-phong-don-vi', 0, 0, 0],
    ]);
    expect(r.residentialAreas).toEqual([
      { name: 'Khu 1', pieces: 0, activities: 1, times: 1, peopleReached: 80 },
      { name: 'Khu 3', pieces: 1, activities: 1, times: 4, peopleReached: 60 },
    ]);
  });

  it('counts sightings by outcome and platform, with the median time to a published rebuttal', async () => {
    const r = await report(cms, 'kind=month&from=2025-10-01&to=2025-10-31');
    expect(r.monitoring).toEqual({
      sightings: 7,
      byStatus: [
        { key: 'Mới', label: 'Mới', count: 1 },
        { key: 'Đang xác minh', label: 'Đang xác minh', count: 1 },
        { key: 'Đã phản bác', label: 'Đã phản bác', count: 2 },
        { key: 'Chuyển Công an xã', label: 'Chuyển Công an xã', count: 1 },
        { key: 'Đã gỡ bỏ', label: 'Đã gỡ bỏ', count: 1 },
        { key: 'Không cần xử lý', label: 'Không cần xử lý', count: 1 },
      ],
      byPlatform: [
        { key: 'Facebook', label: 'Facebook', count: 3 },
        { key: 'Zalo', label: 'Zalo', count: 1 },
        { key: 'TikTok', label: 'TikTok', count: 1 },
        { key: 'YouTube', label: 'YouTube', count: 0 },
        { key: 'Báo chí', label: 'Báo chí', count: 1 },
        { key: 'Trang thông tin điện tử', label: 'Trang thông tin điện tử', count: 0 },
        { key: 'Khác', label: 'Khác', count: 1 },
      ],
      rebutted: 2,
      // 12 hours for the first rebuttal, 24 for the second.
      medianHoursToRebuttal: 18,
      factChecksPublished: 2,
    });
  });

  it.each([
    ['November, which begins at 00:30 with A4', 'kind=month&from=2025-11-01&to=2025-11-30', 1, 1],
    ['the fourth quarter', 'kind=quarter&from=2025-10-01&to=2025-12-31', 9, 9],
    ["the plan's whole period", 'kind=campaign&from=2025-08-28&to=2025-12-31', 10, 9],
  ])('counts %s', async (_name, query, piecesCount, sightings) => {
    const r = await report(cms, query);
    expect([r.totals.pieces, r.monitoring.sightings]).toEqual([piecesCount, sightings]);
  });

  it('gives the whole report only to the report token, and the portal only the coverage', async () => {
    for (const token of [undefined, cms.siteToken]) expect((await publicGet(cms, '/api/report?from=2025-10-01&to=2025-10-31', token)).status).toBe(403);
    expect([401, 403]).toContain((await publicGet(cms, '/api/report/coverage')).status);
    const coverage = await publicGet(cms, '/api/report/coverage', cms.siteToken);
    expect(coverage.status).toBe(200);
    expect(Object.keys(coverage.body.data).sort()).toEqual(['channels', 'period', 'themes', 'totals']);
    expect(JSON.stringify(coverage.body)).not.toMatch(/Khu 3|calc|VNeID|Trang giả mạo/);
    const campaign = await report(cms, 'kind=campaign&from=2025-08-28&to=2025-12-31');
    // The coverage is read apart from the report (cms/src/report/plan-coverage.ts) and counts alike.
    expect(coverage.body.data).toEqual(coverageOf(campaign));
    expect(coverage.body.data.totals.pieces).toBe(10);
  });

  it('refuses a reversed period in Vietnamese', async () => {
    const res = await publicGet(cms, '/api/report?from=2025-12-31&to=2025-10-01', cms.secrets.REPORT_API_TOKEN);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Kỳ báo cáo ngược/);
  });

  it.runIf(database === 'sqlite')('npm run report writes the .docx, the HTML and CSV files with the same numbers', async () => {
    {
      const run = await october();
      expect(run.status, run.stderr).toBe(0);
      const dir = octoberDir;
      expect(readdirSync(out)).toEqual(['bao-cao-2025-10-01-den-2025-10-31']);
      expect(readdirSync(dir).sort()).toEqual(['bao-cao.docx', 'bao-cao.html', 'so-lieu']);
      const csv = (name: string) => parseCsv(readFileSync(join(dir, 'so-lieu', `${name}.csv`), 'utf8'));
      expect(csv('noi-dung')).toEqual([
        ['Mục', 'Nội dung tuyên truyền', 'Tin bài', 'Điển hình', 'Hướng dẫn DVC trực tuyến', 'Phản bác', 'Tổng số', 'Ghi chú'],
        ...OCTOBER_THEMES,
      ]);
      expect(csv('kenh-nen-tang-so').slice(1)).toEqual([
        ['Cổng thông tin điện tử xã', '7', ''],
        ['Facebook (fanpage)', '3', '0'],
        ['Zalo (Official Account)', '1', '1'],
        ['YouTube', '0', '0'],
        ['TikTok', '0', '0'],
      ]);
      expect(csv('kenh-co-so').at(-1)).toEqual(['Cộng', '3', '15', '270', '140']);
      expect(csv('don-vi').at(-1)).toEqual(['Cộng', '7', '3', '140']);
      expect(csv('ra-quet-tinh-trang').slice(1)).toEqual([
        ['Mới', '1'],
        ['Đang xác minh', '1'],
        ['Đã phản bác', '2'],
        ['Chuyển Công an xã', '1'],
        ['Đã gỡ bỏ', '1'],
        ['Không cần xử lý', '1'],
        ['Cộng', '7'],
      ]);
      expect(csv('tong-hop')).toContainEqual(['Thời gian trung vị từ khi phát hiện đến khi đăng bài phản bác (giờ)', '18']);
      // Titles and notes that begin like a formula stay text.
      const annex = csv('phu-luc-tin-bai');
      expect(annex.slice(1).map((row) => row[3])).toEqual([
        pieces.get('A1')!.title,
        pieces.get('F1')!.title,
        pieces.get('F2')!.title,
        `'${pieces.get('M1')!.title}`,
        `'${pieces.get('A2')!.title}`,
        `'${pieces.get('G1')!.title}`,
        `'${pieces.get('A3')!.title}`,
      ]);
      expect(annex.at(-1)![1]).toBe('31/10/2025');
      expect(csv('phu-luc-hoat-dong').slice(1).map((row) => row[5])).toContain("'=cmd|' /C calc'!A0 hướng dẫn từng hộ cài VNeID");
      for (const file of readdirSync(join(dir, 'so-lieu'))) {
        for (const row of parseCsv(readFileSync(join(dir, 'so-lieu', file), 'utf8'))) for (const cell of row) expect(cell, `${file}: ${cell}`).not.toMatch(/^[=+\-@]/);
      }
      const html = readFileSync(join(dir, 'bao-cao.html'), 'utf8');
      expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(html).toContain('Kết quả công tác tuyên truyền');
      expect(html).toContain('@page { size: A4; margin: 20mm 15mm 20mm 30mm; }');
      expect(htmlTables(html, 'noi-dung')).toEqual(csv('noi-dung'));
    }
  }, 120_000);

  it.runIf(database === 'sqlite')('the .docx is an administrative report Word reads with its headings and tables', async () => {
    const run = await october();
    expect(run.status, run.stderr).toBe(0);
    const docx = await docxStructure(join(octoberDir, 'bao-cao.docx'));
    expect(docx.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(docx.text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(docx.text).toMatch(/Số:\s+\/BC-UBND/);
    expect(docx.text).toMatch(/Thanh Thủy, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    expect(docx.text).toContain('BÁO CÁO');
    expect(docx.text).toContain('Kết quả công tác tuyên truyền thúc đẩy chuyển đổi số');
    expect(docx.headings1).toEqual(PARTS);
    expect(docx.headings2).toEqual(['1. Trên Cổng thông tin điện tử và các nền tảng số', '2. Trên hệ thống thông tin cơ sở và tuyên truyền trực tiếp', '1. Theo đơn vị thực hiện', '2. Theo khu dân cư']);
    const csv = (name: string) => parseCsv(readFileSync(join(octoberDir, 'so-lieu', `${name}.csv`), 'utf8'));
    for (const name of ['noi-dung', 'kenh-nen-tang-so', 'kenh-co-so', 'don-vi', 'khu-dan-cu', 'ra-quet-tinh-trang', 'ra-quet-nen-tang', 'tong-hop']) {
      const table = docx.tables.find((t) => t[0].join('|') === csv(name)[0].join('|'));
      expect(table, name).toBeDefined();
      // The .docx shows numbers the Vietnamese way (1.234); the CSV keeps them plain.
      expect(table!.map((row) => row.map((cell) => cell.replace(/(\d)\.(\d{3})/g, '$1$2').replace(/^(\d+),(\d)$/, '$1.$2'))), name).toEqual(csv(name).map((row) => row.map((cell) => cell.replace(/^'/, ''))));
    }
    expect(docx.page).toEqual({ width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 850 });
    expect(docx.fonts).toContain('Times New Roman');
  });

  it.runIf(database === 'sqlite' && findSoffice() !== null)('LibreOffice opens the .docx with its headings and tables', async () => {
    const cliRun = await october();
    expect(cliRun.status, cliRun.stderr).toBe(0);
    const converted = mkdtempSync(join(tmpdir(), 'tt-report-lo-'));
    try {
      const run = spawnSync(findSoffice()!, ['--headless', '--norestore', '--convert-to', 'html', '--outdir', converted, join(octoberDir, 'bao-cao.docx')], {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, HOME: converted },
      });
      expect(run.status, run.stderr).toBe(0);
      const html = readFileSync(join(converted, 'bao-cao.html'), 'utf8');
      const h1 = [...html.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
      expect(h1).toEqual(PARTS);
      expect((html.match(/<table/g) ?? []).length).toBeGreaterThanOrEqual(14);
      expect(existsSync(join(converted, 'bao-cao.html'))).toBe(true);
    } finally {
      rmSync(converted, { recursive: true, force: true });
    }
  }, 150_000);

  it.runIf(database === 'sqlite')('the portal\'s /ke-hoach/ shows the coverage of the plan\'s period from the same query, and nothing internal', async () => {
    const work = mkdtempSync(join(tmpdir(), 'tt-report-site-'));
    try {
      const site = join(work, 'site');
      const build = await runSiteBuild({ CMS_URL: cms.url, SITE_API_TOKEN: cms.siteToken, SITE_URL, SITE_OUT_DIR: site, SITE_CACHE_DIR: join(work, 'cache') });
      expect(build.code, build.stderr).toBe(0);
      const page = readFileSync(join(site, 'ke-hoach', 'index.html'), 'utf8');
      const campaign = await report(cms, 'kind=campaign&from=2025-08-28&to=2025-12-31');
      const rows = (name: string) => {
        const table = new RegExp(`<table[^>]*data-coverage="${name}"[^>]*>([\\s\\S]*?)</table>`).exec(page)?.[1] ?? '';
        return [...table.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].flatMap((b) =>
          [...b[1].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1].replace(/<[^>]+>/g, '').trim())),
        );
      };
      // 28/8 to 31/12/2025: A5 of 30 September, A4 of November and F3 of December come in.
      expect(rows('themes').map((r) => r[2])).toEqual(['2', '1', '1', '1', '1', '1', '1', '3']);
      expect(rows('themes')).toEqual(campaign.themes.map((t) => [t.section, t.label, String(t.total)]));
      const channels = Object.fromEntries(rows('channels').map(([label, result]) => [label, result]));
      const label = (key: string) => campaign.channels.find((c) => c.key === key)!.label;
      expect(channels[label('cong-thong-tin')]).toBe('10 tin, bài');
      expect(channels[label('facebook')]).toBe('4 tin, bài đăng lại');
      expect(channels[label('zalo')]).toBe('1 tin, bài đăng lại');
      expect(channels[label('truyen-thanh')]).toBe('2 hoạt động');
      expect(channels[label('hoi-nghi')]).toBe('1 hoạt động, 80 lượt người');
      expect(Object.keys(channels)).toEqual(campaign.channels.map((c) => c.label));
      // Sightings and activities never reach the portal, not even as words on a page.
      const every = spawnSync('grep', ['-rlF', '-e', FIXTURE.sightings[5].content, '-e', FIXTURE.activities[1].description, site], { encoding: 'utf8' });
      expect(every.stdout).toBe('');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 300_000);

  it.runIf(database === 'sqlite')('an editor downloads the same report from the admin; Công an xã may not', async () => {
    const superAdmin = new AdminApi(cms, cms.adminToken);
    const editor = await userWithRole(cms, superAdmin, 'Biên tập viên', 'bien-tap-bao-cao@thanhthuy.test');
    const police = await userWithRole(cms, superAdmin, 'Công an xã', 'cong-an-bao-cao@thanhthuy.test');
    const download = async (api: AdminApi, path: string) => {
      const res = await fetch(`${cms.url}${path}`, { headers: { authorization: `Bearer ${await (api as unknown as { token: () => Promise<string> }).token()}` } });
      return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
    };
    const docx = await download(editor, '/report-download/docx?month=2025-10');
    expect(docx.status, docx.bytes.toString()).toBe(200);
    expect(docx.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.disposition).toBe('attachment; filename="bao-cao-2025-10-01-den-2025-10-31.docx"');
    const work = mkdtempSync(join(tmpdir(), 'tt-report-admin-'));
    try {
      writeFileSync(join(work, 'bao-cao.docx'), docx.bytes);
      const structure = await docxStructure(join(work, 'bao-cao.docx'));
      expect(structure.headings1).toEqual(PARTS);
      const run = await october();
      expect(run.status, run.stderr).toBe(0);
      const fromCli = await docxStructure(join(octoberDir, 'bao-cao.docx'));
      expect(structure.tables).toEqual(fromCli.tables);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    const html = await download(editor, '/report-download/html?quarter=2025-Q4');
    expect(html.status).toBe(200);
    expect(html.bytes.toString()).toContain('quý IV năm 2025');
    const bad = await download(editor, '/report-download/docx?month=2025-13');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.bytes.toString()).error.message).toMatch(/^Tháng "2025-13" không hợp lệ/);
    const refused = await download(police, '/report-download/docx?month=2025-10');
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.bytes.toString()).error.message).toMatch(/không được xem báo cáo định kỳ/);
  }, 120_000);
});
