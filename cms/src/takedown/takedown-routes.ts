import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { mayOnPiece } from '../crosspost/panel-access';
import { actingUser, nameOf } from '../monitoring/acting-user';
import { publishedRow, remove, takedownsOf, takenDownKinds, withdraw, type Piece } from './take-down';
import { takedownRefusals } from './takedown-refusals';

type Ctx = {
  params: Record<string, string | undefined>;
  request: { body?: unknown };
  state: { userAbility?: unknown };
  status: number;
  body: unknown;
};

export const TAKEDOWN_PREFIX = '/takedown';

const pieceParams = z.object({
  uid: z.string().refine((uid) => takenDownKinds.has(uid)),
  documentId: z.string().regex(/^[a-z0-9]{1,100}$/i),
});
const reasonBody = z.object({ reason: z.string().trim().optional() }).passthrough();

function refuse(ctx: Ctx, status: number, message: string): void {
  const name = status === 403 ? 'ForbiddenError' : status === 404 ? 'NotFoundError' : status === 409 ? 'ConflictError' : 'ValidationError';
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details: {} } };
}

const handlers = (strapi: Core.Strapi) => {
  async function pieceFor(ctx: Ctx): Promise<Piece | null> {
    const params = pieceParams.safeParse(ctx.params);
    const found = params.success && (await strapi.documents(params.data.uid as never).findOne({ documentId: params.data.documentId } as never));
    if (!params.success || !found) {
      refuse(ctx, 404, takedownRefusals.unknownPiece);
      return null;
    }
    return params.data;
  }

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

/** The "Thu hồi, gỡ bỏ" panel talks to these admin routes (see crosspost/panel-routes.ts). */
export function registerTakedownRoutes(strapi: Core.Strapi): void {
  const routers = (strapi.admin as unknown as { routes: Record<string, unknown> }).routes;
  if (!routers || typeof routers !== 'object') throw new Error("Cannot add the takedown admin routes: Strapi's admin route table has changed");
  const h = handlers(strapi);
  const signedIn = { policies: ['admin::isAuthenticatedAdmin'] };
  routers.takedown = {
    type: 'admin',
    prefix: TAKEDOWN_PREFIX,
    routes: [
      { method: 'GET', path: '/:uid/:documentId', handler: h.show, config: signedIn },
      { method: 'POST', path: '/:uid/:documentId/withdraw', handler: h.withdraw, config: signedIn },
      { method: 'POST', path: '/:uid/:documentId/remove', handler: h.remove, config: signedIn },
    ],
  };
}
