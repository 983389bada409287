import { basename } from 'node:path';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

// Pagefind names its index chunks by content hash; its loader and entry file are not hashed.
const HASHED_PAGEFIND = /\.(pf_fragment|pf_index|pf_meta|pf_filter)$/;
// site/scripts/copy-cms-uploads.mjs names the uploads it copies <name>.<16 hex digits>.<ext>.
const HASHED_UPLOAD = /\.[0-9a-f]{16}(\.[^./]+)?$/;

/** Hashed assets never change under their name; everything else is revalidated with its ETag. */
export function cacheControlFor(urlPath: string): string {
  if (urlPath.startsWith('/_astro/')) return IMMUTABLE;
  if (urlPath.startsWith('/pagefind/') && HASHED_PAGEFIND.test(basename(urlPath))) return IMMUTABLE;
  if (urlPath.startsWith('/uploads/') && HASHED_UPLOAD.test(basename(urlPath))) return IMMUTABLE;
  return REVALIDATE;
}

/**
 * The page policy: only our own scripts (plus the page's own inline scripts by hash) and
 * pagefind's WebAssembly, which needs 'wasm-unsafe-eval'
 * (https://pagefind.app/docs/hosting/#content-security-policy). Astro renders scoped styles
 * and style attributes inline, hence 'unsafe-inline' for styles only.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${scriptHashes.length ? ` ${scriptHashes.join(' ')}` : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    ...(options.https ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  };
}
