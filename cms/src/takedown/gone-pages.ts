import type { Core } from '@strapi/strapi';
import { TAKEDOWN_ACTION } from '@thanh-thuy/content-types';
import { TAKEDOWN_UID, type TakedownRow } from './take-down';

export interface GonePage {
  path: string;
  removedAt: string;
}

/**
 * The portal paths removed with "Gỡ bỏ" and not published again: the portal answers them 410
 * Gone. Only paths and dates leave the CMS, never the reason (it may name the personal data
 * that was the reason for removing).
 */
export async function gonePages(strapi: Core.Strapi): Promise<GonePage[]> {
  const rows = (await strapi.db.query(TAKEDOWN_UID).findMany({
    where: { action: TAKEDOWN_ACTION.remove, active: true, path: { $notNull: true } },
    select: ['path', 'at'],
    orderBy: [{ path: 'asc' }],
  })) as Array<Pick<TakedownRow, 'path' | 'at'>>;
  return rows.map((row) => ({ path: row.path as string, removedAt: new Date(row.at).toISOString() }));
}
