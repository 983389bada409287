import type { Core } from '@strapi/strapi';
import { CROSSPOST_CHANNELS, CROSSPOST_STATE_LABELS } from '@thanh-thuy/content-types';
import { z } from 'zod';
import { enqueueRepost, isCrosspostedKind, serially } from './enqueue';
import { ledger, rowsOf, type LedgerRow } from './ledger';
import { isMarkable, isRetriable, recordPostedByHand, retryJob } from './panel-actions';
import { mayOnPiece } from './panel-access';
import { panelRefusals } from './panel-refusals';
import { CHANNEL_LABELS, panelEntries } from './panel-view';
import { requestRemove } from './remove-copy';
import { addAdminRouter, refuse } from '../admin-api/admin-router';

type Ctx = {
  params: Record<string, string | undefined>;
  request: { body?: unknown };
  state: { userAbility?: unknown };
  status: number;
  body: unknown;
};

/** The URL prefix of the panel's admin API (useFetchClient calls it relative to the backend). */
export const PANEL_PREFIX = '/crosspost-panel';

const pieceParams = z.object({
  uid: z.string().refine(isCrosspostedKind, 'not a cross-posted content type'),
  documentId: z.string().regex(/^[a-z0-9]{1,100}$/i),
});
const jobParams = z.object({ id: z.coerce.number().int().positive() });
const channelParams = pieceParams.extend({ channel: z.enum(CROSSPOST_CHANNELS) });
// zod's .url() accepts any scheme (javascript:, ftp:); the link is rendered as an anchor.
const isWebLink = (text: string) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
const postedByHandBody = z.object({ url: z.string().trim().max(1000).refine(isWebLink) });


const stateLabel = (row: LedgerRow) => CROSSPOST_STATE_LABELS[row.state] ?? row.state;

async function jobFor(strapi: Core.Strapi, ctx: Ctx): Promise<LedgerRow | null> {
  const params = jobParams.safeParse(ctx.params);
  const row = params.success ? ((await ledger(strapi).findOne({ where: { id: params.data.id } })) as LedgerRow | null) : null;
  if (!row) refuse(ctx, 404, panelRefusals.unknownJob);
  return row;
}

const handlers = (strapi: Core.Strapi) => ({
  async list(ctx: Ctx) {
    const params = pieceParams.safeParse(ctx.params);
    if (!params.success) return refuse(ctx, 400, panelRefusals.unknownPiece);
    const { uid, documentId } = params.data;
    const may = (right: 'read' | 'update' | 'publish') => mayOnPiece(strapi, ctx.state.userAbility, uid, documentId, right);
    if (!(await may('read'))) return refuse(ctx, 403, panelRefusals.mayNotRead);
    const mayUpdate = await may('update');
    const mayPublish = await may('publish');
    ctx.body = {
      data: {
        entries: panelEntries(await rowsOf(strapi, documentId)),
        may: { retry: mayUpdate, markPosted: mayUpdate, repost: mayPublish, remove: mayPublish },
      },
    };
  },

  async retry(ctx: Ctx) {
    const row = await jobFor(strapi, ctx);
    if (!row) return;
    if (!(await mayOnPiece(strapi, ctx.state.userAbility, row.pieceUid, row.pieceId, 'update'))) return refuse(ctx, 403, panelRefusals.mayNotRetry);
    if (!isRetriable(row) || !(await retryJob(strapi, row.id))) return refuse(ctx, 409, panelRefusals.notRetriable(stateLabel(row)));
    ctx.body = { data: { id: row.id, state: 'pending' } };
  },

  async postedByHand(ctx: Ctx) {
    const row = await jobFor(strapi, ctx);
    if (!row) return;
    if (!(await mayOnPiece(strapi, ctx.state.userAbility, row.pieceUid, row.pieceId, 'update'))) return refuse(ctx, 403, panelRefusals.mayNotRetry);
    const body = postedByHandBody.safeParse(ctx.request.body);
    if (!body.success) return refuse(ctx, 400, panelRefusals.badUrl);
    if (!isMarkable(row) || !(await recordPostedByHand(strapi, row.id, body.data.url))) return refuse(ctx, 409, panelRefusals.notMarkable(stateLabel(row)));
    ctx.body = { data: { id: row.id, state: 'posted', remoteUrl: body.data.url } };
  },

  async repost(ctx: Ctx) {
    const params = channelParams.safeParse(ctx.params);
    if (!params.success) return refuse(ctx, 400, panelRefusals.unknownPiece);
    const { uid, documentId, channel } = params.data;
    if (!(await mayOnPiece(strapi, ctx.state.userAbility, uid, documentId, 'publish'))) return refuse(ctx, 403, panelRefusals.mayNotRepost);
    const published = await strapi.documents(uid as never).findOne({ documentId, status: 'published' } as never);
    if (!published) return refuse(ctx, 409, panelRefusals.notPublished);
    const ofChannel = (await rowsOf(strapi, documentId)).filter((r) => r.channel === channel);
    if (!ofChannel.some((r) => r.action === 'create')) return refuse(ctx, 409, panelRefusals.neverSent);
    // A removal under way counts too: the repost must not be reconciled onto the post being deleted.
    const busy = ofChannel.some((r) => (r.action === 'create' || r.action === 'remove') && (r.state === 'pending' || r.state === 'sending'));
    if (busy) return refuse(ctx, 409, panelRefusals.alreadyQueued);
    const job = await enqueueRepost(strapi, uid, documentId, channel);
    ctx.body = { data: { id: job.id, state: job.state, generation: job.generation } };
  },

  /** "Gỡ bài trên …": queues the removal of the remote copy of the create job `:id`. */
  async remove(ctx: Ctx) {
    const row = await jobFor(strapi, ctx);
    if (!row) return;
    if (!(await mayOnPiece(strapi, ctx.state.userAbility, row.pieceUid, row.pieceId, 'publish'))) return refuse(ctx, 403, panelRefusals.mayNotRemove);
    // One piece's ledger changes one step at a time, so a double click queues one removal.
    let outcome: Awaited<ReturnType<typeof requestRemove>> | undefined;
    await serially(row.pieceId, async () => {
      outcome = await requestRemove(strapi, row);
    });
    if (!outcome || 'refused' in outcome) {
      const refusal = outcome && 'refused' in outcome ? outcome.refused : 'not-removable';
      if (refusal === 'posted-by-hand') return refuse(ctx, 409, panelRefusals.postedByHand(CHANNEL_LABELS[row.channel]));
      if (refusal === 'busy') return refuse(ctx, 409, panelRefusals.removeBusy);
      return refuse(ctx, 409, panelRefusals.notRemovable(stateLabel(row)));
    }
    ctx.body = { data: { id: outcome.job.id, state: outcome.job.state, target: row.id } };
  },
});

/** The edit page's cross-posting panel talks to these admin routes (admin-api/admin-router.ts). */
export function registerPanelRoutes(strapi: Core.Strapi): void {
  const h = handlers(strapi);
  addAdminRouter(strapi, 'crosspost-panel', PANEL_PREFIX, [
    { method: 'GET', path: '/pieces/:uid/:documentId/jobs', handler: h.list },
    { method: 'POST', path: '/jobs/:id/retry', handler: h.retry },
    { method: 'POST', path: '/jobs/:id/posted-by-hand', handler: h.postedByHand },
    { method: 'POST', path: '/pieces/:uid/:documentId/channels/:channel/repost', handler: h.repost },
    { method: 'POST', path: '/jobs/:id/remove', handler: h.remove },
  ]);
}
