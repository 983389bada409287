import type { Core, UID } from '@strapi/strapi';
import { canonicalCommuneList, contentKinds, uidOf } from '@thanh-thuy/content-types';

/**
 * Rewrites «Gửi tới các xã, phường» of rows saved before lists were stored as "a, b"
 * (canonicalCommuneList), so a commune's read filter can match codes whole. The same communes,
 * in the same order: nothing a reader or an editor sees changes. Rows written through the query
 * engine keep their dates and fire no publish.
 */
export async function canonicalAddressedTo(strapi: Core.Strapi): Promise<number> {
  let changed = 0;
  for (const uid of contentKinds.map(uidOf)) {
    const query = strapi.db.query(uid as UID.ContentType);
    const rows = (await query.findMany({ where: { addressedTo: { $notNull: true } }, select: ['id', 'addressedTo'] })) as Array<{ id: number; addressedTo: string }>;
    for (const row of rows) {
      const canonical = canonicalCommuneList(row.addressedTo);
      if (canonical === row.addressedTo) continue;
      await query.update({ where: { id: row.id }, data: { addressedTo: canonical } });
      changed += 1;
    }
  }
  if (changed > 0) strapi.log.info(`Lists of addressed communes written as "a, b" in ${changed} rows`);
  return changed;
}
