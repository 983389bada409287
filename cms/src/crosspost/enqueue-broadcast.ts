import type { Core } from '@strapi/strapi';
import { laneWhere, ledger, type LedgerRow } from './ledger';

/**
 * Queues the one broadcast of a new Zalo article to the OA's followers, when the runner asks for
 * it (ZALO_BROADCAST) as it records the article. One article, one broadcast job: the job names
 * the article by its id, and a second request for the same article queues nothing.
 */
export async function enqueueBroadcast(strapi: Core.Strapi, created: LedgerRow, remoteId: string, remoteUrl: string): Promise<void> {
  if (created.action !== 'create' || created.channel !== 'zalo') return;
  const rows = ledger(strapi);
  const existing = await rows.findOne({ where: { pieceId: created.pieceId, ...laneWhere(created), action: 'broadcast', remoteId } });
  if (existing) return;
  await rows.create({
    data: {
      pieceUid: created.pieceUid,
      pieceId: created.pieceId,
      channel: 'zalo',
      // The followers of the OA that carried the article.
      commune: created.commune ?? null,
      action: 'broadcast',
      generation: created.generation ?? 0,
      state: 'pending',
      attempts: 0,
      remoteId,
      remoteUrl,
    },
  });
}
