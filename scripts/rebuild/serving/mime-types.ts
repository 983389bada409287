import { basename, extname } from 'node:path';

// The file kinds an Astro + pagefind build writes. A lookup table is all a static site needs.
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
};

export function contentTypeOf(path: string): string {
  const name = basename(path);
  // Feeds: the type feed readers and browsers expect (RSS has no registered type, this is the common one).
  if (name === 'rss.xml') return 'application/rss+xml; charset=utf-8';
  return TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

export function isText(contentType: string): boolean {
  return /^(text\/|application\/(json|xml|rss\+xml|manifest\+json|xslt\+xml)|image\/svg\+xml)/.test(contentType);
}
