import type { Core, UID } from '@strapi/strapi';
import { REVIEW_STATE, contentKinds, uidOf, type ContentKindDefinition, type ReviewState } from '@thanh-thuy/content-types';
import { draftDigest } from './draft-digest';
import { recordStep, reviewOf, stateOf, type Reviewer } from './review-record';
import { reviewRefusals } from './review-refusals';

export const reviewedKinds = new Map<string, ContentKindDefinition>(contentKinds.filter((k) => k.draftAndPublish).map((k) => [uidOf(k), k]));

const SUPER_ADMIN_CODE = 'strapi-super-admin';
export const isSuperAdmin = (user: { roles?: Array<{ code?: string }> } | null | undefined): boolean =>
  Boolean(user?.roles?.some((role) => role.code === SUPER_ADMIN_CODE));

export interface Piece {
  uid: string;
  documentId: string;
}

/** Refused with a message for the person, or done. */
export type Outcome = { ok: true; state: ReviewState } | { ok: false; status: 404 | 409 | 403 | 400; message: string };
const refused = (status: 404 | 409 | 403 | 400, message: string): Outcome => ({ ok: false, status, message });

/** The admin user who created the piece (Strapi's createdBy on its draft row). */
export async function creatorOf(strapi: Core.Strapi, piece: Piece): Promise<number | null> {
  const row = (await strapi.db.query(piece.uid as UID.ContentType).findOne({
    where: { documentId: piece.documentId, publishedAt: null },
    populate: ['createdBy'],
  })) as { createdBy?: { id?: number } | null } | null;
  return row?.createdBy?.id ?? null;
}

/** Whether `userId` wrote the piece or sent it for review: such a person may not approve it. */
export async function isAuthor(strapi: Core.Strapi, piece: Piece, userId: number): Promise<boolean> {
  const record = await reviewOf(strapi, piece.uid, piece.documentId);
  return record?.submittedById === userId || (await creatorOf(strapi, piece)) === userId;
}

/** A writer sends the draft for review: Đang viết or Yêu cầu sửa → Chờ duyệt. */
export async function submit(strapi: Core.Strapi, piece: Piece, who: Reviewer, note: string | null): Promise<Outcome> {
  const state = stateOf(await reviewOf(strapi, piece.uid, piece.documentId));
  if (state !== REVIEW_STATE.writing && state !== REVIEW_STATE.changesRequested) return refused(409, reviewRefusals.cannotSubmitFrom(state));
  await recordStep(strapi, piece, REVIEW_STATE.waiting, who, note, {
    submittedById: who.id,
    submittedBy: who.name,
    submittedAt: new Date().toISOString(),
    approvedById: null,
    approvedDigest: null,
  });
  return { ok: true, state: REVIEW_STATE.waiting };
}

/** An approver other than the author approves the draft as it stands: Chờ duyệt → Đã duyệt. */
export async function approve(strapi: Core.Strapi, piece: Piece, who: Reviewer & { superAdmin: boolean }, note: string | null): Promise<Outcome> {
  const state = stateOf(await reviewOf(strapi, piece.uid, piece.documentId));
  if (state !== REVIEW_STATE.waiting) return refused(409, reviewRefusals.cannotReviewFrom(state));
  if (!who.superAdmin && (await isAuthor(strapi, piece, who.id))) return refused(403, reviewRefusals.ownPiece);
  const kind = reviewedKinds.get(piece.uid);
  const digest = kind ? await draftDigest(strapi, kind, piece.uid, piece.documentId) : null;
  if (!digest) return refused(404, reviewRefusals.unknownPiece);
  await recordStep(strapi, piece, REVIEW_STATE.approved, who, note, { approvedById: who.id, approvedDigest: digest });
  return { ok: true, state: REVIEW_STATE.approved };
}

/** An approver sends the draft back with a comment the writer sees: → Yêu cầu sửa. */
export async function requestChanges(strapi: Core.Strapi, piece: Piece, who: Reviewer, note: string): Promise<Outcome> {
  const state = stateOf(await reviewOf(strapi, piece.uid, piece.documentId));
  if (state !== REVIEW_STATE.waiting && state !== REVIEW_STATE.approved) return refused(409, reviewRefusals.cannotReviewFrom(state));
  await recordStep(strapi, piece, REVIEW_STATE.changesRequested, who, note, { approvedById: null, approvedDigest: null });
  return { ok: true, state: REVIEW_STATE.changesRequested };
}
