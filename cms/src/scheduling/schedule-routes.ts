import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { mayOnPiece } from '../crosspost/panel-access';
import { addAdminRouter, refuse, type AdminCtx } from '../admin-api/admin-router';
import { pieceFromParams } from '../admin-api/piece-from-params';
import { actingUser, nameOf } from '../monitoring/acting-user';
import { schedulerNow } from './clock';
import { scheduleRefusals } from './schedule-refusals';
import { saveSchedule, scheduleOf } from './schedule-store';
import { upcomingActions } from './upcoming';
import { vietnamTime } from './vietnam-time';

type Ctx = AdminCtx;

export const SCHEDULE_PREFIX = '/schedule';

// An instant with its offset ("2025-09-01T08:00:00+07:00"): the panel sends Vietnam's time
// with +07:00, so nothing depends on the server's time zone.
const instant = z.string().datetime({ offset: true }).nullable();
const scheduleBody = z.object({ publishAt: instant, unpublishAt: instant });


const view = (row: Awaited<ReturnType<typeof scheduleOf>>) => ({
  publishAt: row?.publishAt ? new Date(row.publishAt).toISOString() : null,
  unpublishAt: row?.unpublishAt ? new Date(row.unpublishAt).toISOString() : null,
  publishDone: Boolean(row?.publishDoneAt),
  unpublishDone: Boolean(row?.unpublishDoneAt),
  setBy: row?.setBy ?? null,
  lastOutcome: row?.lastOutcome ?? null,
});

const handlers = (strapi: Core.Strapi) => {
  const pieceFor = (ctx: Ctx) => pieceFromParams(strapi, ctx, scheduleRefusals.unknownPiece);
  return {
    async upcoming(ctx: Ctx) {
      const all = await upcomingActions(strapi);
      const visible = [];
      for (const item of all) if (await mayOnPiece(strapi, ctx.state.userAbility, item.uid, item.documentId, 'read')) visible.push(item);
      ctx.body = { data: visible };
    },

    async show(ctx: Ctx) {
      const piece = await pieceFor(ctx);
      if (!piece) return;
      if (!(await mayOnPiece(strapi, ctx.state.userAbility, piece.uid, piece.documentId, 'read'))) return refuse(ctx, 403, scheduleRefusals.mayNotRead);
      const may = await mayOnPiece(strapi, ctx.state.userAbility, piece.uid, piece.documentId, 'publish');
      ctx.body = { data: { ...view(await scheduleOf(strapi, piece.uid, piece.documentId)), may: { set: may } } };
    },

    async set(ctx: Ctx) {
      const piece = await pieceFor(ctx);
      if (!piece) return;
      if (!(await mayOnPiece(strapi, ctx.state.userAbility, piece.uid, piece.documentId, 'publish'))) return refuse(ctx, 403, scheduleRefusals.mayNotSchedule);
      const body = scheduleBody.safeParse(ctx.request.body ?? {});
      if (!body.success) return refuse(ctx, 400, scheduleRefusals.badTime);
      const publishAt = body.data.publishAt ? new Date(body.data.publishAt) : null;
      const unpublishAt = body.data.unpublishAt ? new Date(body.data.unpublishAt) : null;
      const now = schedulerNow();
      const current = await scheduleOf(strapi, piece.uid, piece.documentId);
      const unchanged = (stored: string | null | undefined, next: Date | null) => Boolean(stored && next && new Date(stored).getTime() === next.getTime());
      // A time already handled may stay as it is; a new one must lie ahead.
      if (publishAt && publishAt <= now && !unchanged(current?.publishAt, publishAt)) return refuse(ctx, 400, scheduleRefusals.inThePast('Giờ đăng', vietnamTime(now)));
      if (unpublishAt && unpublishAt <= now && !unchanged(current?.unpublishAt, unpublishAt)) return refuse(ctx, 400, scheduleRefusals.inThePast('Giờ gỡ', vietnamTime(now)));
      if (publishAt && unpublishAt && unpublishAt <= publishAt) return refuse(ctx, 400, scheduleRefusals.unpublishBeforePublish);
      const saved = await saveSchedule(strapi, piece, { publishAt, unpublishAt }, nameOf(actingUser(strapi)));
      ctx.body = { data: view(saved) };
    },
  };
};

/** The "Hẹn giờ" panel and the homepage's upcoming list talk to these admin routes (admin-api/admin-router.ts). */
export function registerScheduleRoutes(strapi: Core.Strapi): void {
  const h = handlers(strapi);
  addAdminRouter(strapi, 'publication-schedule', SCHEDULE_PREFIX, [
    { method: 'GET', path: '/upcoming', handler: h.upcoming },
    { method: 'GET', path: '/:uid/:documentId', handler: h.show },
    { method: 'PUT', path: '/:uid/:documentId', handler: h.set },
  ]);
}
