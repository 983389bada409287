import { createHmac, timingSafeEqual } from 'node:crypto';

// Issue 10's draft preview: a short-lived link signed with PREVIEW_SECRET, which the CMS hands
// out from the edit page and both the portal server and the CMS check. The signature binds the
// kind, the document and the expiry, so a link opens one draft only, and only until it expires.

export const PREVIEW_PATH = '/xem-truoc';

/** Seconds a preview link stays valid (PREVIEW_TTL_SECONDS; 15 minutes by default). */
export const previewTtlSeconds = (env: Record<string, string | undefined> = process.env): number => {
  const value = Number(env.PREVIEW_TTL_SECONDS);
  return Number.isInteger(value) && value > 0 ? value : 15 * 60;
};

export function previewSignature(secret: string, kind: string, documentId: string, expires: number): string {
  return createHmac('sha256', secret).update(`${kind}\n${documentId}\n${expires}`).digest('base64url');
}

/** The path and query of a preview link (the origin is the portal's). */
export function previewPath(secret: string, kind: string, documentId: string, expires: number): string {
  return `${PREVIEW_PATH}/${kind}/${documentId}/?exp=${expires}&sig=${previewSignature(secret, kind, documentId, expires)}`;
}

export type PreviewCheck = { ok: true } | { ok: false; reason: 'malformed' | 'expired' | 'forged' };

/** Whether `sig` signs this kind, document and expiry, and the expiry lies ahead of `now` (ms). */
export function checkPreviewSignature(secret: string, kind: string, documentId: string, exp: unknown, sig: unknown, now = Date.now()): PreviewCheck {
  if (typeof exp !== 'string' || !/^\d{1,12}$/.test(exp) || typeof sig !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(previewSignature(secret, kind, documentId, Number(exp)));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  if (Number(exp) * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true };
}
