import type { Core } from '@strapi/strapi';
import { contentKinds, uidOf, type CrosspostChannel } from '@thanh-thuy/content-types';
import { ledger, rowsOf, type LedgerRow } from './ledger';

const KIND_UIDS = new Set(contentKinds.map(uidOf));
// Channel keys of the plan's taxonomy (III.2) that are platforms the runner posts to.
const PLATFORM_KEYS = new Set<CrosspostChannel>(['facebook', 'zalo', 'youtube', 'tiktok']);
// Platforms whose remote copy can follow an edit; elsewhere an edit changes nothing remote.
const UPDATABLE = new Set<CrosspostChannel>(['facebook', 'zalo', 'webhook']);
// Video platforms: a piece without a video gets no job there (issue 7), not even a skipped one.
const NEEDS_VIDEO = new Set<CrosspostChannel>(['youtube', 'tiktok']);

export const isCrosspostedKind = (uid: string) => KIND_UIDS.has(uid);

/** The channels the published piece is to be carried to; null when it is not published. */
async function selectedChannels(strapi: Core.Strapi, uid: string, documentId: string): Promise<CrosspostChannel[] | null> {
  const piece = (await strapi.documents(uid as never).findOne({
    documentId,
    status: 'published',
    populate: { channels: { fields: ['key'] }, video: { fields: ['id'] } },
  } as never)) as { channels?: Array<{ key: string }>; video?: { id: number } | null } | null;
  if (!piece) return null;
  const keys = (piece.channels ?? [])
    .map((c) => c.key)
    .filter((k): k is CrosspostChannel => PLATFORM_KEYS.has(k as CrosspostChannel))
    .filter((k) => piece.video || !NEEDS_VIDEO.has(k));
  // The signed webhook carries every publication to other consumers (the provincial portal).
  return [...keys, 'webhook'];
}

const create = (strapi: Core.Strapi, data: Partial<LedgerRow>) => ledger(strapi).create({ data: { attempts: 0, generation: 0, ...data } });

/**
 * On publish: the first publish of a piece queues one job per selected channel; a channel
 * added later queues its own, and so does a video added later for YouTube and TikTok; a
 * republish or an edit queues an update where the platform can follow one. A republish never
 * queues a second create: the ledger already holds the post.
 */
export async function enqueueOnPublish(strapi: Core.Strapi, uid: string, documentId: string): Promise<void> {
  const channels = await selectedChannels(strapi, uid, documentId);
  if (!channels) return;
  const rows = await rowsOf(strapi, documentId);
  for (const channel of channels) {
    // Before the video field, YouTube and TikTok got a "skipped" create on every first publish;
    // such a row posted nothing, so a video added since still gets its first job.
    const creates = rows.filter((r) => r.channel === channel && r.action === 'create' && !(NEEDS_VIDEO.has(channel) && r.state === 'skipped' && !r.remoteId));
    if (creates.length === 0) {
      await create(strapi, { pieceUid: uid, pieceId: documentId, channel, action: 'create', state: 'pending' });
      continue;
    }
    if (!UPDATABLE.has(channel)) continue;
    // One pending update is enough: it sends the latest version when it runs.
    const waiting = rows.some((r) => r.channel === channel && r.action === 'update' && r.state === 'pending');
    if (!waiting) await create(strapi, { pieceUid: uid, pieceId: documentId, channel, action: 'update', state: 'pending' });
  }
}

/** On unpublish or delete: tell webhook consumers; remote Facebook/Zalo copies stay (an editor's call). */
export async function enqueueOnWithdraw(strapi: Core.Strapi, uid: string, documentId: string): Promise<void> {
  const rows = await rowsOf(strapi, documentId);
  if (!rows.some((r) => r.channel === 'webhook' && r.action === 'create')) return;
  if (rows.some((r) => r.channel === 'webhook' && r.action === 'withdraw' && r.state === 'pending')) return;
  await create(strapi, { pieceUid: uid, pieceId: documentId, channel: 'webhook', action: 'withdraw', state: 'pending' });
}

/** An editor's deliberate repost: a new generation of the create job, sent again. */
export async function enqueueRepost(strapi: Core.Strapi, uid: string, documentId: string, channel: CrosspostChannel): Promise<LedgerRow> {
  const rows = (await rowsOf(strapi, documentId)).filter((r) => r.channel === channel && r.action === 'create');
  const generation = rows.reduce((max, r) => Math.max(max, r.generation ?? 0), -1) + 1;
  return (await create(strapi, { pieceUid: uid, pieceId: documentId, channel, action: 'create', generation, state: 'pending' })) as LedgerRow;
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
