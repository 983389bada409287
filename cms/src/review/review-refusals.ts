import type { ReviewState } from '@thanh-thuy/content-types';

// What editors and approvers read when the review workflow refuses an action (Vietnamese,
// each saying what to do instead).
export const reviewRefusals = {
  unknownPiece: 'Không tìm thấy tin bài này. Hãy tải lại trang.',
  mayNotRead: 'Tài khoản của bạn không được xem tin bài này.',
  mayNotSubmit: 'Chỉ người được sửa tin bài mới gửi duyệt được.',
  mayNotReview: 'Chỉ Lãnh đạo duyệt mới duyệt hoặc yêu cầu sửa tin bài.',
  ownPiece: 'Bạn là người viết hoặc người gửi duyệt tin bài này nên không tự duyệt được. Hãy nhờ một lãnh đạo khác duyệt.',
  noteRequired: 'Hãy ghi ý kiến: người viết cần biết phải sửa gì.',
  noteTooLong: 'Ý kiến dài quá 2.000 ký tự. Hãy viết ngắn lại.',
  cannotSubmitFrom: (state: ReviewState) => `Tin bài đang «${state}», không gửi duyệt được. Chỉ gửi duyệt khi đang viết hoặc khi được yêu cầu sửa.`,
  cannotReviewFrom: (state: ReviewState) => `Tin bài đang «${state}», chưa có gì để duyệt. Người viết cần gửi duyệt trước.`,
  notApproved: (state: ReviewState) =>
    `Tin bài chưa được duyệt (đang «${state}») nên chưa xuất bản được. Người viết bấm «Gửi duyệt», một lãnh đạo khác duyệt rồi mới xuất bản.`,
  approvedByAuthor:
    'Tin bài chỉ được xuất bản khi người duyệt không phải là người viết. Hãy nhờ một lãnh đạo khác duyệt.',
  changedSinceApproval: 'Bản nháp đã được sửa sau khi duyệt nên cần được duyệt lại trước khi xuất bản.',
} as const;
