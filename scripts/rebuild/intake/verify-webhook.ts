import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * True when the Authorization header is `Bearer <secret>`. Strapi signs nothing, so this
 * header (configured on the webhook row) is the only proof a request comes from our CMS.
 * Digests are compared in constant time so the secret's length and prefix do not leak.
 */
export function hasBearerSecret(authorization: string | undefined, secret: string): boolean {
  if (!authorization) return false;
  const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  if (!match) return false;
  return timingSafeEqual(digest(match[1]), digest(secret));
}
