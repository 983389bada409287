import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readBuilt, ROOT, serveSite } from '../helpers/site-build.ts';

const build = inject('siteBuild');
const run = promisify(execFile);
const latestSlug = () => /href="\/truyen-thanh\/(\d{4}-tuan-\d{2})\.txt"/.exec(readBuilt(build.outDir, '/truyen-thanh/'))?.[1];
// The lines a reader reads aloud: everything but the headings, item titles and source links.
const spokenLines = (text: string) =>
  text.split('\n').filter((line) => line && !/^(BẢN TIN|Tuần \d|Thời lượng đọc|MỞ ĐẦU|KẾT THÚC|TIN \d+\.|Nguồn: )/.test(line));

describe('the radio bulletin on the portal (plan III.1)', () => {
  it('shows the newest week with reading times, and every week it lists has a page and a text version', () => {
    const html = readBuilt(build.outDir, '/truyen-thanh/');
    const slug = latestSlug();
    expect(slug, 'the newest week’s text link').toMatch(/^\d{4}-tuan-\d{2}$/);
    expect(html).toMatch(/thời lượng đọc khoảng <strong>\d+ (phút \d{2} )?giây<\/strong>/);
    const weeks = [slug!, ...[...html.matchAll(/href="\/truyen-thanh\/(\d{4}-tuan-\d{2})\/"/g)].map((m) => m[1])];
    expect(weeks.length).toBeGreaterThan(1);
    for (const week of weeks) {
      expect(readBuilt(build.outDir, `/truyen-thanh/${week}/`)).toContain('Bản tin truyền thanh tuần');
      expect(readBuilt(build.outDir, `/truyen-thanh/${week}.txt`)).toMatch(/^BẢN TIN TRUYỀN THANH - /);
    }
  });

  it('writes numbers, dates and abbreviations out in the script a reader reads', () => {
    const dir = join(build.outDir, 'truyen-thanh');
    const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'));
    const lines = texts.flatMap(spokenLines);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(line, 'a digit left in a spoken line').not.toMatch(/\d/);
      expect(line, 'an abbreviation left in a spoken line').not.toMatch(/(?<![\p{L}])(UBND|HĐND|MTTQ|CCCD)(?![\p{L}])/u);
    }
  });

  it('links each item to its piece on the portal', () => {
    const html = readBuilt(build.outDir, `/truyen-thanh/${latestSlug()}/`);
    const links = [...html.matchAll(/Bài gốc: <a href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(() => readBuilt(build.outDir, link)).not.toThrow();
  });
});

describe('npm run radio', () => {
  let server: Awaited<ReturnType<typeof serveSite>>;
  let out: string;
  let envDir: string;
  beforeAll(async () => {
    server = await serveSite(build.outDir);
    out = mkdtempSync(join(tmpdir(), 'tt-radio-'));
    envDir = mkdtempSync(join(tmpdir(), 'tt-radio-env-'));
  });
  afterAll(async () => {
    await server.close();
    for (const dir of [out, envDir]) rmSync(dir, { recursive: true, force: true });
  });
  const radio = (...args: string[]) =>
    run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/radio/main.ts', '--portal', server.url, '--out', out, ...args], {
      cwd: ROOT,
      env: { ...process.env, ENV_FILE: join(envDir, '.env') },
    });

  it('downloads the newest week as the portal shows it: the text, and a page that prints on its own', async () => {
    const { stdout } = await radio();
    const slug = latestSlug()!;
    expect(stdout).toContain('BẢN TIN TRUYỀN THANH');
    expect(readFileSync(join(out, `ban-tin-truyen-thanh-${slug}.txt`), 'utf8')).toBe(readBuilt(build.outDir, `/truyen-thanh/${slug}.txt`));
    const page = readFileSync(join(out, `ban-tin-truyen-thanh-${slug}.html`), 'utf8');
    expect(page).toContain('@page');
    expect(page).not.toMatch(/<link rel="stylesheet"/);
    expect(page).toContain(`href="${build.siteUrl.replace(/\/$/, '')}/`);
  });

  it('refuses a week the portal has no bulletin for, in Vietnamese, and leaves no file', async () => {
    const before = readdirSync(out);
    const failure = await radio('--week', '1999-W01').then(() => null, (error: { code: number; stderr: string }) => error);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim()).toMatch(/^Không tải được bản tin truyền thanh: Cổng thông tin không có bản tin tuần 1999-W01/);
    expect(readdirSync(out)).toEqual(before);
  });

  it('refuses a malformed week with the usage', async () => {
    const failure = await radio('--week', 'tuan-36').then(() => null, (error: { code: number; stderr: string }) => error);
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('tuần phải có dạng 2025-W36');
    expect(existsSync(join(out, 'ban-tin-truyen-thanh-tuan-36.txt'))).toBe(false);
  });
});
