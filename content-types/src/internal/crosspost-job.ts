import type { ContentTypeDefinition } from '../fields';

// The cross-posting ledger: one row per piece, channel, action and generation. It is the source
// of truth for what was sent where; the CMS exposes it to the runner only (no REST routes), and
// editors see it through the admin. Text values in English are machine states; the admin and
// the portal show the Vietnamese words of CROSSPOST_STATE_LABELS.

export const CROSSPOST_CHANNELS = ['facebook', 'zalo', 'youtube', 'tiktok', 'webhook'] as const;
export type CrosspostChannel = (typeof CROSSPOST_CHANNELS)[number];

/** The channels whose copies are public posts the portal links to (the webhook is not one). */
export const SHARED_CHANNELS = ['facebook', 'zalo', 'youtube', 'tiktok'] as const;
export type SharedChannel = (typeof SHARED_CHANNELS)[number];

/** The platforms' own names, as citizens know them. */
export const SHARED_CHANNEL_NAMES: Record<SharedChannel, string> = { facebook: 'Facebook', zalo: 'Zalo', youtube: 'YouTube', tiktok: 'TikTok' };

export const CROSSPOST_STATES = ['pending', 'sending', 'posted', 'failed', 'skipped', 'outbox', 'review', 'removed'] as const;
export type CrosspostState = (typeof CROSSPOST_STATES)[number];

/** What an editor reads for each state (issue 7: chờ gửi, đang gửi, đã đăng, …). */
export const CROSSPOST_STATE_LABELS: Record<CrosspostState, string> = {
  pending: 'Chờ gửi',
  sending: 'Đang gửi',
  posted: 'Đã đăng',
  failed: 'Lỗi',
  skipped: 'Bỏ qua',
  outbox: 'Hộp thư chờ',
  review: 'Cần kiểm tra',
  // A create job whose remote copy an editor removed (and the remove job that did it).
  removed: 'Đã gỡ',
};

export const CROSSPOST_ACTIONS = ['create', 'update', 'withdraw', 'remove', 'broadcast'] as const;
export type CrosspostAction = (typeof CROSSPOST_ACTIONS)[number];

/**
 * Channels whose remote copy an editor may remove from the edit page (issue 7: "removing the
 * remote Facebook/Zalo copies is an explicit editor action, not automatic").
 */
export const REMOVABLE_CHANNELS = ['facebook', 'zalo'] as const;

export const crosspostJob: ContentTypeDefinition = {
  singular: 'crosspost-job',
  plural: 'crosspost-jobs',
  kind: 'collectionType',
  displayName: 'Nhật ký chia sẻ',
  description: 'Mỗi lần đưa một tin bài lên Facebook, Zalo, YouTube, TikTok hoặc webhook: trạng thái, liên kết, lỗi.',
  draftAndPublish: false,
  fields: {
    pieceUid: { type: 'string', label: 'Loại nội dung', required: true, maxLength: 100 },
    pieceId: { type: 'string', label: 'Mã tài liệu', required: true, maxLength: 100 },
    channel: { type: 'enum', label: 'Kênh', required: true, values: CROSSPOST_CHANNELS },
    // In a province, whose account posts it (the commune's page, OA, channel): a province-wide
    // piece gets one job per commune it is addressed to. Blank for one commune, and for the webhook.
    commune: { type: 'string', label: 'Tài khoản của xã, phường', maxLength: 100 },
    action: { type: 'enum', label: 'Việc cần làm', required: true, values: CROSSPOST_ACTIONS, default: 'create' },
    generation: { type: 'integer', label: 'Lần đăng', min: 0 },
    state: { type: 'enum', label: 'Trạng thái', required: true, values: CROSSPOST_STATES, default: 'pending' },
    attempts: { type: 'integer', label: 'Số lần thử', min: 0 },
    nextAttemptAt: { type: 'datetime', label: 'Thử lại lúc' },
    claimedBy: { type: 'string', label: 'Tiến trình đang gửi', maxLength: 200 },
    leaseUntil: { type: 'datetime', label: 'Giữ việc đến' },
    progress: { type: 'text', label: 'Tiến độ từng bước (JSON)' },
    payload: { type: 'text', label: 'Nội dung gửi đi (JSON)' },
    remoteId: { type: 'string', label: 'Mã bài trên nền tảng', maxLength: 300 },
    remoteUrl: { type: 'string', label: 'Liên kết bài trên nền tảng', maxLength: 1000 },
    lastError: { type: 'text', label: 'Lỗi gần nhất' },
    postedAt: { type: 'datetime', label: 'Đăng lúc' },
  },
};
