import { randomBytes } from 'node:crypto';
import type { Channel, Lookup, Progress, Publication, RemotePost } from '../channel.ts';
import { deliverWebhook, type WebhookDeps } from './deliver-webhook.ts';
import { loadWebhookConfig, type WebhookConfig } from './webhook-config.ts';
import { eventData, eventFingerprint, type WebhookEventType } from './webhook-event.ts';

// What the webhook keeps in the job's Progress (the runner stores it in the ledger):
//   piece.published: { webhookId, webhookTimestamp } before the first send, then
//                    { webhookDeliveredAt } after a 2xx (the brief's flat keys);
//   piece.updated:   { webhookUpdate: PendingEvent }, the latest update event;
//   piece.withdrawn: { webhookWithdrawal: PendingEvent }, the latest withdrawal.
// An event is identified by its fingerprint (type, data, and for a withdrawal when it
// happened): a retry of the same event finds its id and resends with it; a different event
// gets a new id. Event timestamps are saved too, so a retry's body is byte-for-byte the same.
interface PendingEvent {
  fingerprint: string;
  webhookId: string;
  timestamp: string;
  deliveredAt?: string;
}
const EVENT_KEY = { 'piece.updated': 'webhookUpdate', 'piece.withdrawn': 'webhookWithdrawal' } as const;

export interface WebhookChannel extends Channel {
  readonly name: 'webhook';
  update(post: RemotePost, publication: Publication, progress: Progress): Promise<RemotePost>;
  /**
   * Sends piece.withdrawn after an unpublish or delete. `withdrawnAt` (ISO time of that
   * unpublish or delete) tells two withdrawals of the same piece apart; pass the same value on
   * every retry of one withdrawal so it keeps its webhook-id.
   */
  withdraw(publication: Publication, progress: Progress, withdrawnAt: string): Promise<RemotePost>;
}

/** webhook-id in the convention's style (`msg_…`), unique per event. */
export const newWebhookId = () => `msg_${randomBytes(18).toString('base64url')}`;

function isPendingEvent(value: unknown): value is PendingEvent {
  const v = value as PendingEvent | undefined;
  return typeof v?.fingerprint === 'string' && typeof v.webhookId === 'string' && typeof v.timestamp === 'string';
}

async function sendKeyedEvent(
  config: WebhookConfig,
  deps: WebhookDeps,
  type: 'piece.updated' | 'piece.withdrawn',
  publication: Publication,
  progress: Progress,
  occurredAt?: string,
): Promise<RemotePost> {
  const now = deps.now ?? Date.now;
  const key = EVENT_KEY[type];
  const data = eventData(publication);
  const fingerprint = eventFingerprint(type, data, occurredAt);
  const saved = progress.saved[key];
  let pending: PendingEvent;
  if (isPendingEvent(saved) && saved.fingerprint === fingerprint) {
    pending = saved;
  } else {
    pending = { fingerprint, webhookId: (deps.newId ?? newWebhookId)(), timestamp: occurredAt ?? new Date(now()).toISOString() };
    await progress.save({ [key]: pending });
  }
  await deliverWebhook(config, pending.webhookId, { type, timestamp: pending.timestamp, data }, deps);
  await progress.save({ [key]: { ...pending, deliveredAt: new Date(now()).toISOString() } });
  return { remoteId: pending.webhookId, remoteUrl: publication.url };
}

/** Sends piece.withdrawn; the same as channel.withdraw, for a runner holding only the env. */
export function sendWebhookWithdrawn(
  config: WebhookConfig,
  publication: Publication,
  progress: Progress,
  withdrawnAt: string,
  deps: WebhookDeps = {},
): Promise<RemotePost> {
  return sendKeyedEvent(config, deps, 'piece.withdrawn', publication, progress, withdrawnAt);
}

/**
 * The signed webhook (Standard Webhooks) for other consumers such as the provincial portal,
 * or undefined when CROSSPOST_WEBHOOK_URL and CROSSPOST_WEBHOOK_SECRET are both unset.
 */
export function createWebhookChannel(env: Record<string, string | undefined>, deps: WebhookDeps = {}): WebhookChannel | undefined {
  const config = loadWebhookConfig(env);
  if (!config) return undefined;
  const now = deps.now ?? Date.now;
  return {
    name: 'webhook',

    async create(publication, progress) {
      let webhookId = typeof progress.saved.webhookId === 'string' ? progress.saved.webhookId : undefined;
      let timestamp = typeof progress.saved.webhookTimestamp === 'string' ? progress.saved.webhookTimestamp : undefined;
      if (!webhookId || !timestamp) {
        webhookId = (deps.newId ?? newWebhookId)();
        timestamp = new Date(now()).toISOString();
        // Saved before the first send: every retry, even after a crash, carries this id.
        await progress.save({ webhookId, webhookTimestamp: timestamp });
      }
      const event = { type: 'piece.published' as WebhookEventType, timestamp, data: eventData(publication) };
      await deliverWebhook(config, webhookId, event, deps);
      await progress.save({ webhookDeliveredAt: new Date(now()).toISOString() });
      return { remoteId: webhookId, remoteUrl: publication.url };
    },

    update(_post, publication, progress) {
      return sendKeyedEvent(config, deps, 'piece.updated', publication, progress);
    },

    withdraw(publication, progress, withdrawnAt) {
      return sendWebhookWithdrawn(config, publication, progress, withdrawnAt, deps);
    },

    // A webhook cannot be looked up: the receiver keeps no list we may read. Two things make
    // that safe. A 2xx we recorded (webhookDeliveredAt) proves delivery, so that is "found".
    // Anything else (no answer, a 5xx, a crash before the record) is "absent": sending again
    // reuses the saved webhook-id, and a Standard Webhooks receiver dedupes on it, so an event
    // that did arrive is not delivered twice. There is no case where "unknown" is needed.
    async find(publication, progress): Promise<Lookup> {
      const { webhookId, webhookDeliveredAt } = progress.saved;
      if (typeof webhookId === 'string' && typeof webhookDeliveredAt === 'string') {
        return { found: { remoteId: webhookId, remoteUrl: publication.url } };
      }
      return { absent: true };
    },
  };
}
