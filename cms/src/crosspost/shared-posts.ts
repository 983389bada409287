import type { Core } from '@strapi/strapi';
import { SHARED_CHANNELS, contentKinds, uidOf, type SharedChannel } from '@thanh-thuy/content-types';
import { piecesReaching } from '../content-api/commune-scope';
import { ledger, type LedgerRow } from './ledger';

export interface SharedPost {
  pieceId: string;
  channel: SharedChannel;
  remoteUrl: string;
}

const pieceUids = new Set(contentKinds.map(uidOf));
// Keeps each IN (…) list well under SQLite's and PostgreSQL's bound-parameter limits.
const CHUNK = 500;

/** Only a web address may become a link on the portal (never javascript: or data:). */
const isWebUrl = (value: string | null): value is string => {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false; // not a URL at all: nothing to link to
  }
};

async function publishedIds(strapi: Core.Strapi, uid: string, ids: string[]): Promise<Set<string>> {
  const published = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = (await strapi.db.query(uid as never).findMany({
      where: { documentId: { $in: ids.slice(i, i + CHUNK) }, publishedAt: { $notNull: true } },
      select: ['documentId'],
    })) as Array<{ documentId: string }>;
    for (const row of rows) published.add(row.documentId);
  }
  return published;
}

/**
 * Where each published piece was shared, for the portal's "Đã chia sẻ trên" line: the posted
 * `create` jobs of the social channels, the newest generation per piece and channel (a
 * deliberate repost replaces the link). A piece that is no longer published gives nothing, so
 * the list never names a withdrawn piece. For a commune's portal (`commune`), only its own pieces
 * and the province's addressed to it.
 */
export async function sharedPosts(strapi: Core.Strapi, commune: string | null = null): Promise<SharedPost[]> {
  const rows = (await ledger(strapi).findMany({
    where: {
      action: 'create',
      state: 'posted',
      channel: { $in: [...SHARED_CHANNELS] },
      remoteUrl: { $notNull: true },
      // A commune's portal links to its own accounts' posts (a province-wide piece is posted by
      // each commune it reaches), and to those of the time before the ledger named accounts.
      ...(commune ? { $or: [{ commune }, { commune: { $null: true } }] } : {}),
    },
    select: ['pieceUid', 'pieceId', 'channel', 'commune', 'generation', 'remoteUrl'],
    orderBy: [{ generation: 'desc' }, { id: 'desc' }],
  })) as Array<Pick<LedgerRow, 'pieceUid' | 'pieceId' | 'channel' | 'commune' | 'generation' | 'remoteUrl'>>;
  const newest = new Map<string, (typeof rows)[number]>();
  // A commune's own post comes before one of the time before accounts, whatever its generation.
  if (commune) rows.sort((a, b) => Number(b.commune === commune) - Number(a.commune === commune));
  for (const row of rows) {
    const key = `${row.pieceId}\n${row.channel}`;
    if (!newest.has(key) && pieceUids.has(row.pieceUid)) newest.set(key, row);
  }
  const byUid = new Map<string, Set<string>>();
  for (const row of newest.values()) byUid.set(row.pieceUid, (byUid.get(row.pieceUid) ?? new Set()).add(row.pieceId));
  const published = new Set<string>();
  for (const [uid, ids] of byUid) for (const id of await publishedIds(strapi, uid, [...ids])) published.add(`${uid}\n${id}`);
  if (commune) {
    const reaching = await piecesReaching(strapi, [...published].map((key) => ({ uid: key.split('\n')[0], documentId: key.split('\n')[1] })), commune);
    for (const key of published) if (!reaching.has(key)) published.delete(key);
  }
  return [...newest.values()]
    .filter((row) => published.has(`${row.pieceUid}\n${row.pieceId}`) && isWebUrl(row.remoteUrl))
    .map((row) => ({ pieceId: row.pieceId, channel: row.channel as SharedChannel, remoteUrl: row.remoteUrl as string }))
    .sort((a, b) => (a.pieceId === b.pieceId ? SHARED_CHANNELS.indexOf(a.channel) - SHARED_CHANNELS.indexOf(b.channel) : a.pieceId < b.pieceId ? -1 : 1));
}
