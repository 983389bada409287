import type { Core } from '@strapi/strapi';
import { type CrosspostAction, type CrosspostChannel, type CrosspostState, uidOf, crosspostJob } from '@thanh-thuy/content-types';

export const LEDGER_UID = uidOf(crosspostJob) as 'api::crosspost-job.crosspost-job';

export interface LedgerRow {
  id: number;
  documentId: string;
  pieceUid: string;
  pieceId: string;
  channel: CrosspostChannel;
  /** In a province, the commune whose account posts it; null for one commune and for the webhook. */
  commune: string | null;
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

/**
 * One lane of a piece's ledger: a channel, and in a province the commune whose account posts on
 * it. Every rule that keeps a post from going out twice (one create, one pending update, one
 * removal at a time) holds per lane: Đào Xá's page and Thanh Thủy's page each carry the piece once.
 */
export type Lane = Pick<LedgerRow, 'channel'> & { commune?: string | null };

export const sameLane = (a: Lane, b: Lane) => a.channel === b.channel && (a.commune ?? null) === (b.commune ?? null);

/** The query-engine condition of a lane's rows. */
export const laneWhere = (lane: Lane) => ({ channel: lane.channel, commune: lane.commune ? lane.commune : { $null: true } });
