import type { Core } from '@strapi/strapi';

/** What a person does with a piece's cross-posts, and the content-manager right it takes. */
export type PanelRight = 'read' | 'update' | 'publish';

type Checker = {
  can: Record<PanelRight, (entity?: unknown) => boolean>;
  requiresEntity: Record<PanelRight, () => boolean>;
};

/**
 * Whether the signed-in admin may do `right` on one piece, decided by the content manager's own
 * permission checker: whoever may read a piece in the content manager may see where it went,
 * whoever may edit it may retry, whoever may publish it may repost. Rights with conditions
 * ("only their own entries") are checked against the piece itself.
 */
export async function mayOnPiece(strapi: Core.Strapi, userAbility: unknown, uid: string, documentId: string, right: PanelRight): Promise<boolean> {
  if (!userAbility) return false;
  const checker = (strapi.plugin('content-manager').service('permission-checker') as { create: (o: unknown) => Checker }).create({ userAbility, model: uid });
  if (!checker.requiresEntity[right]()) return checker.can[right]();
  const piece = await strapi.documents(uid as never).findOne({ documentId } as never);
  return piece ? checker.can[right](piece) : false;
}
