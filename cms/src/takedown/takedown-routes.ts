import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { mayOnPiece } from '../crosspost/panel-access';
import { addAdminRouter, refuse, type AdminCtx } from '../admin-api/admin-router';
import { pieceFromParams, type Piece } from '../admin-api/piece-from-params';
import { actingUser, nameOf } from '../monitoring/acting-user';
import { publishedRow, remove, takedownsOf, withdraw } from './take-down';
import { takedownRefusals } from './takedown-refusals';

type Ctx = AdminCtx;

export const TAKEDOWN_PREFIX = '/takedown';

const reasonBody = z.object({ reason: z.string().trim().optional() }).passthrough();


const handlers = (strapi: Core.Strapi) => {
  const pieceFor = (ctx: Ctx) => pieceFromParams(strapi, ctx, takedownRefusals.unknownPiece);

  /** The checks both actions share; the reason, or null when refused. */
  async function allowed(ctx: Ctx, piece: Piece, action: 'withdraw' | 'remove'): Promise<string | null> {
    if (!(await mayOnPiece(strapi, ctx.state.userAbility, piece.uid, piece.documentId, 'publish'))) return (refuse(ctx, 403, takedownRefusals.mayNotTakeDown), null);
    const reason = reasonBody.safeParse(ctx.request.body ?? {}).data?.reason ?? '';
    if (!reason) return (refuse(ctx, 400, takedownRefusals.reasonRequired), null);
    if (reason.length > 1000) return (refuse(ctx, 400, takedownRefusals.reasonTooLong), null);
    const published = await publishedRow(strapi, piece);
    if (!published) return (refuse(ctx, 409, takedownRefusals.notPublished), null);
    if (action === 'withdraw' && published.withdrawnAt) return (refuse(ctx, 409, takedownRefusals.alreadyWithdrawn), null);
    return reason;
  }

  const view = async (piece: Piece, may: boolean) => {
    const published = await publishedRow(strapi, piece);
    return {
      published: Boolean(published),
      withdrawnAt: published?.withdrawnAt ? new Date(published.withdrawnAt).toISOString() : null,
      history: (await takedownsOf(strapi, piece)).map((row) => ({ action: row.action, reason: row.reason, at: new Date(row.at).toISOString(), by: row.by, active: Boolean(row.active) })),
      may: { takeDown: may },
    };
  };

  return {
    async show(ctx: Ctx) {
      const piece = await pieceFor(ctx);
      if (!piece) return;
      if (!(await mayOnPiece(strapi, ctx.state.userAbility, piece.uid, piece.documentId, 'read'))) return refuse(ctx, 403, takedownRefusals.mayNotRead);
      ctx.body = { data: await view(piece, await mayOnPiece(strapi, ctx.state.userAbility, piece.uid, piece.documentId, 'publish')) };
    },
    async withdraw(ctx: Ctx) {
      const piece = await pieceFor(ctx);
      const reason = piece && (await allowed(ctx, piece, 'withdraw'));
      if (!piece || !reason) return;
      await withdraw(strapi, piece, reason, nameOf(actingUser(strapi)));
      ctx.body = { data: await view(piece, true) };
    },
    async remove(ctx: Ctx) {
      const piece = await pieceFor(ctx);
      const reason = piece && (await allowed(ctx, piece, 'remove'));
      if (!piece || !reason) return;
      await remove(strapi, piece, reason, nameOf(actingUser(strapi)));
      ctx.body = { data: await view(piece, true) };
    },
  };
};

/** The "Thu hồi, gỡ bỏ" panel talks to these admin routes (admin-api/admin-router.ts). */
export function registerTakedownRoutes(strapi: Core.Strapi): void {
  const h = handlers(strapi);
  addAdminRouter(strapi, 'takedown', TAKEDOWN_PREFIX, [
    { method: 'GET', path: '/:uid/:documentId', handler: h.show },
    { method: 'POST', path: '/:uid/:documentId/withdraw', handler: h.withdraw },
    { method: 'POST', path: '/:uid/:documentId/remove', handler: h.remove },
  ]);
}
