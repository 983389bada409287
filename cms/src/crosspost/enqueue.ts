import type { Core } from '@strapi/strapi';
import { communesReached, contentKinds, uidOf, type CrosspostChannel, type Tenancy } from '@thanh-thuy/content-types';
import { servedCommunes } from '../documents/commune-membership';
import { ledger, rowsOf, sameLane, type Lane, type LedgerRow } from './ledger';

const KIND_UIDS = new Set(contentKinds.map(uidOf));
// Channel keys of the plan's taxonomy (III.2) that are platforms the runner posts to.
const PLATFORM_KEYS = new Set<CrosspostChannel>(['facebook', 'zalo', 'youtube', 'tiktok']);
// Platforms whose remote copy can follow an edit; elsewhere an edit changes nothing remote.
const UPDATABLE = new Set<CrosspostChannel>(['facebook', 'zalo', 'webhook']);
// Video platforms: a piece without a video gets no job there (issue 7), not even a skipped one.
const NEEDS_VIDEO = new Set<CrosspostChannel>(['youtube', 'tiktok']);

export const isCrosspostedKind = (uid: string) => KIND_UIDS.has(uid);

/**
 * Whose accounts carry a piece: in a province, its own commune's, or, for a province-wide
 * piece, those of every commune it is addressed to (each links to its own portal's copy);
 * for one commune, the commune's (null). Slugs the installation does not serve post nowhere.
 */
export function postingCommunes(piece: Tenancy, served: readonly string[]): Array<string | null> {
  if (served.length === 0) return [null];
  if (!piece.provinceWide && !piece.commune) return [];
  return communesReached(piece, served).communes;
}

/** The lanes the published piece is to be carried on; null when it is not published. */
async function selectedLanes(strapi: Core.Strapi, uid: string, documentId: string): Promise<Lane[] | null> {
  const piece = (await strapi.documents(uid as never).findOne({
    documentId,
    status: 'published',
    populate: { channels: { fields: ['key'] }, video: { fields: ['id'] } },
  } as never)) as ({ channels?: Array<{ key: string }>; video?: { id: number } | null } & Tenancy) | null;
  if (!piece) return null;
  const keys = (piece.channels ?? [])
    .map((c) => c.key)
    .filter((k): k is CrosspostChannel => PLATFORM_KEYS.has(k as CrosspostChannel))
    .filter((k) => piece.video || !NEEDS_VIDEO.has(k));
  const communes = postingCommunes(piece, servedCommunes());
  // The signed webhook carries every publication, once, to other consumers (the provincial portal).
  return [...communes.flatMap((commune) => keys.map((channel) => ({ channel, commune }))), { channel: 'webhook', commune: null }];
}

const create = (strapi: Core.Strapi, data: Partial<LedgerRow>) => ledger(strapi).create({ data: { attempts: 0, generation: 0, ...data } });

/**
 * On publish: the first publish of a piece queues one job per selected channel; a channel
 * added later queues its own, and so does a video added later for YouTube and TikTok; a
 * republish or an edit queues an update where the platform can follow one. A republish never
 * queues a second create: the ledger already holds the post.
 */
export async function enqueueOnPublish(strapi: Core.Strapi, uid: string, documentId: string): Promise<void> {
  const lanes = await selectedLanes(strapi, uid, documentId);
  if (!lanes) return;
  const rows = await rowsOf(strapi, documentId);
  for (const lane of lanes) {
    const { channel } = lane;
    const commune = lane.commune ?? null;
    const ofLane = rows.filter((r) => sameLane(r, lane));
    // Before the video field, YouTube and TikTok got a "skipped" create on every first publish;
    // such a row posted nothing, so a video added since still gets its first job.
    const creates = ofLane.filter((r) => r.action === 'create' && !(NEEDS_VIDEO.has(channel) && r.state === 'skipped' && !r.remoteId));
    if (creates.length === 0) {
      await create(strapi, { pieceUid: uid, pieceId: documentId, channel, commune, action: 'create', state: 'pending' });
      continue;
    }
    if (!UPDATABLE.has(channel)) continue;
    // One pending update is enough: it sends the latest version when it runs.
    const waiting = ofLane.some((r) => r.action === 'update' && r.state === 'pending');
    if (!waiting) await create(strapi, { pieceUid: uid, pieceId: documentId, channel, commune, action: 'update', state: 'pending' });
  }
}

/** On unpublish or delete: tell webhook consumers; remote Facebook/Zalo copies stay (an editor's call). */
export async function enqueueOnWithdraw(strapi: Core.Strapi, uid: string, documentId: string): Promise<void> {
  const rows = await rowsOf(strapi, documentId);
  if (!rows.some((r) => r.channel === 'webhook' && r.action === 'create')) return;
  // One lane: the webhook is the installation's, never a commune's.
  if (rows.some((r) => r.channel === 'webhook' && r.action === 'withdraw' && r.state === 'pending')) return;
  await create(strapi, { pieceUid: uid, pieceId: documentId, channel: 'webhook', action: 'withdraw', state: 'pending' });
}

/** An editor's deliberate repost: a new generation of the lane's create job, sent again. */
export async function enqueueRepost(strapi: Core.Strapi, uid: string, documentId: string, lane: Lane): Promise<LedgerRow> {
  const rows = (await rowsOf(strapi, documentId)).filter((r) => sameLane(r, lane) && r.action === 'create');
  const generation = rows.reduce((max, r) => Math.max(max, r.generation ?? 0), -1) + 1;
  return (await create(strapi, { pieceUid: uid, pieceId: documentId, channel: lane.channel, commune: lane.commune ?? null, action: 'create', generation, state: 'pending' })) as LedgerRow;
}

// Events of one piece are queued one after another (a publish fires update then publish, a
// delete fires twice): two handlers reading the ledger at once would both queue a create.
const queues = new Map<string, Promise<void>>();
export function serially(documentId: string, work: () => Promise<void>): Promise<void> {
  const next = (queues.get(documentId) ?? Promise.resolve()).then(work, work);
  queues.set(documentId, next);
  return next.finally(() => {
    if (queues.get(documentId) === next) queues.delete(documentId);
  });
}

/** Queues jobs from the document lifecycle; in-process, so nothing is lost between CMS and worker. */
export function registerCrosspostQueue(strapi: Core.Strapi): void {
  const on = (event: string, handler: (uid: string, documentId: string) => Promise<void>) =>
    strapi.eventHub.on(event, async ({ uid, entry }: { uid: string; entry?: { documentId?: string } }) => {
      const documentId = entry?.documentId;
      if (!isCrosspostedKind(uid) || !documentId) return;
      try {
        await serially(documentId, () => handler(uid, documentId));
      } catch (error) {
        strapi.log.error(`Cross-posting: could not queue ${event} of ${uid} ${documentId}: ${(error as Error).message}`);
      }
    });
  on('entry.publish', (uid, id) => enqueueOnPublish(strapi, uid, id));
  on('entry.unpublish', (uid, id) => enqueueOnWithdraw(strapi, uid, id));
  on('entry.delete', (uid, id) => enqueueOnWithdraw(strapi, uid, id));
}
