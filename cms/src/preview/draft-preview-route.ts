import type { Core } from '@strapi/strapi';
import { checkPreviewSignature, contentKinds, populateFor, uidOf } from '@thanh-thuy/content-types';
import { addAdminRouter, refuse, type AdminCtx } from '../admin-api/admin-router';

type Ctx = AdminCtx;

const kindsByKey = new Map<string, (typeof contentKinds)[number]>(contentKinds.filter((k) => k.draftAndPublish).map((k) => [k.key, k]));

/**
 * The one way a draft leaves the CMS: for the portal's preview route, in the shape the public
 * API gives the portal, when the request carries a valid, unexpired signature for exactly this
 * document. Mounted as an admin-type route with no admin session: the content API's draft
 * guard strips every draft row (rightly, for tokens), and the signature is this route's only
 * credential. Never cached.
 */
export function registerDraftPreviewRoute(strapi: Core.Strapi): void {
  async function draft(ctx: Ctx) {
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Robots-Tag', 'noindex, nofollow');
    const kind = kindsByKey.get(ctx.params.kind ?? '');
    const documentId = ctx.params.documentId ?? '';
    const secret = process.env.PREVIEW_SECRET;
    if (!kind || !/^[a-z0-9]{1,100}$/i.test(documentId)) return refuse(ctx, 404, 'Không có bản nháp này.');
    const check = secret ? checkPreviewSignature(secret, kind.key, documentId, ctx.query.exp, ctx.query.sig) : ({ ok: false, reason: 'forged' } as const);
    if (!check.ok) return refuse(ctx, 403, check.reason === 'expired' ? 'Liên kết xem trước đã hết hạn.' : 'Liên kết xem trước không hợp lệ.');
    const uid = uidOf(kind);
    const entry = await strapi.documents(uid as never).findOne({ documentId, status: 'draft', populate: populateFor(kind.fields) } as never);
    if (!entry) return refuse(ctx, 404, 'Không có bản nháp này.');
    // As the public API would answer: no private fields (createdBy, …) leave the CMS.
    ctx.body = { data: await strapi.contentAPI.sanitize.output(entry, strapi.getModel(uid as never), {}) };
  }
  addAdminRouter(strapi, 'draft-preview', '/preview-draft', [{ method: 'GET', path: '/:kind/:documentId', handler: draft, public: true }]);
}
