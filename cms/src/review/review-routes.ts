import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { mayOnPiece } from '../crosspost/panel-access';
import { addAdminRouter, refuse, type AdminCtx } from '../admin-api/admin-router';
import { pieceFromParams, type Piece } from '../admin-api/piece-from-params';
import { actingUser, nameOf } from '../monitoring/acting-user';
import { approve, isAuthor, isSuperAdmin, requestChanges, submit, type Outcome } from './review-actions';
import { reviewQueue } from './review-queue';
import { reviewWithSteps, stateOf } from './review-record';
import { reviewRefusals } from './review-refusals';

type Ctx = AdminCtx;

/** The URL prefix of the review workflow's admin API. */
export const REVIEW_PREFIX = '/review';

const optionalNote = z.object({ note: z.string().trim().max(2000).optional().nullable() }).passthrough();


/** The note a request carries: trimmed, empty → null; undefined when it is too long. */
function noteOf(body: unknown): string | null | undefined {
  const parsed = optionalNote.safeParse(body ?? {});
  if (!parsed.success) return undefined;
  return parsed.data.note ? parsed.data.note : null;
}

const pieceFor = (strapi: Core.Strapi, ctx: Ctx) => pieceFromParams(strapi, ctx, reviewRefusals.unknownPiece);

function answer(ctx: Ctx, outcome: Outcome): void {
  if (!outcome.ok) return refuse(ctx, outcome.status, outcome.message);
  ctx.body = { data: { state: outcome.state } };
}

const handlers = (strapi: Core.Strapi) => {
  const may = (ctx: Ctx, piece: Piece, right: 'read' | 'update' | 'publish') => mayOnPiece(strapi, ctx.state.userAbility, piece.uid, piece.documentId, right);
  const who = () => {
    const user = actingUser(strapi)!;
    return { id: user.id as number, name: nameOf(user), superAdmin: isSuperAdmin(user as never) };
  };
  return {
    async queue(ctx: Ctx) {
      const all = await reviewQueue(strapi);
      // Each approver sees what they may publish.
      const visible = [];
      for (const item of all) if (await may(ctx, item, 'publish')) visible.push(item);
      ctx.body = { data: visible };
    },

    async show(ctx: Ctx) {
      const piece = await pieceFor(strapi, ctx);
      if (!piece) return;
      if (!(await may(ctx, piece, 'read'))) return refuse(ctx, 403, reviewRefusals.mayNotRead);
      const record = await reviewWithSteps(strapi, piece.uid, piece.documentId);
      const me = who();
      const mayPublish = await may(ctx, piece, 'publish');
      const ownPiece = await isAuthor(strapi, piece, me.id);
      ctx.body = {
        data: {
          state: stateOf(record),
          submittedBy: record?.submittedBy ?? null,
          submittedAt: record?.submittedAt ?? null,
          steps: (record?.steps ?? []).map(({ at, state, note, by }) => ({ at, state, note, by })),
          may: {
            submit: await may(ctx, piece, 'update'),
            review: mayPublish && (me.superAdmin || !ownPiece),
          },
        },
      };
    },

    async submit(ctx: Ctx) {
      const piece = await pieceFor(strapi, ctx);
      if (!piece) return;
      if (!(await may(ctx, piece, 'update'))) return refuse(ctx, 403, reviewRefusals.mayNotSubmit);
      const note = noteOf(ctx.request.body);
      if (note === undefined) return refuse(ctx, 400, reviewRefusals.noteTooLong);
      answer(ctx, await submit(strapi, piece, who(), note));
    },

    async approve(ctx: Ctx) {
      const piece = await pieceFor(strapi, ctx);
      if (!piece) return;
      if (!(await may(ctx, piece, 'publish'))) return refuse(ctx, 403, reviewRefusals.mayNotReview);
      const note = noteOf(ctx.request.body);
      if (note === undefined) return refuse(ctx, 400, reviewRefusals.noteTooLong);
      answer(ctx, await approve(strapi, piece, who(), note));
    },

    async requestChanges(ctx: Ctx) {
      const piece = await pieceFor(strapi, ctx);
      if (!piece) return;
      if (!(await may(ctx, piece, 'publish'))) return refuse(ctx, 403, reviewRefusals.mayNotReview);
      const note = noteOf(ctx.request.body);
      if (note === undefined) return refuse(ctx, 400, reviewRefusals.noteTooLong);
      if (!note) return refuse(ctx, 400, reviewRefusals.noteRequired);
      answer(ctx, await requestChanges(strapi, piece, who(), note));
    },
  };
};

/** The review panel and the approvers' queue talk to these admin routes (admin-api/admin-router.ts). */
export function registerReviewRoutes(strapi: Core.Strapi): void {
  const h = handlers(strapi);
  addAdminRouter(strapi, 'editorial-review', REVIEW_PREFIX, [
    { method: 'GET', path: '/queue', handler: h.queue },
    { method: 'GET', path: '/:uid/:documentId', handler: h.show },
    { method: 'POST', path: '/:uid/:documentId/submit', handler: h.submit },
    { method: 'POST', path: '/:uid/:documentId/approve', handler: h.approve },
    { method: 'POST', path: '/:uid/:documentId/request-changes', handler: h.requestChanges },
  ]);
}
