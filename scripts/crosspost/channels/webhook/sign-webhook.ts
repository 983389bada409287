import { createHmac } from 'node:crypto';
import { webhookSigningKey } from './webhook-secret.ts';

/** The signed content of the Standard Webhooks convention: `id.timestamp.body`, raw bytes. */
export function signedContent(id: string, timestampSeconds: number, body: string | Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${id}.${timestampSeconds}.`), Buffer.from(body)]);
}

/** The base64 HMAC-SHA256 of one message, without the `v1,` prefix. */
export function webhookSignature(secret: string, id: string, timestampSeconds: number, body: string | Uint8Array): string {
  return createHmac('sha256', webhookSigningKey(secret)).update(signedContent(id, timestampSeconds, body)).digest('base64');
}

/** The three headers a webhook request carries. */
export function webhookHeaders(secret: string, id: string, timestampSeconds: number, body: string): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': `v1,${webhookSignature(secret, id, timestampSeconds, body)}`,
  };
}
