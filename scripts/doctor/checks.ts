import { statfs } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { listArchives, formatBytes } from '../backup/archive-files.ts';
import type { Config } from '../env/config.ts';
import { CMS_DIR } from '../lib/cms-process.ts';
import { openDatabase } from '../lib/database-client.ts';
import { databaseTargetFrom, describeTarget } from '../lib/database-target.ts';
import { age, fail, getJson, info, ok, type CheckResult } from './check.ts';
import { communeAccounts } from './commune-accounts-check.ts';
import { objectStore } from './object-store-check.ts';
import { provinceQueue } from './province-queue-check.ts';

export interface DoctorContext {
  config: Config;
  env: Record<string, string>;
  now: Date;
}

export type Check = (ctx: DoctorContext) => Promise<CheckResult | CheckResult[]>;

const REBUILD_WEBHOOK_NAME = 'Dựng lại cổng thông tin'; // cms/src/bootstrap/rebuild-webhook.ts
const MIN_FREE_BYTES = 2 * 1024 ** 3;
const BUILD_MAX_AGE_H = 7 * 24;
const BACKUP_MAX_AGE_H = 36;

export const cmsHealth: Check = async ({ config }) => {
  const url = `http://127.0.0.1:${config.CMS_PORT}/_health`;
  const res = await getJson(url);
  if ('error' in res) return fail(`CMS không trả lời tại ${url} (${res.error}): khởi động bằng npm start và xem nhật ký của nó.`);
  if (res.status !== 204 && res.status !== 200) return fail(`CMS trả lời ${res.status} tại ${url}: xem nhật ký của npm start.`);
  return ok(`CMS hoạt động (${url}).`);
};

export const database: Check = async ({ env }) => {
  const target = databaseTargetFrom(env);
  try {
    const client = await openDatabase(target, { readonly: target.kind === 'sqlite', connectTimeoutMs: 5000 });
    try {
      const tables = await client.tableExists('strapi_webhooks');
      if (!tables) return fail(`${describeTarget(target)} kết nối được nhưng chưa có bảng của CMS: chạy npm start một lần.`);
      const lines = [ok(`Cơ sở dữ liệu ${describeTarget(target)} kết nối được.`)];
      const hooks = await client.query(`SELECT url, enabled FROM ${target.kind === 'postgres' ? `"${target.schema}".` : ''}strapi_webhooks WHERE name = '${REBUILD_WEBHOOK_NAME}'`);
      if (env.WEBHOOK_URL === 'off') lines.push(info('Webhook dựng lại cổng thông tin đã tắt (WEBHOOK_URL=off): cổng thông tin không tự cập nhật khi xuất bản.'));
      else if (hooks.length === 0) lines.push(fail('Chưa có webhook dựng lại cổng thông tin: khởi động lại CMS (npm start) để tạo lại.'));
      else if (!hooks[0].enabled) lines.push(fail('Webhook dựng lại cổng thông tin đang tắt: bật lại trong Trang quản trị → Cài đặt → Webhooks.'));
      else lines.push(ok(`Webhook dựng lại cổng thông tin đã đăng ký (${String(hooks[0].url)}).`));
      return lines;
    } finally {
      await client.close();
    }
  } catch (error) {
    return fail(`${(error as Error).message}`);
  }
};

async function freeSpace(label: string, path: string): Promise<CheckResult> {
  let dir = path;
  while (!existsSync(dir)) dir = join(dir, '..');
  const s = await statfs(dir);
  const free = s.bavail * s.bsize;
  if (free < MIN_FREE_BYTES) return fail(`Ổ đĩa chứa ${label} (${path}) chỉ còn ${formatBytes(free)} trống: giải phóng chỗ (xóa bản sao lưu cũ, ảnh không dùng) hoặc mở rộng ổ đĩa.`);
  return ok(`Ổ đĩa chứa ${label} còn ${formatBytes(free)} trống.`);
}

export const disk: Check = async ({ config, env }) => [
  await freeSpace('tệp media', resolve(CMS_DIR, env.CMS_PUBLIC_DIR ?? 'public', 'uploads')),
  await freeSpace('bản dựng và sao lưu', config.DATA_DIR),
];

const statusSchema = z.object({
  live: z.object({ id: z.string(), builtAt: z.string().nullable() }).nullable(),
  lastFailure: z.object({ error: z.string() }).passthrough().nullable().optional(),
}).passthrough();

