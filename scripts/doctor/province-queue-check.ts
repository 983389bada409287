import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { PREFIX } from '../rebuild/queue/build-queue.ts';
import { redisSettings } from '../rebuild/queue/redis-durability.ts';
import { fail, info, ok, type CheckResult } from './check.ts';
import type { Check } from './checks.ts';

/**
 * In a province (REDIS_URL set): Redis answers, keeps the build queue through a restart
 * (README "Running a province"), and the queue holds no build given up. Nothing to say for
 * one commune.
 */
export const provinceQueue: Check = async ({ env }) => {
  if (!env.REDIS_URL) return [];
  const where = env.REDIS_URL.replace(/\/\/[^@/]*@/, '//');
  const redis = new Redis(env.REDIS_URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  redis.on('error', () => {}); // the failed connect below says it
  try {
    await redis.connect();
  } catch (error) {
    return fail(`Hàng đợi dựng trang cấp tỉnh: không kết nối được Redis tại ${where} (${(error as Error).message}): khởi động Redis rồi chạy lại.`);
  }
  const lines: CheckResult[] = [ok(`Hàng đợi dựng trang cấp tỉnh: Redis trả lời tại ${where}.`)];
  try {
    const { appendonly, appendfsync, policy } = await redisSettings(redis);
    if (appendonly === null) lines.push(info('Không đọc được cấu hình Redis (CONFIG GET bị từ chối): hãy chắc chắn appendonly yes, appendfsync always, maxmemory-policy noeviction.'));
    else {
      if (appendonly !== 'yes') lines.push(fail('Redis chỉ giữ hàng đợi trong bộ nhớ (appendonly no): khởi động lại Redis là mất mọi việc dựng trang đang chờ; đặt appendonly yes và appendfsync always.'));
      else if (appendfsync !== 'always') lines.push(info(`Redis ghi tệp append-only với appendfsync ${appendfsync}: Redis hỏng có thể mất tới 1 giây việc dựng trang; appendfsync always thì không mất.`));
      if (policy !== 'noeviction') lines.push(fail(`Redis có thể xóa bớt khóa (maxmemory-policy ${policy}): hàng đợi cần noeviction.`));
    }
    const queue = new Queue(env.BUILD_QUEUE || 'portal-builds', { connection: redis, prefix: PREFIX });
    const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
    const waiting = counts.waiting + counts.prioritized + counts.delayed;
    lines.push(info(`Việc dựng trang: ${counts.active} đang chạy, ${waiting} đang chờ.`));
    if (counts.failed) lines.push(fail(`${counts.failed} việc dựng trang đã bị bỏ sau nhiều lần thất bại: xem nhật ký của npm run province -- worker; thay đổi của chúng được dựng lại ở lần xuất bản sau của xã, phường đó.`));
    await queue.close();
  } finally {
    redis.disconnect();
  }
  return lines;
};
