import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../env/config.ts';
import { parseCli, runMain, UsageError } from '../lib/cli.ts';
import { PortalClient } from './portal-client.ts';
import { standalonePage } from './standalone-page.ts';

const USAGE = `
Cách dùng: npm run radio -- [--week 2025-W36] [--out THƯ_MỤC]

Tải bản tin truyền thanh của một tuần (thứ Hai đến Chủ nhật) từ cổng thông tin: kịch bản đọc
lập từ các tin bài đã đăng có chọn kênh "Hệ thống truyền thanh cơ sở", viết đúng như khi đọc,
có thời lượng từng tin và cả bản tin. Ghi hai tệp: bản chữ (.txt) và trang in khổ A4 (.html),
đúng như trang /truyen-thanh/ của cổng.

  --week TUẦN   tuần theo ISO, ví dụ 2025-W36 (mặc định: tuần gần nhất có tin)
  --out DIR     thư mục ghi tệp (mặc định: thư mục hiện tại)
  --portal URL  địa chỉ cổng thông tin để tải (mặc định: PORTAL_CHECK_URL, hoặc cổng chạy trên máy này)
`;

const flagsSchema = z.object({
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/, 'tuần phải có dạng 2025-W36')
    .transform((week) => week.replace('-W', '-tuan-'))
    .optional(),
  out: z.string().default('.'),
  portal: z.string().url('không phải một địa chỉ URL').optional(),
});

async function main(): Promise<void> {
  const options = { week: { type: 'string' }, out: { type: 'string' }, portal: { type: 'string' } } as const;
  const { flags } = parseCli(process.argv.slice(2), options, flagsSchema, USAGE);
  const { config } = loadConfig();
  const portal = new PortalClient(flags.portal ?? config.PORTAL_CHECK_URL ?? `http://127.0.0.1:${config.SITE_PORT}`);
  const slug = flags.week ?? (await portal.latestWeek());
  if (!slug) throw new UsageError('Cổng thông tin chưa có bản tin truyền thanh nào: chưa có tin bài đã đăng được chọn cho kênh truyền thanh.');
  const text = await portal.text(`/truyen-thanh/${slug}.txt`, `Cổng thông tin không có bản tin tuần ${slug.replace('-tuan-', '-W')}`);
  const page = await portal.text(`/truyen-thanh/${slug}/`, `Cổng thông tin không có bản tin tuần ${slug.replace('-tuan-', '-W')}`);
  const html = await standalonePage(page, portal, config.SITE_URL);
  const out = resolve(flags.out);
  mkdirSync(out, { recursive: true });
  const base = join(out, `ban-tin-truyen-thanh-${slug}`);
  // Each file is written under a temporary name and renamed: a failure leaves no half file.
  for (const [path, body] of [[`${base}.txt`, text], [`${base}.html`, html]] as const) {
    writeFileSync(`${path}.tmp`, body);
    renameSync(`${path}.tmp`, path);
  }
  console.log(text.split('\n').slice(0, 3).join('\n'));
  console.log(`Đã ghi:\n  ${base}.txt\n  ${base}.html (mở bằng trình duyệt và in ra khổ A4)`);
}

runMain(main, 'Không tải được bản tin truyền thanh');
