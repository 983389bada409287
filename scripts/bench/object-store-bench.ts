// What an S3-compatible object store adds to a publish in a province (RELEASE_BUCKET): the
// worker's push of a release, the portal's pull of it, and the pointer poll in between. Real
// releases (the site build on synthetic CMS data: a full one, then one piece changed) against
// a local S3-compatible server (s3rver, as in the tests) on 127.0.0.1; a hosted store adds its
// own network round trips to each request.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ROOT } from '../env/config.ts';
import { exitWithUsageOnHelp } from '../lib/help-flag.ts';
import { CommuneReleases } from '../rebuild/object-store/commune-releases.ts';
import { newBuildId, siteLayout } from '../rebuild/releases/release-store.ts';
import { startSyntheticCms } from './synthetic-cms.ts';
// The local S3-compatible server is the tests'.
import { startTestS3 } from '../../test/province/helpers/s3-server.ts';

exitWithUsageOnHelp(`
Cách dùng: npm run bench -- object-store   (hoặc npx tsx scripts/bench/object-store-bench.ts [--pieces 200,1000] [--polls 200])

Đo thời gian kho lưu trữ đối tượng (S3) thêm vào mỗi lần xuất bản cấp tỉnh: đẩy bản phát hành lên
kho (toàn bộ, rồi khi một bài thay đổi), kéo về máy phục vụ, và một lần hỏi con trỏ bản đang chạy.
`);

const flagsSchema = z.object({
  pieces: z.string().default('200,1000').transform((s) => s.split(',').map(Number)).pipe(z.array(z.number().int().min(1)).min(1)),
  polls: z.coerce.number().int().min(1).default(200),
});

const BUILD_SCRIPT = join(ROOT, 'site/scripts/build.mjs');
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

function build(env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUILD_SCRIPT], { env: { ...process.env, ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`Site build failed for the bench: ${stderr.trim()}`))));
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

async function measure(pieces: number, polls: number) {
  const work = mkdtempSync(join(tmpdir(), `tt-object-store-bench-${pieces}-`));
  const cms = await startSyntheticCms({ count: pieces });
  const s3 = await startTestS3(['releases']);
  try {
    const worker = siteLayout(join(work, 'worker'));
    const env = { CMS_URL: cms.url, SITE_API_TOKEN: cms.token, SITE_URL: 'http://localhost:4321', SITE_CACHE_DIR: join(work, 'cache') };
    const first = newBuildId();
    await build({ ...env, SITE_OUT_DIR: join(worker.builds, first) });
    const article = cms.entries.get('articles')![0];
    article.title = `${article.title} (sửa)`;
    article.updatedAt = new Date().toISOString();
    const second = newBuildId();
    await build({ ...env, SITE_OUT_DIR: join(worker.builds, second), SITE_PREVIOUS_DIR: join(worker.builds, first) });

    const store = s3.store('releases');
    const pusher = new CommuneReleases(store, 'xa-do', worker);
    const fullPush = await timed(() => pusher.push(first));
    const portal = new CommuneReleases(store, 'xa-do', siteLayout(join(work, 'portal')));
    const fullPull = await timed(() => portal.pull({ prune: true }));
    const changedPush = await timed(() => pusher.push(second));
    const changedPull = await timed(() => portal.pull({ prune: true }));
    let pollMs = 0;
    for (let i = 0; i < polls; i += 1) pollMs += (await timed(() => portal.live())).ms;
    return { pieces, fullPush, fullPull, changedPush, changedPull, pollMs: pollMs / polls };
  } finally {
    await s3.stop();
    await cms.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { pieces: { type: 'string' }, polls: { type: 'string' } }, strict: true });
  const flags = flagsSchema.parse(values);
  console.log('Object store (RELEASE_BUCKET): a local S3-compatible server (s3rver) on 127.0.0.1; real releases of the portal');
  const rows = [];
  for (const pieces of flags.pieces) {
    const r = await measure(pieces, flags.polls);
    rows.push(r);
    console.log(`${pieces} pieces:`);
    console.log(`  push of a whole release    ${ms(r.fullPush.ms)}   ${r.fullPush.value.uploaded} of ${r.fullPush.value.files} files, ${kib(r.fullPush.value.uploadedBytes)}`);
    console.log(`  pull of it on a new portal ${ms(r.fullPull.ms)}   ${r.fullPull.value!.downloaded} files, ${kib(r.fullPull.value!.downloadedBytes)}`);
    console.log(`  push, one piece changed    ${ms(r.changedPush.ms)}   ${r.changedPush.value.uploaded} of ${r.changedPush.value.files} files, ${kib(r.changedPush.value.uploadedBytes)}`);
    console.log(`  pull, one piece changed    ${ms(r.changedPull.ms)}   ${r.changedPull.value!.downloaded} of ${r.changedPull.value!.files} files downloaded, the rest linked`);
    console.log(`  pointer poll (unchanged)   ${ms(r.pollMs)}   mean of ${flags.polls} conditional GETs`);
    console.log(`  added to publish → live    ${ms(r.changedPush.ms + r.changedPull.ms)} + the wait for the next poll (RELEASE_POLL_MS, 2 s by default: 1 s on average)`);
  }
  console.log(
    `OBJECT_STORE ${JSON.stringify({
      pieces: rows.map((r) => r.pieces),
      full_push_ms: rows.map((r) => Math.round(r.fullPush.ms)),
      full_pull_ms: rows.map((r) => Math.round(r.fullPull.ms)),
      changed_push_ms: rows.map((r) => Math.round(r.changedPush.ms)),
      changed_pull_ms: rows.map((r) => Math.round(r.changedPull.ms)),
      changed_files: rows.map((r) => r.changedPush.value.uploaded),
      poll_ms: rows.map((r) => Number(r.pollMs.toFixed(2))),
    })}`,
  );
}

main().catch((error: Error) => {
  console.error(`Object store benchmark failed: ${error.message}`);
  process.exit(1);
});
