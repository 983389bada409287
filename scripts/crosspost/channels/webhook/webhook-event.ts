import { createHash } from 'node:crypto';
import type { Publication } from '../channel.ts';

export type WebhookEventType = 'piece.published' | 'piece.updated' | 'piece.withdrawn';

/** What a consumer receives. `timestamp` is when the event happened, not when it was sent. */
export interface WebhookEvent {
  type: WebhookEventType;
  timestamp: string;
  data: {
    documentId: string;
    kind: string;
    url: string;
    title: string;
    summary: string;
    publishedAt: string;
    imageUrl?: string;
  };
}

export function eventData(publication: Publication): WebhookEvent['data'] {
  const { documentId, kind, url, title, summary, publishedAt, imageUrl } = publication;
  return { documentId, kind, url, title, summary, publishedAt, ...(imageUrl ? { imageUrl } : {}) };
}

/** A digest naming one event's content: a retry of the same event has the same one. */
export function eventFingerprint(type: WebhookEventType, data: WebhookEvent['data'], occurredAt = ''): string {
  return createHash('sha256').update(JSON.stringify([type, data, occurredAt])).digest('base64url');
}
