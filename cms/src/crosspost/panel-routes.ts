import type { Core } from '@strapi/strapi';
import { CROSSPOST_CHANNELS, CROSSPOST_STATE_LABELS, SLUG_PATTERN, communeProfile, uidOf } from '@thanh-thuy/content-types';
import { z } from 'zod';
import { enqueueRepost, isCrosspostedKind, serially } from './enqueue';
import { communesOfUser } from '../tenancy/commune-roles';
import { ledger, rowsOf, sameLane, type LedgerRow } from './ledger';
import { isMarkable, isRetriable, recordPostedByHand, retryJob } from './panel-actions';
import { mayOnPiece } from './panel-access';
import { panelRefusals } from './panel-refusals';
import { CHANNEL_LABELS, entryOf, panelEntries, type CommuneNames } from './panel-view';
import { requestRemove } from './remove-copy';
import { addAdminRouter, refuse } from '../admin-api/admin-router';

type Ctx = {
  params: Record<string, string | undefined>;
  request: { body?: unknown };
  state: { userAbility?: unknown; user?: { id?: number } };
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
// In a province, the repost names the commune whose account posts again; blank for one commune.
const repostBody = z.object({ commune: z.string().regex(SLUG_PATTERN).nullish() }).default({});


const stateLabel = (row: LedgerRow) => CROSSPOST_STATE_LABELS[row.state] ?? row.state;

async function jobFor(strapi: Core.Strapi, ctx: Ctx): Promise<LedgerRow | null> {
  const params = jobParams.safeParse(ctx.params);
  const row = params.success ? ((await ledger(strapi).findOne({ where: { id: params.data.id } })) as LedgerRow | null) : null;
  if (!row) refuse(ctx, 404, panelRefusals.unknownJob);
  return row;
}

/** The names of the communes whose accounts appear in a piece's ledger, from their details. */
async function communeNames(strapi: Core.Strapi, rows: LedgerRow[]): Promise<CommuneNames> {
  const slugs = [...new Set(rows.map((r) => r.commune).filter((c): c is string => Boolean(c)))];
  if (slugs.length === 0) return new Map();
  const profiles = (await strapi.db.query(uidOf(communeProfile) as never).findMany({
    where: { commune: { $in: slugs }, publishedAt: { $notNull: true } },
    select: ['commune', 'name'],
  })) as Array<{ commune: string; name?: string | null }>;
  return new Map(profiles.filter((p) => p.name).map((p) => [p.commune, p.name as string]));
}

/** Whether the admin's abilities allow `action` on some entries of `subject` (conditions aside). */
const mayAtAll = (ctx: Ctx, action: string, subject: string) => Boolean((ctx.state.userAbility as { can?: (a: string, s: string) => boolean } | undefined)?.can?.(action, subject));

/** How many posts waiting to be made by hand the homepage lists at most, newest first. */
const OUTBOX_LISTED = 100;

/**
 * Whether the admin posts by hand for this commune's account: an editor of that commune, though
 * the piece may be the province's (a province-wide piece, which they cannot open, reaches their
 * page too). Only for those who may edit pieces at all (not a commune's police or area heads).
 */
function postsForAccount(ctx: Ctx, row: LedgerRow, who: UserCommunes): boolean {
  if (!row.commune || ctx.state.user?.id === undefined) return false;
  if (!mayAtAll(ctx, 'plugin::content-manager.explorer.update', row.pieceUid)) return false;
  return who.confined && who.communes.includes(row.commune);
}

type UserCommunes = { communes: string[]; confined: boolean };

/** The communes of the signed-in admin (read once per request). */
async function userCommunes(strapi: Core.Strapi, ctx: Ctx): Promise<UserCommunes> {
  const userId = ctx.state.user?.id;
  return userId === undefined ? { communes: [], confined: false } : communesOfUser(strapi, userId);
}

/** Whose accounts a signed-in admin works with: a commune's editor their own communes' (and the installation's webhook), others every one. */
async function accountsOf(strapi: Core.Strapi, userId: number | undefined): Promise<(commune: string | null) => boolean> {
  if (userId === undefined) return () => true;
  const { communes, confined } = await communesOfUser(strapi, userId);
  return (commune) => !confined || !commune || communes.includes(commune);
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
    const ours = await accountsOf(strapi, ctx.state.user?.id);
    const rows = (await rowsOf(strapi, documentId)).filter((r) => ours(r.commune));
    ctx.body = {
      data: {
        entries: panelEntries(rows, await communeNames(strapi, rows)),
        may: { retry: mayUpdate, markPosted: mayUpdate, repost: mayPublish, remove: mayPublish },
      },
    };
  },

  /**
   * The homepage's «Bài chờ đăng tay»: posts waiting for an officer to make by hand, on the
   * accounts this admin works with (a commune's editor: their commune's, the province's pieces
   * included), of pieces they may read.
   */
  async outbox(ctx: Ctx) {
    if (!mayAtAll(ctx, 'plugin::content-manager.explorer.read', 'api::article.article')) return refuse(ctx, 403, panelRefusals.mayNotReadOutbox);
    // A commune's editor: only their communes' accounts, in the query itself, so that a hundred
    // communes' posts of one province-wide piece never push theirs out of the newest hundred.
    const who = await userCommunes(strapi, ctx);
    const theirs = who.confined ? { $or: [{ commune: { $in: who.communes } }, { commune: { $null: true } }] } : {};
    const where = { action: 'create', state: 'outbox', ...theirs };
    const rows = (await ledger(strapi).findMany({ where, orderBy: [{ id: 'desc' }], limit: OUTBOX_LISTED })) as LedgerRow[];
    // Older ones wait beyond the list: the widget says so, and they come up as these are recorded.
    const waiting = rows.length < OUTBOX_LISTED ? rows.length : await ledger(strapi).count({ where });
    const ours = await accountsOf(strapi, ctx.state.user?.id);
    const shown: LedgerRow[] = [];
    for (const row of rows) {
      if (!ours(row.commune)) continue;
      if (postsForAccount(ctx, row, who) || (await mayOnPiece(strapi, ctx.state.userAbility, row.pieceUid, row.pieceId, 'read'))) shown.push(row);
    }
    const names = await communeNames(strapi, shown);
    ctx.body = { data: shown.map((row) => entryOf(row, [row], names)).filter((entry) => entry.outbox), meta: { listed: rows.length, waiting } };
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
    const may = (await mayOnPiece(strapi, ctx.state.userAbility, row.pieceUid, row.pieceId, 'update')) || postsForAccount(ctx, row, await userCommunes(strapi, ctx));
    if (!may) return refuse(ctx, 403, panelRefusals.mayNotRetry);
    const body = postedByHandBody.safeParse(ctx.request.body);
    if (!body.success) return refuse(ctx, 400, panelRefusals.badUrl);
    if (!isMarkable(row) || !(await recordPostedByHand(strapi, row.id, body.data.url))) return refuse(ctx, 409, panelRefusals.notMarkable(stateLabel(row)));
    ctx.body = { data: { id: row.id, state: 'posted', remoteUrl: body.data.url } };
  },

  async repost(ctx: Ctx) {
    const params = channelParams.safeParse(ctx.params);
    if (!params.success) return refuse(ctx, 400, panelRefusals.unknownPiece);
    const { uid, documentId, channel } = params.data;
    const body = repostBody.safeParse(ctx.request.body ?? {});
    if (!body.success) return refuse(ctx, 400, panelRefusals.unknownPiece);
    const lane = { channel, commune: body.data.commune ?? null };
    if (!(await mayOnPiece(strapi, ctx.state.userAbility, uid, documentId, 'publish'))) return refuse(ctx, 403, panelRefusals.mayNotRepost);
    if (!(await accountsOf(strapi, ctx.state.user?.id))(lane.commune)) return refuse(ctx, 403, panelRefusals.mayNotRepost);
    const published = await strapi.documents(uid as never).findOne({ documentId, status: 'published' } as never);
    if (!published) return refuse(ctx, 409, panelRefusals.notPublished);
    const ofChannel = (await rowsOf(strapi, documentId)).filter((r) => sameLane(r, lane));
    if (!ofChannel.some((r) => r.action === 'create')) return refuse(ctx, 409, panelRefusals.neverSent);
    // A removal under way counts too: the repost must not be reconciled onto the post being deleted.
    const busy = ofChannel.some((r) => (r.action === 'create' || r.action === 'remove') && (r.state === 'pending' || r.state === 'sending'));
    if (busy) return refuse(ctx, 409, panelRefusals.alreadyQueued);
    const job = await enqueueRepost(strapi, uid, documentId, lane);
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
    { method: 'GET', path: '/outbox', handler: h.outbox },
    { method: 'POST', path: '/jobs/:id/retry', handler: h.retry },
    { method: 'POST', path: '/jobs/:id/posted-by-hand', handler: h.postedByHand },
    { method: 'POST', path: '/pieces/:uid/:documentId/channels/:channel/repost', handler: h.repost },
    { method: 'POST', path: '/jobs/:id/remove', handler: h.remove },
  ]);
}
