import { timingSafeEqual } from 'node:crypto';
import { webhookSignature } from './sign-webhook.ts';
import { WebhookVerificationError } from './webhook-verification-error.ts';

/** Receivers refuse messages whose timestamp is further than this from their clock (replay). */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export type WebhookRequestHeaders = Headers | Record<string, string | string[] | undefined>;

function header(headers: WebhookRequestHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  // node:http lower-cases incoming names; plain objects written by hand may not.
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Verifies a Standard Webhooks request: `secret` is the shared `whsec_…`, `body` the raw bytes
 * as received (parse JSON only after this returns), `now` the receiver's clock. Throws a
 * WebhookVerificationError saying what failed, never echoing the secret; returns the id (to
 * dedupe on) and timestamp. `webhook-signature` may hold several space-separated `v1,<sig>`
 * entries while the secret rotates: one match is enough. Signatures are compared in constant
 * time so a forger learns nothing from how long a refusal takes.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: WebhookRequestHeaders,
  body: string | Uint8Array,
  now: Date | number = Date.now(),
): { id: string; timestamp: number } {
  const id = header(headers, 'webhook-id');
  const timestampText = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestampText || !signatures) {
    throw new WebhookVerificationError('Missing webhook-id, webhook-timestamp or webhook-signature header');
  }
  if (!/^\d+$/.test(timestampText)) throw new WebhookVerificationError(`Invalid webhook-timestamp "${timestampText}": expected whole seconds`);
  const timestamp = Number(timestampText);
  const nowSeconds = Math.floor((typeof now === 'number' ? now : now.getTime()) / 1000);
  if (Math.abs(nowSeconds - timestamp) > WEBHOOK_TOLERANCE_SECONDS) {
    throw new WebhookVerificationError(`webhook-timestamp ${timestamp} is more than ${WEBHOOK_TOLERANCE_SECONDS} s from now (${nowSeconds})`);
  }
  const expected = Buffer.from(webhookSignature(secret, id, timestamp, body), 'base64');
  for (const entry of signatures.split(' ')) {
    const [version, signature] = entry.split(',', 2);
    if (version !== 'v1' || !signature) continue;
    const given = Buffer.from(signature, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { id, timestamp };
  }
  throw new WebhookVerificationError(`No valid v1 signature for webhook ${id}`);
}
