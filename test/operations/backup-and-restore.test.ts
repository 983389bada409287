import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArchive } from '../../scripts/backup/read-archive.ts';
import { GENERATED_SECRETS } from '../../scripts/env/ensure-env.ts';
import { CMS_DIR } from '../../scripts/lib/cms-process.ts';
import { openDatabase } from '../../scripts/lib/database-client.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { AdminApi } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { publishArticle } from '../crosspost/helpers/runner-harness.ts';
import { runSiteBuild } from '../helpers/site-build.ts';
import { builtPages, firstDifference } from './built-portal.ts';
import { mediaChecksums, npmRun, publishedDocuments, sha256, startCmsWith, writeEnvFile, type RunningCms } from './ops-harness.ts';

const PG_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const freshSecrets = () => Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()]));

/** Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN), tried on a scratch folder. */
const canMountTmpfs = (() => {
  if (process.getuid?.() !== 0) return false;
  const dir = mkdtempSync(join(tmpdir(), 'tt-mount-probe-'));
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status !== 0) return false;
    return spawnSync('umount', [dir]).status === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

async function pgAdmin(sql: string): Promise<void> {
  const { Client } = createRequire(join(CMS_DIR, 'package.json'))('pg') as { Client: new (o: { connectionString: string }) => { connect(): Promise<void>; query(s: string): Promise<unknown>; end(): Promise<void> } };
  const c = new Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(sql);
  await c.end();
}

async function ledgerRows(target: Parameters<typeof openDatabase>[0]): Promise<unknown[]> {
  const db = await openDatabase(target);
  try {
    const rows = await db.query('SELECT * FROM crosspost_jobs ORDER BY document_id, channel');
    // SQLite keeps times as epoch milliseconds, PostgreSQL as timestamps: compare instants.
    const instant = (key: string, v: unknown) => (key.endsWith('_at') && v !== null && v !== undefined ? new Date(v as string | number).toISOString() : v);
    return rows.map(({ id: _id, created_by_id: _c, updated_by_id: _u, ...rest }) => Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, instant(k, v)])));
  } finally {
    await db.close();
  }
}

