import type { Core } from '@strapi/strapi';
import { SHARED_CHANNELS } from '@thanh-thuy/content-types';
import type { LedgerRow } from './ledger';

/**
 * The event that tells the rebuild webhook a piece's public link on a social channel appeared,
 * changed or was removed, so the portal's "Đã chia sẻ trên" line follows. Ledger rows are written through
 * the query engine, which emits no entry.* events: most ledger writes (claims, leases,
 * progress, retries, outbox payloads) change nothing a visitor sees and must not rebuild.
 */
export const SHARED_POST_EVENT = 'crosspost.shared';

interface WebhookStore {
  addAllowedEvent(key: string, value: string): void;
}

/** Lets webhooks subscribe to the event (the store refuses events it does not know). */
export function registerSharedPostEvent(strapi: Core.Strapi): void {
  (strapi.get('webhookStore') as WebhookStore).addAllowedEvent('CROSSPOST_SHARED', SHARED_POST_EVENT);
}

type Shared = Pick<LedgerRow, 'pieceUid' | 'pieceId' | 'channel' | 'action'> & { commune?: string | null };

/** Announces a social post's public URL when it is new or different from the one before. */
export function announceSharedPost(strapi: Core.Strapi, row: Shared, url: string | null, before: string | null): void {
  if (row.action !== 'create' || !(SHARED_CHANNELS as readonly string[]).includes(row.channel)) return;
  if (!url || url === before) return;
  // The commune names the one portal whose line changes (the rest of a province stays as it is).
  void strapi.eventHub.emit(SHARED_POST_EVENT, { pieceUid: row.pieceUid, pieceId: row.pieceId, channel: row.channel, commune: row.commune ?? null });
}

/** Announces that a piece's social post was removed, so its link leaves the portal. */
export function announceRemovedPost(strapi: Core.Strapi, row: Pick<LedgerRow, 'pieceUid' | 'pieceId' | 'channel'> & { commune?: string | null }): void {
  if (!(SHARED_CHANNELS as readonly string[]).includes(row.channel)) return;
  void strapi.eventHub.emit(SHARED_POST_EVENT, { pieceUid: row.pieceUid, pieceId: row.pieceId, channel: row.channel, commune: row.commune ?? null });
}
