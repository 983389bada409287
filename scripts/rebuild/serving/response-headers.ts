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

/** Headers as writeHead takes them ready-made, [name, value, name, value, …]: set up once, sent many times. */
// Mutable only because writeHead is typed so: a block is shared by many responses, never changed.
export type HeaderBlock = string[];

export function headerBlock(headers: Record<string, string>): HeaderBlock {
  return Object.entries(headers).flat();
}

export interface FileHeaderFacts {
  contentType: string;
  /** For a 200; a 404 page is always revalidated. */
  cacheControl: string;
  lastModified: Date;
  etag: string;
  csp: string | null;
  /** Text, which may be sent compressed: caches must keep one copy per Accept-Encoding. */
  text: boolean;
  encoding: string | null;
}

/** The headers of a file's response, without Content-Length (and Content-Range), in the order they have always gone out. */
export function fileHeaders(base: Record<string, string>, file: FileHeaderFacts, status: 200 | 404): Record<string, string> {
  const headers: Record<string, string> = {
    ...base,
    'Content-Type': file.contentType,
    'Cache-Control': status === 200 ? file.cacheControl : REVALIDATE,
    'Last-Modified': file.lastModified.toUTCString(),
    ETag: file.etag,
  };
  if (file.csp) headers['Content-Security-Policy'] = file.csp;
  if (file.text) headers.Vary = 'Accept-Encoding';
  if (file.encoding) headers['Content-Encoding'] = file.encoding;
  if (status === 200) headers['Accept-Ranges'] = 'bytes';
  return headers;
}
