import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/free-port.ts';
import { runReportCli } from './report-helpers.ts';

// What a person sees when the command cannot do what they asked: one Vietnamese line saying
// what is wrong and how to call it, a non-zero exit, and no report folder, not even a partial one.

const HOW = 'Cách gọi: npm run report -- --month 2025-10';
const TOKEN = 'mot-ma-bao-cao-du-dai-de-kiem-thu';

describe('npm run report refuses bad input in one line', () => {
  let work: string;
  let stub: Server;
  let stubUrl: string;
  /** What the stand-in CMS answers GET /api/report with. */
  let answer: { status: number; body: string } = { status: 200, body: '{}' };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'tt-report-bad-'));
    stub = createServer((_req, res) => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body));
    const port = await freePort();
    await new Promise<void>((resolve) => stub.listen(port, '127.0.0.1', resolve));
    stubUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => stub.close(resolve));
    rmSync(work, { recursive: true, force: true });
  });

  const expectOneLine = (stderr: string, pattern: RegExp) => {
    const lines = stderr.trim().split('\n');
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
  };

  it.each([
    ['a reversed period', ['--from', '2025-12-31', '--to', '2025-08-28'], /^Kỳ báo cáo ngược: --from 2025-12-31 sau --to 2025-08-28/],
    ['a day that does not exist', ['--from', '2025-02-30', '--to', '2025-03-31'], /^Ngày --from "2025-02-30" không hợp lệ/],
    ['a day written another way', ['--from', '28/08/2025', '--to', '2025-12-31'], /^Ngày --from "28\/08\/2025" không hợp lệ/],
    ['a thirteenth month', ['--month', '2025-13'], /^Tháng "2025-13" không hợp lệ/],
    ['a fifth quarter', ['--quarter', '2025-Q5'], /^Quý "2025-Q5" không hợp lệ/],
    ['an unknown flag', ['--week', '42'], /^Không có tùy chọn --week/],
    ['no period', [], /^Chưa chọn kỳ báo cáo/],
    ['two periods', ['--month', '2025-10', '--campaign'], /^Chỉ chọn một kỳ báo cáo, đã cho cả --month và --campaign/],
    ['--from alone', ['--from', '2025-10-01'], /^Thiếu --to/],
    ['a flag without its value', ['--month'], /^Tùy chọn --month cần một giá trị/],
  ])('%s', async (_name, args, pattern) => {
    const out = join(work, 'khong-duoc-tao');
    const run = await runReportCli([...args, '--out', out], { CMS_URL: stubUrl, REPORT_API_TOKEN: TOKEN });
    expect(run.status).toBe(2);
    expectOneLine(run.stderr, pattern);
    expect(run.stderr).toContain(HOW);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['an unreachable CMS', null, /^Không kết nối được CMS tại http:\/\/127\.0\.0\.1:\d+\/api\/report \(ECONNREFUSED\): hãy chạy npm start/],
    ['a CMS that refuses the token', { status: 403, body: '{"data":null,"error":{"status":403}}' }, /^CMS tại .* từ chối mã REPORT_API_TOKEN/],
    ['a CMS that answers something else', { status: 200, body: '{"data":{"period":1}}' }, /^CMS tại .* trả số liệu không đúng dạng báo cáo/],
  ])('%s', async (_name, reply, pattern) => {
    const out = join(work, 'cms-loi');
    const url = reply ? stubUrl : `http://127.0.0.1:${await freePort()}`;
    if (reply) answer = reply;
    const run = await runReportCli(['--month', '2025-10', '--out', out], { CMS_URL: url, REPORT_API_TOKEN: TOKEN });
    expect(run.status).toBe(1);
    expectOneLine(run.stderr, pattern);
    expect(existsSync(out)).toBe(false);
  });

  it('a failure while writing removes the half-written report', async () => {
    // --out names a file, not a folder: nothing can be written inside it.
    const out = join(work, 'la-tep');
    writeFileSync(out, 'không phải thư mục');
    // A whole report as the CMS answers it (captured from the seeded CMS of the counting test).
    answer = { status: 200, body: JSON.stringify({ data: JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'report', 'report-data-october-2025.json'), 'utf8')) }) };
    const before = readdirSync(work).sort();
    const run = await runReportCli(['--month', '2025-10', '--out', join(out, 'con')], { CMS_URL: stubUrl, REPORT_API_TOKEN: TOKEN });
    expect(run.status).toBe(1);
    expectOneLine(run.stderr, /^Không ghi được báo cáo vào .*la-tep\/con \(ENOTDIR\): hãy chọn --out/);
    expect(readdirSync(work).sort()).toEqual(before);
  });

  it('a whole report is renamed into place, replacing the previous one of the period', async () => {
    answer = { status: 200, body: JSON.stringify({ data: JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'report', 'report-data-october-2025.json'), 'utf8')) }) };
    const out = join(work, 'bao-cao');
    for (let i = 0; i < 2; i += 1) {
      const run = await runReportCli(['--month', '2025-10', '--out', out], { CMS_URL: stubUrl, REPORT_API_TOKEN: TOKEN });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('Đã viết báo cáo tháng 10 năm 2025');
    }
    expect(readdirSync(out)).toEqual(['bao-cao-2025-10-01-den-2025-10-31']);
  });

  it('--help prints how to call it and exits 0', async () => {
    const run = await runReportCli(['--help'], {});
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Cách dùng: npm run report -- /);
  });
});
