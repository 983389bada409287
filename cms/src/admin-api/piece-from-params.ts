import type { Core } from '@strapi/strapi';
import { contentKinds, uidOf } from '@thanh-thuy/content-types';
import { z } from 'zod';
import { refuse, type AdminCtx } from './admin-router';

/** A piece of one of the four publishable kinds, as the app's admin routes name it. */
export interface Piece {
  uid: string;
  documentId: string;
}

const pieceUids = new Set(contentKinds.filter((k) => k.draftAndPublish).map(uidOf));
const pieceParams = z.object({
  uid: z.string().refine((uid) => pieceUids.has(uid)),
  documentId: z.string().regex(/^[a-z0-9]{1,100}$/i),
});

/**
 * The piece a route's `:uid/:documentId` names, when it exists; otherwise the request is
 * answered 404 with `unknown` (the person's words) and null is returned.
 */
export async function pieceFromParams(strapi: Core.Strapi, ctx: AdminCtx, unknown: string): Promise<Piece | null> {
  const params = pieceParams.safeParse(ctx.params);
  const found = params.success && (await strapi.documents(params.data.uid as never).findOne({ documentId: params.data.documentId } as never));
  if (!params.success || !found) {
    refuse(ctx, 404, unknown);
    return null;
  }
  return params.data;
}
