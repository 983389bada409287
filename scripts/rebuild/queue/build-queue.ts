import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { SiteChange } from '../intake/affects-site.ts';

/** What a job says: build this commune's portal. Its changes wait in Redis beside it (changeKeys). */
export interface BuildJobData {
  commune: string;
}

export const PREFIX = 'portal';
const FAN_OUT_PRIORITY = 10;

// A job carries no changes: they gather in one set per commune until a job takes them, so any
// number of publishes between two builds costs one build, and a change that arrives while a
// build runs is never lost with a deduplicated job.
const FULL: SiteChange = { key: '*', event: 'full build' };
export const changeKeys = (queue: string, commune: string) => ({
  waiting: `${PREFIX}:${queue}:changes:${commune}`,
  taken: (jobId: string) => `${PREFIX}:${queue}:taken:${commune}:${jobId}`,
});

export interface BuildQueueOptions {
  connection: Redis;
  name: string;
  attempts: number;
  retryBaseMs: number;
}

/**
 * The producer side of the province's build queue: one BullMQ job per commune to rebuild.
 * `keepLastIfActive` deduplication keeps at most one running and one waiting job per commune
 * (https://docs.bullmq.io/guide/jobs/deduplication) and never lets two of them run at once, so
 * a storm of publishes in one commune holds two places in the queue, not one per publish.
 */
export class BuildQueue {
  readonly queue: Queue<BuildJobData>;

  constructor(private readonly options: BuildQueueOptions) {
    this.queue = new Queue<BuildJobData>(options.name, { connection: options.connection, prefix: PREFIX });
  }

  /**
   * Asks for a build of `commune` that includes `change` (null: read everything again).
   * A `fanOut` build, one of many that a province-wide change asks for at once, waits behind
   * any commune's own publish (BullMQ runs jobs without a priority first): a hundred portals
   * to rebuild must not hold up the commune whose editor is waiting for one page. A commune's
   * own publish that finds its fan-out build still waiting brings that build forward.
   */
  async request(commune: string, change: SiteChange | null, options: { fanOut?: boolean } = {}): Promise<void> {
    // The change is stored before the job exists: a job that starts finds it.
    await this.options.connection.sadd(changeKeys(this.options.name, commune).waiting, JSON.stringify(change ?? FULL));
    await this.queue.add(
      'build',
      { commune },
      {
        ...(options.fanOut ? { priority: FAN_OUT_PRIORITY } : {}),
        deduplication: { id: commune, keepLastIfActive: true },
        attempts: this.options.attempts,
        backoff: { type: 'exponential', delay: this.options.retryBaseMs },
        removeOnComplete: { age: 24 * 3600, count: 1000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    );
    if (!options.fanOut) await this.bringForward(commune);
  }

  /** The commune's waiting build, if it waits as part of a fan-out, now runs before other fan-out builds. */
  private async bringForward(commune: string): Promise<void> {
    const id = await this.queue.getDeduplicationJobId(commune);
    const job = id ? await this.queue.getJob(id) : undefined;
    if (job && job.priority > 0 && (await job.getState()) === 'prioritized') await job.changePriority({ priority: 0 });
  }

  counts() {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

/**
 * Takes the changes waiting for `commune` for job `jobId`, atomically. A job retried after a
 * failure or a crash finds what it took before, plus what arrived since. An empty list, or a
 * full-build request among them, means: read everything again.
 */
export async function takeChanges(redis: Redis, queue: string, commune: string, jobId: string): Promise<{ changes: SiteChange[]; full: boolean }> {
  const keys = changeKeys(queue, commune);
  const taken = keys.taken(jobId);
  const [, , members] = (await redis.multi().sunionstore(taken, taken, keys.waiting).del(keys.waiting).smembers(taken).exec()) ?? [];
  const changes = ((members?.[1] as string[] | undefined) ?? []).map((m) => JSON.parse(m) as SiteChange).sort((a, b) => a.key.localeCompare(b.key));
  const full = changes.length === 0 || changes.some((c) => c.key === FULL.key);
  return { changes: changes.filter((c) => c.key !== FULL.key), full };
}

/** After the job: built, its changes are done; given up, they go back to wait for the next job. */
export async function settleChanges(redis: Redis, queue: string, commune: string, jobId: string, outcome: 'built' | 'given-up'): Promise<void> {
  const keys = changeKeys(queue, commune);
  const taken = keys.taken(jobId);
  if (outcome === 'built') await redis.del(taken);
  else await redis.multi().sunionstore(keys.waiting, keys.waiting, taken).del(taken).exec();
}
