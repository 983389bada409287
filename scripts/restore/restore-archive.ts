import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readArchive, type ArchiveContents } from '../backup/read-archive.ts';
import { CMS_DIR } from '../lib/cms-process.ts';
import { openDatabase } from '../lib/database-client.ts';
import { countContent, holdsContent, type KindCount } from '../lib/content-counts.ts';
import { databaseEnv, describeTarget, type DatabaseTarget } from '../lib/database-target.ts';
import { lastMeaningfulLine, runStrapiCli } from '../lib/strapi-cli.ts';
import { diskFullError, isDiskFull } from './disk-full.ts';
import { RestoreError } from './restore-error.ts';
import { mediaInBucket } from './bucket-media.ts';
import { createStaging, dropPrevious, removeDir, revertUploads, switchUploads } from './staging.ts';

// Seeded at every CMS start: their rows alone do not make a database "hold content".
const SEEDED = new Set(['api::theme.theme', 'api::task-group.task-group', 'api::channel.channel', 'api::unit.unit', 'api::audience.audience', 'api::commune.commune']);

export interface RestoreOptions {
  file: string;
  key: string;
  target: DatabaseTarget;
  /** The project environment, passed to `strapi import` (secrets, SITE_API_TOKEN, …). */
  env: Record<string, string>;
  force?: boolean;
  /** The CMS's public folder, whose uploads/ the restore replaces (default cms/public). */
  publicDir?: string;
  log?: (line: string) => void;
}

export interface RestoreResult {
  contents: ArchiveContents;
  counts: KindCount[];
  /** The database (file or schema) and media folder that were replaced, when kept. */
  previousDatabase: string | null;
  previousUploads: string | null;
  ms: number;
}

async function countTarget(target: DatabaseTarget): Promise<KindCount[]> {
  if (target.kind === 'sqlite' && !existsSync(target.file)) return [];
  const client = await openDatabase(target);
  try {
    return await countContent(client);
  } finally {
    await client.close();
  }
}

function uploadedFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).filter((name) => !name.startsWith('.')).length;
}

/**
 * Restores an archive of `npm run backup` into `target`: the archive is read whole first
 * (wrong key, damaged file), then imported by Strapi into a staging database and a staging
 * media folder, checked against the archive's counts, and only then switched in. A full disk
 * on the way is named as such (the staging copies are removed, nothing was switched).
 */
export async function restoreArchive(options: RestoreOptions): Promise<RestoreResult> {
  try {
    return await restoreThroughStaging(options);
  } catch (error) {
    if (!isDiskFull(error)) throw error;
    const livePublic = resolve(CMS_DIR, options.publicDir ?? 'public');
    const places = options.target.kind === 'sqlite' ? [dirname(options.target.file), dirname(livePublic)] : [describeTarget(options.target), dirname(livePublic)];
    throw diskFullError([...new Set(places)], error);
  }
}

async function restoreThroughStaging(options: RestoreOptions): Promise<RestoreResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const { target } = options;
  log(`Đang kiểm tra tệp sao lưu ${options.file}…`);
  const contents = await readArchive(options.file, options.key);

  const before = await countTarget(target);
  if (holdsContent(before, SEEDED) && !options.force) {
    const summary = before.filter((c) => c.documents > 0 && !SEEDED.has(c.uid)).map((c) => `${c.label}: ${c.documents}`).join(', ');
    throw new RestoreError(`${describeTarget(target)} đang có nội dung (${summary}): không ghi đè. Thêm --force để thay bằng bản sao lưu (bản hiện tại được giữ lại bên cạnh).`);
  }

  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  // Relative to cms/, as Strapi resolves server.dirs.public.
  const livePublic = resolve(CMS_DIR, options.publicDir ?? 'public');
  const workDir = join(dirname(livePublic), `.restore-${stamp}`);
  const stagingPublic = join(workDir, 'public');
  mkdirSync(join(stagingPublic, 'uploads'), { recursive: true });
  let staging: Awaited<ReturnType<typeof createStaging>>;
  try {
    staging = await createStaging(target, stamp);
  } catch (error) {
    removeDir(workDir);
    throw error;
  }
  let switched = false;
  try {
    log(`Đang nhập dữ liệu vào ${describeTarget(staging.target)} (strapi import)…`);
    const result = await runStrapiCli(['import', '--file', resolve(options.file), '--key', options.key, '--force'], {
      ...options.env,
      ...databaseEnv(staging.target),
      CMS_PUBLIC_DIR: stagingPublic,
      // The import boots the CMS: no demo set, whatever the environment says.
      SEED_DEMO: 'false',
    });
    if (result.code !== 0) throw new RestoreError(`strapi import thất bại (mã ${result.code}): ${lastMeaningfulLine(result.output)}`, result.output);

    const stagingClient = await openDatabase(staging.target);
    let counts: KindCount[];
    // With UPLOAD_BUCKET the import put the media in the bucket, not in the staging folder.
    const inBucket = Boolean(options.env.UPLOAD_BUCKET?.trim());
    let bucketMedia: Awaited<ReturnType<typeof mediaInBucket>> | null = null;
    try {
      counts = await countContent(stagingClient);
      if (inBucket) bucketMedia = await mediaInBucket(stagingClient, options.env);
    } finally {
      await stagingClient.close();
    }
    const wrong = counts.filter((c) => c.rows !== (contents.entities.get(c.uid) ?? 0));
    if (wrong.length > 0) {
      const detail = wrong.map((c) => `${c.label}: ${c.rows} bản ghi thay vì ${contents.entities.get(c.uid) ?? 0}`).join(', ');
      throw new RestoreError(`Dữ liệu nhập vào không khớp với bản sao lưu (${detail}); chưa thay đổi gì.`);
    }
    const media = bucketMedia ? bucketMedia.found : uploadedFiles(join(stagingPublic, 'uploads'));
    if (bucketMedia?.missing.length) {
      throw new RestoreError(`Kho ${options.env.UPLOAD_BUCKET} thiếu ${bucketMedia.missing.length} tệp media sau khi nhập (ví dụ ${bucketMedia.missing[0]}); chưa thay đổi gì.`);
    }
    if (media !== contents.assets) throw new RestoreError(`Chỉ nhập được ${media} trong ${contents.assets} tệp media; chưa thay đổi gì.`);

    // Media first: the portal build that follows a CMS start must find every image. In a
    // bucket they are in place already (a file's key is its content's hash: nothing is overwritten).
    const previousUploads = inBucket ? null : switchUploads(stagingPublic, livePublic, workDir);
    let previousDatabase: string | null;
    try {
      ({ previous: previousDatabase } = await staging.switchIn());
    } catch (error) {
      if (!inBucket) revertUploads(stagingPublic, livePublic, previousUploads);
      throw error;
    }
    switched = true;
    const keepOld = holdsContent(before, SEEDED);
    if (!keepOld) {
      if (previousDatabase) await dropPrevious(target, previousDatabase);
      removeDir(workDir);
      previousDatabase = null;
    }
    return { contents, counts, previousDatabase, previousUploads: keepOld ? previousUploads : null, ms: Date.now() - started };
  } finally {
    if (!switched) {
      await staging.discard();
      removeDir(workDir);
    }
  }
}
