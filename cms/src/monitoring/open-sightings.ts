import type { Core } from '@strapi/strapi';
import { OPEN_SIGHTING_STATUSES, harmRank } from '@thanh-thuy/content-types';
import { SIGHTING_UID } from './sighting-history';

export interface OpenSighting {
  documentId: string;
  platform: string;
  outlet: string | null;
  content: string;
  seenAt: string;
  harm: string;
  state: string;
}

/** The most items the queue answers; a commune has a handful open at a time. */
export const OPEN_SIGHTINGS_LIMIT = 50;

/** Most harmful first; among equals, the one waiting longest (seen earliest) first. */
export function byHarmThenAge(a: OpenSighting, b: OpenSighting): number {
  return harmRank(b.harm) - harmRank(a.harm) || Date.parse(a.seenAt) - Date.parse(b.seenAt) || a.documentId.localeCompare(b.documentId);
}

type Checker = { can: { read: () => boolean }; sanitizedQuery: { read: (query: unknown) => Promise<Record<string, unknown>> } };

/**
 * The open sightings a person may read, in the order editors work them. The harm scale is an
 * enumeration stored as words, which a database sorts alphabetically, so the order is applied
 * here. The person's own read conditions (Công an xã sees only what was passed to it) come from
 * the content manager's permission checker, as in the content manager's own list.
 */
export async function openSightingsFor(strapi: Core.Strapi, userAbility: unknown): Promise<{ items: OpenSighting[]; total: number } | null> {
  const checker = (strapi.plugin('content-manager').service('permission-checker') as { create: (o: unknown) => Checker }).create({ userAbility, model: SIGHTING_UID });
  if (!checker.can.read()) return null;
  const query = await checker.sanitizedQuery.read({ filters: { state: { $in: [...OPEN_SIGHTING_STATUSES] } } });
  const rows = (await strapi.documents(SIGHTING_UID).findMany({
    ...query,
    fields: ['documentId', 'platform', 'outlet', 'content', 'seenAt', 'harm', 'state'],
    populate: {},
    limit: -1,
  } as never)) as unknown as OpenSighting[];
  const items = rows
    .map(({ documentId, platform, outlet, content, seenAt, harm, state }) => ({ documentId, platform, outlet, content, seenAt, harm, state }))
    .sort(byHarmThenAge);
  return { items: items.slice(0, OPEN_SIGHTINGS_LIMIT), total: items.length };
}