// A backup or restore boots Strapi (compile, load) in a child process: ~25-35 s alone, twice
// that on a loaded 2-core machine.
describe('backup and restore of a seeded SQLite install', { timeout: 300_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'tt-ops-'));
  const src = { db: join(work, 'src', 'data.db'), public: join(work, 'src', 'public') };
  const backups = join(work, 'backups');
  const measured: Record<string, string> = {};
  let source: TestCms;
  let sourceView: RunningCms;
  let srcEnv: string;
  let srcValues: Record<string, string>;
  let archive: string;
  const pgName = `tt_move_${randomBytes(5).toString('hex')}`;
  const started: RunningCms[] = [];
  let restoredSqlite: RunningCms | undefined;

  beforeAll(async () => {
    mkdirSync(join(src.public, 'uploads'), { recursive: true });
    const deadPorts = { WORKER_PORT: String(await freePort()), SITE_PORT: String(await freePort()) };
    source = await bootCms({ seedDemo: true, env: { DATABASE_FILENAME: src.db, CMS_PUBLIC_DIR: src.public, ...deadPorts } });
    const api = new AdminApi(source, source.adminToken);
    await publishArticle(api, 'Sao lưu giữ sổ chia sẻ', ['facebook', 'zalo']);
    srcValues = {
      ...source.secrets,
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: src.db,
      CMS_PUBLIC_DIR: src.public,
      CMS_PORT: new URL(source.url).port,
      ...deadPorts,
      BACKUP_DIR: backups,
      DATA_DIR: join(work, 'var'),
    };
    srcEnv = writeEnvFile(join(work, 'src.env'), srcValues);
    sourceView = { ...(source as unknown as RunningCms), siteToken: source.siteToken };
  }, 300_000);

  afterAll(async () => {
    for (const cms of started) await cms.stop();
    await source?.stop();
    await pgAdmin(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
    rmSync(work, { recursive: true, force: true });
    console.log(`Measured: ${JSON.stringify(measured)}`);
  });

  it('npm run backup writes one encrypted archive that reads back whole, prints its checksum and keeps the newest N', async () => {
    mkdirSync(backups, { recursive: true });
    for (const old of ['thanh-thuy-20200101-000000', 'thanh-thuy-20200102-000000']) writeFileSync(join(backups, `${old}.tar.gz.enc`), 'old');
    const run = await npmRun('backup', ['--keep', '2'], srcEnv);
    expect(run.code, run.stderr).toBe(0);
    archive = /Đã sao lưu: (\S+)/.exec(run.stdout)![1];
    const digest = /sha256: ([0-9a-f]{64})/.exec(run.stdout)![1];
    expect(digest).toBe(sha256(archive));
    expect(readFileSync(`${archive}.sha256`, 'utf8')).toContain(digest);
    // Encrypted: neither a gzip nor a tar header shows through.
    expect(readFileSync(archive).subarray(0, 2).toString('hex')).not.toBe('1f8b');
    const contents = await readArchive(archive, srcValues.BACKUP_ENCRYPTION_KEY);
    expect(contents.entities.get('api::crosspost-job.crosspost-job')).toBeGreaterThanOrEqual(2);
    expect(contents.entities.get('api::commune.commune')).toBe(1);
    expect(contents.assets).toBe(Object.keys(mediaChecksums(join(src.public, 'uploads'))).length);
    expect(contents.assets).toBeGreaterThan(0);
    // Retention: the new archive and the newest old one stay.
    const names = (await import('node:fs')).readdirSync(backups).filter((n) => n.endsWith('.enc')).sort();
    expect(names).toEqual(['thanh-thuy-20200102-000000.tar.gz.enc', archive.split('/').pop()]);
    measured.backupSeconds = (run.ms / 1000).toFixed(1);
    measured.archiveBytes = String(statSync(archive).size);
  });

  it('a restore into a fresh SQLite database brings back every document, relation, ledger row and media file', async () => {
    const dst = { db: join(work, 'dst', 'data.db'), public: join(work, 'dst', 'public') };
    const values = { ...srcValues, DATABASE_FILENAME: dst.db, CMS_PUBLIC_DIR: dst.public, CMS_PORT: String(await freePort()) };
    const run = await npmRun('restore', [archive], writeEnvFile(join(work, 'dst.env'), values));
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toMatch(/Tin bài: \d+/);
    measured.restoreSqliteSeconds = (run.ms / 1000).toFixed(1);
    expect(mediaChecksums(join(dst.public, 'uploads'))).toEqual(mediaChecksums(join(src.public, 'uploads')));
    expect(await ledgerRows({ kind: 'sqlite', file: dst.db })).toEqual(await ledgerRows({ kind: 'sqlite', file: src.db }));
    // New secrets: the CMS re-keys the portal's token from SITE_API_TOKEN at start.
    const restored = await startCmsWith({ ...freshSecrets(), DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: dst.db, CMS_PUBLIC_DIR: dst.public });
    started.push(restored);
    restoredSqlite = restored;
    const [before, after] = [await publishedDocuments(sourceView), await publishedDocuments(restored)];
    expect((before.articles as unknown[]).length).toBeGreaterThan(5);
    expect(after).toEqual(before);
  });

  // One build each (a build takes minutes on a loaded 2-core machine), one after the other.
  it('the portal built from the restored SQLite install has the same pages and feeds as the one built from the source', { timeout: 900_000 }, async () => {
    expect(restoredSqlite, 'the restore into SQLite did not leave a running CMS').toBeDefined();
    const build = async (name: string, cms: { url: string; siteToken: string }) => {
      const outDir = join(work, `portal-${name}`);
      const result = await runSiteBuild({ CMS_URL: cms.url, SITE_API_TOKEN: cms.siteToken, SITE_URL: 'http://localhost:4321', SITE_OUT_DIR: outDir, SITE_CACHE_DIR: join(work, `site-cache-${name}`) });
      expect(result.code, `${result.stderr}\n${result.stdout.slice(-2000)}`).toBe(0);
      measured[`siteBuild${name}Seconds`] = (result.ms / 1000).toFixed(1);
      return builtPages(outDir);
    };
    const fromSource = await build('Source', sourceView);
    const fromRestored = await build('Restored', restoredSqlite!);
    // The demo set's pages, sections, themes and feeds: a build that lost content would be short.
    expect(fromSource.size).toBeGreaterThan(30);
    expect([...fromSource.keys()].filter((p) => p.endsWith('rss.xml')).length).toBeGreaterThan(3);
    // The images came through the restore: the source build has processed images to compare.
    expect([...fromSource.values()].some((t) => t.includes('/_astro/{sha256:'))).toBe(true);
    expect(firstDifference(fromSource, fromRestored)).toBeNull();
  });

  it('db:move carries the install to PostgreSQL with the same documents and prints the DATABASE_URL line', async () => {
    await pgAdmin(`CREATE DATABASE ${pgName}`);
    const url = new URL(PG_URL);
    url.pathname = `/${pgName}`;
    const run = await npmRun('db:move', ['--to', url.toString()], srcEnv);
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toContain(`DATABASE_URL=${url.toString()}`);
    measured.moveToPostgresSeconds = (run.ms / 1000).toFixed(1);
    expect(await ledgerRows({ kind: 'postgres', url: url.toString(), schema: 'public' })).toEqual(await ledgerRows({ kind: 'sqlite', file: src.db }));
    const moved = await startCmsWith({ ...freshSecrets(), DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString(), CMS_PUBLIC_DIR: src.public });
    started.push(moved);
    expect(await publishedDocuments(moved)).toEqual(await publishedDocuments(sourceView));
  });

  describe('bad input leaves the target as it was', () => {
    let target: { env: string; db: string; uploads: string };
    const fingerprint = () => ({ db: sha256(target.db), media: mediaChecksums(target.uploads) });

    beforeAll(async () => {
      const dir = join(work, 'target');
      const values = { ...srcValues, DATABASE_FILENAME: join(dir, 'data.db'), CMS_PUBLIC_DIR: join(dir, 'public'), CMS_PORT: String(await freePort()) };
      const env = writeEnvFile(join(work, 'target.env'), values);
      const run = await npmRun('restore', [archive], env);
      expect(run.code, run.stderr).toBe(0);
      target = { env, db: values.DATABASE_FILENAME, uploads: join(values.CMS_PUBLIC_DIR, 'uploads') };
    }, 300_000);

    const damaged = (name: string, damage: (file: string) => void) => {
      const file = join(work, name);
      copyFileSync(archive, file);
      damage(file);
      return file;
    };

    it.each([
      ['a truncated archive', () => damaged('truncated.tar.gz.enc', (f) => truncateSync(f, Math.floor(statSync(f).size / 2))), /bị cắt cụt|bị hỏng/],
      [
        'an archive with damaged bytes',
        () =>
          damaged('corrupt.tar.gz.enc', (f) => {
            const bytes = readFileSync(f);
            for (let i = Math.floor(bytes.length / 2); i < Math.floor(bytes.length / 2) + 64; i++) bytes[i] ^= 0xff;
            writeFileSync(f, bytes);
          }),
        /bị hỏng|bị cắt cụt/,
      ],
    ])('%s is refused with one Vietnamese line and a non-zero exit', async (_name, make, message) => {
      const before = fingerprint();
      const run = await npmRun('restore', [make(), '--force'], target.env);
      expect(run.code).not.toBe(0);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(fingerprint()).toEqual(before);
    });

    it('a wrong key is named as such and nothing changes', async () => {
      const before = fingerprint();
      const values = Object.fromEntries(readFileSync(target.env, 'utf8').trim().split('\n').map((l) => l.split(/=(.*)/s).slice(0, 2)));
      const env = writeEnvFile(join(work, 'wrong-key.env'), { ...values, BACKUP_ENCRYPTION_KEY: 'not-the-key-used-for-this-backup' });
      const run = await npmRun('restore', [archive, '--force'], env);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('sai khóa BACKUP_ENCRYPTION_KEY');
      expect(fingerprint()).toEqual(before);
    });

    // A real full disk: the install sits on a tmpfs with room for itself and a quarter more,
    // less than the staging copies a restore writes. Mounting needs root (CAP_SYS_ADMIN).
    it.skipIf(!canMountTmpfs)('a disk that fills up during a restore is named as full, and the install on it is left as it was, with no staging copy behind', async () => {
      const disk = join(work, 'small-disk');
      mkdirSync(disk);
      const uploadsBytes = readdirSync(target.uploads).reduce((sum, n) => sum + statSync(join(target.uploads, n)).size, 0);
      const size = Math.ceil((statSync(target.db).size + uploadsBytes) * 1.25) + 256 * 1024;
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', disk]);
      try {
        const onDisk = { db: join(disk, 'data.db'), public: join(disk, 'public') };
        copyFileSync(target.db, onDisk.db);
        cpSync(target.uploads, join(onDisk.public, 'uploads'), { recursive: true });
        const values = Object.fromEntries(readFileSync(target.env, 'utf8').trim().split('\n').map((l) => l.split(/=(.*)/s).slice(0, 2)));
        const env = writeEnvFile(join(work, 'small-disk.env'), { ...values, DATABASE_FILENAME: onDisk.db, CMS_PUBLIC_DIR: onDisk.public });
        const print = () => ({ db: sha256(onDisk.db), media: mediaChecksums(join(onDisk.public, 'uploads')) });
        const before = print();
        const run = await npmRun('restore', [archive, '--force'], env);
        expect(run.code).not.toBe(0);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.stderr).toContain(`Ổ đĩa đầy: không đủ chỗ trống để khôi phục vào ${disk}`);
        expect(print()).toEqual(before);
        expect(readdirSync(disk).sort()).toEqual(['data.db', 'public']);
        expect(readdirSync(onDisk.public)).toEqual(['uploads']);
      } finally {
        execFileSync('umount', [disk]);
      }
    });

    it('a database holding content is not overwritten without --force', async () => {
      const before = fingerprint();
      const run = await npmRun('restore', [archive], target.env);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/đang có nội dung \(Tin bài: \d+/);
      expect(fingerprint()).toEqual(before);
    });

    it('a PostgreSQL that refuses the connection stops db:move with one line naming it', async () => {
      const run = await npmRun('db:move', ['--to', 'postgres://postgres@127.0.0.1:1/thanhthuy'], srcEnv);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('Không kết nối được PostgreSQL postgres://postgres@127.0.0.1:1/thanhthuy');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    });
  });

  it('doctor reports a stopped worker and a missing backup, and never prints a credential', async () => {
    const env = writeEnvFile(join(work, 'doctor.env'), { ...srcValues, BACKUP_DIR: join(work, 'no-backups-here'), FACEBOOK_PAGE_ACCESS_TOKEN: 'EAAGsecretvalue123' });
    const run = await npmRun('doctor', [], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✔ CMS hoạt động');
    expect(run.stdout).toContain('✔ Cơ sở dữ liệu SQLite');
    expect(run.stdout).toContain('✘ Bộ dựng trang không chạy');
    expect(run.stdout).toContain('✘ Chưa có bản sao lưu nào');
    expect(run.stdout).toContain('✘ Facebook: thiếu FACEBOOK_PAGE_ID');
    expect(run.stdout).not.toContain('EAAGsecretvalue123');
    const withBackup = writeEnvFile(join(work, 'doctor2.env'), { ...srcValues });
    const again = await npmRun('doctor', [], withBackup);
    expect(again.stdout).toMatch(/✔ Bản sao lưu gần nhất: thanh-thuy-\d{8}-\d{6}/);
  });
});
