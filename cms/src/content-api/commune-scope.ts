import type { Core, UID } from '@strapi/strapi';
import { withoutRows } from './without-draft-rows';
import { COMMUNE_LIST_SEPARATOR, communeProfile, contentKinds, reachesCommune, residentialArea, uidOf, type Tenancy } from '@thanh-thuy/content-types';

// What one commune's portal token may read (content-types tenancy.ts): its pieces, the
// province-wide ones addressed to it, and its own entry of details. Everything else is shared
// (the plan's taxonomy, the installation's own details) or holds no tenant. Residential areas
// belong to one commune too.
const PIECE_UIDS: readonly string[] = contentKinds.map(uidOf);
const PROFILE_UID = uidOf(communeProfile);
/** Types whose rows belong to one commune by their `commune` column alone. */
const OWNED_UIDS = [PROFILE_UID, uidOf(residentialArea)];
const SCOPED_UIDS = [...PIECE_UIDS, ...OWNED_UIDS];

/** The conditions of a stored list of communes ("a, b, c") that names `commune`. */
function addressedToMatching(commune: string): Array<Record<string, unknown>> {
  const sep = COMMUNE_LIST_SEPARATOR;
  return [
    { addressedTo: { $eq: commune } },
    { addressedTo: { $startsWith: `${commune}${sep.trimEnd()}` } },
    { addressedTo: { $endsWith: `${sep}${commune}` } },
    { addressedTo: { $contains: `${sep}${commune}${sep.trimEnd()}` } },
  ];
}

/** A Strapi filter selecting the rows of `uid` that `commune`'s portal shows (tenancy.ts reachesCommune). */
export function communeFilter(uid: string, commune: string): Record<string, unknown> | null {
  if (OWNED_UIDS.includes(uid)) return { commune: { $eq: commune } };
  if (!PIECE_UIDS.includes(uid)) return null;
  return {
    $or: [
      { $and: [{ $or: [{ provinceWide: { $null: true } }, { provinceWide: { $eq: false } }] }, { commune: { $eq: commune } }] },
      // The list is stored as "a, b" (canonicalCommuneList, and at start for older rows:
      // bootstrap/canonical-addressed-to.ts), so the code is matched whole ("thuy" is not in
      // "thanh-thuy"), and the totals count what the commune reads. foreignDocuments and
      // withoutDocuments still check each answer with reachesCommune.
      { $and: [{ provinceWide: { $eq: true } }, { $or: [{ addressedTo: { $null: true } }, { addressedTo: { $eq: '' } }, ...addressedToMatching(commune)] }] },
    ],
  };
}

function documentIdsIn(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => documentIdsIn(v, found));
  else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    const documentId = (value as { documentId?: unknown }).documentId;
    if (typeof documentId === 'string') found.add(documentId);
    Object.values(value).forEach((v) => documentIdsIn(v, found));
  }
  return found;
}

/**
 * The documents among those a response holds that `commune`'s portal may not show: looked up
 * in the database by documentId, so a row counts whatever fields the caller chose to select
 * (a relation populated with `fields[0]=title` carries no tenancy fields of its own).
 */
export async function foreignDocuments(strapi: Core.Strapi, body: unknown, commune: string): Promise<Set<string>> {
  const ids = [...documentIdsIn(body, new Set())];
  const foreign = new Set<string>();
  if (ids.length === 0) return foreign;
  await Promise.all(
    SCOPED_UIDS.map(async (uid) => {
      const rows = (await strapi.db.query(uid as UID.ContentType).findMany({
        where: { documentId: { $in: ids } },
        select: OWNED_UIDS.includes(uid) ? ['documentId', 'commune'] : ['documentId', 'commune', 'provinceWide', 'addressedTo'],
      })) as Array<Tenancy & { documentId: string }>;
      for (const row of rows) {
        const shown = OWNED_UIDS.includes(uid) ? row.commune === commune : reachesCommune(row, commune);
        if (!shown) foreign.add(row.documentId);
      }
    }),
  );
  return foreign;
}

/** A copy of a response body without the rows of `foreign` documents (removed from lists, nulled elsewhere). */
export function withoutDocuments<T>(body: T, foreign: Set<string>): T {
  if (foreign.size === 0) return body;
  return withoutRows(body, (value) => typeof value === 'object' && value !== null && foreign.has((value as { documentId?: unknown }).documentId as string));
}

/**
 * Which of these pieces reach `commune`'s portal, as `<uid>\n<documentId>`: looked up in any
 * of their rows (a removed piece keeps only its draft). A piece no longer in the database
 * reaches no commune: what is known of it then stays out of every commune's answer.
 */
export async function piecesReaching(strapi: Core.Strapi, pieces: Array<{ uid: string; documentId: string }>, commune: string): Promise<Set<string>> {
  const byUid = new Map<string, string[]>();
  for (const { uid, documentId } of pieces) if (PIECE_UIDS.includes(uid)) byUid.set(uid, [...(byUid.get(uid) ?? []), documentId]);
  const reaching = new Set<string>();
  for (const [uid, ids] of byUid) {
    for (let i = 0; i < ids.length; i += 500) {
      const rows = (await strapi.db.query(uid as UID.ContentType).findMany({
        where: { documentId: { $in: ids.slice(i, i + 500) } },
        select: ['documentId', 'commune', 'provinceWide', 'addressedTo'],
      })) as Array<Tenancy & { documentId: string }>;
      for (const row of rows) if (reachesCommune(row, commune)) reaching.add(`${uid}\n${row.documentId}`);
    }
  }
  return reaching;
}
