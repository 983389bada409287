import type { Core, UID } from '@strapi/strapi';
import { REVIEW_STATE, editorialReview, uidOf, type ReviewState } from '@thanh-thuy/content-types';

export const EDITORIAL_REVIEW_UID = uidOf(editorialReview) as UID.ContentType;

export interface ReviewRecord {
  id: number;
  documentId: string;
  pieceUid: string;
  pieceId: string;
  state: ReviewState;
  submittedById: number | null;
  submittedBy: string | null;
  submittedAt: string | null;
  approvedById: number | null;
  approvedDigest: string | null;
}

/** The review record of a piece, or null when nobody has sent it for review yet (Đang viết). */
export async function reviewOf(strapi: Core.Strapi, pieceUid: string, pieceId: string): Promise<ReviewRecord | null> {
  const found = (await strapi.db.query(EDITORIAL_REVIEW_UID).findOne({ where: { pieceUid, pieceId } })) as ReviewRecord | null;
  return found ?? null;
}

/**
 * Whether the piece's current draft carries an approval (Đã duyệt). The scheduler asks this
 * before it publishes: code running without an admin user is trusted by the publish guard, so
 * it must check for itself.
 */
export async function isApproved(strapi: Core.Strapi, pieceUid: string, pieceId: string): Promise<boolean> {
  return (await reviewOf(strapi, pieceUid, pieceId))?.state === REVIEW_STATE.approved;
}
