import type { ContentTypeDefinition } from '../fields';

// Issue 10's scheduling: one record per piece (pieceUid + pieceId, the documentId) holding the
// times an approver set, and what the scheduler did at them. Internal: no REST routes.
// "…DoneAt" marks a time as handled (published, unpublished, or refused with the reason in
// lastOutcome); it is also the claim that stops two CMS processes acting twice. Not named
// publishedAt: Strapi reserves that name for draft & publish.

export const publicationSchedule: ContentTypeDefinition = {
  singular: 'publication-schedule',
  plural: 'publication-schedules',
  kind: 'collectionType',
  displayName: 'Hẹn giờ đăng',
  description: 'Thời điểm hẹn đăng và hẹn gỡ của từng tin bài, do lãnh đạo duyệt đặt, và kết quả khi đến giờ.',
  draftAndPublish: false,
  fields: {
    pieceUid: { type: 'string', label: 'Loại nội dung', required: true, maxLength: 100 },
    pieceId: { type: 'string', label: 'Mã tài liệu', required: true, maxLength: 100 },
    publishAt: { type: 'datetime', label: 'Hẹn giờ đăng' },
    unpublishAt: { type: 'datetime', label: 'Hẹn giờ gỡ' },
    setBy: { type: 'string', label: 'Người đặt lịch', maxLength: 200 },
    publishDoneAt: { type: 'datetime', label: 'Đã xử lý giờ đăng lúc' },
    unpublishDoneAt: { type: 'datetime', label: 'Đã xử lý giờ gỡ lúc' },
    lastOutcome: { type: 'text', label: 'Kết quả gần nhất', maxLength: 1000 },
  },
};
