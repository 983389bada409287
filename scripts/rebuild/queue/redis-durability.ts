import type { Redis } from 'ioredis';

/**
 * Whether this Redis keeps the queue through a restart. BullMQ writes a job with the commands
 * that add it and answers only once Redis has taken them, so with the append-only file on and
 * fsync on every write (`appendonly yes`, `appendfsync always`) an acknowledged job survives a
 * crash of Redis; with `appendfsync everysec` up to a second of jobs may be lost, and with no
 * persistence at all (this machine's own Redis: `--save "" --appendonly no`) every pending job
 * is. BullMQ also needs `maxmemory-policy noeviction`: an evicted key breaks the queue.
 * https://docs.bullmq.io/guide/going-to-production#persistence
 */
export async function redisDurability(redis: Redis): Promise<{ durable: boolean; warnings: string[] }> {
  const { appendonly, appendfsync, policy } = await redisSettings(redis);
  const warnings: string[] = [];
  if (appendonly === null) warnings.push('could not read the Redis configuration (CONFIG GET refused): make sure appendonly is yes, appendfsync always and maxmemory-policy noeviction');
  else {
    if (appendonly !== 'yes') warnings.push('Redis keeps the queue only in memory (appendonly no): a restart of Redis loses every pending build; set appendonly yes and appendfsync always');
    else if (appendfsync !== 'always') warnings.push(`Redis writes its append-only file with appendfsync ${appendfsync}: a crash of Redis may lose up to a second of queued builds; appendfsync always loses none`);
    if (policy !== 'noeviction') warnings.push(`Redis may evict keys (maxmemory-policy ${policy}): BullMQ needs noeviction`);
  }
  return { durable: warnings.length === 0, warnings };
}

/** The three settings that decide whether Redis keeps the queue; null where CONFIG GET is refused. */
export async function redisSettings(redis: Redis): Promise<{ appendonly: string | null; appendfsync: string | null; policy: string | null }> {
  const read = async (name: string): Promise<string | null> => {
    try {
      const answer = (await redis.config('GET', name)) as string[];
      return answer[1] ?? null;
    } catch {
      return null; // managed Redis often refuses CONFIG: the caller says it could not tell
    }
  };
  return { appendonly: await read('appendonly'), appendfsync: await read('appendfsync'), policy: await read('maxmemory-policy') };
}
