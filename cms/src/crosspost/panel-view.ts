import { CROSSPOST_STATE_LABELS, type CrosspostAction, type CrosspostChannel, type CrosspostState } from '@thanh-thuy/content-types';
import { z } from 'zod';
import { sameLane, type LedgerRow } from './ledger';
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
  /** In a province, the commune whose account it is (the repost names it). */
  commune: string | null;
  /** The platform, and in a province whose account: "Facebook · Xã Đào Xá". */
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

/** A commune's name for the panel, from its details; its code when it has none. */
export type CommuneNames = ReadonlyMap<string, string>;

export function entryOf(row: LedgerRow, rows: LedgerRow[], names: CommuneNames): PanelEntry {
  const parsed = row.state === 'outbox' && row.payload ? outboxPayload.safeParse(safeJson(row.payload)) : null;
  const platform = CHANNEL_LABELS[row.channel] ?? row.channel;
  return {
    id: row.id,
    channel: row.channel,
    commune: row.commune ?? null,
    channelLabel: row.commune ? `${platform} · ${names.get(row.commune) ?? row.commune}` : platform,
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
 * What the edit page shows: per lane (channel, and in a province the commune's account) the
 * latest post (the newest generation of its create job), then every later update or
 * withdrawal that is still under way or needs a person. Tokens never reach the ledger; runner
 * internals (holder, lease, progress) stay out of it too.
 */
export function panelEntries(rows: LedgerRow[], names: CommuneNames = new Map()): PanelEntry[] {
  const laneKey = (r: LedgerRow) => `${r.channel}\n${r.commune ?? ''}`;
  const latestCreate = new Map<string, LedgerRow>();
  for (const row of rows) {
    if (row.action !== 'create') continue;
    const seen = latestCreate.get(laneKey(row));
    if (!seen || (row.generation ?? 0) > (seen.generation ?? 0) || ((row.generation ?? 0) === (seen.generation ?? 0) && row.id > seen.id)) latestCreate.set(laneKey(row), row);
  }
  const followUps = rows.filter((r) => r.action !== 'create' && (NEEDS_A_PERSON.has(r.state) || r.state === 'pending' || r.state === 'sending'));
  const order = Object.keys(CHANNEL_LABELS) as CrosspostChannel[];
  const communes = [...new Set(rows.map((r) => r.commune ?? ''))].sort();
  return order.flatMap((channel) =>
    communes.flatMap((commune) => {
      const lane = { channel, commune: commune || null };
      const main = latestCreate.get(`${channel}\n${commune}`);
      return [...(main ? [main] : []), ...followUps.filter((r) => sameLane(r, lane))].map((row) => entryOf(row, rows, names));
    }),
  );
}
