import type { ContentTypeDefinition } from '../fields';

// Issue 10's withdraw vs remove: one row per time a piece was taken down, with the reason.
// "Thu hồi" keeps the page at its URL with a notice; "Gỡ bỏ" removes it and the URL answers
// 410 Gone. Internal: no REST routes of Strapi's own (the portal reads gone URLs through a
// route of ours that names only section and slug).

export const TAKEDOWN_ACTION = { withdraw: 'Thu hồi', remove: 'Gỡ bỏ' } as const;
export type TakedownAction = (typeof TAKEDOWN_ACTION)[keyof typeof TAKEDOWN_ACTION];
export const TAKEDOWN_ACTIONS = Object.values(TAKEDOWN_ACTION) as readonly TakedownAction[];

export const takedown: ContentTypeDefinition = {
  singular: 'takedown',
  plural: 'takedowns',
  kind: 'collectionType',
  displayName: 'Thu hồi, gỡ bỏ',
  description: 'Mỗi lần thu hồi hoặc gỡ bỏ một tin bài: thời điểm, người thực hiện, lý do.',
  draftAndPublish: false,
  fields: {
    pieceUid: { type: 'string', label: 'Loại nội dung', required: true, maxLength: 100 },
    pieceId: { type: 'string', label: 'Mã tài liệu', required: true, maxLength: 100 },
    action: { type: 'enum', label: 'Hình thức', required: true, values: TAKEDOWN_ACTIONS },
    reason: { type: 'text', label: 'Lý do', required: true, maxLength: 1000 },
    at: { type: 'datetime', label: 'Thời điểm', required: true },
    by: { type: 'string', label: 'Người thực hiện', maxLength: 200 },
    /** The piece's portal path when it was taken down (e.g. /tin-tuc/dang-ky/), for the 410 list. */
    path: { type: 'string', label: 'Đường dẫn trên cổng', maxLength: 300 },
    /** False once the piece is published again: the takedown is history, no longer in force. */
    active: { type: 'boolean', label: 'Đang có hiệu lực', default: true },
  },
};