export const workerAndBuild: Check = async ({ config, now }) => {
  const url = `http://127.0.0.1:${config.WORKER_PORT}/status`;
  const res = await getJson(url);
  if ('error' in res) return fail(`Bộ dựng trang không chạy (${url}: ${res.error}): khởi động lại bằng npm start; khi nó dừng, xuất bản không cập nhật cổng thông tin.`);
  const parsed = statusSchema.safeParse(res.body);
  if (res.status !== 200 || !parsed.success) return fail(`Bộ dựng trang trả lời lạ tại ${url} (${res.status}): xem nhật ký của npm start.`);
  const lines = [ok(`Bộ dựng trang hoạt động (${url}).`)];
  const { live, lastFailure } = parsed.data;
  if (!live) lines.push(fail(`Chưa có bản dựng nào của cổng thông tin${lastFailure ? `: ${lastFailure.error}` : ''}: xem ${url}.`));
  else {
    const at = live.builtAt ? new Date(live.builtAt) : null;
    const old = at && now.getTime() - at.getTime() > BUILD_MAX_AGE_H * 3_600_000;
    lines.push((old ? info : ok)(`Bản dựng đang phục vụ: ${live.id}${at ? `, cách đây ${age(at, now)}` : ''}.`));
    if (lastFailure) lines.push(fail(`Lần dựng gần nhất thất bại: ${lastFailure.error}: sửa lỗi rồi xuất bản lại, hoặc xem ${url}.`));
  }
  return lines;
};

export const portal: Check = async ({ config }) => {
  const url = `http://127.0.0.1:${config.SITE_PORT}/`;
  const res = await getJson(url);
  if ('error' in res) return fail(`Cổng thông tin không trả lời tại ${url} (${res.error}): khởi động lại bằng npm start.`);
  if (res.status !== 200) return fail(`Cổng thông tin trả lời ${res.status} tại ${url}: xem ${config.SITE_URL} và nhật ký của npm start.`);
  return ok(`Cổng thông tin hoạt động (${config.SITE_URL}).`);
};

export const lastBackup: Check = async ({ config, now }) => {
  const [latest] = listArchives(config.BACKUP_DIR);
  if (!latest) return fail(`Chưa có bản sao lưu nào trong ${config.BACKUP_DIR}: chạy npm run backup và đặt lịch chạy hằng đêm (xem README).`);
  const hours = (now.getTime() - latest.createdAt.getTime()) / 3_600_000;
  if (hours > BACKUP_MAX_AGE_H) return fail(`Bản sao lưu gần nhất đã cũ ${age(latest.createdAt, now)} (${latest.name}): kiểm tra lịch chạy npm run backup.`);
  return ok(`Bản sao lưu gần nhất: ${latest.name}, cách đây ${age(latest.createdAt, now)}, ${formatBytes(latest.size)}.`);
};

// What each channel needs (README "Cross-posting"); only the names are printed, never values.
const CHANNELS: Array<{ name: string; needs: string[]; absent?: string }> = [
  { name: 'Facebook', needs: ['FACEBOOK_PAGE_ID', 'FACEBOOK_PAGE_ACCESS_TOKEN'] },
  { name: 'Zalo OA', needs: ['ZALO_OA_REFRESH_TOKEN', 'ZALO_APP_ID', 'ZALO_APP_SECRET'] },
  { name: 'YouTube', needs: ['YOUTUBE_CLIENT_ID', 'YOUTUBE_CLIENT_SECRET', 'YOUTUBE_REFRESH_TOKEN'] },
  { name: 'TikTok', needs: ['TIKTOK_ACCESS_TOKEN'] },
  // The webhook has no outbox: without a receiver, publications are simply not announced.
  { name: 'Webhook chia sẻ', needs: ['CROSSPOST_WEBHOOK_URL', 'CROSSPOST_WEBHOOK_SECRET'], absent: 'chưa cấu hình, không gửi thông báo tới hệ thống khác (ví dụ cổng tỉnh).' },
];

export const channelCredentials: Check = async ({ env }) =>
  // In a province each commune's accounts are in its accounts file (communeAccounts), and only the webhook is the installation's.
  (env.REDIS_URL ? CHANNELS.filter((c) => c.name === 'Webhook chia sẻ') : CHANNELS).map(({ name, needs, absent }) => {
    const missing = needs.filter((n) => !env[n]?.trim());
    if (missing.length === 0) return ok(`${name}: đã có đủ thông tin kết nối.`);
    if (missing.length === needs.length) return info(`${name}: ${absent ?? 'chưa cấu hình, chạy ở chế độ hộp thư chờ (cán bộ đăng tay).'}`);
    return fail(`${name}: thiếu ${missing.join(', ')} trong .env: bổ sung, hoặc xóa hết các biến của kênh này để dùng hộp thư chờ.`);
  });

export const ALL_CHECKS: Check[] = [cmsHealth, database, disk, workerAndBuild, portal, lastBackup, channelCredentials, communeAccounts, provinceQueue, objectStore];
