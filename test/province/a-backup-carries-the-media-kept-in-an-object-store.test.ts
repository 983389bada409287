import { HeadObjectCommand, ListObjectsV2Command, type S3Client, type _Object } from '@aws-sdk/client-s3';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArchive } from '../../scripts/backup/read-archive.ts';
import { openDatabase } from '../../scripts/lib/database-client.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { s3Status } from '../../scripts/rebuild/object-store/object-store-env.ts';
import { AdminApi } from '../helpers/admin-api.ts';
import { multipart } from '../helpers/admin-users.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { npmRun, writeEnvFile } from '../operations/ops-harness.ts';
import { startTestS3, type TestS3 } from './helpers/s3-server.ts';

const BUCKET = 'media-sao-luu';
// A new bucket after the old one was lost.
const NEW_BUCKET = 'media-khoi-phuc';

async function allObjects(client: S3Client, bucket: string, prefix: string): Promise<_Object[]> {
  const objects: _Object[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    objects.push(...(page.Contents ?? []));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}

// With UPLOAD_BUCKET the media are not on the CMS's disk: `npm run backup` must still carry
// them (Strapi's export reads each file at its public address), or a restore would lose them.
describe('a backup carries the media kept in an object store', { timeout: 300_000 }, () => {
  let work: string;
  let s3: TestS3;
  let cms: TestCms;
  let file: { url: string; hash: string; ext: string; name: string; size: number; formats?: Record<string, { size: number }> | null };
  let original: Uint8Array;
  let envFile: string;
  let key: string;
  let archivePath: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'tt-backup-s3-'));
    s3 = await startTestS3([BUCKET, NEW_BUCKET]);
    const db = join(work, 'data.db');
    const publicDir = join(work, 'public');
    mkdirSync(join(publicDir, 'uploads'), { recursive: true });
    const deadPorts = { WORKER_PORT: String(await freePort()), SITE_PORT: String(await freePort()) };
    cms = await bootCms({ env: { DATABASE_FILENAME: db, CMS_PUBLIC_DIR: publicDir, UPLOAD_BUCKET: BUCKET, ...s3.env, ...deadPorts } });
    original = new Uint8Array(await sharp({ create: { width: 640, height: 360, channels: 3, background: '#1060d0' } }).jpeg().toBuffer());
    const uploaded = await multipart(new AdminApi(cms, cms.adminToken), '/upload', { files: new Blob([new Uint8Array(original)], { type: 'image/jpeg' }) }, 'POST', 'bien-ban-hop.jpg');
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    [file] = uploaded.body as Array<typeof file>;
    key = cms.secrets.BACKUP_ENCRYPTION_KEY;
    envFile = writeEnvFile(join(work, '.env'), {
      ...cms.secrets,
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: db,
      CMS_PUBLIC_DIR: publicDir,
      CMS_PORT: new URL(cms.url).port,
      ...deadPorts,
      UPLOAD_BUCKET: BUCKET,
      ...s3.env,
      BACKUP_DIR: join(work, 'backups'),
      DATA_DIR: join(work, 'var'),
    });
  }, 300_000);

  afterAll(async () => {
    await cms?.stop();
    await s3?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('the file is in the bucket and not on the CMS’s disk', async () => {
    const head = await s3.store(BUCKET).client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `uploads/${file.hash}${file.ext}` })).catch((e) => e);
    expect(s3Status(head)).toBe(200);
    expect(file.url.startsWith(s3.endpoint)).toBe(true);
  });

  it('npm run backup writes an archive holding the file’s own bytes', async () => {
    const run = await npmRun('backup', [], envFile);
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    const archive = /Đã sao lưu: (\S+)/.exec(run.stdout)![1];
    const contents = await readArchive(archive, key);
    // Every object of the bucket's media (the demo's, the new file and the smaller copies Strapi
    // made of it), each whole: as many files and as many bytes as the bucket holds.
    const objects = await allObjects(s3.store(BUCKET).client, BUCKET, 'uploads/');
    expect(objects.map((o) => o.Key)).toContain(`uploads/${file.hash}${file.ext}`);
    expect(contents.assets).toBe(objects.length);
    expect(contents.assetBytes).toBe(objects.reduce((n, o) => n + (o.Size ?? 0), 0));
    archivePath = archive;
  });

  it('npm run restore into a new database and an empty bucket puts every media file back, and the files point at it', async () => {
    const values = Object.fromEntries(readFileSync(envFile, 'utf8').trim().split('\n').map((l) => l.split(/=(.*)/s).slice(0, 2)));
    const target = { ...values, DATABASE_FILENAME: join(work, 'restored.db'), CMS_PUBLIC_DIR: join(work, 'restored-public'), CMS_PORT: String(await freePort()), UPLOAD_BUCKET: NEW_BUCKET };
    const run = await npmRun('restore', [archivePath], writeEnvFile(join(work, 'restored.env'), target));
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    const [before, after] = [await allObjects(s3.store(BUCKET).client, BUCKET, 'uploads/'), await allObjects(s3.store(NEW_BUCKET).client, NEW_BUCKET, 'uploads/')];
    expect(after.map((o) => [o.Key, o.Size]).sort()).toEqual(before.map((o) => [o.Key, o.Size]).sort());
    const db = await openDatabase({ kind: 'sqlite', file: target.DATABASE_FILENAME });
    try {
      const [row] = await db.query(`SELECT url FROM files WHERE hash = '${file.hash}'`);
      expect(String(row.url)).toBe(`${s3.endpoint}/${NEW_BUCKET}/uploads/${file.hash}${file.ext}`);
    } finally {
      await db.close();
    }
  });
});
