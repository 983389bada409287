import type { Core } from '@strapi/strapi';
import { type CrosspostAction, type CrosspostChannel, type CrosspostState, uidOf, crosspostJob } from '@thanh-thuy/content-types';

export const LEDGER_UID = uidOf(crosspostJob) as 'api::crosspost-job.crosspost-job';

export interface LedgerRow {
  id: number;
  documentId: string;
  pieceUid: string;
  pieceId: string;
  channel: CrosspostChannel;
  action: CrosspostAction;
  generation: number;
  state: CrosspostState;
  attempts: number;
  nextAttemptAt: string | null;
  claimedBy: string | null;
  leaseUntil: string | null;
  progress: string | null;
  payload: string | null;
  remoteId: string | null;
  remoteUrl: string | null;
  lastError: string | null;
  postedAt: string | null;
}

export const ledger = (strapi: Core.Strapi) => strapi.db.query(LEDGER_UID);

export async function rowsOf(strapi: Core.Strapi, pieceId: string): Promise<LedgerRow[]> {
  return (await ledger(strapi).findMany({ where: { pieceId }, orderBy: [{ id: 'asc' }] })) as LedgerRow[];
}
