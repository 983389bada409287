import { resolve } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../env/config.ts';
import { parseCli, runMain } from '../lib/cli.ts';
import { databaseTargetFrom, describeTarget } from '../lib/database-target.ts';
import { formatBytes, listArchives } from './archive-files.ts';
import { applyRetention, createBackup } from './create-backup.ts';

const USAGE = `
Cách dùng: npm run backup [-- --out THƯ_MỤC --keep N --dry-run]

Sao lưu toàn bộ nội dung, tệp media, sổ chia sẻ mạng xã hội, danh mục và thông tin xã vào
một tệp mã hóa (strapi export, khóa BACKUP_ENCRYPTION_KEY trong .env), đọc lại để kiểm tra,
rồi in đường dẫn, dung lượng và mã sha256.

  --out THƯ_MỤC  nơi ghi bản sao lưu (mặc định BACKUP_DIR, hoặc var/backups)
  --keep N       chỉ giữ N bản mới nhất trong thư mục đó (xóa các bản cũ hơn)
  --dry-run      chỉ in sẽ làm gì, không ghi và không xóa gì
`;

const flagsSchema = z.object({
  out: z.string().min(1).optional(),
  keep: z.coerce.number().int().min(1, 'phải từ 1 trở lên').optional(),
  'dry-run': z.boolean().default(false),
});

async function main(): Promise<void> {
  const { flags } = parseCli(process.argv.slice(2), { out: { type: 'string' }, keep: { type: 'string' }, 'dry-run': { type: 'boolean' } }, flagsSchema, USAGE);
  const { config, env } = loadConfig();
  const outDir = flags.out ? resolve(flags.out) : config.BACKUP_DIR;
  const source = databaseTargetFrom(env);
  if (flags['dry-run']) {
    console.log(`Chạy thử: sẽ sao lưu ${describeTarget(source)} và thư mục media vào ${outDir}`);
    if (flags.keep) {
      const old = applyRetention(outDir, Math.max(0, flags.keep - 1), true);
      for (const a of old) console.log(`Chạy thử: sẽ xóa bản cũ ${a.path}`);
    }
    return;
  }
  const result = await createBackup({ env, source, key: config.BACKUP_ENCRYPTION_KEY, outDir, keep: flags.keep, log: (l) => console.log(l) });
  const entities = [...result.contents.entities.values()].reduce((a, b) => a + b, 0);
  console.log(`Đã sao lưu: ${result.path}`);
  console.log(`  dung lượng: ${formatBytes(result.size)} (${result.size} byte)`);
  console.log(`  sha256: ${result.sha256}`);
  console.log(`  gồm ${entities} bản ghi, ${result.contents.links} liên kết, ${result.contents.assets} tệp media; mất ${(result.ms / 1000).toFixed(1)} s`);
  for (const a of result.removed) console.log(`  đã xóa bản cũ: ${a.name}`);
  console.log(`  Giữ bản sao khóa BACKUP_ENCRYPTION_KEY ở nơi khác máy này: thiếu khóa thì không khôi phục được. Hiện có ${listArchives(outDir).length} bản trong ${outDir}.`);
}

runMain(main, 'Sao lưu thất bại');
