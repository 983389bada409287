import type { Core } from '@strapi/strapi';
import { TAKEDOWN_ACTION } from '@thanh-thuy/content-types';
import { piecesReaching } from '../content-api/commune-scope';
import { TAKEDOWN_UID, type TakedownRow } from './take-down';

export interface GonePage {
  path: string;
  removedAt: string;
}

/**
 * The portal paths removed with "Gỡ bỏ" and not published again: the portal answers them 410
 * Gone. Only paths and dates leave the CMS, never the reason (it may name the personal data
 * that was the reason for removing). For a commune's portal (`commune`), only the paths of its
 * own pieces and of the province's addressed to it: a path may carry that very name.
 */
export async function gonePages(strapi: Core.Strapi, commune: string | null = null): Promise<GonePage[]> {
  const all = (await strapi.db.query(TAKEDOWN_UID).findMany({
    where: { action: TAKEDOWN_ACTION.remove, active: true, path: { $notNull: true } },
    select: ['path', 'at', 'pieceUid', 'pieceId'],
    orderBy: [{ path: 'asc' }],
  })) as Array<Pick<TakedownRow, 'path' | 'at' | 'pieceUid' | 'pieceId'>>;
  const reaching = commune ? await piecesReaching(strapi, all.map((row) => ({ uid: row.pieceUid, documentId: row.pieceId })), commune) : null;
  const rows = reaching ? all.filter((row) => reaching.has(`${row.pieceUid}\n${row.pieceId}`)) : all;
  return rows.map((row) => ({ path: row.path as string, removedAt: new Date(row.at).toISOString() }));
}
