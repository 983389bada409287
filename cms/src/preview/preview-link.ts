import type { Core } from '@strapi/strapi';
import { contentKinds, previewPath, previewTtlSeconds, uidOf } from '@thanh-thuy/content-types';
import { mayOnPiece } from '../crosspost/panel-access';
import { portalUrl } from '../report/portal-url';

const kindsByUid = new Map(contentKinds.filter((k) => k.draftAndPublish).map((k) => [uidOf(k), k]));

/**
 * The "Xem trước" link of a piece for Strapi's Preview (config/admin.ts): the portal's preview
 * route, signed for this draft and a few minutes. Strapi's own preview-url route checks only
 * that an admin is signed in (its code says "TODO: Permissions"), so the link is given only to
 * someone who may read the piece. Null (no preview) for other types.
 */
export async function previewUrl(strapi: Core.Strapi, uid: string, documentId: string | undefined, env = process.env): Promise<string | null> {
  const kind = kindsByUid.get(uid);
  const secret = env.PREVIEW_SECRET;
  if (!kind || !documentId || !secret) return null;
  const ctx = strapi.requestContext.get() as { state?: { userAbility?: unknown } } | undefined;
  if (!(await mayOnPiece(strapi, ctx?.state?.userAbility, uid, documentId, 'read'))) return null;
  const expires = Math.floor(Date.now() / 1000) + previewTtlSeconds(env);
  return `${portalUrl(env)}${previewPath(secret, kind.key, documentId, expires)}`;
}
