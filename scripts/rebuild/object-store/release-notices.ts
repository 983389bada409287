import { Redis } from 'ioredis';
import { z } from 'zod';
import { SLUG_PATTERN } from '@thanh-thuy/content-types';
import { PREFIX } from '../queue/build-queue.ts';

/** The Redis channel on which a province's workers announce each release they put in the bucket. */
export interface ReleaseNotices {
  redisUrl: string;
  /** The build queue's name: installations sharing a Redis keep apart. */
  queue: string;
}

const channelOf = (notices: Pick<ReleaseNotices, 'queue'>) => `${PREFIX}:${notices.queue}:releases`;
const noticeSchema = z.object({ commune: z.string().regex(SLUG_PATTERN), release: z.string() });

/** Tells the portals that `commune`'s release `release` is live in the bucket (a publish on `connection`). */
export async function announceRelease(connection: Redis, notices: Pick<ReleaseNotices, 'queue'>, commune: string, release: string): Promise<void> {
  await connection.publish(channelOf(notices), JSON.stringify({ commune, release }));
}

/**
 * Calls `onRelease(commune)` for each announced release. A notice is only a hint to pull now:
 * one lost while Redis is away is made up by the portal's next poll of the bucket.
 */
export function listenForReleases(notices: ReleaseNotices, onRelease: (commune: string) => void, log: (line: string) => void): { close: () => void } {
  const subscriber = new Redis(notices.redisUrl, { maxRetriesPerRequest: null });
  subscriber.on('error', (error: Error) => log(`Release notices: ${error.message} (the portal keeps polling the object store)`));
  subscriber.subscribe(channelOf(notices)).catch((error: Error) => log(`Release notices: subscribing failed: ${error.message}`));
  subscriber.on('message', (_channel: string, text: string) => {
    try {
      const notice = noticeSchema.safeParse(JSON.parse(text));
      if (notice.success) onRelease(notice.data.commune);
    } catch {
      // not JSON: not one of ours
    }
  });
  return { close: () => subscriber.disconnect() };
}
