import type { Core } from '@strapi/strapi';
import { announceSharedPost } from './announce-shared-post';
import type { CrosspostOutcome } from '@thanh-thuy/content-types';
import { ledger, type LedgerRow } from './ledger';
import { enqueueBroadcast } from './enqueue-broadcast';
import { markCopyRemoved } from './remove-copy';

export interface Claimed {
  job: LedgerRow;
  /** The previous holder's lease ran out mid-send: the outcome is unknown, reconcile first. */
  recovered: boolean;
}

/**
 * Claims the next due job for one runner. The claim is a conditional UPDATE (state and holder
 * unchanged since read), so of several runners racing for a job exactly one gets it; "sending"
 * is written before any platform call, and an expired lease hands the job on as recovered.
 */
export async function claimNext(strapi: Core.Strapi, runner: string, leaseMs: number, now = new Date()): Promise<Claimed | null> {
  const rows = ledger(strapi);
  const due = (await rows.findMany({
    where: {
      $or: [
        { state: 'pending', $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: now } }] },
        { state: 'sending', leaseUntil: { $lt: now } },
      ],
    },
    orderBy: [{ id: 'asc' }],
    limit: 10,
  })) as LedgerRow[];
  const leaseUntil = new Date(now.getTime() + leaseMs);
  for (const candidate of due) {
    const recovered = candidate.state === 'sending';
    const unchanged = recovered
      ? { id: candidate.id, state: 'sending', claimedBy: candidate.claimedBy, leaseUntil: { $lt: now } }
      : { id: candidate.id, state: 'pending' };
    const { count } = (await rows.updateMany({
      where: unchanged,
      data: { state: 'sending', claimedBy: runner, leaseUntil, attempts: (candidate.attempts ?? 0) + 1 },
    })) as { count: number };
    if (count === 1) return { job: (await rows.findOne({ where: { id: candidate.id } })) as LedgerRow, recovered };
  }
  return null;
}

export type Outcome = CrosspostOutcome;

const STATE_OF = { posted: 'posted', retry: 'pending', failed: 'failed', review: 'review', skipped: 'skipped', outbox: 'outbox', removed: 'removed' } as const;

const ALREADY_GONE = 'Bài đã không còn trên nền tảng khi gỡ (có thể đã bị xóa bằng tay): ghi nhận là đã gỡ.';

/** Records a runner's result, only while it still holds the job (a late runner changes nothing). */
export async function recordOutcome(strapi: Core.Strapi, id: number, runner: string, result: Outcome, now = new Date()): Promise<boolean> {
  const rows = ledger(strapi);
  const current = (await rows.findOne({ where: { id } })) as LedgerRow | null;
  if (!current || current.state !== 'sending' || current.claimedBy !== runner) return false;
  // Only a remove job ends in "removed", and a remove job never ends in "posted".
  const mismatched = current.action === 'remove' ? result.outcome === 'posted' : result.outcome === 'removed';
  if (mismatched) return false;
  const data: Record<string, unknown> = { state: STATE_OF[result.outcome], claimedBy: null, leaseUntil: null };
  if (result.outcome === 'posted') Object.assign(data, { remoteId: result.remoteId, remoteUrl: result.remoteUrl, postedAt: now, lastError: null });
  if (result.outcome === 'retry') {
    Object.assign(data, { nextAttemptAt: new Date(now.getTime() + result.retryAfterMs), lastError: result.error });
    // Waiting for the build to go live is not a failed attempt.
    if (!result.countsAsAttempt) data.attempts = Math.max(0, (current.attempts ?? 1) - 1);
  }
  if (result.outcome === 'failed' || result.outcome === 'review' || result.outcome === 'skipped') data.lastError = result.error;
  if (result.outcome === 'removed') data.lastError = result.alreadyGone ? ALREADY_GONE : null;
  if ('payload' in result && result.payload !== undefined) data.payload = JSON.stringify(result.payload);
  const { count } = (await rows.updateMany({ where: { id, state: 'sending', claimedBy: runner }, data })) as { count: number };
  if (count === 1 && result.outcome === 'posted') announceSharedPost(strapi, current, result.remoteUrl, current.remoteUrl);
  if (count === 1 && result.outcome === 'posted' && result.broadcast) await enqueueBroadcast(strapi, current, result.remoteId, result.remoteUrl);
  if (count === 1 && result.outcome === 'removed') await markCopyRemoved(strapi, current);
  return count === 1;
}

/** Saves a channel's step data (before the step whose outcome could be lost). */
export async function saveProgress(strapi: Core.Strapi, id: number, runner: string, progress: Record<string, unknown>): Promise<boolean> {
  const { count } = (await ledger(strapi).updateMany({
    where: { id, state: 'sending', claimedBy: runner },
    data: { progress: JSON.stringify(progress) },
  })) as { count: number };
  return count === 1;
}
