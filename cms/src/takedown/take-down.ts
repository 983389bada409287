import type { Core, UID } from '@strapi/strapi';
import { TAKEDOWN_ACTION, contentKinds, takedown, uidOf, type ContentKindDefinition, type TakedownAction } from '@thanh-thuy/content-types';

export const TAKEDOWN_UID = uidOf(takedown) as UID.ContentType;
export const takenDownKinds = new Map<string, ContentKindDefinition>(contentKinds.filter((k) => k.draftAndPublish).map((k) => [uidOf(k), k]));

export interface Piece {
  uid: string;
  documentId: string;
}

export interface TakedownRow {
  id: number;
  pieceUid: string;
  pieceId: string;
  action: TakedownAction;
  reason: string;
  at: string;
  by: string | null;
  path: string | null;
  active: boolean;
}

type Published = { id: number; slug: string; withdrawnAt: string | null; publishedAt: string };

export async function publishedRow(strapi: Core.Strapi, piece: Piece): Promise<Published | null> {
  return ((await strapi.db.query(piece.uid as UID.ContentType).findOne({
    where: { documentId: piece.documentId, publishedAt: { $notNull: true } },
    select: ['id', 'slug', 'withdrawnAt', 'publishedAt'],
  })) ?? null) as Published | null;
}

const pathOf = (piece: Piece, slug: string) => `/${takenDownKinds.get(piece.uid)!.section}/${slug}/`;

async function record(strapi: Core.Strapi, piece: Piece, action: TakedownAction, reason: string, by: string | null, path: string, at: Date): Promise<void> {
  // One takedown is in force at a time: a removal replaces an earlier withdrawal.
  await strapi.db.query(TAKEDOWN_UID).updateMany({ where: { pieceUid: piece.uid, pieceId: piece.documentId, active: true }, data: { active: false } });
  await strapi.db.query(TAKEDOWN_UID).create({ data: { pieceUid: piece.uid, pieceId: piece.documentId, action, reason, at, by, path, active: true } });
}

/** Writes the withdrawal (or clears it, with nulls) on every row of the document, draft and published. */
async function markWithdrawn(strapi: Core.Strapi, piece: Piece, at: Date | null, reason: string | null): Promise<void> {
  await strapi.db.query(piece.uid as UID.ContentType).updateMany({ where: { documentId: piece.documentId }, data: { withdrawnAt: at, withdrawalReason: reason } });
}

/**
 * "Thu hồi": the piece stays published at its URL, with the notice, and the portal drops it from
 * listings, feeds and search. Written straight onto the rows, not through a publish: the
 * draft may hold unapproved edits that must not go public with the notice. The rebuild worker
 * hears of it through the entry event Strapi's webhooks listen to.
 */
export async function withdraw(strapi: Core.Strapi, piece: Piece, reason: string, by: string | null): Promise<void> {
  const published = (await publishedRow(strapi, piece))!;
  const at = new Date();
  await strapi.db.transaction(async () => {
    await markWithdrawn(strapi, piece, at, reason);
    await record(strapi, piece, TAKEDOWN_ACTION.withdraw, reason, by, pathOf(piece, published.slug), at);
  });
  strapi.eventHub.emit('entry.update', {
    model: takenDownKinds.get(piece.uid)!.singular,
    uid: piece.uid,
    entry: { id: published.id, documentId: piece.documentId, publishedAt: published.publishedAt },
  });
}

/**
 * "Gỡ bỏ" (legal reasons, personal data): the piece is unpublished and its URL answers 410 Gone
 * from then on (the portal reads the paths through /api/gone-pages). Strapi's unpublish fires the
 * events the rebuild and cross-posting act on.
 */
export async function remove(strapi: Core.Strapi, piece: Piece, reason: string, by: string | null): Promise<void> {
  const published = (await publishedRow(strapi, piece))!;
  await strapi.db.transaction(async () => {
    await record(strapi, piece, TAKEDOWN_ACTION.remove, reason, by, pathOf(piece, published.slug), new Date());
    await markWithdrawn(strapi, piece, null, null);
    await strapi.documents(piece.uid as never).unpublish({ documentId: piece.documentId } as never);
  });
}

/** A piece's takedowns, newest first. */
export async function takedownsOf(strapi: Core.Strapi, piece: Piece): Promise<TakedownRow[]> {
  return (await strapi.db.query(TAKEDOWN_UID).findMany({ where: { pieceUid: piece.uid, pieceId: piece.documentId }, orderBy: [{ at: 'desc' }, { id: 'desc' }] })) as TakedownRow[];
}

/**
 * Publishing a piece again ends its takedown: the withdrawal notice goes (cleared on the draft
 * row before Strapi copies it into the new published row) and a removed URL serves the piece
 * again. In the publish's transaction, so a refused publish changes nothing.
 */
export function registerTakedownEndsOnPublish(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const documentId = (context.params as { documentId?: string }).documentId;
    if (context.action !== 'publish' || !documentId || !takenDownKinds.has(context.uid)) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      const piece = { uid: context.uid, documentId };
      await markWithdrawn(strapi, piece, null, null);
      await strapi.db.query(TAKEDOWN_UID).updateMany({ where: { pieceUid: piece.uid, pieceId: documentId, active: true }, data: { active: false } });
      return result;
    });
  });
}
