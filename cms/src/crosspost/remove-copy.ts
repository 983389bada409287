import type { Core } from '@strapi/strapi';
import { REMOVABLE_CHANNELS, type CrosspostChannel } from '@thanh-thuy/content-types';
import { announceRemovedPost } from './announce-shared-post';
import { laneWhere, ledger, rowsOf, sameLane, type LedgerRow } from './ledger';

// Removing a remote Facebook post or Zalo article is an editor's explicit action (issue 7),
// never a side effect of an unpublish. The remove job carries the remote id of the create row
// the editor chose, copied when it is queued: a retry, a later repost or a reconciliation can
// never make it delete another generation's post.

const isRemovableChannel = (channel: CrosspostChannel) => (REMOVABLE_CHANNELS as readonly string[]).includes(channel);

/** What stands in the way of removing this create row's remote copy, or null. */
export type RemoveRefusal = 'not-removable' | 'posted-by-hand' | 'busy';

/** Whether a create row's copy may be removed now, given every row of its piece. */
export function removeRefusal(row: LedgerRow, rowsOfPiece: LedgerRow[]): RemoveRefusal | null {
  if (row.action !== 'create' || row.state !== 'posted' || !isRemovableChannel(row.channel)) return 'not-removable';
  // A link recorded with "Đã đăng tay" names no post the platform's API could delete.
  if (!row.remoteId) return 'posted-by-hand';
  // One send or removal at a time per lane: a repost under way could otherwise reconcile
  // onto the very post being deleted.
  const busy = rowsOfPiece.some(
    (r) => sameLane(r, row) && (r.action === 'create' || r.action === 'remove') && (r.state === 'pending' || r.state === 'sending'),
  );
  return busy ? 'busy' : null;
}

/** Queues the removal of one create row's remote copy (the caller checked removeRefusal). */
export async function enqueueRemove(strapi: Core.Strapi, target: LedgerRow): Promise<LedgerRow> {
  return (await ledger(strapi).create({
    data: {
      pieceUid: target.pieceUid,
      pieceId: target.pieceId,
      channel: target.channel,
      commune: target.commune ?? null,
      action: 'remove',
      generation: target.generation ?? 0,
      state: 'pending',
      attempts: 0,
      remoteId: target.remoteId,
      remoteUrl: target.remoteUrl,
      payload: JSON.stringify({ targetJob: target.id }),
    },
  })) as LedgerRow;
}

/** Checks and queues in one step; the caller runs it serially per piece. */
export async function requestRemove(strapi: Core.Strapi, target: LedgerRow): Promise<{ job: LedgerRow } | { refused: RemoveRefusal }> {
  const current = (await ledger(strapi).findOne({ where: { id: target.id } })) as LedgerRow | null;
  if (!current) return { refused: 'not-removable' };
  const refused = removeRefusal(current, await rowsOf(strapi, current.pieceId));
  return refused ? { refused } : { job: await enqueueRemove(strapi, current) };
}

/**
 * After a remove job succeeded: every create row of the piece's lane that names the removed
 * post no longer counts as shared (a reconciled repost may name the same post), so the portal's
 * "Đã chia sẻ trên" line drops it at the next build, which the announcement triggers.
 */
export async function markCopyRemoved(strapi: Core.Strapi, job: LedgerRow): Promise<number> {
  if (job.action !== 'remove' || !job.remoteId) return 0;
  const { count } = (await ledger(strapi).updateMany({
    where: { pieceId: job.pieceId, ...laneWhere(job), action: 'create', state: 'posted', remoteId: job.remoteId },
    data: { state: 'removed' },
  })) as { count: number };
  if (count > 0) announceRemovedPost(strapi, job);
  return count;
}
