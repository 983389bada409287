import type { Core } from '@strapi/strapi';
import type { CrosspostState } from '@thanh-thuy/content-types';
import { announceSharedPost } from './announce-shared-post';
import { ledger, type LedgerRow } from './ledger';

const RETRIABLE: CrosspostState[] = ['failed', 'review'];
const MARKABLE: CrosspostState[] = ['outbox', 'review'];

/**
 * Sends a failed or unresolved job again. The update is conditional on the state, so a double
 * click or two editors at once queue it once. Attempts start over (the runner gives up after a
 * number of them); the saved progress stays, so a job whose outcome was unknown is still looked
 * for on the platform before anything is posted.
 */
export async function retryJob(strapi: Core.Strapi, id: number, now = new Date()): Promise<boolean> {
  const { count } = (await ledger(strapi).updateMany({
    where: { id, state: { $in: RETRIABLE } },
    data: { state: 'pending', nextAttemptAt: now, attempts: 0, claimedBy: null, leaseUntil: null },
  })) as { count: number };
  return count === 1;
}

/**
 * Records the post an officer made by hand from the outbox (or found on the platform), and
 * announces the link so the portal's "Đã chia sẻ trên" line follows at the next build.
 */
export async function recordPostedByHand(strapi: Core.Strapi, id: number, url: string, now = new Date()): Promise<boolean> {
  const before = (await ledger(strapi).findOne({ where: { id } })) as LedgerRow | null;
  const { count } = (await ledger(strapi).updateMany({
    where: { id, state: { $in: MARKABLE } },
    data: { state: 'posted', remoteUrl: url, postedAt: now, lastError: null },
  })) as { count: number };
  if (count === 1 && before) announceSharedPost(strapi, before, url, before.remoteUrl);
  return count === 1;
}

export const isRetriable = (row: LedgerRow) => RETRIABLE.includes(row.state);
export const isMarkable = (row: LedgerRow) => MARKABLE.includes(row.state);
