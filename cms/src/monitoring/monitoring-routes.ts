import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { mayOnPiece } from '../crosspost/panel-access';
import { addAdminRouter, refuse } from '../admin-api/admin-router';
import { actingUser } from './acting-user';
import { openSightingsFor } from './open-sightings';
import { createRebuttalDraft, FACT_CHECK_UID, sightingForRebuttal } from './rebuttal-draft';
import { monitoringRefusals } from './refusals';
import { SIGHTING_UID } from './sighting-history';

type Ctx = { params: Record<string, string | undefined>; state: { userAbility?: unknown }; status: number; body: unknown };

/** The URL prefix of the monitoring admin API (the edit-page panel and the homepage widget). */
export const MONITORING_PREFIX = '/monitoring';

const sightingParams = z.object({ documentId: z.string().regex(/^[a-z0-9]{1,100}$/i) });


const handlers = (strapi: Core.Strapi) => ({
  /** "Tạo bài phản bác": one draft fact-check from a sighting. */
  async rebut(ctx: Ctx) {
    const params = sightingParams.safeParse(ctx.params);
    if (!params.success) return refuse(ctx, 404, monitoringRefusals.unknownSighting);
    const { documentId } = params.data;
    const ability = ctx.state.userAbility;
    if (!createsFactChecks(strapi, ability) || !(await mayOnPiece(strapi, ability, SIGHTING_UID, documentId, 'update'))) return refuse(ctx, 403, monitoringRefusals.mayNotRebut);
    const found = await sightingForRebuttal(strapi, documentId);
    if (!found) return refuse(ctx, 404, monitoringRefusals.unknownSighting);
    if (found.factCheck) return refuse(ctx, 409, monitoringRefusals.alreadyRebutted(found.factCheck.title ?? found.factCheck.documentId));
    const draft = await createRebuttalDraft(strapi, found, actingUser(strapi)?.id ?? null);
    ctx.status = 201;
    ctx.body = { data: { factCheck: { uid: FACT_CHECK_UID, ...draft } } };
  },

  /** What the edit page's panel shows: the rebuttal if there is one, else whether one may be made. */
  async rebuttal(ctx: Ctx) {
    const params = sightingParams.safeParse(ctx.params);
    if (!params.success) return refuse(ctx, 404, monitoringRefusals.unknownSighting);
    const { documentId } = params.data;
    const ability = ctx.state.userAbility;
    if (!(await mayOnPiece(strapi, ability, SIGHTING_UID, documentId, 'read'))) return refuse(ctx, 403, monitoringRefusals.mayNotRead);
    const found = await sightingForRebuttal(strapi, documentId);
    if (!found) return refuse(ctx, 404, monitoringRefusals.unknownSighting);
    const may = createsFactChecks(strapi, ability) && (await mayOnPiece(strapi, ability, SIGHTING_UID, documentId, 'update'));
    ctx.body = { data: { factCheck: found.factCheck ? { uid: FACT_CHECK_UID, documentId: found.factCheck.documentId, title: found.factCheck.title } : null, may } };
  },

  /** The link back: the sightings a fact-check answers, for its edit page, to whoever may read sightings. */
  async answered(ctx: Ctx) {
    const params = sightingParams.safeParse(ctx.params);
    if (!params.success) return refuse(ctx, 404, monitoringRefusals.unknownSighting);
    const checker = (strapi.plugin('content-manager').service('permission-checker') as { create: (o: unknown) => { can: { read: () => boolean }; sanitizedQuery: { read: (q: unknown) => Promise<Record<string, unknown>> } } }).create({
      userAbility: ctx.state.userAbility,
      model: SIGHTING_UID,
    });
    if (!checker.can.read()) return refuse(ctx, 403, monitoringRefusals.mayNotRead);
    const query = await checker.sanitizedQuery.read({ filters: { factCheck: { documentId: params.data.documentId } } });
    const rows = (await strapi.documents(SIGHTING_UID).findMany({ ...query, fields: ['documentId', 'platform', 'outlet', 'content', 'state', 'seenAt'], populate: {}, sort: 'seenAt:asc' } as never)) as unknown[];
    ctx.body = { data: rows };
  },

  /** The editors' queue: open sightings, most harmful and oldest first. */
  async open(ctx: Ctx) {
    const queue = await openSightingsFor(strapi, ctx.state.userAbility);
    if (!queue) return refuse(ctx, 403, monitoringRefusals.mayNotRead);
    ctx.body = { data: queue.items, meta: { total: queue.total } };
  },
});

function createsFactChecks(strapi: Core.Strapi, userAbility: unknown): boolean {
  const checker = (strapi.plugin('content-manager').service('permission-checker') as { create: (o: unknown) => { can: { create: () => boolean } } }).create({ userAbility, model: FACT_CHECK_UID });
  return checker.can.create();
}

/** Admin routes of the monitoring work (admin-api/admin-router.ts). */
export function registerMonitoringRoutes(strapi: Core.Strapi): void {
  const h = handlers(strapi);
  addAdminRouter(strapi, 'monitoring', MONITORING_PREFIX, [
    { method: 'GET', path: '/sightings/:documentId/rebuttal', handler: h.rebuttal },
    { method: 'POST', path: '/sightings/:documentId/rebuttal', handler: h.rebut },
    { method: 'GET', path: '/open-sightings', handler: h.open },
    { method: 'GET', path: '/fact-checks/:documentId/sightings', handler: h.answered },
  ]);
}
