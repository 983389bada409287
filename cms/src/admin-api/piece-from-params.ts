import type { Core } from '@strapi/strapi';
import { contentKinds, uidOf } from '@thanh-thuy/content-types';
import { z } from 'zod';
import { communesOfUser } from '../tenancy/commune-roles';
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

/** In a province, a commune's editor acts on their commune's pieces only (cms/src/tenancy/). */
async function outsideUsersCommunes(strapi: Core.Strapi, ctx: AdminCtx, piece: { commune?: string | null }): Promise<boolean> {
  const userId = (ctx as { state?: { user?: { id?: number } } }).state?.user?.id;
  if (userId === undefined) return false;
  const { communes, confined } = await communesOfUser(strapi, userId);
  return confined && !communes.includes(piece.commune ?? '');
}

/**
 * The piece a route's `:uid/:documentId` names, when it exists and the person may see it;
 * otherwise the request is answered 404 with `unknown` (the person's words: another
 * commune's piece is not said to exist) and null is returned.
 */
export async function pieceFromParams(strapi: Core.Strapi, ctx: AdminCtx, unknown: string): Promise<Piece | null> {
  const params = pieceParams.safeParse(ctx.params);
  const found = params.success && ((await strapi.documents(params.data.uid as never).findOne({ documentId: params.data.documentId } as never)) as { commune?: string | null } | null);
  if (!params.success || !found || (await outsideUsersCommunes(strapi, ctx, found))) {
    refuse(ctx, 404, unknown);
    return null;
  }
  return params.data;
}
