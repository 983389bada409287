import type { Core, UID } from '@strapi/strapi';
import { REVIEW_STATE } from '@thanh-thuy/content-types';
import { EDITORIAL_REVIEW_UID, type ReviewRecord } from './approval';
import { reviewedKinds } from './review-actions';

export interface QueuedPiece {
  uid: string;
  kind: string;
  documentId: string;
  title: string;
  submittedBy: string | null;
  submittedAt: string | null;
}

/** Pieces waiting for an approver (Chờ duyệt), the longest waiting first. */
export async function reviewQueue(strapi: Core.Strapi, limit = 100): Promise<QueuedPiece[]> {
  const waiting = (await strapi.db.query(EDITORIAL_REVIEW_UID).findMany({
    where: { state: REVIEW_STATE.waiting },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    limit,
  })) as ReviewRecord[];
  const queued: QueuedPiece[] = [];
  for (const record of waiting) {
    const kind = reviewedKinds.get(record.pieceUid);
    if (!kind) continue;
    const draft = (await strapi.db.query(record.pieceUid as UID.ContentType).findOne({
      where: { documentId: record.pieceId, publishedAt: null },
      select: ['title'],
    })) as { title?: string } | null;
    // A piece deleted while waiting leaves its record behind; it is no one's work any more.
    if (!draft) continue;
    queued.push({
      uid: record.pieceUid,
      kind: kind.displayName,
      documentId: record.pieceId,
      title: draft.title ?? '',
      submittedBy: record.submittedBy,
      submittedAt: record.submittedAt,
    });
  }
  return queued;
}
