import { z } from 'zod';

// A Standard Webhooks secret is `whsec_` followed by the base64 of the signing key; the key is
// those decoded bytes, not the string. 24 bytes is the convention's minimum (192 bits).
// https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
const PREFIX = 'whsec_';
const MIN_KEY_BYTES = 24;

export const webhookSecretSchema = z
  .string()
  .refine((value) => value.startsWith(PREFIX), { message: 'must start with "whsec_"' })
  .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value.slice(PREFIX.length)), { message: 'must be "whsec_" followed by base64' })
  .refine((value) => Buffer.from(value.slice(PREFIX.length), 'base64').length >= MIN_KEY_BYTES, {
    message: `must encode at least ${MIN_KEY_BYTES} bytes of key`,
  });

/** The HMAC key inside a `whsec_…` secret. The caller validated the secret's shape. */
export function webhookSigningKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}
