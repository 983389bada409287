import type { ContentTypeDefinition } from '../fields';

// Issue 10's review workflow, beside Strapi's own draft/published: one record per piece
// (pieceUid + pieceId, the documentId), written by the CMS only. Internal: no REST routes, so
// neither the public API nor the portal's token reads who reviewed what. Values are the
// Vietnamese words editors read; code names them through REVIEW_STATE.

export const REVIEW_STATE = {
  writing: 'Đang viết',
  waiting: 'Chờ duyệt',
  changesRequested: 'Yêu cầu sửa',
  approved: 'Đã duyệt',
} as const;
export type ReviewState = (typeof REVIEW_STATE)[keyof typeof REVIEW_STATE];
export const REVIEW_STATES = Object.values(REVIEW_STATE) as readonly ReviewState[];

export const editorialReview: ContentTypeDefinition = {
  singular: 'editorial-review',
  plural: 'editorial-reviews',
  kind: 'collectionType',
  displayName: 'Duyệt bài',
  description: 'Trạng thái biên tập của từng tin bài (Đang viết, Chờ duyệt, Yêu cầu sửa, Đã duyệt) và lịch sử chuyển trạng thái.',
  draftAndPublish: false,
  fields: {
    pieceUid: { type: 'string', label: 'Loại nội dung', required: true, maxLength: 100 },
    pieceId: { type: 'string', label: 'Mã tài liệu', required: true, maxLength: 100 },
    state: { type: 'enum', label: 'Trạng thái biên tập', required: true, values: REVIEW_STATES, default: REVIEW_STATE.writing },
    /** Admin user id of whoever last sent the piece for review (the author, for the four-eyes rule). */
    submittedById: { type: 'integer', label: 'Mã người gửi duyệt', min: 0 },
    submittedBy: { type: 'string', label: 'Người gửi duyệt', maxLength: 200 },
    /** When the piece entered Chờ duyệt: the approver's queue is ordered by it, oldest first. */
    submittedAt: { type: 'datetime', label: 'Gửi duyệt lúc' },
    /** Admin user id of the approver, and a digest of the draft they approved: an edit changes the digest. */
    approvedById: { type: 'integer', label: 'Mã người duyệt', min: 0 },
    approvedDigest: { type: 'string', label: 'Dấu vân bản đã duyệt', maxLength: 100 },
    steps: {
      type: 'component',
      component: 'review.step',
      repeatable: true,
      label: 'Lịch sử duyệt',
      hint: 'Tự ghi mỗi lần chuyển trạng thái: thời điểm, trạng thái, người chuyển và ý kiến.',
    },
  },
};
