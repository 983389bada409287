import { HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { communeList } from '@thanh-thuy/content-types';
import { CommuneReleases } from '../rebuild/object-store/commune-releases.ts';
import { loadObjectStoreEnv, s3Client, s3Status } from '../rebuild/object-store/object-store-env.ts';
import { siteLayout } from '../rebuild/releases/release-store.ts';
import { fail, info, ok, type CheckResult } from './check.ts';
import type { Check } from './checks.ts';


async function bucketAnswers(client: S3Client, bucket: string, what: string, where: string): Promise<CheckResult> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return ok(`${what}: kho "${bucket}" trả lời tại ${where}.`);
  } catch (error) {
    const status = s3Status(error);
    if (status === 404) return fail(`${what}: không có kho "${bucket}" tại ${where}: tạo kho đó, hoặc sửa tên trong .env.`);
    if (status === 403) return fail(`${what}: kho "${bucket}" tại ${where} từ chối khóa truy cập (HTTP 403): kiểm tra S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY và quyền của khóa.`);
    return fail(`${what}: không kết nối được kho "${bucket}" tại ${where} (${(error as Error).message || (error as Error).name}): kiểm tra S3_ENDPOINT và mạng.`);
  }
}

/**
 * With an object store (README "Running a province"): each bucket answers with the keys given,
 * and, for releases, which served communes have a live release in it. Never prints a key.
 * Nothing to say without one.
 */
export const objectStore: Check = async ({ env }) => {
  if (!env.RELEASE_BUCKET && !env.UPLOAD_BUCKET) return [];
  let settings;
  try {
    settings = loadObjectStoreEnv(env);
  } catch (error) {
    return [fail(`Kho lưu trữ đối tượng: ${(error as Error).message}.`)];
  }
  const client = s3Client(settings);
  const where = settings.S3_ENDPOINT ?? `AWS (${settings.S3_REGION})`;
  const lines: CheckResult[] = [];
  try {
    if (settings.UPLOAD_BUCKET) lines.push(await bucketAnswers(client, settings.UPLOAD_BUCKET, 'Tệp media của CMS', where));
    if (settings.RELEASE_BUCKET) {
      const answer = await bucketAnswers(client, settings.RELEASE_BUCKET, 'Bản phát hành cổng thông tin', where);
      lines.push(answer);
      const communes = communeList(env.PROVINCE_COMMUNES);
      if (answer.status === 'ok' && communes.length) {
        const store = { client, bucket: settings.RELEASE_BUCKET, prefix: settings.RELEASE_PREFIX, pollMs: settings.RELEASE_POLL_MS, pruneMs: settings.RELEASE_PRUNE_MS };
        const missing: string[] = [];
        for (const commune of communes) if (!(await new CommuneReleases(store, commune, siteLayout('/nonexistent')).live())) missing.push(commune);
        if (missing.length) lines.push(info(`${missing.length} trên ${communes.length} xã, phường chưa có bản phát hành trong kho: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''} (chạy npm run province -- worker; một xã chưa có «Thông tin các xã, phường» thì chưa dựng được).`));
        else lines.push(ok(`Cả ${communes.length} xã, phường đều có bản phát hành trong kho.`));
      }
    }
  } finally {
    client.destroy();
  }
  return lines;
};
