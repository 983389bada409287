import { resolve } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../env/config.ts';
import { parseCli, runMain, UsageError } from '../lib/cli.ts';
import { formatCounts } from '../lib/content-counts.ts';
import { databaseTargetFrom, describeTarget } from '../lib/database-target.ts';
import { readArchive } from '../backup/read-archive.ts';
import { restoreArchive } from './restore-archive.ts';
import { RestoreError } from './restore-error.ts';

const USAGE = `
Cách dùng: npm run restore -- TỆP [--force] [--dry-run]

Khôi phục một bản sao lưu của npm run backup vào cơ sở dữ liệu đang cấu hình (SQLite, hoặc
PostgreSQL qua DATABASE_URL) và thư mục media. Dữ liệu được nhập vào một bản tạm, kiểm tra
số lượng, rồi mới thay thế; lỗi ở bất kỳ bước nào thì dữ liệu hiện tại giữ nguyên.
Dừng CMS (npm start) trước khi khôi phục; khởi động lại sau đó để tạo lại mã truy cập của
cổng thông tin, webhook và dựng lại cổng thông tin.

  --force    ghi đè cơ sở dữ liệu đang có nội dung (bản cũ được giữ lại bên cạnh)
  --dry-run  chỉ đọc và kiểm tra tệp sao lưu, in những gì sẽ khôi phục
`;

const flagsSchema = z.object({ force: z.boolean().default(false), 'dry-run': z.boolean().default(false) });

async function cmsAnswers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/_health`, { signal: AbortSignal.timeout(2000) });
    return res.status === 204 || res.ok;
  } catch (error) {
    if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'TypeError') return false;
    throw error;
  }
}

async function main(): Promise<void> {
  const { flags, positionals } = parseCli(process.argv.slice(2), { force: { type: 'boolean' }, 'dry-run': { type: 'boolean' } }, flagsSchema, USAGE, { positionals: true });
  if (positionals.length !== 1) throw new UsageError(`Cần đúng một tệp sao lưu (nhận ${positionals.length}).\n${USAGE.trim()}`);
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
  const { config, env } = loadConfig();
  const target = databaseTargetFrom(env);
  if (flags['dry-run']) {
    const contents = await readArchive(file, config.BACKUP_ENCRYPTION_KEY);
    console.log(`Chạy thử: ${file} đọc được (tạo lúc ${contents.createdAt}, Strapi ${contents.strapiVersion}); sẽ khôi phục vào ${describeTarget(target)}:`);
    for (const [type, rows] of [...contents.entities].sort()) console.log(`  ${type}: ${rows} bản ghi`);
    console.log(`  tệp media: ${contents.assets}`);
    return;
  }
  const cmsUrl = `http://127.0.0.1:${config.CMS_PORT}`;
  if (await cmsAnswers(cmsUrl)) throw new RestoreError(`CMS đang chạy (${cmsUrl}): hãy dừng npm start trước khi khôi phục, rồi khởi động lại sau.`);
  const result = await restoreArchive({ file, key: config.BACKUP_ENCRYPTION_KEY, target, env, force: flags.force, publicDir: env.CMS_PUBLIC_DIR, log: (l) => console.log(l) });
  console.log(`Đã khôi phục ${file} vào ${describeTarget(target)} trong ${(result.ms / 1000).toFixed(1)} s:`);
  for (const line of formatCounts(result.counts)) console.log(line);
  if (result.previousDatabase) console.log(`Dữ liệu cũ được giữ tại: ${result.previousDatabase}${result.previousUploads ? ` và ${result.previousUploads}` : ''} (xóa khi không cần nữa).`);
  console.log('Tiếp theo: npm start (tạo lại mã truy cập của cổng thông tin và webhook, rồi dựng lại cổng thông tin với đủ ảnh).');
  console.log('Tài khoản quản trị không nằm trong bản sao lưu: trên cơ sở dữ liệu mới, tạo lại bằng ADMIN_EMAIL/ADMIN_PASSWORD hoặc mời lại biên tập viên.');
}

runMain(main, 'Khôi phục thất bại');
