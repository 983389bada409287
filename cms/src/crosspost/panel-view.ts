import { CROSSPOST_STATE_LABELS, type CrosspostAction, type CrosspostChannel, type CrosspostState } from '@thanh-thuy/content-types';
import { z } from 'zod';
import type { LedgerRow } from './ledger';
import { removeRefusal } from './remove-copy';

export const CHANNEL_LABELS: Record<CrosspostChannel, string> = {
  facebook: 'Facebook',
  zalo: 'Zalo',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  webhook: 'Webhook (cổng tỉnh và nơi khác)',
};

const ACTION_LABELS: Record<CrosspostAction, string> = {
  create: 'Đăng bài',
  update: 'Cập nhật bài đã đăng',
  withdraw: 'Báo gỡ bài',
  remove: 'Gỡ bài trên nền tảng',
  broadcast: 'Gửi thông báo tới người quan tâm',
};

// What the runner records for a channel without credentials (scripts/crosspost/runner.ts).
const outboxPayload = z.object({
  caption: z.string(),
  link: z.string(),
  imageUrl: z.string().nullish(),
  title: z.string().nullish(),
});

export interface PanelEntry {
  id: number;
  channel: CrosspostChannel;
  channelLabel: string;
  action: CrosspostAction;
  actionLabel: string;
  state: CrosspostState;
  stateLabel: string;
  attempts: number;
  nextAttemptAt: string | null;
  remoteUrl: string | null;
  lastError: string | null;
  postedAt: string | null;
  outbox: z.infer<typeof outboxPayload> | null;
  /** A posted Facebook/Zalo copy whose removal can be queued now ("Gỡ bài trên …"). */
  removable: boolean;
}

const NEEDS_A_PERSON = new Set<CrosspostState>(['failed', 'review']);

function entryOf(row: LedgerRow, rows: LedgerRow[]): PanelEntry {
  const parsed = row.state === 'outbox' && row.payload ? outboxPayload.safeParse(safeJson(row.payload)) : null;
  return {
    id: row.id,
    channel: row.channel,
    channelLabel: CHANNEL_LABELS[row.channel] ?? row.channel,
    action: row.action,
    actionLabel: ACTION_LABELS[row.action] ?? row.action,
    state: row.state,
    stateLabel: CROSSPOST_STATE_LABELS[row.state] ?? row.state,
    attempts: row.attempts ?? 0,
    nextAttemptAt: row.nextAttemptAt,
    // Only web links reach the admin: the link is rendered as an anchor.
    remoteUrl: row.remoteUrl && /^https?:\/\//i.test(row.remoteUrl) ? row.remoteUrl : null,
    lastError: row.lastError,
    postedAt: row.postedAt,
    outbox: parsed?.success ? parsed.data : null,
    removable: removeRefusal(row, rows) === null,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A payload that is not JSON shows no ready-to-paste post; the state still shows.
    return null;
  }
}

/**
 * What the edit page shows: per channel the latest post (the newest generation of its create
 * job), then every later update or withdrawal that is still under way or needs a person.
 * Tokens never reach the ledger; runner internals (holder, lease, progress) stay out of it too.
 */
export function panelEntries(rows: LedgerRow[]): PanelEntry[] {
  const latestCreate = new Map<CrosspostChannel, LedgerRow>();
  for (const row of rows) {
    if (row.action !== 'create') continue;
    const seen = latestCreate.get(row.channel);
    if (!seen || (row.generation ?? 0) > (seen.generation ?? 0) || ((row.generation ?? 0) === (seen.generation ?? 0) && row.id > seen.id)) latestCreate.set(row.channel, row);
  }
  const followUps = rows.filter((r) => r.action !== 'create' && (NEEDS_A_PERSON.has(r.state) || r.state === 'pending' || r.state === 'sending'));
  const order = Object.keys(CHANNEL_LABELS) as CrosspostChannel[];
  return order.flatMap((channel) => {
    const main = latestCreate.get(channel);
    return [...(main ? [main] : []), ...followUps.filter((r) => r.channel === channel)].map((row) => entryOf(row, rows));
  });
}
