import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createBackup } from '../backup/create-backup.ts';
import { loadConfig } from '../env/config.ts';
import { parseCli, runMain } from '../lib/cli.ts';
import { countContent, formatCounts, type KindCount } from '../lib/content-counts.ts';
import { openDatabase } from '../lib/database-client.ts';
import { databaseTargetFrom, describeTarget, type DatabaseTarget } from '../lib/database-target.ts';
import { restoreArchive } from '../restore/restore-archive.ts';
import { RestoreError } from '../restore/restore-error.ts';

const USAGE = `
Cách dùng: npm run db:move -- --to postgres://NGƯỜI_DÙNG:MẬT_KHẨU@MÁY:5432/TÊN_CSDL [--force] [--dry-run]

Chuyển dữ liệu của bản cài đặt này (thường là SQLite) sang PostgreSQL trong một lệnh: sao lưu,
khôi phục vào cơ sở dữ liệu đích, đối chiếu số lượng từng loại, rồi in dòng DATABASE_URL=…
để đặt vào .env. Tệp media ở nguyên chỗ cũ. CMS có thể vẫn chạy trong lúc chuyển; nội dung
sửa sau khi lệnh bắt đầu sẽ không được chuyển.

  --to URL   cơ sở dữ liệu PostgreSQL đích (đã tạo sẵn, đang trống)
  --force    ghi đè cơ sở dữ liệu đích nếu nó đã có nội dung (bản cũ được giữ lại)
  --dry-run  chỉ kiểm tra kết nối tới đích và in những gì sẽ làm
`;

const flagsSchema = z.object({
  to: z
    .string({ required_error: 'cần địa chỉ PostgreSQL đích' })
    .url('không phải một địa chỉ URL')
    .refine((url) => /^postgres(ql)?:\/\//.test(url), 'phải bắt đầu bằng postgres://'),
  force: z.boolean().default(false),
  'dry-run': z.boolean().default(false),
});

async function counts(target: DatabaseTarget): Promise<KindCount[]> {
  const client = await openDatabase(target, { readonly: target.kind === 'sqlite' });
  try {
    return await countContent(client);
  } finally {
    await client.close();
  }
}

async function main(): Promise<void> {
  const { flags } = parseCli(process.argv.slice(2), { to: { type: 'string' }, force: { type: 'boolean' }, 'dry-run': { type: 'boolean' } }, flagsSchema, USAGE);
  const { config, env } = loadConfig();
  const source = databaseTargetFrom(env);
  const target: DatabaseTarget = { kind: 'postgres', url: flags.to, schema: 'public' };
  if (flags['dry-run']) {
    const [from, to] = [await counts(source), await counts(target)];
    const busy = to.filter((c) => c.rows > 0).length;
    console.log(`Chạy thử: sẽ chuyển ${describeTarget(source)} sang ${describeTarget(target)} (đích kết nối được, ${busy ? 'đang có dữ liệu' : 'trống'}):`);
    for (const line of formatCounts(from)) console.log(line);
    return;
  }
  // Before the backup: a target that refuses the connection is named at once.
  await counts(target);
  const work = mkdtempSync(join(tmpdir(), 'tt-db-move-'));
  try {
    const backup = await createBackup({ env, source, key: config.BACKUP_ENCRYPTION_KEY, outDir: work, log: (l) => console.log(l) });
    console.log(`Đã sao lưu nguồn (${describeTarget(source)}) trong ${(backup.ms / 1000).toFixed(1)} s.`);
    // Media stay where they are: the import's copy goes to a throwaway folder.
    const restored = await restoreArchive({ file: backup.path, key: config.BACKUP_ENCRYPTION_KEY, target, env, force: flags.force, publicDir: join(work, 'public'), log: (l) => console.log(l) });
    const from = await counts(source);
    const moved = await counts(target);
    const missing = from.filter((c) => (moved.find((m) => m.uid === c.uid)?.documents ?? 0) < c.documents);
    if (missing.length > 0) {
      throw new RestoreError(`Đích thiếu dữ liệu so với nguồn: ${missing.map((c) => `${c.label} ${moved.find((m) => m.uid === c.uid)?.documents ?? 0}/${c.documents}`).join(', ')}`);
    }
    console.log(`Đã chuyển sang ${describeTarget(target)} trong ${(restored.ms / 1000).toFixed(1)} s; số lượng khớp với nguồn:`);
    for (const line of formatCounts(moved)) console.log(line);
    console.log('Đặt dòng sau vào .env (thay dòng DATABASE_URL cũ nếu có), rồi khởi động lại bằng npm start:');
    console.log(`DATABASE_URL=${flags.to}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

runMain(main, 'Chuyển cơ sở dữ liệu thất bại');
